/**
 * Runs a compute function on a period with the defaults of a plain request (no breakdown, no
 * filters, current prices), so a KPI test states only what it varies.
 */
import type { Kysely } from 'kysely';
import type { Tables } from '../../../src/db/schema.ts';
import type { ComputeKpi, KpiQuery, KpiRow } from '../../../src/kpis/kpi-query.ts';

export const H1_2024 = ['2024-01-01', '2024-06-30'] as const;

export function kpiQuery(from: string, to: string, extra: Partial<KpiQuery> = {}): KpiQuery {
  return { period: { from, to }, asOf: to, by: null, filters: {}, prices: { kind: 'current' }, cohort: 'start', ...extra };
}

/** `compute(from, to, extra)` giving the rows of `computeKpi` on the database `db()` returns. */
export function computeRows(computeKpi: ComputeKpi, db: () => Kysely<Tables>) {
  return async (from: string, to: string, extra: Partial<KpiQuery> = {}): Promise<KpiRow[]> =>
    (await computeKpi(db(), kpiQuery(from, to, extra))).rows;
}
