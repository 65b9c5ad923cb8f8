/** Processing deadlines per paragraph with the date each took effect (K1 uses the one in force). */
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';

export async function listProcessingDeadlines(db: Kysely<Tables>) {
  const rows = await db
    .selectFrom('processing_deadline as d')
    .innerJoin('paragraph as p', 'p.code', 'd.paragraph')
    .select(['d.paragraph', 'p.title', 'd.valid_from', 'd.deadline_days'])
    .orderBy('d.paragraph')
    .orderBy('d.valid_from')
    .execute();
  return rows.map((row) => ({
    paragraph: row.paragraph,
    title: row.title,
    validFrom: row.valid_from,
    deadlineDays: row.deadline_days,
  }));
}
