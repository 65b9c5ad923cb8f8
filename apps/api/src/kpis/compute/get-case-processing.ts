/**
 * K1 Sagsbehandlingstider (DESIGN §6). Per period [from, to], applications decided in it: how
 * many, median and 90th percentile of calendar days from modtaget to afgjort (percentile_cont),
 * and how many of those under a paragraph with a deadline were decided within the deadline in
 * force on modtaget. Applications open at the period end B = to (received ≤ B, not decided by
 * B): how many, and how many have passed that deadline (B − modtaget > deadline days). All
 * periods in one statement: each application joins the periods it is decided in or open at the
 * end of, found by index per period.
 */
import { sql } from 'kysely';
import type { ComputeKpi, KpiQuery } from '../kpi-query.ts';
import {
  filterConditions,
  groupKeyFor,
  periodsTable,
  toKpiComputations,
  totalAndGroups,
  type GroupedRow,
  type SqlFragment,
} from './query-fragments.ts';

interface CaseProcessingRow extends GroupedRow {
  decided: number;
  median_days: number | null;
  p90_days: number | null;
  decided_with_deadline: number;
  within_deadline: number;
  open_at_end: number;
  open_past_deadline: number;
}

/**
 * The CTEs `p`, `in_scope` and `grouped`: per period, the applications it counts that pass the
 * filters, each with its `group_key`. The KPI aggregates `grouped`; the drill to rows lists it, so
 * both count the very same applications.
 */
export function caseProcessingScope(query: Pick<KpiQuery, 'periods' | 'by' | 'filters'>): SqlFragment {
  const groupKey = groupKeyFor(query.by, {
    paragraph: sql`paragraph`,
    // every application in scope is either decided in the period or open at its end
    decision: sql`CASE WHEN decided_in_period THEN decision ELSE 'uafgjort' END`,
  });
  const filters = filterConditions(query.filters, {
    targetGroup: sql`target_group`,
    paragraph: sql`paragraph`,
    // age on the decision date; for open applications on the period end
    ageBand: sql`kpi.age_band(kpi.age_on(birth_year, CASE WHEN decided_in_period THEN decided ELSE period_to END))`,
  });

  const columns = sql`a.application_id, a.citizen_id, a.paragraph, a.decision, a.received, a.decided, a.processing_days,
    a.deadline_days, a.birth_year, a.target_group`;
  return sql`
    p AS (
      SELECT * FROM ${periodsTable(query.periods)}
    ), in_scope AS (
      SELECT p.period_no, p.period_to, true AS decided_in_period, ${columns}
      FROM p JOIN kpi.application_deadline a
        ON a.decided_or_infinity BETWEEN p.period_from AND p.period_to AND a.received <= p.period_to
      UNION ALL
      SELECT p.period_no, p.period_to, false AS decided_in_period, ${columns}
      FROM p JOIN kpi.application_deadline a ON a.open_days @> p.period_to
    ), grouped AS (
      SELECT *, ${groupKey} AS group_key FROM in_scope WHERE ${filters}
    )`;
}

export const getCaseProcessing: ComputeKpi = async (db, query) => {
  const { rows } = await sql<CaseProcessingRow>`
    WITH ${caseProcessingScope(query)}
    SELECT period_no,
           grouping(group_key) = 1 AS is_total,
           group_key,
           count(*) FILTER (WHERE decided_in_period)::integer AS decided,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY processing_days) FILTER (WHERE decided_in_period) AS median_days,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY processing_days) FILTER (WHERE decided_in_period) AS p90_days,
           count(*) FILTER (WHERE decided_in_period AND deadline_days IS NOT NULL)::integer AS decided_with_deadline,
           count(*) FILTER (WHERE decided_in_period AND processing_days <= deadline_days)::integer AS within_deadline,
           count(*) FILTER (WHERE NOT decided_in_period)::integer AS open_at_end,
           count(*) FILTER (WHERE NOT decided_in_period AND period_to - received > deadline_days)::integer AS open_past_deadline
    FROM grouped
    GROUP BY ${totalAndGroups}
  `.execute(db);

  return toKpiComputations(
    rows,
    query,
    (row) => ({
      decided: row.decided,
      medianDays: row.median_days,
      p90Days: row.p90_days,
      decidedWithDeadline: row.decided_with_deadline,
      withinDeadline: row.within_deadline,
      withinDeadlineShare: row.decided_with_deadline > 0 ? row.within_deadline / row.decided_with_deadline : null,
      openAtEnd: row.open_at_end,
      openPastDeadline: row.open_past_deadline,
    }),
    () => ({
      decided: 0,
      medianDays: null,
      p90Days: null,
      decidedWithDeadline: 0,
      withinDeadline: 0,
      withinDeadlineShare: null,
      openAtEnd: 0,
      openPastDeadline: 0,
    }),
  );
};
