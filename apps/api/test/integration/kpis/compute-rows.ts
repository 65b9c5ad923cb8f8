/**
 * Runs a compute function with the defaults of a plain request (no breakdown, no filters, current
 * prices), so a KPI test states only what it varies: on one period through computeOnePeriod (which
 * also checks it among neighbour periods), or on several periods in one call.
 */
import type { Database } from '../../../src/db/create-database.ts';
import type { ComputeKpi, KpiQuery, KpiRow, ResolvedPeriod } from '../../../src/kpis/kpi-query.ts';
import { computeOnePeriod, type OnePeriodQuery } from '../../helpers/compute-one-period.ts';

export const H1_2024 = ['2024-01-01', '2024-06-30'] as const;

type Defaults = Omit<KpiQuery, 'periods' | 'asOf'>;
const DEFAULTS: Defaults = { by: null, filters: {}, prices: { kind: 'current' }, cohort: 'start' };

/** `compute(from, to, extra)` giving the rows of `computeKpi` for that one period. */
export function computeRows(computeKpi: ComputeKpi, database: () => Database) {
  return async (from: string, to: string, extra: Partial<OnePeriodQuery> = {}): Promise<KpiRow[]> =>
    (await computeOnePeriod(computeKpi, database(), { ...DEFAULTS, period: { from, to }, asOf: to, ...extra })).rows;
}

/** `compute(periods, extra)` giving the rows of every period of one call, as of the last period end. */
export function computePeriodRows(computeKpi: ComputeKpi, database: () => Database) {
  return async (periods: readonly ResolvedPeriod[], extra: Partial<KpiQuery> = {}): Promise<KpiRow[][]> => {
    const asOf = periods.reduce((last, period) => (period.to > last ? period.to : last), '');
    const results = await computeKpi(database().db, { ...DEFAULTS, periods, asOf, ...extra });
    return results.map((result) => result.rows);
  };
}

/** The year first, then its twelve months: what the API asks for a year and its series. */
export function yearAndMonths(year: number): ResolvedPeriod[] {
  const months = Array.from({ length: 12 }, (_, index) => {
    const month = String(index + 1).padStart(2, '0');
    const lastDay = new Date(Date.UTC(year, index + 1, 0)).getUTCDate();
    return { from: `${year}-${month}-01`, to: `${year}-${month}-${lastDay}` };
  });
  return [{ from: `${year}-01-01`, to: `${year}-12-31` }, ...months];
}
