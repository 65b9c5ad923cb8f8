/**
 * The strategy measures outside K1–K8 (DESIGN §8; the catalogue notes of `strategy-measures` are
 * the definition). Every one of them rests on grants active in the period, so one pass over those
 * grants gives them all.
 */
import { sql } from 'kysely';
import type { ComputeKpi } from '../kpi-query.ts';
import {
  filterConditions,
  groupKeyFor,
  priceBaseYear,
  toKpiRows,
  totalAndGroups,
  type GroupedRow,
} from './query-fragments.ts';

interface StrategyRow extends GroupedRow {
  young_formerly_placed_homeless: number;
  older_recipients: number;
  older_internal: number;
  grants_with_rate: number;
  average_daily_rate: number | null;
  new_grants: number;
  new_grants_82a: number;
}

export const getStrategyMeasures: ComputeKpi = async (db, query) => {
  const { from, to } = query.period;
  const baseYear = priceBaseYear(query.prices);
  const { rows } = await sql<StrategyRow>`
    WITH active AS (
      SELECT ${groupKeyFor(query.by, { targetGroup: sql`target_group` })} AS group_key,
             citizen_id, paragraph, provider_id, operation, daily_rate, young_formerly_placed_homeless,
             start_date >= ${from}::date AS starts_in_period,
             kpi.age_on(birth_year, ${to}::date) >= 65 AS is_older,
             least(coalesce(end_date, ${to}::date), ${to}::date) - greatest(start_date, ${from}::date) + 1 AS active_days
      FROM kpi.strategy_grant_fact
      WHERE start_date <= ${to}::date AND (end_date IS NULL OR end_date >= ${from}::date)
        AND ${filterConditions(query.filters, { targetGroup: sql`target_group` })}
    ),
    measures AS (
      SELECT grouping(group_key) = 1 AS is_total, group_key,
             count(DISTINCT citizen_id) FILTER (WHERE young_formerly_placed_homeless AND starts_in_period)
               AS young_formerly_placed_homeless,
             count(DISTINCT citizen_id) FILTER (WHERE is_older AND provider_id IS NOT NULL) AS older_recipients,
             count(DISTINCT citizen_id) FILTER (WHERE is_older AND operation = 'intern') AS older_internal,
             count(*) FILTER (WHERE daily_rate IS NOT NULL) AS grants_with_rate,
             sum(daily_rate * active_days) FILTER (WHERE daily_rate IS NOT NULL)
               / sum(active_days) FILTER (WHERE daily_rate IS NOT NULL) AS rate_in_current_prices,
             count(*) FILTER (WHERE starts_in_period) AS new_grants,
             count(*) FILTER (WHERE starts_in_period AND paragraph = '82a') AS new_grants_82a
      FROM active
      GROUP BY ${totalAndGroups}
    )
    -- The average is stated in prices of the period's last year, taken to the base year.
    SELECT *,
           CASE WHEN ${baseYear}::integer IS NULL THEN rate_in_current_prices
                ELSE rate_in_current_prices * kpi.price_factor(extract(year FROM ${to}::date)::integer, ${baseYear}::integer)
           END AS average_daily_rate
    FROM measures
  `.execute(db);

  const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
  return {
    rows: toKpiRows(rows, query.by, (row) => ({
      youngFormerlyPlacedHomeless: row.young_formerly_placed_homeless,
      olderRecipients: row.older_recipients,
      olderInternal: row.older_internal,
      olderInternalShare: share(row.older_internal, row.older_recipients),
      grantsWithRate: row.grants_with_rate,
      averageDailyRate: row.average_daily_rate,
      newGrants: row.new_grants,
      newGrants82a: row.new_grants_82a,
      newGrants82aShare: share(row.new_grants_82a, row.new_grants),
    })),
  };
};
