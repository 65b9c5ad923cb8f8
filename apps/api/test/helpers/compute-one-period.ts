/**
 * Runs a compute function for one period, as the KPI tests state their cases, and checks that
 * the same period computed among others gives the same answer — so every hand-computed case also
 * tests the multi-period SQL (periods are independent; order and neighbours must not matter).
 */
import { expect } from 'vitest';
import type { Database } from '../../src/db/create-database.ts';
import type { ComputeKpi, KpiComputation, KpiQuery, ResolvedPeriod } from '../../src/kpis/kpi-query.ts';

export type OnePeriodQuery = Omit<KpiQuery, 'periods'> & { period: ResolvedPeriod };

/** Neighbour periods computed alongside the one under test. */
const NEIGHBOURS: ResolvedPeriod[] = [
  { from: '2019-01-01', to: '2019-12-31' },
  { from: '2000-01-01', to: '2000-01-31' },
];

export async function computeOnePeriod(compute: ComputeKpi, database: Database, query: OnePeriodQuery): Promise<KpiComputation> {
  const { period, ...rest } = query;
  const alone = await compute(database.db, { ...rest, periods: [period] });
  expect(alone).toHaveLength(1);
  const together = await compute(database.db, { ...rest, periods: [NEIGHBOURS[0] as ResolvedPeriod, period, NEIGHBOURS[1] as ResolvedPeriod] });
  expect(together).toHaveLength(3);
  expect(together[1], 'the same period computed among others').toEqual(alone[0]);
  return alone[0] as KpiComputation;
}
