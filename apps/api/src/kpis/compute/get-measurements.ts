/**
 * K8 `measurements` (DESIGN §6): per measurement code, each citizen's latest measurement in the
 * period; how many were measured, the share taking part in a community and the 1–5 averages. The
 * latest ones are the period's measurements less those superseded in it (80-measurements.sql).
 */
import { sql } from 'kysely';
import type { ComputeKpi } from '../kpi-query.ts';
import { joinAgeYears, periodSpan, periodsWithAgeYear } from './get-providers.ts';
import { filterConditions, groupKeyFor, toKpiComputations, totalAndGroups, type GroupedRow, type SqlFragment } from './query-fragments.ts';

const MEASURES = ['faellesskab', 'dialog', 'effekt', 'trivsel', 'sammenhaeng'] as const;
type Measure = (typeof MEASURES)[number];

/** The catalogue's measure ids: `<code>Measured`, and the mean as `faellesskabShare` (0/1, so the mean is the share) or `<code>Average`. */
const measuredId = (measure: Measure): string => `${measure}Measured`;
const meanId = (measure: Measure): string => (measure === 'faellesskab' ? 'faellesskabShare' : `${measure}Average`);

/** Grouped rows with a count and a mean column per measure, named by the ids above. */
interface MeasurementsRow extends GroupedRow {
  [column: string]: number | string | boolean | null;
}
const numberIn = (row: MeasurementsRow | null, column: string): number | null => {
  const value = row?.[column];
  return typeof value === 'number' ? value : null;
};

export const getMeasurements: ComputeKpi = async (db, query) => {
  const { targetGroup = [], ageBand = [] } = query.filters;
  const inTargetGroup = (column: string) => filterConditions({ targetGroup }, { targetGroup: sql.ref(column) });
  const inAgeBand = (age: SqlFragment) => filterConditions({ ageBand }, { ageBand: sql`kpi.age_band(${age})` });
  const { first, last } = periodSpan(query.periods);
  const days =
    ageBand.length === 0
      ? sql`SELECT measure, target_group, NULL::date AS age_year, measured_on, measured, value_sum
            FROM kpi.measurement_day
            WHERE ${inTargetGroup('target_group')}`
      : sql`SELECT m.measure, m.target_group, c.age_year, m.measured_on, count(*) AS measured, sum(m.value) AS value_sum
            FROM kpi.measurement_fact m
            ${joinAgeYears(sql`m.birth_year`, inAgeBand)}
            WHERE ${inTargetGroup('m.target_group')} AND m.measured_on BETWEEN ${first}::date AND ${last}::date
            GROUP BY 1, 2, 3, 4`;

  const { rows } = await sql<MeasurementsRow>`
    WITH p AS (${periodsWithAgeYear(query.periods)}),
    days AS (${days}),
    latest AS (
      SELECT p.period_no, d.measure, d.target_group, d.measured, d.value_sum
      FROM p JOIN days d
        ON d.measured_on BETWEEN p.period_from AND p.period_to AND (d.age_year IS NULL OR d.age_year = p.age_year)
      UNION ALL
      -- less those followed by the citizen's next measurement of the code within the period
      SELECT p.period_no, m.measure, m.target_group, -1, -m.value
      FROM p JOIN kpi.measurement_fact m
        ON m.measured_on BETWEEN p.period_from AND p.period_to AND m.next_measured_on <= p.period_to
      WHERE ${inTargetGroup('m.target_group')} AND ${inAgeBand(sql`kpi.age_on(m.birth_year, p.period_to)`)}
    )
    SELECT period_no, grouping(group_key) = 1 AS is_total, group_key,
           ${sql.join(
             MEASURES.map(
               (measure) => sql`coalesce(sum(measured) FILTER (WHERE measure = ${measure}), 0) AS ${sql.ref(measuredId(measure))},
                 sum(value_sum) FILTER (WHERE measure = ${measure})
                   / nullif(sum(measured) FILTER (WHERE measure = ${measure}), 0) AS ${sql.ref(meanId(measure))}`,
             ),
           )}
    FROM (SELECT *, ${groupKeyFor(query.by, { targetGroup: sql`target_group` })} AS group_key FROM latest) latest
    GROUP BY ${totalAndGroups}
    HAVING grouping(group_key) = 1 OR sum(measured) > 0
  `.execute(db);

  const values = (row: MeasurementsRow | null) =>
    Object.fromEntries(
      MEASURES.flatMap((measure) => [
        [measuredId(measure), numberIn(row, measuredId(measure)) ?? 0],
        [meanId(measure), numberIn(row, meanId(measure))],
      ]),
    );
  return toKpiComputations(rows, query, values, () => values(null));
};
