/**
 * Reads and writes of the frozen snapshots (sql/migrations/0005_snapshots.sql). Rows are only
 * ever inserted: the database refuses updates and deletes.
 */
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';

export interface SnapshotRow {
  id: number;
  name: string;
  asOf: string;
  dataVersion: number;
  baseYear: number | null;
  createdAt: string;
  createdBy: string;
  kpiAnswers: number;
  hasStrategy: boolean;
}

export interface NewSnapshot {
  name: string;
  asOf: string;
  dataVersion: number;
  baseYear: number | null;
  createdBy: string;
  strategy: unknown;
  answers: ReadonlyMap<string, unknown>;
}

const SUMMARY = sql`
  s.snapshot_id AS id, s.name, to_char(s.as_of, 'YYYY-MM-DD') AS "asOf", s.data_version AS "dataVersion",
  s.base_year AS "baseYear", to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  s.created_by AS "createdBy", s.strategy IS NOT NULL AS "hasStrategy",
  (SELECT count(*)::int FROM snapshots.kpi_answer a WHERE a.snapshot_id = s.snapshot_id) AS "kpiAnswers"`;

/** Stores a snapshot with all its answers in one transaction: it exists complete or not at all. */
export async function insertSnapshot(db: Kysely<Tables>, snapshot: NewSnapshot): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number }>`
      INSERT INTO snapshots.snapshot (name, as_of, data_version, base_year, created_by, strategy)
      VALUES (${snapshot.name}, ${snapshot.asOf}::date, ${snapshot.dataVersion}, ${snapshot.baseYear}, ${snapshot.createdBy},
              ${snapshot.strategy === null ? null : JSON.stringify(snapshot.strategy)}::jsonb)
      RETURNING snapshot_id AS id`.execute(trx);
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('INSERT … RETURNING gave no snapshot id');
    const keys = [...snapshot.answers.keys()];
    const answers = [...snapshot.answers.values()].map((answer) => JSON.stringify(answer));
    // One statement for every answer: a thousand round trips would hold the embedded database longer.
    await sql`
      INSERT INTO snapshots.kpi_answer (snapshot_id, request_key, answer)
      SELECT ${id}, a.request_key, a.answer FROM unnest(${keys}::text[], ${answers}::jsonb[]) AS a(request_key, answer)`.execute(trx);
    return id;
  });
}

export async function listSnapshots(db: Kysely<Tables>): Promise<SnapshotRow[]> {
  const { rows } = await sql<SnapshotRow>`SELECT ${SUMMARY} FROM snapshots.snapshot s ORDER BY s.snapshot_id DESC`.execute(db);
  return rows;
}

export async function findSnapshot(db: Kysely<Tables>, id: number): Promise<SnapshotRow | undefined> {
  const { rows } = await sql<SnapshotRow>`SELECT ${SUMMARY} FROM snapshots.snapshot s WHERE s.snapshot_id = ${id}`.execute(db);
  return rows[0];
}

export async function listSnapshotRequestKeys(db: Kysely<Tables>, id: number): Promise<string[]> {
  const { rows } = await sql<{ key: string }>`
    SELECT request_key AS key FROM snapshots.kpi_answer WHERE snapshot_id = ${id} ORDER BY request_key`.execute(db);
  return rows.map((row) => row.key);
}

export async function readSnapshotAnswer(db: Kysely<Tables>, id: number, requestKey: string): Promise<unknown> {
  const { rows } = await sql<{ answer: unknown }>`
    SELECT answer FROM snapshots.kpi_answer WHERE snapshot_id = ${id} AND request_key = ${requestKey}`.execute(db);
  return rows[0]?.answer;
}

export async function readSnapshotStrategy(db: Kysely<Tables>, id: number): Promise<unknown> {
  const { rows } = await sql<{ strategy: unknown }>`SELECT strategy FROM snapshots.snapshot WHERE snapshot_id = ${id}`.execute(db);
  return rows[0]?.strategy ?? null;
}

export interface FollowUpDate {
  followUp: number;
  month: number;
  day: number;
}

export async function listFollowUpDates(db: Kysely<Tables>): Promise<FollowUpDate[]> {
  const { rows } = await sql<FollowUpDate>`
    SELECT follow_up AS "followUp", month, day FROM snapshots.follow_up_date ORDER BY follow_up`.execute(db);
  return rows;
}

/** Replaces the follow-up dates; they are numbered in the order given. */
export async function replaceFollowUpDates(db: Kysely<Tables>, dates: readonly { month: number; day: number }[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM snapshots.follow_up_date`.execute(trx);
    await sql`
      INSERT INTO snapshots.follow_up_date (follow_up, month, day)
      SELECT ordinality, month, day FROM unnest(${dates.map((date) => date.month)}::smallint[], ${dates.map((date) => date.day)}::smallint[])
        WITH ORDINALITY AS d(month, day, ordinality)`.execute(trx);
  });
}

export interface AutoFreezeSetting {
  enabled: boolean;
  since: string | null;
}

export async function readAutoFreeze(db: Kysely<Tables>): Promise<AutoFreezeSetting> {
  const { rows } = await sql<AutoFreezeSetting>`
    SELECT enabled, to_char(since, 'YYYY-MM-DD') AS since FROM snapshots.auto_freeze`.execute(db);
  return rows[0] ?? { enabled: false, since: null };
}

/** Switching on sets "since" to today: follow-up dates already past are not frozen afterwards. */
export async function saveAutoFreeze(db: Kysely<Tables>, enabled: boolean, today: string): Promise<void> {
  await sql`
    UPDATE snapshots.auto_freeze SET
      since = CASE WHEN ${enabled} AND NOT enabled THEN ${today}::date ELSE since END,
      enabled = ${enabled}`.execute(db);
}

/**
 * Claims the automatic freeze of one follow-up date: true for the one instance that gets it. A
 * claim whose freeze never finished (the instance died) may be taken again after `staleAfterMs`.
 */
export async function claimScheduledFreeze(
  db: Kysely<Tables>,
  claim: { asOf: string; followUp: number; owner: string; now: Date; staleAfterMs: number },
): Promise<boolean> {
  const at = claim.now.toISOString();
  const staleBefore = new Date(claim.now.getTime() - claim.staleAfterMs).toISOString();
  const { rows } = await sql<{ asOf: string }>`
    INSERT INTO snapshots.scheduled_freeze (as_of, follow_up, claimed_at, claimed_by)
    VALUES (${claim.asOf}::date, ${claim.followUp}, ${at}::timestamptz, ${claim.owner})
    ON CONFLICT (as_of) DO UPDATE SET claimed_at = excluded.claimed_at, claimed_by = excluded.claimed_by, last_error = NULL
      WHERE snapshots.scheduled_freeze.snapshot_id IS NULL AND snapshots.scheduled_freeze.claimed_at < ${staleBefore}::timestamptz
    RETURNING to_char(as_of, 'YYYY-MM-DD') AS "asOf"`.execute(db);
  return rows.length > 0;
}

export async function finishScheduledFreeze(db: Kysely<Tables>, asOf: string, result: { snapshotId: number } | { error: string }): Promise<void> {
  await sql`
    UPDATE snapshots.scheduled_freeze SET
      snapshot_id = ${'snapshotId' in result ? result.snapshotId : null}, last_error = ${'error' in result ? result.error : null}
    WHERE as_of = ${asOf}::date`.execute(db);
}
