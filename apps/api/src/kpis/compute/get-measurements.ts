/**
 * K8 `measurements` (DESIGN §6): per measurement code, each citizen's latest measurement in the
 * period; how many were measured, the share taking part in a community and the 1–5 averages.
 */
import { sql } from 'kysely';
import type { ComputeKpi } from '../kpi-query.ts';
import { filterConditions, groupKeyFor, toKpiRows, totalAndGroups, type GroupedRow } from './query-fragments.ts';

/** The columns are named after the catalogue's measure ids. */
interface MeasurementsRow extends GroupedRow {
  faellesskabMeasured: number;
  faellesskabShare: number | null;
  dialogMeasured: number;
  dialogAverage: number | null;
  effektMeasured: number;
  effektAverage: number | null;
  trivselMeasured: number;
  trivselAverage: number | null;
  sammenhaengMeasured: number;
  sammenhaengAverage: number | null;
}

export const getMeasurements: ComputeKpi = async (db, query) => {
  const { from, to } = query.period;
  const filters = filterConditions(query.filters, {
    targetGroup: sql`target_group`,
    ageBand: sql`kpi.age_band(kpi.age_on(birth_year, ${to}::date))`,
  });
  const { rows } = await sql<MeasurementsRow>`
    WITH latest AS (
      SELECT DISTINCT ON (citizen_id, measure)
             ${groupKeyFor(query.by, { targetGroup: sql`target_group` })} AS group_key, measure, value
      FROM kpi.measurement_fact
      WHERE measured_on BETWEEN ${from}::date AND ${to}::date AND ${filters}
      ORDER BY citizen_id, measure, measured_on DESC
    )
    -- faellesskab is 0/1, so its mean is the share with value 1.
    SELECT grouping(group_key) = 1 AS is_total, group_key,
           count(*) FILTER (WHERE measure = 'faellesskab') AS "faellesskabMeasured",
           avg(value) FILTER (WHERE measure = 'faellesskab') AS "faellesskabShare",
           count(*) FILTER (WHERE measure = 'dialog') AS "dialogMeasured",
           avg(value) FILTER (WHERE measure = 'dialog') AS "dialogAverage",
           count(*) FILTER (WHERE measure = 'effekt') AS "effektMeasured",
           avg(value) FILTER (WHERE measure = 'effekt') AS "effektAverage",
           count(*) FILTER (WHERE measure = 'trivsel') AS "trivselMeasured",
           avg(value) FILTER (WHERE measure = 'trivsel') AS "trivselAverage",
           count(*) FILTER (WHERE measure = 'sammenhaeng') AS "sammenhaengMeasured",
           avg(value) FILTER (WHERE measure = 'sammenhaeng') AS "sammenhaengAverage"
    FROM latest
    GROUP BY ${totalAndGroups}
  `.execute(db);

  return { rows: toKpiRows(rows, query.by, ({ is_total: _total, group_key: _key, ...values }) => values) };
};
