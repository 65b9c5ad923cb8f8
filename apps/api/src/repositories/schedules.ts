/**
 * Reads and writes of the KPI email schedules, their alerts and the delivery outbox
 * (sql/migrations/0006_schedules.sql). Every instant comes from the caller's clock, never the
 * database's now(): the scheduler is tested with a fake clock, and two instances must agree.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Tables } from '../db/schema.ts';

type Db = Kysely<Tables>;

/** An instant as ISO 8601 in UTC with milliseconds: the same text from PGlite and pg. */
const iso = (column: RawBuilder<unknown>): RawBuilder<string> =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface ScheduleInput {
  name: string;
  cron: string;
  recipients: string[];
  kpiIds: string[];
  attachXlsx: boolean;
  enabled: boolean;
  createdBy?: string | undefined;
}

export interface ScheduleRow extends ScheduleInput {
  id: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  plannedThrough: string;
}

const SCHEDULE = sql`
  s.schedule_id AS id, s.name, s.cron, s.recipients, s.kpi_ids AS "kpiIds", s.attach_xlsx AS "attachXlsx", s.enabled,
  s.created_by AS "createdBy", ${iso(sql`s.created_at`)} AS "createdAt", ${iso(sql`s.updated_at`)} AS "updatedAt",
  ${iso(sql`s.planned_through`)} AS "plannedThrough"`;

export async function insertSchedule(db: Db, input: ScheduleInput, now: Date): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO mail.schedule (name, cron, recipients, kpi_ids, attach_xlsx, enabled, created_by, created_at, updated_at, planned_through)
    VALUES (${input.name}, ${input.cron}, ${input.recipients}::text[], ${input.kpiIds}::text[], ${input.attachXlsx}, ${input.enabled},
            ${input.createdBy ?? 'ukendt'}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
    RETURNING schedule_id AS id`.execute(db);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('INSERT … RETURNING gave no schedule id');
  return id;
}

/**
 * Saves an edit. A new cron expression, or switching the schedule on, plans from now: slots that
 * fell before the edit are not "missed" and are never sent.
 */
export async function updateSchedule(db: Db, id: number, input: ScheduleInput, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await sql`
    UPDATE mail.schedule SET
      name = ${input.name}, recipients = ${input.recipients}::text[], kpi_ids = ${input.kpiIds}::text[],
      attach_xlsx = ${input.attachXlsx}, updated_at = ${at}::timestamptz,
      planned_through = CASE WHEN cron <> ${input.cron} OR (NOT enabled AND ${input.enabled})
                             THEN greatest(planned_through, ${at}::timestamptz) ELSE planned_through END,
      cron = ${input.cron}, enabled = ${input.enabled}
    WHERE schedule_id = ${id} AND deleted_at IS NULL`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** Deleted schedules stay in the table (soft delete): their delivery log keeps its names. */
export async function deleteSchedule(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await sql`
    UPDATE mail.schedule SET deleted_at = ${now.toISOString()}::timestamptz, enabled = false
    WHERE schedule_id = ${id} AND deleted_at IS NULL`.execute(db);
  if (Number(result.numAffectedRows ?? 0) === 0) return false;
  // Nothing more goes out for it: waiting emails are skipped, with the reason in the log.
  await sql`
    UPDATE mail.delivery SET state = 'skipped', note = 'Udsendelsen blev slettet, før mailen blev sendt', lease_owner = NULL, lease_until = NULL
    WHERE schedule_id = ${id} AND state = 'pending'`.execute(db);
  return true;
}

export async function listSchedules(db: Db): Promise<ScheduleRow[]> {
  const { rows } = await sql<ScheduleRow>`
    SELECT ${SCHEDULE} FROM mail.schedule s WHERE s.deleted_at IS NULL ORDER BY s.name, s.schedule_id`.execute(db);
  return rows;
}

export async function findSchedule(db: Db, id: number): Promise<ScheduleRow | undefined> {
  const { rows } = await sql<ScheduleRow>`
    SELECT ${SCHEDULE} FROM mail.schedule s WHERE s.schedule_id = ${id} AND s.deleted_at IS NULL`.execute(db);
  return rows[0];
}

/**
 * The enabled schedules, each locked for planning inside the caller's transaction: a second
 * instance planning at the same moment waits and then sees the new planned_through.
 */
export async function lockSchedulesForPlanning(trx: Db, id: number): Promise<ScheduleRow | undefined> {
  const { rows } = await sql<ScheduleRow>`
    SELECT ${SCHEDULE} FROM mail.schedule s
    WHERE s.schedule_id = ${id} AND s.enabled AND s.deleted_at IS NULL FOR UPDATE`.execute(trx);
  return rows[0];
}

export async function listEnabledScheduleIds(db: Db): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT schedule_id AS id FROM mail.schedule WHERE enabled AND deleted_at IS NULL ORDER BY schedule_id`.execute(db);
  return rows.map((row) => row.id);
}

export async function setPlannedThrough(trx: Db, id: number, at: Date): Promise<void> {
  await sql`
    UPDATE mail.schedule SET planned_through = greatest(planned_through, ${at.toISOString()}::timestamptz)
    WHERE schedule_id = ${id}`.execute(trx);
}

// ---------------------------------------------------------------------------------------------
// The outbox

export type DeliveryKind = 'scheduled' | 'test' | 'alert';
export type DeliveryState = 'pending' | 'sent' | 'failed' | 'skipped';

export interface DeliveryRow {
  id: number;
  scheduleId: number;
  scheduleName: string;
  kind: DeliveryKind;
  slotAt: string;
  slotKey: string;
  late: boolean;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  subject: string | null;
  recipients: string[];
  messageId: string | null;
  note: string | null;
  alertId: number | null;
  snapshotId: number | null;
}

export interface NewDelivery {
  scheduleId: number;
  kind: DeliveryKind;
  slotAt: Date;
  slotKey: string;
  late: boolean;
  state: 'pending' | 'skipped';
  recipients: string[];
  note?: string | null;
  alertId?: number | null;
  snapshotId?: number | null;
}

const DELIVERY = sql`
  d.delivery_id AS id, d.schedule_id AS "scheduleId", s.name AS "scheduleName", d.kind, ${iso(sql`d.slot_at`)} AS "slotAt",
  d.slot_key AS "slotKey", d.late, d.state, d.attempts,
  CASE WHEN d.state = 'pending' THEN ${iso(sql`d.next_attempt_at`)} END AS "nextAttemptAt",
  d.last_error AS "lastError", ${iso(sql`d.sent_at`)} AS "sentAt", d.subject, d.recipients, d.message_id AS "messageId",
  d.note, d.alert_id AS "alertId", d.snapshot_id AS "snapshotId"`;

/**
 * Claims a slot: the row is inserted once, whoever tries, thanks to UNIQUE (schedule, kind, slot).
 * Returns the new row's id, or null when the slot was already claimed.
 */
export async function claimDelivery(db: Db, delivery: NewDelivery, now: Date): Promise<number | null> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO mail.delivery (schedule_id, kind, slot_at, slot_key, late, state, next_attempt_at, recipients, note, alert_id, snapshot_id, created_at)
    VALUES (${delivery.scheduleId}, ${delivery.kind}, ${delivery.slotAt.toISOString()}::timestamptz, ${delivery.slotKey}, ${delivery.late},
            ${delivery.state}, ${now.toISOString()}::timestamptz, ${delivery.recipients}::text[], ${delivery.note ?? null},
            ${delivery.alertId ?? null}, ${delivery.snapshotId ?? null}, ${now.toISOString()}::timestamptz)
    ON CONFLICT (schedule_id, kind, slot_key) DO NOTHING
    RETURNING delivery_id AS id`.execute(db);
  return rows[0]?.id ?? null;
}

/**
 * Takes the next due email for this instance: pending, due, and not leased by a live instance
 * (a lease that has run out belongs to an instance that died between claim and send). SKIP LOCKED
 * lets several instances take different rows at once. `onlyId` takes one given row (send a test now).
 */
export async function leaseDueDelivery(db: Db, owner: string, now: Date, leaseMs: number, onlyId?: number): Promise<DeliveryRow | undefined> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const { rows } = await sql<{ id: number }>`
    UPDATE mail.delivery SET lease_owner = ${owner}, lease_until = ${until}::timestamptz, attempts = attempts + 1
    WHERE delivery_id = (
      SELECT delivery_id FROM mail.delivery
      WHERE state = 'pending' AND next_attempt_at <= ${at}::timestamptz
        AND (lease_until IS NULL OR lease_until <= ${at}::timestamptz)
        AND (${onlyId ?? null}::int IS NULL OR delivery_id = ${onlyId ?? null}::int)
      ORDER BY next_attempt_at, delivery_id
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING delivery_id AS id`.execute(db);
  const id = rows[0]?.id;
  return id === undefined ? undefined : findDelivery(db, id);
}

export async function findDelivery(db: Db, id: number): Promise<DeliveryRow | undefined> {
  const { rows } = await sql<DeliveryRow>`
    SELECT ${DELIVERY} FROM mail.delivery d JOIN mail.schedule s USING (schedule_id) WHERE d.delivery_id = ${id}`.execute(db);
  return rows[0];
}

/** Marks a leased email sent; false when the lease was lost (another instance took over). */
export async function markDeliverySent(
  db: Db,
  id: number,
  owner: string,
  sent: { at: Date; subject: string; messageId: string; kpiValues: unknown },
): Promise<boolean> {
  const result = await sql`
    UPDATE mail.delivery SET state = 'sent', sent_at = ${sent.at.toISOString()}::timestamptz, subject = ${sent.subject},
      message_id = ${sent.messageId}, kpi_values = ${JSON.stringify(sent.kpiValues)}::jsonb, last_error = NULL,
      lease_owner = NULL, lease_until = NULL
    WHERE delivery_id = ${id} AND lease_owner = ${owner} AND state = 'pending'`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** A failed attempt: tried again at `retryAt`, or given up (state failed) when `retryAt` is null. */
export async function markDeliveryAttemptFailed(db: Db, id: number, owner: string, error: string, retryAt: Date | null, subject: string | null): Promise<void> {
  await sql`
    UPDATE mail.delivery SET
      state = CASE WHEN ${retryAt === null} THEN 'failed' ELSE 'pending' END,
      next_attempt_at = coalesce(${retryAt?.toISOString() ?? null}::timestamptz, next_attempt_at),
      last_error = ${error}, subject = coalesce(${subject}, subject), lease_owner = NULL, lease_until = NULL
    WHERE delivery_id = ${id} AND lease_owner = ${owner} AND state = 'pending'`.execute(db);
}

/** What this schedule's last sent regular email showed, for "change since the previous email". */
export async function findPreviousSentValues(db: Db, scheduleId: number, beforeSlot: string): Promise<unknown> {
  const { rows } = await sql<{ values: unknown }>`
    SELECT kpi_values AS values FROM mail.delivery
    WHERE schedule_id = ${scheduleId} AND kind = 'scheduled' AND state = 'sent' AND slot_at < ${beforeSlot}::timestamptz
    ORDER BY slot_at DESC LIMIT 1`.execute(db);
  return rows[0]?.values ?? null;
}

export async function listDeliveries(db: Db, filter: { scheduleId?: number | undefined; limit: number }): Promise<DeliveryRow[]> {
  const { rows } = await sql<DeliveryRow>`
    SELECT ${DELIVERY} FROM mail.delivery d JOIN mail.schedule s USING (schedule_id)
    WHERE (${filter.scheduleId ?? null}::int IS NULL OR d.schedule_id = ${filter.scheduleId ?? null}::int)
    ORDER BY d.created_at DESC, d.delivery_id DESC
    LIMIT ${filter.limit}`.execute(db);
  return rows;
}

/** The newest delivery of each given schedule (the list's "last delivery"). */
export async function listLastDeliveries(db: Db, scheduleIds: number[]): Promise<DeliveryRow[]> {
  const { rows } = await sql<DeliveryRow>`
    SELECT DISTINCT ON (d.schedule_id) ${DELIVERY} FROM mail.delivery d JOIN mail.schedule s USING (schedule_id)
    WHERE d.schedule_id = ANY(${scheduleIds}::int[])
    ORDER BY d.schedule_id, d.created_at DESC, d.delivery_id DESC`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Threshold alerts

export interface AlertRow {
  id: number;
  scheduleId: number;
  kpiId: string;
  measureId: string;
  direction: 'below' | 'above';
  threshold: number;
  state: 'unknown' | 'ok' | 'crossed';
  crossings: number;
  lastValue: number | null;
  checkedDataVersion: number | null;
  lastCheckedAt: string | null;
}

const ALERT = sql`
  a.alert_id AS id, a.schedule_id AS "scheduleId", a.kpi_id AS "kpiId", a.measure_id AS "measureId", a.direction,
  a.threshold, a.state, a.crossings, a.last_value AS "lastValue", a.checked_data_version AS "checkedDataVersion",
  ${iso(sql`a.last_checked_at`)} AS "lastCheckedAt"`;

export async function insertAlert(
  db: Db,
  alert: { scheduleId: number; kpiId: string; measureId: string; direction: 'below' | 'above'; threshold: number },
  now: Date,
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO mail.alert (schedule_id, kpi_id, measure_id, direction, threshold, created_at)
    VALUES (${alert.scheduleId}, ${alert.kpiId}, ${alert.measureId}, ${alert.direction}, ${alert.threshold}, ${now.toISOString()}::timestamptz)
    RETURNING alert_id AS id`.execute(db);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('INSERT … RETURNING gave no alert id');
  return id;
}

export async function deleteAlert(db: Db, scheduleId: number, alertId: number, now: Date): Promise<boolean> {
  const result = await sql`
    UPDATE mail.alert SET deleted_at = ${now.toISOString()}::timestamptz
    WHERE alert_id = ${alertId} AND schedule_id = ${scheduleId} AND deleted_at IS NULL`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function listAlerts(db: Db, scheduleIds: number[]): Promise<AlertRow[]> {
  const { rows } = await sql<AlertRow>`
    SELECT ${ALERT} FROM mail.alert a
    WHERE a.schedule_id = ANY(${scheduleIds}::int[]) AND a.deleted_at IS NULL ORDER BY a.alert_id`.execute(db);
  return rows;
}

/** Alerts of enabled schedules not yet checked against this data version. */
export async function listAlertsToCheck(db: Db, dataVersion: number): Promise<AlertRow[]> {
  const { rows } = await sql<AlertRow>`
    SELECT ${ALERT} FROM mail.alert a JOIN mail.schedule s USING (schedule_id)
    WHERE a.deleted_at IS NULL AND s.enabled AND s.deleted_at IS NULL
      AND (a.checked_data_version IS NULL OR a.checked_data_version <> ${dataVersion})
    ORDER BY a.alert_id`.execute(db);
  return rows;
}

/** Locks one alert inside the caller's transaction, so one instance at a time moves its state. */
export async function lockAlert(trx: Db, alertId: number): Promise<AlertRow | undefined> {
  const { rows } = await sql<AlertRow>`SELECT ${ALERT} FROM mail.alert a WHERE a.alert_id = ${alertId} AND a.deleted_at IS NULL FOR UPDATE`.execute(trx);
  return rows[0];
}

export async function saveAlertCheck(
  trx: Db,
  alertId: number,
  check: { state: AlertRow['state']; crossings: number; value: number | null; dataVersion: number; at: Date },
): Promise<void> {
  await sql`
    UPDATE mail.alert SET state = ${check.state}, crossings = ${check.crossings}, last_value = ${check.value},
      checked_data_version = ${check.dataVersion}, last_checked_at = ${check.at.toISOString()}::timestamptz
    WHERE alert_id = ${alertId}`.execute(trx);
}
