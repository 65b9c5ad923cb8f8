/**
 * The strategy measures outside K1–K8 (DESIGN §8; the catalogue notes of `strategy-measures` are
 * the definition). Grants (active, new, with a daily rate) come from a day ledger per target group
 * and the older citizens at providers from the K6 stays (60-providers.sql), read together for all
 * periods in one pass; the few young formerly placed §110 starts are joined directly. Every
 * measure is a sum over target groups, so the total row is the sum of the groups.
 */
import { sql } from 'kysely';
import type { ComputeKpi } from '../kpi-query.ts';
import { joinAgeYears, periodSpan, periodsWithAgeYear, readLedgerAtPeriods } from './get-providers.ts';
import {
  filterConditions,
  groupKeyFor,
  priceBaseYear,
  toKpiComputations,
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

const RATE_COLUMNS = ['rate_starts', 'rate_start_sum', 'rate_ends', 'rate_end_sum'];
const RATED_COLUMNS = ['rated_starts', 'rated_start_sum', 'rated_ends', 'rated_end_sum'];
const GRANT_COLUMNS = ['starts_82a', ...RATE_COLUMNS, ...RATED_COLUMNS];

export const getStrategyMeasures: ComputeKpi = async (db, query) => {
  const baseYear = priceBaseYear(query.prices);
  const { last } = periodSpan(query.periods);
  const targetGroups = (column: string) =>
    filterConditions(query.filters, { targetGroup: sql.ref(column) });
  // Citizens aged 65+ on a period's last day, at any provider ('older') or an internal one.
  const olderStays = sql`(s.stay_level = 'all' OR (s.stay_level = 'operation' AND s.operation = 'intern'))`;
  const olderSource = sql`CASE s.stay_level WHEN 'all' THEN 'older' ELSE 'older_internal' END`;
  const zeros = sql.join(GRANT_COLUMNS.map((column) => sql`0 AS ${sql.ref(column)}`));
  const signed = (column: string) => sql`CASE WHEN is_to THEN 1 ELSE -1 END * ${sql.ref(column)}`;
  const daysThrough = (columns: string[]) =>
    sql`CASE WHEN is_to THEN 1 ELSE -1 END * kpi.days_through(mark_day, ${sql.join(columns.map((column) => sql.ref(column)))})`;

  const { rows } = await sql<StrategyRow>`
    WITH p AS (${periodsWithAgeYear(query.periods)}),
    ledger AS (
      SELECT 'grants' AS source, target_group, NULL::date AS age_year, day, starts, ends,
             ${sql.join(GRANT_COLUMNS.map((column) => sql.ref(column)))}
      FROM kpi.strategy_grant_day
      WHERE ${targetGroups('target_group')} AND day <= ${last}::date
      UNION ALL
      -- the bound on the birth year is kpi.age_on(birth_year, last) >= 65 in a form the index can use
      SELECT s.source, s.target_group, c.age_year, s.day, sum(s.starts), sum(s.ends), ${zeros}
      FROM kpi.citizen_stay_day s
      ${joinAgeYears(sql`s.birth_year`, (age) => sql`${age} >= 65`)}
      WHERE s.birth_year <= extract(year FROM ${last}::date)::integer - 65
        AND ${targetGroups('s.target_group')} AND s.day <= ${last}::date
      GROUP BY 1, 2, 3, 4
    ),
    running AS (${readLedgerAtPeriods({
      ledger: sql`ledger`,
      keys: ['source', 'target_group', 'age_year'],
      values: ['starts', 'ends', ...GRANT_COLUMNS],
    })}),
    -- Per period, source and target group: intervals overlapping the period (grants; stays less the
    -- gaps between two stays of a citizen within it; for 'young' the citizens), grants starting in
    -- it, and the days and rate-weighted days of grants with a rate.
    parts AS (
      SELECT period_no, source, target_group,
             CASE WHEN is_to THEN starts ELSE -ends END AS overlapping,
             ${signed('starts')} AS started,
             ${signed('starts_82a')} AS started_82a,
             CASE WHEN is_to THEN rate_starts ELSE -rate_ends END AS rated,
             ${daysThrough(RATE_COLUMNS)} AS rated_days,
             ${daysThrough(RATED_COLUMNS)} AS rate_by_days
      FROM running
      UNION ALL
      SELECT p.period_no, ${olderSource}, s.target_group, -1, 0, 0, 0, 0, 0
      FROM p JOIN kpi.provider_stay s
        ON s.previous_last_day BETWEEN p.period_from AND p.period_to AND s.first_day <= p.period_to
      WHERE ${olderStays} AND kpi.age_on(s.birth_year, p.period_to) >= 65 AND ${targetGroups('s.target_group')}
      UNION ALL
      SELECT p.period_no, 'young', y.target_group, count(DISTINCT y.citizen_id), 0, 0, 0, 0, 0
      FROM p JOIN kpi.young_homeless_start y ON y.start_date BETWEEN p.period_from AND p.period_to
      WHERE ${targetGroups('y.target_group')}
      GROUP BY 1, 3
    ),
    measures AS (
      SELECT period_no, grouping(group_key) = 1 AS is_total, group_key,
             coalesce(sum(overlapping) FILTER (WHERE source = 'young'), 0) AS young_formerly_placed_homeless,
             coalesce(sum(overlapping) FILTER (WHERE source = 'older'), 0) AS older_recipients,
             coalesce(sum(overlapping) FILTER (WHERE source = 'older_internal'), 0) AS older_internal,
             coalesce(sum(rated) FILTER (WHERE source = 'grants'), 0) AS grants_with_rate,
             sum(rate_by_days) FILTER (WHERE source = 'grants') / nullif(sum(rated_days) FILTER (WHERE source = 'grants'), 0)
               AS rate_in_current_prices,
             coalesce(sum(started) FILTER (WHERE source = 'grants'), 0) AS new_grants,
             coalesce(sum(started_82a) FILTER (WHERE source = 'grants'), 0) AS new_grants_82a
      FROM (SELECT *, ${groupKeyFor(query.by, { targetGroup: sql`target_group` })} AS group_key FROM parts) parts
      GROUP BY ${totalAndGroups}
      -- a target group is a group in the period only with grants active in it
      HAVING grouping(group_key) = 1 OR sum(overlapping) FILTER (WHERE source = 'grants') > 0
    )
    -- The average is stated in prices of the period's last year, taken to the base year.
    SELECT m.*,
           CASE WHEN ${baseYear}::integer IS NULL THEN rate_in_current_prices
                ELSE rate_in_current_prices * kpi.price_factor(extract(year FROM p.period_to)::integer, ${baseYear}::integer)
           END AS average_daily_rate
    FROM measures m JOIN p USING (period_no)
  `.execute(db);

  const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
  const values = (row: Omit<StrategyRow, keyof GroupedRow>) => ({
    youngFormerlyPlacedHomeless: row.young_formerly_placed_homeless,
    olderRecipients: row.older_recipients,
    olderInternal: row.older_internal,
    olderInternalShare: share(row.older_internal, row.older_recipients),
    grantsWithRate: row.grants_with_rate,
    averageDailyRate: row.average_daily_rate,
    newGrants: row.new_grants,
    newGrants82a: row.new_grants_82a,
    newGrants82aShare: share(row.new_grants_82a, row.new_grants),
  });
  const nothing = {
    young_formerly_placed_homeless: 0, older_recipients: 0, older_internal: 0,
    grants_with_rate: 0, average_daily_rate: null, new_grants: 0, new_grants_82a: 0,
  };
  return toKpiComputations(rows, query, values, () => values(nothing));
};
