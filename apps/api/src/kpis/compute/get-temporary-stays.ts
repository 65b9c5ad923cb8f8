/**
 * K4 `temporary-stays` (DESIGN §6 K4): length of stays on temporary botilbud (§107). The stays
 * as they stand on the as-of date come from `kpi.temporary_stays_as_of` (sql/views/40-…), fetched
 * once for all periods; this file picks each period's cohort, applies breakdowns, and runs
 * Kaplan–Meier per period and group, since a median over censored stays cannot be added up from
 * group aggregates.
 */
import type { BreakdownId } from '@sol/domain/kpi-catalogue.ts';
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import { kaplanMeier, medianSurvival, survivalAt } from '../kaplan-meier.ts';
import type { ComputeKpi, KpiComputation, KpiQuery, KpiRow, ResolvedPeriod, SurvivalPoint } from '../kpi-query.ts';
import { filterConditions } from './query-fragments.ts';

/** Group key of stays whose first grant has no provider, so no operation. */
export const UNKNOWN_OPERATION = 'ukendt';

export interface Stay {
  citizen_id: string;
  target_group: string;
  cohort_year: string;
  operation: string;
  /** YYYY-MM-DD, so dates compare as strings. */
  stay_start: string;
  /** YYYY-MM-DD; null while running on the as-of date. */
  stay_end: string | null;
  days: number;
  ended: boolean;
}

export const GROUP_KEY: Partial<Record<BreakdownId, (stay: Stay) => string>> = {
  targetGroup: (stay) => stay.target_group,
  cohortYear: (stay) => stay.cohort_year,
  operation: (stay) => stay.operation,
};

/**
 * The stays are built as of the as-of date once, for every period: each period's cohort is then
 * picked from them here, and Kaplan–Meier runs per period and group.
 */
export const getTemporaryStays: ComputeKpi = async (db, query) => {
  const groupKey = query.by === null ? null : GROUP_KEY[query.by];
  if (groupKey === undefined) throw new Error(`K4 kan ikke opdeles på ${query.by}`);
  const stays = await listStays(db, query);
  return query.periods.map((period) => computePeriod(stays.filter(inCohort(query.cohort, period)), groupKey));
};

/**
 * The cohort of a period: stays starting in it, or (cohort=active) every stay active in it —
 * started by its end and ended no earlier than its start, or still running on the as-of date.
 */
export function inCohort(cohort: KpiQuery['cohort'], { from, to }: ResolvedPeriod): (stay: Stay) => boolean {
  return cohort === 'active'
    ? (stay) => stay.stay_start <= to && (stay.stay_end === null || stay.stay_end >= from)
    : (stay) => stay.stay_start >= from && stay.stay_start <= to;
}

function computePeriod(stays: readonly Stay[], groupKey: ((stay: Stay) => string) | null): KpiComputation {
  const groups = new Map<string, Stay[]>();
  if (groupKey !== null) {
    for (const stay of stays) {
      const key = groupKey(stay);
      const group = groups.get(key);
      if (group) group.push(stay);
      else groups.set(key, [stay]);
    }
  }
  const keys = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const total = summarise(stays);
  const summaries = [{ group: null, ...total }, ...keys.map((group) => ({ group, ...summarise(groups.get(group) ?? []) }))];
  return {
    rows: summaries.map(({ group, values }): KpiRow => ({ group, values })),
    survivalCurve: { stays: stays.length, points: total.curve },
    notReached: summaries.filter(({ curve }) => curve.length > 0 && medianSurvival(curve) === null).map(({ group }) => group),
  };
}

/**
 * The stays on the as-of date that pass the filters and can be in the cohort of some period of
 * the query: started by the last period end, and (cohort=start) no earlier than the first period
 * start or (cohort=active) not ended before it. The drill to rows lists a cohort from these too.
 */
export async function listStays(db: Kysely<Tables>, query: KpiQuery): Promise<Stay[]> {
  const from = query.periods.reduce((earliest, period) => (period.from < earliest ? period.from : earliest), '9999-12-31');
  const to = query.periods.reduce((latest, period) => (period.to > latest ? period.to : latest), '0000-01-01');
  const inAnyCohort =
    query.cohort === 'active'
      ? sql`stay_start <= ${to}::date AND (NOT ended OR stay_end >= ${from}::date)`
      : sql`stay_start BETWEEN ${from}::date AND ${to}::date`;

  const { rows } = await sql<Stay>`
    SELECT citizen_id, target_group, to_char(stay_start, 'YYYY') AS cohort_year, operation,
           to_char(stay_start, 'YYYY-MM-DD') AS stay_start, to_char(stay_end, 'YYYY-MM-DD') AS stay_end, days, ended
    FROM (
      SELECT citizen_id, target_group, coalesce(operation, ${UNKNOWN_OPERATION}) AS operation, stay_start, stay_end, ended, days
      FROM kpi.temporary_stays_as_of(${query.asOf}::date)
    ) stays
    WHERE ${inAnyCohort}
      AND ${filterConditions(query.filters, { targetGroup: sql`target_group`, operation: sql`operation` })}`.execute(db);
  return rows;
}

/**
 * The measures of one group of stays. Running stays are censored at their days so far; the ones
 * running more than 730 days on the as-of date are those with days > 730.
 */
function summarise(stays: readonly Stay[]): { values: KpiRow['values']; curve: SurvivalPoint[] } {
  const curve = kaplanMeier(stays);
  const endedDays = stays.filter((stay) => stay.ended).map((stay) => stay.days);
  const running = stays.filter((stay) => !stay.ended);
  return {
    curve,
    values: {
      stays: stays.length,
      ended: endedDays.length,
      medianDays: medianSurvival(curve),
      endedWithin365Share: stays.length === 0 ? null : 1 - survivalAt(curve, 365),
      meanEndedDays: endedDays.length === 0 ? null : endedDays.reduce((sum, days) => sum + days, 0) / endedDays.length,
      runningOnAsOf: running.length,
      runningOver730: running.filter((stay) => stay.days > 730).length,
    },
  };
}
