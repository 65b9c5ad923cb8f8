/**
 * K7 `reviews` (DESIGN §6): a stock on D = the period end. Among grants active on D, those that
 * started at least 365 days before D are due a review; the share of them reviewed in the 365 days
 * D − 364 … D. Grants that started later are counted apart as not yet due. Grants, not citizens.
 */
import { sql } from 'kysely';
import type { ComputeKpi } from '../kpi-query.ts';
import { filterConditions, groupKeyFor, toKpiRows, totalAndGroups, type GroupedRow } from './query-fragments.ts';

interface ReviewsRow extends GroupedRow {
  due: number;
  reviewed: number;
  not_yet_due: number;
}

export const getReviews: ComputeKpi = async (db, query) => {
  const stockDate = query.period.to;
  const filters = filterConditions(query.filters, {
    targetGroup: sql`target_group`,
    paragraph: sql`paragraph`,
    ageBand: sql`kpi.age_band(kpi.age_on(birth_year, ${stockDate}::date))`,
  });
  const { rows } = await sql<ReviewsRow>`
    WITH active_on_date AS (
      SELECT ${groupKeyFor(query.by, { paragraph: sql`paragraph` })} AS group_key,
             start_date <= ${stockDate}::date - 365 AS is_due,
             review_days && daterange(${stockDate}::date - 364, ${stockDate}::date, '[]') AS reviewed_in_year
      FROM kpi.grant_review_fact
      WHERE start_date <= ${stockDate}::date AND (end_date IS NULL OR end_date >= ${stockDate}::date) AND ${filters}
    )
    SELECT grouping(group_key) = 1 AS is_total, group_key,
           count(*) FILTER (WHERE is_due) AS due,
           count(*) FILTER (WHERE is_due AND reviewed_in_year) AS reviewed,
           count(*) FILTER (WHERE NOT is_due) AS not_yet_due
    FROM active_on_date
    GROUP BY ${totalAndGroups}
  `.execute(db);

  return {
    rows: toKpiRows(rows, query.by, (row) => ({
      due: row.due,
      reviewed: row.reviewed,
      reviewedShare: row.due > 0 ? row.reviewed / row.due : null,
      notYetDue: row.not_yet_due,
    })),
  };
};
