/**
 * K6 `providers` (DESIGN §6): citizens with a grant at internal and external providers in the
 * period, expenditure on postings linked to providers, and each provider's occupancy. A citizen
 * at both kinds of provider counts in both groups; the total counts her once.
 *
 * Citizens and place-days come from the citizens' stays (60-providers.sql: grants merged into runs
 * per provider, per operation and across providers) read through a day ledger, so the cost does
 * not grow with the number of periods times the stays active in each.
 */
import { sql } from 'kysely';
import type { ComputeKpi, KpiQuery } from '../kpi-query.ts';
import {
  filterConditions,
  groupKeyFor,
  periodsTable,
  priceBaseYear,
  toKpiComputations,
  totalAndGroups,
  type GroupedRow,
  type SqlFragment,
} from './query-fragments.ts';

/*
 * Reading intervals of days for many periods at once (shared with K7 and the strategy measures):
 * a day ledger (kpi.interval_entries) is read at two marks of every period in one sorted pass, so
 * the cost grows with the ledger and the number of periods, not with their product.
 */

/** The first and the last day of the query's periods. */
export function periodSpan(periods: KpiQuery['periods']): { first: string; last: string } {
  const days = periods.flatMap((period) => [period.from, period.to]).sort();
  return { first: days[0] ?? '', last: days[days.length - 1] ?? '' };
}

/**
 * The intervals (`first_day` … `last_day`, NULL = open) that can change a reading in the periods:
 * one ending before the first period's first day has started and ended by every mark and one
 * starting after the last day has not started by any, so both add nothing.
 */
export function mayOverlapPeriods(periods: KpiQuery['periods'], alias: string): SqlFragment {
  const { first, last } = periodSpan(periods);
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql`${column('first_day')} <= ${last}::date
    AND (${column('last_day')} IS NULL OR ${column('last_day')} >= ${first}::date - 1)`;
}

/**
 * The periods as the body of a CTE `p` (periodsTable) with `age_year`, the first day of the year
 * the period ends in. A citizen's age on a date is its year − her birth year (DESIGN §5), so all
 * periods ending in one year see the same ages, and a ledger filtered by age is built once per
 * such year rather than per period or per birth year.
 */
export function periodsWithAgeYear(periods: KpiQuery['periods']): SqlFragment {
  return sql`SELECT *, date_trunc('year', period_to)::date AS age_year FROM ${periodsTable(periods)}`;
}

/**
 * Joins rows of a ledger's source to `c.age_year`: to every age year of `p` in which
 * `ageCondition` holds for the age on it, or, without a condition, once to NULL (every period).
 */
export function joinAgeYears(birthYear: SqlFragment, ageCondition: ((age: SqlFragment) => SqlFragment) | null): SqlFragment {
  return ageCondition
    ? sql`JOIN (SELECT DISTINCT age_year FROM p) c ON ${ageCondition(sql`kpi.age_on(${birthYear}, c.age_year)`)}`
    : sql`CROSS JOIN (VALUES (NULL::date)) AS c (age_year)`;
}

/**
 * Running totals of a day ledger (rows of `keys`, `day` and `values`, as from kpi.interval_entries)
 * per key, read at two marks of every period of `p` (periodsWithAgeYear): its last day (`is_to`)
 * and the day before its first (`NOT is_to`). Rows: `period_no`, `mark_day`, `is_to`, the keys and
 * the running `values`. Intervals overlapping a period = starts at its last day − ends the day
 * before its first; their days in it = kpi.days_through at the last day − at the day before.
 * `keys` must include `age_year`: a ledger row with one is read only for periods ending in that
 * year (see joinAgeYears). `ledger` names a CTE (it is read twice).
 */
export function readLedgerAtPeriods(options: { ledger: SqlFragment; keys: readonly string[]; values: readonly string[] }): SqlFragment {
  const { ledger, keys, values } = options;
  const keyList = sql.join(keys.map((key) => sql.ref(key)));
  return sql`
    SELECT * FROM (
      SELECT period_no, mark_day, is_to, ${keyList},
             ${sql.join(values.map((value) => sql`sum(${sql.ref(value)}) OVER running AS ${sql.ref(value)}`))}
      FROM (
        SELECT ${keyList}, day AS mark_day, NULL::bigint AS period_no, NULL::boolean AS is_to,
               ${sql.join(values.map((value) => sql.ref(value)))}
        FROM ${ledger}
        UNION ALL
        SELECT ${sql.join(keys.map((key) => sql.ref(`k.${key}`)))}, mark.day, p.period_no, mark.is_to,
               ${sql.join(values.map((value) => sql`0 AS ${sql.ref(value)}`))}
        FROM (SELECT DISTINCT ${keyList} FROM ${ledger}) k
        JOIN p ON k.age_year IS NULL OR k.age_year = p.age_year
        CROSS JOIN LATERAL (VALUES (p.period_to, true), (p.period_from - 1, false)) AS mark (day, is_to)
      ) entries
      -- a mark reads the day's own entries: they sort before it
      WINDOW running AS (PARTITION BY ${keyList} ORDER BY mark_day, period_no NULLS FIRST ROWS UNBOUNDED PRECEDING)
    ) read
    WHERE period_no IS NOT NULL`;
}

/**
 * The citizens' stays at providers (kpi.provider_stay); under a paragraph filter they are merged
 * from those grants only, at request time. The drill to rows lists citizens from the same stays.
 */
export function providerStaySource(paragraphs: readonly string[]): SqlFragment {
  return paragraphs.length > 0 ? sql`kpi.provider_stays(${[...paragraphs]}::text[])` : sql`kpi.provider_stay`;
}

interface ProvidersRow extends GroupedRow {
  citizens: number;
  internal_citizens: number;
  expenditure: number | null;
  places: number | null;
  occupancy: number | null;
}

export const getProviders: ComputeKpi = async (db, query) => {
  const { targetGroup = [], paragraph = [], ageBand = [], operation = [] } = query.filters;
  // Postings carry no citizen or paragraph, so under such a filter the expenditure cannot be
  // split accordingly and is left out rather than shown unfiltered.
  const expenditureApplies = targetGroup.length + paragraph.length + ageBand.length === 0;
  const baseYear = priceBaseYear(query.prices);
  const byProvider = query.by === 'provider';

  // Stay levels read: the total's (across providers, or the one operation a filter leaves), the
  // operation level for the internal count, and the breakdown's own.
  const bothOperations = operation.length === 0 || (operation.includes('intern') && operation.includes('ekstern'));
  const totalLevel = bothOperations ? 'all' : 'operation';
  const groupLevel = query.by === 'provider' ? 'provider' : query.by === 'operation' ? 'operation' : null;
  const levels = [...new Set([totalLevel, 'operation', ...(groupLevel ? [groupLevel] : [])])];
  const stayConditions = sql`stay_level = ANY(${levels}::text[])
    AND (stay_level = 'all' OR ${filterConditions({ operation }, { operation: sql`operation` })})`;
  // The age band is taken on each period's last day.
  const inAgeBand = (age: SqlFragment) => filterConditions({ ageBand }, { ageBand: sql`kpi.age_band(${age})` });
  const staySource = providerStaySource(paragraph);
  const { last } = periodSpan(query.periods);
  const ledger =
    paragraph.length + targetGroup.length + ageBand.length === 0
      ? sql`SELECT stay_level, provider_id, operation, NULL::date AS age_year, day, starts, start_sum, ends, end_sum
            FROM kpi.provider_stay_day
            WHERE ${stayConditions} AND day <= ${last}::date`
      : sql`SELECT s.stay_level, s.provider_id, s.operation, c.age_year, e.day,
                   sum(e.starts) AS starts, sum(e.start_sum) AS start_sum, sum(e.ends) AS ends, sum(e.end_sum) AS end_sum
            FROM stays s
            ${joinAgeYears(sql`s.birth_year`, ageBand.length > 0 ? inAgeBand : null)}
            CROSS JOIN LATERAL kpi.interval_entries(s.first_day, s.last_day) e
            WHERE ${mayOverlapPeriods(query.periods, 's')} AND e.day <= ${last}::date
            GROUP BY 1, 2, 3, 4, 5`;
  const groupKey = groupKeyFor(query.by, { operation: sql`operation`, provider: sql`provider_id` });

  const { rows } = await sql<ProvidersRow>`
    WITH p AS (${periodsWithAgeYear(query.periods)}),
    stays AS ${paragraph.length > 0 ? sql`MATERIALIZED` : sql`NOT MATERIALIZED`} (
      SELECT * FROM ${staySource} s
      WHERE ${stayConditions} AND ${filterConditions({ targetGroup }, { targetGroup: sql`target_group` })}
    ),
    ledger AS (${ledger}),
    running AS (${readLedgerAtPeriods({
      ledger: sql`ledger`,
      keys: ['stay_level', 'provider_id', 'operation', 'age_year'],
      values: ['starts', 'start_sum', 'ends', 'end_sum'],
    })}),
    -- Citizens per level and key: stays overlapping the period less gaps lying within it (one
    -- GROUP BY over both, as the keys are partly NULL).
    counts AS (
      SELECT period_no, stay_level, provider_id, operation, sum(citizens) AS citizens, sum(place_days) AS place_days
      FROM (
        SELECT period_no, stay_level, provider_id, operation,
               CASE WHEN is_to THEN starts ELSE -ends END AS citizens,
               CASE WHEN is_to THEN 1 ELSE -1 END * kpi.days_through(mark_day, starts, start_sum, ends, end_sum) AS place_days
        FROM running
        UNION ALL
        SELECT p.period_no, s.stay_level, s.provider_id, s.operation, -1, 0
        FROM p JOIN stays s
          ON s.previous_last_day BETWEEN p.period_from AND p.period_to AND s.first_day <= p.period_to
        WHERE ${inAgeBand(sql`kpi.age_on(s.birth_year, p.period_to)`)}
      ) parts
      GROUP BY 1, 2, 3, 4
    ),
    spending_by_year AS (
      SELECT p.period_no, ${groupKey} AS group_key, d.posting_year, sum(d.amount) AS amount
      FROM p JOIN kpi.provider_posting_day d ON d.posting_date BETWEEN p.period_from AND p.period_to
      WHERE ${expenditureApplies}::boolean AND ${filterConditions({ operation }, { operation: sql`d.operation` })}
      GROUP BY 1, 2, 3
    ),
    -- Every period's total, the groups with citizens, the groups with postings: one GROUP BY.
    parts AS (
      SELECT period_no, true AS is_total, NULL::text AS group_key, 0 AS citizens, 0 AS internal_citizens,
             NULL::numeric AS place_days, 0 AS expenditure
      FROM p
      UNION ALL
      SELECT period_no, true, NULL, citizens, 0, NULL, 0 FROM counts WHERE stay_level = ${totalLevel}
      UNION ALL
      SELECT period_no, true, NULL, 0, citizens, NULL, 0 FROM counts WHERE stay_level = 'operation' AND operation = 'intern'
      UNION ALL
      SELECT period_no, false, ${groupKey}, citizens, CASE WHEN operation = 'intern' THEN citizens ELSE 0 END, place_days, 0
      FROM counts
      WHERE stay_level = ${groupLevel}::text AND citizens > 0
      UNION ALL
      SELECT period_no, grouping(group_key) = 1, group_key, 0, 0, NULL,
             sum(CASE WHEN ${baseYear}::integer IS NULL THEN amount
                      ELSE amount * kpi.price_factor(posting_year, ${baseYear}::integer) END)
      FROM spending_by_year
      GROUP BY ${totalAndGroups}
      HAVING grouping(group_key) = 1 OR ${query.by !== null}::boolean
    ),
    grouped AS (
      SELECT period_no, is_total, group_key, sum(citizens) AS citizens, sum(internal_citizens) AS internal_citizens,
             sum(place_days) AS place_days, sum(expenditure) AS expenditure
      FROM parts
      GROUP BY 1, 2, 3
    )
    SELECT g.period_no, g.is_total, g.group_key, g.citizens, g.internal_citizens,
           CASE WHEN ${expenditureApplies}::boolean THEN g.expenditure END AS expenditure,
           pr.places,
           CASE WHEN pr.places > 0
                THEN coalesce(g.place_days, 0) / (pr.places * (p.period_to - p.period_from + 1)) END AS occupancy
    FROM grouped g
    JOIN p USING (period_no)
    -- places and occupancy belong to a provider's own row only
    LEFT JOIN provider pr ON ${byProvider}::boolean AND NOT g.is_total AND pr.provider_id = g.group_key
  `.execute(db);

  const values = (row: Omit<ProvidersRow, keyof GroupedRow>) => ({
    citizens: row.citizens,
    expenditure: row.expenditure,
    places: row.places,
    occupancy: row.occupancy,
    internalCitizens: row.internal_citizens,
    internalShare: row.citizens > 0 ? row.internal_citizens / row.citizens : null,
  });
  // Every period has its total row from the periods table; an empty one would read so.
  const empty = { citizens: 0, internal_citizens: 0, expenditure: expenditureApplies ? 0 : null, places: null, occupancy: null };
  return toKpiComputations(rows, query, values, () => values(empty));
};
