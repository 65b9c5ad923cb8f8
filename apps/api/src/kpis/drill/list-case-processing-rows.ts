/**
 * K1 drill: the applications behind a cell — decided in the period or open at its end — read from
 * the very CTEs the KPI aggregates (caseProcessingScope), so they are exactly the ones it counts.
 */
import { sql } from 'kysely';
import { caseProcessingScope } from '../compute/get-case-processing.ts';
import { byCodePoint, codeLabel, type ListDrillRows } from './drill-query.ts';

interface ApplicationRow {
  application_id: string;
  citizen_id: string;
  paragraph: string;
  decided_in_period: boolean;
  received: string;
  decided: string | null;
  decision: string | null;
  processing_days: number;
  deadline_days: number | null;
  within_deadline: boolean | null;
}

export const listCaseProcessingRows: ListDrillRows = async (db, query, context) => {
  const { rows } = await sql<ApplicationRow>`
    WITH ${caseProcessingScope({ periods: [query.period], by: query.by, filters: query.filters })}
    SELECT application_id, citizen_id, paragraph, decided_in_period, received,
           CASE WHEN decided_in_period THEN decided END AS decided,
           CASE WHEN decided_in_period THEN decision END AS decision,
           -- open at the period end: the days so far, the reading its past-deadline count uses
           CASE WHEN decided_in_period THEN processing_days ELSE period_to - received END AS processing_days,
           deadline_days,
           CASE WHEN decided_in_period THEN processing_days <= deadline_days
                ELSE NOT (period_to - received > deadline_days) END AS within_deadline
    FROM grouped
    WHERE ${query.by === null ? sql`true` : sql`group_key = ${query.group}`}
    ORDER BY received, ${byCodePoint(sql`application_id`)}
    LIMIT ${query.limit}`.execute(db);
  return rows.map((row) => ({
    applicationId: row.application_id,
    citizenId: row.citizen_id,
    paragraph: row.paragraph,
    status: row.decided_in_period ? 'Afgjort i perioden' : 'Åben ved periodens slutning',
    received: row.received,
    decided: row.decided,
    decision: codeLabel('decision', row.decision, context),
    processingDays: row.processing_days,
    deadlineDays: row.deadline_days,
    withinDeadline: row.within_deadline,
  }));
};
