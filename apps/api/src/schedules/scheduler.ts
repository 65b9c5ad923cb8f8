/**
 * The loop behind scheduled KPI email. Each tick, on every instance:
 * 1. plan: for each enabled schedule (row-locked, so instances take turns) claim the slots that
 *    have come since it was last planned — one outbox row per slot, unique in the database;
 * 2. check threshold alerts against new data: one alert email per crossing;
 * 3. freeze due budget follow-ups (when switched on);
 * 4. send: lease due outbox rows one at a time (SKIP LOCKED), compose, send, mark sent; a failed
 *    attempt is retried with back-off; a lease that runs out (the instance died between claim and
 *    send) lets another instance, or the restarted one, send it.
 *
 * Missed slots (the app was not running): the newest missed slot of a schedule is sent once, late,
 * and marked "sendt for sent"; older missed slots are logged as skipped, since they would repeat
 * the same current numbers. A slot planned more than LATE_AFTER_MS after its time is missed. If a
 * slot on time comes in the same tick, the missed ones are all skipped.
 *
 * Exactly once: a slot's row is inserted once (UNIQUE), and only the lease holder marks it sent.
 * The one window left is a crash after the SMTP server accepted the message and before the row
 * was marked sent; the message then goes again with the same Message-ID, which mail systems use
 * to recognise a repeat.
 */
import { randomUUID } from 'node:crypto';
import { findKpi, findMeasure } from '@sol/domain/kpi-catalogue.ts';
import { formatMeasureValue } from '@sol/domain/format-danish.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { getKpiContext, type KpiContext } from '../repositories/get-kpi-context.ts';
import {
  claimDelivery,
  findDelivery,
  findPreviousSentValues,
  findSchedule,
  leaseDueDelivery,
  listAlertsToCheck,
  listEnabledScheduleIds,
  lockAlert,
  lockSchedulesForPlanning,
  markDeliveryAttemptFailed,
  markDeliverySent,
  saveAlertCheck,
  setPlannedThrough,
  type AlertRow,
  type DeliveryRow,
} from '../repositories/schedules.ts';
import { ClientError } from '../schemas/client-error.ts';
import { freezeDueFollowUps } from '../snapshots/auto-freeze.ts';
import { answerKpiRequest } from '../snapshots/snapshots.ts';
import { composeEmail, type ChartImages, type EmailValues } from './compose-email.ts';
import { danishIsoDate, runsBetween } from './cron-schedule.ts';
import type { MailTransport } from './mail-transport.ts';

/** A slot planned later than this after its time counts as missed (sent late, marked). */
export const LATE_AFTER_MS = 10 * 60 * 1000;
/** How long an instance may work on one email before another may take it over. */
export const LEASE_MS = 5 * 60 * 1000;
/** Attempts before an email is given up as failed; the waits double from 1 minute up to 1 hour. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60 * 1000;
const LONGEST_RETRY_MS = 60 * 60 * 1000;
/** At most this many emails per tick per instance, so one tick never runs for long. */
const SENDS_PER_TICK = 20;

export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

export interface SchedulerOptions {
  db: Kysely<Tables>;
  transport: MailTransport;
  charts: ChartImages;
  /** The sender address (MAIL_FROM). */
  from: string;
  publicUrl: string;
  /** The time; tests pass a fake clock. */
  clock: () => Date;
  /** Called when a standard answer is missing from the result store. */
  onStoreMiss: (context: KpiContext) => void;
  log: { info: (message: string) => void; error: (error: unknown, message: string) => void };
  instanceId?: string;
}

export interface TickReport {
  claimed: number;
  skipped: number;
  alerts: number;
  frozen: number;
  sent: number;
  failed: number;
}

/** The crossed threshold in words: "Andel afgjort inden for fristen er 74,2 %, under 80,0 %". */
export function describeAlert(alert: Pick<AlertRow, 'kpiId' | 'measureId' | 'direction' | 'threshold'>, value: number | null): string {
  const kpi = findKpi(alert.kpiId);
  const measure = kpi ? findMeasure(kpi, alert.measureId) : undefined;
  if (!kpi || !measure) return `${alert.kpiId}/${alert.measureId}`;
  const threshold = formatMeasureValue(alert.threshold, measure.unit, measure.decimals);
  const side = alert.direction === 'below' ? 'under' : 'over';
  const now = value === null ? '' : ` er ${formatMeasureValue(value, measure.unit, measure.decimals)},`;
  return `${measure.title} (${kpi.title})${now} ${side} ${threshold}`;
}

export class Scheduler {
  readonly instanceId: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickReport> | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId = options.instanceId ?? `instans-${randomUUID().slice(0, 8)}`;
  }

  /** Ticks every `intervalMs` until stop(); a tick never overlaps the previous one. */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.running) void this.tick().catch((error: unknown) => this.options.log.error(error, 'Udsendelser: fejl i planlægningen'));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One round of planning, alerts, follow-up freezes and sending. */
  tick(): Promise<TickReport> {
    if (!this.running) {
      this.running = this.runTick().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async runTick(): Promise<TickReport> {
    const now = this.options.clock();
    const report: TickReport = { claimed: 0, skipped: 0, alerts: 0, frozen: 0, sent: 0, failed: 0 };
    const planned = await this.planSlots(now);
    report.claimed = planned.claimed;
    report.skipped = planned.skipped;
    const context = await getKpiContext(this.options.db);
    report.alerts = await this.checkAlerts(context, now);
    const frozen = await freezeDueFollowUps(this.options.db, context, { owner: this.instanceId, now, today: danishIsoDate(now) }, this.options.log);
    report.frozen = frozen.length;
    for (const freeze of frozen) this.options.log.info(`Frøs ${freeze.name} automatisk`);
    for (let index = 0; index < SENDS_PER_TICK; index += 1) {
      const delivery = await leaseDueDelivery(this.options.db, this.instanceId, this.options.clock(), LEASE_MS);
      if (!delivery) break;
      const outcome = await this.deliver(delivery);
      if (outcome.state === 'sent') report.sent += 1;
      else report.failed += 1;
    }
    return report;
  }

  /** Claims each enabled schedule's slots that have come since it was last planned. */
  async planSlots(now: Date): Promise<{ claimed: number; skipped: number }> {
    let claimed = 0;
    let skipped = 0;
    for (const scheduleId of await listEnabledScheduleIds(this.options.db)) {
      await this.options.db.transaction().execute(async (trx) => {
        const schedule = await lockSchedulesForPlanning(trx, scheduleId);
        if (!schedule) return;
        const runs = runsBetween(schedule.cron, new Date(schedule.plannedThrough), now);
        const onTime = runs.filter((run) => now.getTime() - run.getTime() <= LATE_AFTER_MS);
        const missed = runs.filter((run) => now.getTime() - run.getTime() > LATE_AFTER_MS);
        const sendLate = onTime.length === 0 ? missed.at(-1) : undefined;
        for (const run of runs) {
          const late = run === sendLate;
          const skip = !late && missed.includes(run);
          const id = await claimDelivery(
            trx,
            {
              scheduleId,
              kind: 'scheduled',
              slotAt: run,
              slotKey: run.toISOString(),
              late,
              state: skip ? 'skipped' : 'pending',
              recipients: schedule.recipients,
              note: skip ? 'Sprunget over: programmet kørte ikke på tidspunktet, og kun den seneste udeladte mail sendes (for sent)' : null,
            },
            now,
          );
          if (id !== null && skip) skipped += 1;
          else if (id !== null) claimed += 1;
        }
        await setPlannedThrough(trx, scheduleId, now);
      });
    }
    return { claimed, skipped };
  }

  /** Checks alerts not yet checked against the current data; claims one email per crossing. */
  private async checkAlerts(context: KpiContext, now: Date): Promise<number> {
    let emails = 0;
    const year = context.defaultAsOf ? Number(context.defaultAsOf.slice(0, 4)) : null;
    if (year === null) return 0;
    for (const alert of await listAlertsToCheck(this.options.db, context.dataVersion)) {
      const kpi = findKpi(alert.kpiId);
      if (!kpi) continue;
      const result = await answerKpiRequest(this.options.db, kpi, { year }, context, () => this.options.onStoreMiss(context));
      const total = result.rows.find((row) => row.group === null);
      // A withheld value says nothing about the threshold: the state stays as it was.
      const value = total?.suppressed[alert.measureId] ? null : (total?.values[alert.measureId] ?? null);
      await this.options.db.transaction().execute(async (trx) => {
        const current = await lockAlert(trx, alert.id);
        if (!current || current.checkedDataVersion === context.dataVersion) return;
        const schedule = await findSchedule(trx, current.scheduleId);
        const crossed = value !== null && (current.direction === 'below' ? value < current.threshold : value > current.threshold);
        const state = value === null ? current.state : crossed ? 'crossed' : 'ok';
        let crossings = current.crossings;
        if (state === 'crossed' && current.state !== 'crossed' && schedule) {
          crossings += 1;
          const id = await claimDelivery(
            trx,
            {
              scheduleId: current.scheduleId,
              kind: 'alert',
              slotAt: now,
              slotKey: `${current.id}-${crossings}`,
              late: false,
              state: 'pending',
              recipients: schedule.recipients,
              note: describeAlert(current, value),
              alertId: current.id,
            },
            now,
          );
          if (id !== null) emails += 1;
        }
        await saveAlertCheck(trx, current.id, { state, crossings, value, dataVersion: context.dataVersion, at: now });
      });
    }
    return emails;
  }

  /** Leases one given outbox row now and sends it (send a test now); null if it is not due or leased. */
  async sendNow(deliveryId: number): Promise<DeliveryRow | undefined> {
    const delivery = await leaseDueDelivery(this.options.db, this.instanceId, this.options.clock(), LEASE_MS, deliveryId);
    if (!delivery) return findDelivery(this.options.db, deliveryId);
    await this.deliver(delivery);
    return findDelivery(this.options.db, deliveryId);
  }

  /** Composes and sends one leased email, and records the outcome. */
  private async deliver(delivery: DeliveryRow): Promise<{ state: 'sent' | 'failed' }> {
    const { db } = this.options;
    let subject: string | null = null;
    try {
      const schedule = await findSchedule(db, delivery.scheduleId);
      if (!schedule) throw new ClientError(404, 'Udsendelsen findes ikke længere');
      const context = await getKpiContext(db);
      const previousValues = (await findPreviousSentValues(db, schedule.id, delivery.slotAt)) as EmailValues | null;
      const email = await composeEmail(
        { db, context, charts: this.options.charts, publicUrl: this.options.publicUrl, onStoreMiss: () => this.options.onStoreMiss(context) },
        {
          scheduleName: schedule.name,
          kpiIds: schedule.kpiIds,
          attachXlsx: schedule.attachXlsx,
          kind: delivery.kind,
          slotAt: new Date(delivery.slotAt),
          late: delivery.late,
          previousValues,
          snapshotId: delivery.snapshotId ?? undefined,
          alertText: delivery.kind === 'alert' ? (delivery.note ?? undefined) : undefined,
          images: 'cid',
        },
      );
      subject = email.subject;
      const host = new URL(this.options.publicUrl).hostname || 'socialomraadet';
      const messageId = `<udsendelse-${delivery.id}-${delivery.kind}-${delivery.slotKey.replace(/[^0-9A-Za-z-]/g, '')}@${host}>`;
      try {
        await this.options.transport.send({
          from: this.options.from,
          to: delivery.recipients,
          subject: email.subject,
          html: email.html,
          text: email.text,
          attachments: email.attachments,
          messageId,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Mailserveren tog ikke imod mailen: ${reason}`, { cause: error });
      }
      const marked = await markDeliverySent(db, delivery.id, this.instanceId, { at: this.options.clock(), subject: email.subject, messageId, kpiValues: email.values });
      if (!marked) this.options.log.error(null, `Mail ${delivery.id} blev sendt, men en anden instans havde overtaget den`);
      return { state: 'sent' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A test is for the person waiting on the page: one attempt, the error shown at once.
      const retry = delivery.kind !== 'test' && delivery.attempts < MAX_ATTEMPTS;
      const retryAt = retry ? new Date(this.options.clock().getTime() + retryDelayMs(delivery.attempts)) : null;
      this.options.log.error(error, `Mail ${delivery.id} (${delivery.scheduleName}) kunne ikke sendes${retry ? '; prøver igen' : ''}`);
      await markDeliveryAttemptFailed(db, delivery.id, this.instanceId, message, retryAt, subject);
      return { state: 'failed' };
    }
  }
}
