/**
 * K4 drill: the §107 stays of a cell's cohort as they stand on the as-of date — the same stays,
 * cohort rule and group keys the KPI computes Kaplan–Meier over (get-temporary-stays.ts), merged
 * grants and censoring included.
 */
import { GROUP_KEY, inCohort, listStays, type Stay } from '../compute/get-temporary-stays.ts';
import { codeLabel, type ListDrillRows } from './drill-query.ts';

export const listTemporaryStayRows: ListDrillRows = async (db, query, context) => {
  const groupKey = query.by === null ? null : GROUP_KEY[query.by];
  if (groupKey === undefined) throw new Error(`K4 kan ikke opdeles på ${query.by}`);
  const stays = (await listStays(db, { ...query, periods: [query.period] }))
    .filter(inCohort(query.cohort, query.period))
    .filter((stay) => groupKey === null || groupKey(stay) === query.group)
    .sort(byStartThenCitizen)
    .slice(0, query.limit);
  return stays.map((stay) => ({
    citizenId: stay.citizen_id,
    targetGroup: codeLabel('targetGroup', stay.target_group, context),
    operation: codeLabel('operation', stay.operation, context),
    stayStart: stay.stay_start,
    stayEnd: stay.stay_end,
    days: stay.days,
    censored: !stay.ended,
  }));
};

/** A citizen starts at most one stay a day, so this orders every stay. */
function byStartThenCitizen(a: Stay, b: Stay): number {
  if (a.stay_start !== b.stay_start) return a.stay_start < b.stay_start ? -1 : 1;
  return a.citizen_id < b.citizen_id ? -1 : a.citizen_id > b.citizen_id ? 1 : 0;
}
