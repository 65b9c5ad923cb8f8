/**
 * K3 drill: the citizens counted by boform on the cell's date D (its last day), from the same
 * per-citizen boform spans the stock is summed from (kpi.housing_boform), so botilbud takes
 * precedence over selvstændig bolig exactly as in the KPI. Age is taken on D, as in the KPI.
 */
import { sql } from 'kysely';
import { filterConditions } from '../compute/query-fragments.ts';
import { byCodePoint, codeLabel, inGroup, paragraphList, type ListDrillRows } from './drill-query.ts';

interface BoformRow {
  citizen_id: string;
  target_group: string;
  age_band: string;
  measure: 'residential' | 'independent';
  paragraphs: string | null;
}

const BOFORM = { residential: 'Botilbud', independent: 'Selvstændig bolig' } as const;

export const listHousingRows: ListDrillRows = async (db, query, context) => {
  const day = query.period.to;
  const columns = { targetGroup: sql`target_group`, ageBand: sql`age_band` };
  const { rows } = await sql<BoformRow>`
    SELECT *
    FROM (
      SELECT b.citizen_id, b.target_group, kpi.age_band(kpi.age_on(b.birth_year, ${day}::date)) AS age_band, b.measure,
             -- what the boform rests on: her grants active on D
             (SELECT ${paragraphList(sql`g.paragraph`)}
              FROM kpi.grant_fact g
              WHERE g.citizen_id = b.citizen_id AND g.start_date <= ${day}::date
                AND (g.end_date IS NULL OR g.end_date >= ${day}::date)) AS paragraphs
      FROM kpi.housing_boform b
      WHERE daterange(b.first_day, b.next_day) @> ${day}::date AND b.measure IS NOT NULL
    ) counted
    WHERE ${filterConditions(query.filters, columns)} AND ${inGroup(query, columns)}
    ORDER BY ${byCodePoint(sql`citizen_id`)}
    LIMIT ${query.limit}`.execute(db);
  return rows.map((row) => ({
    citizenId: row.citizen_id,
    targetGroup: codeLabel('targetGroup', row.target_group, context),
    ageBand: codeLabel('ageBand', row.age_band, context),
    boform: BOFORM[row.measure],
    paragraphs: row.paragraphs,
  }));
};
