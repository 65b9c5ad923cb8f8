/**
 * Freezing the budget follow-ups on a schedule (DESIGN §7): when switched on, each follow-up date
 * (31 March and 31 August unless edited) from the day it was switched on is frozen once, as soon
 * as the data reaches that date — the numbers for 31 August usually arrive in September, and a
 * snapshot "pr. 31.08" must not be taken before they do. One instance claims each date.
 */
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { insertAuditEvent } from '../repositories/audit-log.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import { claimScheduledFreeze, finishScheduledFreeze, listFollowUpDates, readAutoFreeze, type FollowUpDate } from '../repositories/snapshots.ts';
import { defaultSnapshotName, followUpDateIn, freezeSnapshot, planSnapshot } from './snapshots.ts';

export const AUTO_FREEZE_CREATOR = 'Automatisk (budgetopfølgning)';
/** A freeze takes seconds to a minute; a claim older than this belongs to an instance that died. */
const STALE_CLAIM_MS = 30 * 60 * 1000;

export interface FollowUpFreeze {
  followUp: number;
  asOf: string;
  name: string;
}

/** The follow-up dates from `since` to `until` (inclusive), oldest first. */
export function followUpDatesBetween(followUps: readonly FollowUpDate[], since: string, until: string): FollowUpFreeze[] {
  const dates: FollowUpFreeze[] = [];
  for (let year = Number(since.slice(0, 4)); year <= Number(until.slice(0, 4)); year += 1) {
    for (const followUp of followUps) {
      const asOf = followUpDateIn(year, followUp);
      if (asOf && asOf >= since && asOf <= until) dates.push({ followUp: followUp.followUp, asOf, name: defaultSnapshotName(asOf, followUps) });
    }
  }
  return dates.sort((a, b) => a.asOf.localeCompare(b.asOf));
}

/** The next follow-up date on or after `from` that an automatic freeze will take. */
export function nextFollowUpFreeze(followUps: readonly FollowUpDate[], from: string): FollowUpFreeze | null {
  const until = `${Number(from.slice(0, 4)) + 1}-12-31`;
  return followUpDatesBetween(followUps, from, until)[0] ?? null;
}

/** Freezes every follow-up date that is due, has data and is not frozen yet; returns the frozen. */
export async function freezeDueFollowUps(
  db: Kysely<Tables>,
  context: KpiContext,
  claim: { owner: string; now: Date; today: string },
  log: { error: (error: unknown, message: string) => void },
): Promise<FollowUpFreeze[]> {
  const setting = await readAutoFreeze(db);
  const dataAsOf = context.defaultAsOf;
  if (!setting.enabled || !setting.since || !dataAsOf) return [];
  const followUps = await listFollowUpDates(db);
  const until = claim.today < dataAsOf ? claim.today : dataAsOf;
  const frozen: FollowUpFreeze[] = [];
  for (const due of followUpDatesBetween(followUps, setting.since, until)) {
    if (!(await claimScheduledFreeze(db, { asOf: due.asOf, followUp: due.followUp, owner: claim.owner, now: claim.now, staleAfterMs: STALE_CLAIM_MS }))) continue;
    try {
      const plan = planSnapshot(context, { asOf: due.asOf, name: due.name, createdBy: AUTO_FREEZE_CREATOR }, followUps);
      const snapshot = await freezeSnapshot(db, context, plan);
      await finishScheduledFreeze(db, due.asOf, { snapshotId: snapshot.id });
      // Snapshot creation is audited (DESIGN §9), also when the system does it.
      await insertAuditEvent(
        db,
        { userId: null, userEmail: AUTO_FREEZE_CREATOR, action: 'snapshot', target: `${due.name} (øjebliksbillede ${snapshot.id})`, outcome: 'ok', ip: null },
        claim.now,
      );
      frozen.push(due);
    } catch (error) {
      log.error(error, `Automatisk frysning af ${due.name} fejlede`);
      await finishScheduledFreeze(db, due.asOf, { error: error instanceof Error ? error.message : String(error) });
    }
  }
  return frozen;
}
