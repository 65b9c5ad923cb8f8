/**
 * K7 `reviews` (DESIGN §6): a stock on D = each period's end. Among grants active on D, those
 * that started at least 365 days before D are due a review; the share of them reviewed in the 365
 * days D − 364 … D. Grants that started later are counted apart as not yet due. Grants, not
 * citizens. Every grant's days by status are intervals (70-reviews.sql), so the grants on D are
 * the intervals containing D, read from a day ledger for all dates in one pass.
 */
import { sql } from 'kysely';
import type { ComputeKpi } from '../kpi-query.ts';
import { joinAgeYears, mayOverlapPeriods, periodSpan, periodsWithAgeYear, readLedgerAtPeriods } from './get-providers.ts';
import { filterConditions, groupKeyFor, toKpiComputations, totalAndGroups, type GroupedRow } from './query-fragments.ts';

interface ReviewsRow extends GroupedRow {
  due: number;
  reviewed: number;
  not_yet_due: number;
}

export const getReviews: ComputeKpi = async (db, query) => {
  const { targetGroup = [], paragraph = [], ageBand = [] } = query.filters;
  const { last } = periodSpan(query.periods);
  // D is read as a one-day period: the intervals containing D started by D and had not ended by
  // D − 1. Without a filter on the citizen the ledger is stored; with one it is built from the
  // spans that can contain a D, the age band taken on D.
  const periods = query.periods.map(({ to }) => ({ from: to, to }));
  const ledger =
    targetGroup.length + ageBand.length === 0
      ? sql`SELECT status, paragraph, NULL::date AS age_year, day, starts, ends
            FROM kpi.grant_review_day
            WHERE ${filterConditions({ paragraph }, { paragraph: sql`paragraph` })} AND day <= ${last}::date`
      : sql`SELECT s.status, s.paragraph, c.age_year, e.day, sum(e.starts) AS starts, sum(e.ends) AS ends
            FROM kpi.grant_review_span s
            ${joinAgeYears(
              sql`s.birth_year`,
              ageBand.length > 0 ? (age) => filterConditions({ ageBand }, { ageBand: sql`kpi.age_band(${age})` }) : null,
            )}
            CROSS JOIN LATERAL kpi.interval_entries(s.first_day, s.last_day) e
            WHERE ${filterConditions({ targetGroup, paragraph }, { targetGroup: sql`s.target_group`, paragraph: sql`s.paragraph` })}
              AND ${mayOverlapPeriods(periods, 's')} AND e.day <= ${last}::date
            GROUP BY 1, 2, 3, 4`;

  const { rows } = await sql<ReviewsRow>`
    WITH p AS (${periodsWithAgeYear(periods)}),
    ledger AS (${ledger}),
    running AS (${readLedgerAtPeriods({ ledger: sql`ledger`, keys: ['status', 'paragraph', 'age_year'], values: ['starts', 'ends'] })}),
    on_date AS (
      SELECT period_no, ${groupKeyFor(query.by, { paragraph: sql`paragraph` })} AS group_key, status,
             CASE WHEN is_to THEN starts ELSE -ends END AS grants
      FROM running
    )
    SELECT period_no, grouping(group_key) = 1 AS is_total, group_key,
           coalesce(sum(grants) FILTER (WHERE status = 'due'), 0) AS due,
           coalesce(sum(grants) FILTER (WHERE status = 'reviewed'), 0) AS reviewed,
           coalesce(sum(grants) FILTER (WHERE status = 'not_yet_due'), 0) AS not_yet_due
    FROM on_date
    GROUP BY ${totalAndGroups}
    -- a paragraph is a group on D only with grants active on D
    HAVING grouping(group_key) = 1 OR sum(grants) FILTER (WHERE status <> 'reviewed') > 0
  `.execute(db);

  const values = (row: Omit<ReviewsRow, keyof GroupedRow>) => ({
    due: row.due,
    reviewed: row.reviewed,
    reviewedShare: row.due > 0 ? row.reviewed / row.due : null,
    notYetDue: row.not_yet_due,
  });
  return toKpiComputations(rows, query, values, () => values({ due: 0, reviewed: 0, not_yet_due: 0 }));
};
