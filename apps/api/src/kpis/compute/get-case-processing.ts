/**
 * K1 Sagsbehandlingstider (DESIGN §6). Applications decided in [from, to]: how many, median and
 * 90th percentile of calendar days from modtaget to afgjort (percentile_cont), and how many of
 * those under a paragraph with a deadline were decided within the deadline in force on modtaget.
 * Applications open at the period end B = to (received ≤ B, not decided by B): how many, and how
 * many have passed that deadline (B − modtaget > deadline days).
 */
import { sql } from 'kysely';
import type { ComputeKpi } from '../kpi-query.ts';
import { filterConditions, groupKeyFor, toKpiRows, totalAndGroups, type GroupedRow } from './query-fragments.ts';

interface CaseProcessingRow extends GroupedRow {
  decided: number;
  median_days: number | null;
  p90_days: number | null;
  decided_with_deadline: number;
  within_deadline: number;
  open_at_end: number;
  open_past_deadline: number;
}

export const getCaseProcessing: ComputeKpi = async (db, query) => {
  const { from, to } = query.period;
  const groupKey = groupKeyFor(query.by, {
    paragraph: sql`paragraph`,
    // every application in scope is either decided in the period or open at its end
    decision: sql`CASE WHEN decided_in_period THEN decision ELSE 'uafgjort' END`,
  });
  const filters = filterConditions(query.filters, {
    targetGroup: sql`target_group`,
    paragraph: sql`paragraph`,
    // age on the decision date; for open applications on the period end
    ageBand: sql`kpi.age_band(kpi.age_on(birth_year, CASE WHEN decided_in_period THEN decided ELSE ${to}::date END))`,
  });

  const { rows } = await sql<CaseProcessingRow>`
    WITH in_scope AS (
      SELECT a.*, a.decided_or_infinity <= ${to}::date AS decided_in_period
      FROM kpi.application_deadline a
      WHERE a.received <= ${to}::date AND a.decided_or_infinity >= ${from}::date
    ), grouped AS (
      SELECT *, ${groupKey} AS group_key FROM in_scope WHERE ${filters}
    )
    SELECT grouping(group_key) = 1 AS is_total,
           group_key,
           count(*) FILTER (WHERE decided_in_period)::integer AS decided,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY processing_days) FILTER (WHERE decided_in_period) AS median_days,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY processing_days) FILTER (WHERE decided_in_period) AS p90_days,
           count(*) FILTER (WHERE decided_in_period AND deadline_days IS NOT NULL)::integer AS decided_with_deadline,
           count(*) FILTER (WHERE decided_in_period AND processing_days <= deadline_days)::integer AS within_deadline,
           count(*) FILTER (WHERE NOT decided_in_period)::integer AS open_at_end,
           count(*) FILTER (WHERE NOT decided_in_period AND ${to}::date - received > deadline_days)::integer AS open_past_deadline
    FROM grouped
    GROUP BY ${totalAndGroups}
  `.execute(db);

  return {
    rows: toKpiRows(rows, query.by, (row) => ({
      decided: row.decided,
      medianDays: row.median_days,
      p90Days: row.p90_days,
      decidedWithDeadline: row.decided_with_deadline,
      withinDeadline: row.within_deadline,
      withinDeadlineShare: row.decided_with_deadline > 0 ? row.within_deadline / row.decided_with_deadline : null,
      openAtEnd: row.open_at_end,
      openPastDeadline: row.open_past_deadline,
    })),
  };
};
