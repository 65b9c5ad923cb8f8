/**
 * K6 `providers` (DESIGN §6): citizens with a grant at internal and external providers in the
 * period, expenditure on postings linked to providers, and each provider's occupancy. A citizen
 * at both kinds of provider counts in both groups; the total counts her once.
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

interface ProvidersRow extends GroupedRow {
  citizens: number;
  internal_citizens: number;
  expenditure: number | null;
  places: number | null;
  occupancy: number | null;
}

export const getProviders: ComputeKpi = async (db, query) => {
  const { from, to } = query.period;
  const groupKey = groupKeyFor(query.by, { operation: sql`operation`, provider: sql`provider_id` });
  const grantFilters = filterConditions(query.filters, {
    targetGroup: sql`target_group`,
    paragraph: sql`paragraph`,
    ageBand: sql`kpi.age_band(kpi.age_on(birth_year, ${to}::date))`,
    operation: sql`operation`,
  });
  // Postings carry no citizen or paragraph, so under such a filter the expenditure cannot be
  // split accordingly and is left out rather than shown unfiltered.
  const { targetGroup = [], paragraph = [], ageBand = [] } = query.filters;
  const expenditureApplies = targetGroup.length + paragraph.length + ageBand.length === 0;
  const baseYear = priceBaseYear(query.prices);
  const byProvider = query.by === 'provider';

  const { rows } = await sql<ProvidersRow>`
    WITH active AS (
      SELECT citizen_id, provider_id, operation, ${groupKey} AS group_key,
             greatest(start_date, ${from}::date) AS first_day,
             least(coalesce(end_date, ${to}::date), ${to}::date) AS last_day
      FROM kpi.provider_grant_fact
      WHERE start_date <= ${to}::date AND (end_date IS NULL OR end_date >= ${from}::date) AND ${grantFilters}
    ),
    citizen_counts AS (
      SELECT grouping(group_key) = 1 AS is_total, group_key,
             count(DISTINCT citizen_id) AS citizens,
             count(DISTINCT citizen_id) FILTER (WHERE operation = 'intern') AS internal_citizens
      FROM active
      GROUP BY ${totalAndGroups}
    ),
    spending_by_year AS (
      SELECT ${groupKey} AS group_key, posting_year, sum(amount) AS amount
      FROM kpi.provider_posting_day
      WHERE ${expenditureApplies}::boolean AND posting_date BETWEEN ${from}::date AND ${to}::date
        AND ${filterConditions(query.filters, { operation: sql`operation` })}
      GROUP BY 1, 2
    ),
    spending AS (
      SELECT grouping(group_key) = 1 AS is_total, group_key,
             sum(CASE WHEN ${baseYear}::integer IS NULL THEN amount
                      ELSE amount * kpi.price_factor(posting_year, ${baseYear}::integer) END) AS expenditure
      FROM spending_by_year
      GROUP BY ${totalAndGroups}
    ),
    -- A citizen fills one place a day at a provider however many grants she holds there: her
    -- grants there are merged into runs of overlapping days before the days are summed.
    ordered_grants AS (
      SELECT provider_id, citizen_id, first_day, last_day,
             max(last_day) OVER (PARTITION BY provider_id, citizen_id ORDER BY first_day, last_day
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_last_day
      FROM active
      WHERE ${byProvider}::boolean
    ),
    numbered_runs AS (
      SELECT provider_id, citizen_id, first_day, last_day,
             sum(CASE WHEN earlier_last_day IS NULL OR first_day > earlier_last_day THEN 1 ELSE 0 END)
               OVER (PARTITION BY provider_id, citizen_id ORDER BY first_day, last_day ROWS UNBOUNDED PRECEDING) AS run_no
      FROM ordered_grants
    ),
    place_days AS (
      SELECT provider_id, sum(run_days) AS used
      FROM (
        SELECT provider_id, max(last_day) - min(first_day) + 1 AS run_days
        FROM numbered_runs
        GROUP BY provider_id, citizen_id, run_no
      ) runs
      GROUP BY provider_id
    ),
    group_keys AS (
      SELECT is_total, group_key FROM citizen_counts
      UNION
      SELECT is_total, group_key FROM spending WHERE ${expenditureApplies}::boolean
    )
    SELECT k.is_total, k.group_key,
           coalesce(c.citizens, 0) AS citizens,
           coalesce(c.internal_citizens, 0) AS internal_citizens,
           CASE WHEN ${expenditureApplies}::boolean THEN coalesce(s.expenditure, 0) END AS expenditure,
           p.places,
           CASE WHEN p.places > 0
                THEN coalesce(d.used, 0)::numeric / (p.places * (${to}::date - ${from}::date + 1)) END AS occupancy
    FROM group_keys k
    LEFT JOIN citizen_counts c ON c.is_total = k.is_total AND c.group_key IS NOT DISTINCT FROM k.group_key
    LEFT JOIN spending s ON s.is_total = k.is_total AND s.group_key IS NOT DISTINCT FROM k.group_key
    -- places and occupancy belong to a provider's own row only
    LEFT JOIN provider p ON ${byProvider}::boolean AND NOT k.is_total AND p.provider_id = k.group_key
    LEFT JOIN place_days d ON d.provider_id = p.provider_id
  `.execute(db);

  return {
    rows: toKpiRows(rows, query.by, (row) => ({
      citizens: row.citizens,
      expenditure: row.expenditure,
      places: row.places,
      occupancy: row.occupancy,
      internalCitizens: row.internal_citizens,
      internalShare: row.citizens > 0 ? row.internal_citizens / row.citizens : null,
    })),
  };
};
