/**
 * K8 drill: each citizen's latest measurement per code in the cell's period — the measurements in
 * it that are not followed by her next one of the code within it, the reading the KPI sums
 * (kpi.measurement_fact). Age is taken on the period's last day, as in the KPI.
 */
import { MEASUREMENTS, type MeasurementCode } from '@sol/domain/codes.ts';
import { sql } from 'kysely';
import { filterConditions } from '../compute/query-fragments.ts';
import { byCodePoint, codeLabel, inGroup, type ListDrillRows } from './drill-query.ts';

interface MeasurementRow {
  citizen_id: string;
  target_group: string;
  measure: MeasurementCode;
  measured_on: string;
  value: number;
}

export const listMeasurementRows: ListDrillRows = async (db, query, context) => {
  const { from, to } = query.period;
  const columns = { targetGroup: sql`m.target_group`, ageBand: sql`kpi.age_band(kpi.age_on(m.birth_year, ${to}::date))` };
  const { rows } = await sql<MeasurementRow>`
    SELECT m.citizen_id, m.target_group, m.measure, m.measured_on, m.value
    FROM kpi.measurement_fact m
    WHERE m.measured_on BETWEEN ${from}::date AND ${to}::date
      AND (m.next_measured_on IS NULL OR m.next_measured_on > ${to}::date)
      AND ${filterConditions(query.filters, columns)}
      AND ${inGroup(query, { targetGroup: columns.targetGroup })}
    ORDER BY ${byCodePoint(sql`m.citizen_id`)}, ${byCodePoint(sql`m.measure`)}
    LIMIT ${query.limit}`.execute(db);
  return rows.map((row) => ({
    citizenId: row.citizen_id,
    targetGroup: codeLabel('targetGroup', row.target_group, context),
    measure: MEASUREMENTS[row.measure]?.label ?? row.measure,
    measuredOn: row.measured_on,
    value: row.value,
  }));
};
