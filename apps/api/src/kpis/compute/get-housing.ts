/**
 * K3 `housing` (DESIGN §5 boform, §6 K3): citizens by boform on the period's last day D (already
 * no later than the as-of date), the share in independent housing, and the young people (18–24 on
 * the start date) whose first-ever botilbud grant starts in the period.
 */
import { sql, type RawBuilder } from 'kysely';
import type { BreakdownId } from '@sol/domain/kpi-catalogue.ts';
import type { ComputeKpi, KpiRow } from '../kpi-query.ts';

type HousingMeasure = 'independent' | 'residential' | 'youngEntering';
type Tally = Record<HousingMeasure, number>;

interface CountRow {
  group_key: string | null;
  measure: HousingMeasure;
  citizens: number;
}

/**
 * Each counted citizen carries the target group and age band the breakdowns and filters use:
 * in the stock the age on D, among young people entering the age on the start date.
 */
function groupColumn(by: BreakdownId | null): RawBuilder<unknown> {
  switch (by) {
    case null:
      return sql`NULL::text`;
    case 'targetGroup':
      return sql.ref('target_group');
    case 'ageBand':
      return sql.ref('age_band');
    default:
      throw new Error(`K3 kan ikke opdeles på ${by}`);
  }
}

export const getHousing: ComputeKpi = async (db, query) => {
  const { from, to: stockDate } = query.period;
  const targetGroups = query.filters.targetGroup?.length ? [...query.filters.targetGroup] : null;
  const ageBands = query.filters.ageBand?.length ? [...query.filters.ageBand] : null;

  const { rows } = await sql<CountRow>`
    WITH housed AS (
      SELECT target_group,
             kpi.age_band(kpi.age_on(birth_year, ${stockDate}::date)) AS age_band,
             CASE WHEN bool_or(residential) THEN 'residential' ELSE 'independent' END AS measure
      FROM kpi.housing_grant
      WHERE start_date <= ${stockDate}::date AND (end_date IS NULL OR end_date >= ${stockDate}::date)
      GROUP BY citizen_id, target_group, birth_year
    ), young_entering AS (
      SELECT target_group, kpi.age_band(age_on_entry) AS age_band, 'youngEntering' AS measure
      FROM kpi.residential_entry
      WHERE entry_date BETWEEN ${from}::date AND ${stockDate}::date AND age_on_entry BETWEEN 18 AND 24
    ), counted AS (
      SELECT * FROM housed UNION ALL SELECT * FROM young_entering
    )
    SELECT ${groupColumn(query.by)} AS group_key, measure, count(*)::integer AS citizens
    FROM counted
    WHERE (${targetGroups}::text[] IS NULL OR target_group = ANY(${targetGroups}::text[]))
      AND (${ageBands}::text[] IS NULL OR age_band = ANY(${ageBands}::text[]))
    GROUP BY group_key, measure`.execute(db);

  // Every citizen is in exactly one group of each breakdown, so the total is the sum of the groups.
  const tallies = new Map<string | null, Tally>();
  const tallyOf = (group: string | null): Tally => {
    const tally = tallies.get(group) ?? { independent: 0, residential: 0, youngEntering: 0 };
    tallies.set(group, tally);
    return tally;
  };
  tallyOf(null);
  for (const row of rows) {
    tallyOf(null)[row.measure] += row.citizens;
    if (row.group_key !== null) tallyOf(row.group_key)[row.measure] += row.citizens;
  }

  const groups = [...tallies.keys()].filter((key) => key !== null).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { rows: [null, ...groups].map((group) => housingRow(group, tallyOf(group))) };
};

function housingRow(group: string | null, { independent, residential, youngEntering }: Tally): KpiRow {
  const total = independent + residential;
  return {
    group,
    values: { independent, residential, total, independentShare: total === 0 ? null : independent / total, youngEntering },
  };
}
