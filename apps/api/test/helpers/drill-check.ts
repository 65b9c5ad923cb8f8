/**
 * Checks the drill to rows against the KPI itself on a hand-built dataset: for the total and for
 * every group of the breakdown, in the period and in every point of its series, the drill lists
 * exactly as many records as the KPI counts in that cell. Run with the suppression threshold at 1,
 * so no count is withheld and every cell is compared (suppression has its own tests).
 */
import { findKpi } from '@sol/domain/kpi-catalogue.ts';
import { expect } from 'vitest';
import type { Database } from '../../src/db/create-database.ts';
import { getKpiDrill } from '../../src/kpis/get-kpi-drill.ts';
import { getKpiResult } from '../../src/kpis/get-kpi-result.ts';
import { getKpiContext } from '../../src/repositories/get-kpi-context.ts';
import type { KpiDrillQueryString, KpiDrillResult } from '../../src/schemas/kpi-drill.ts';
import type { KpiQueryString } from '../../src/schemas/kpi-query.ts';

/** Runs `work` with the suppression threshold set to `threshold`, then puts back the default 5. */
export async function withThreshold<T>(database: Database, threshold: number, work: () => Promise<T>): Promise<T> {
  await database.db.updateTable('municipality_settings').set({ suppression_threshold: threshold }).execute();
  try {
    return await work();
  } finally {
    await database.db.updateTable('municipality_settings').set({ suppression_threshold: 5 }).execute();
  }
}

/** The drill of one cell, as the route answers it. */
export async function drillCell(database: Database, kpiId: string, input: KpiDrillQueryString): Promise<KpiDrillResult> {
  const kpi = findKpi(kpiId);
  if (!kpi) throw new Error(`unknown KPI ${kpiId}`);
  return getKpiDrill(database.db, kpi, input, await getKpiContext(database.db));
}

/** The drill of one cell with nothing withheld (threshold 1), for tests of what the rows say. */
export async function drillAllShown(database: Database, kpiId: string, input: KpiDrillQueryString): Promise<KpiDrillResult> {
  return withThreshold(database, 1, () => drillCell(database, kpiId, input));
}

/**
 * Compares every cell of the answers to `inputs`; returns how many non-empty cells were compared,
 * so a test can assert that its dataset gave the check something to do.
 */
export async function expectDrillMatchesKpi(database: Database, kpiId: string, inputs: readonly KpiQueryString[]): Promise<number> {
  const kpi = findKpi(kpiId);
  const counts = kpi?.drill?.counts;
  if (!kpi || !counts) throw new Error(`${kpiId} has no drill in the catalogue`);
  return withThreshold(database, 1, async () => {
    const context = await getKpiContext(database.db);
    let compared = 0;
    for (const input of inputs) {
      const result = await getKpiResult(database.db, kpi, input, context);
      const cells = [{ point: null, rows: result.rows }, ...result.series.map((entry) => ({ point: entry.key, rows: entry.rows }))];
      for (const { point, rows } of cells) {
        for (const row of rows) {
          // With a breakdown the drill opens a group; the total row is drilled without one.
          if ((input.by === undefined) !== (row.group === null)) continue;
          const expected = counts.reduce((sum, measure) => sum + (row.values[measure] ?? 0), 0);
          const where = `${kpiId} ${JSON.stringify(input)} ${point ?? 'period'} group ${row.group}`;
          const drill = await drillCell(database, kpiId, {
            ...input,
            ...(row.group === null ? {} : { group: row.group }),
            ...(point === null ? {} : { point }),
          });
          expect(drill.count, where).toBe(expected);
          expect(drill.suppressed, where).toBe(false);
          expect(drill.rows, where).toHaveLength(expected);
          for (const record of drill.rows) expect(Object.keys(record), where).toEqual(drill.columns.map((column) => column.key));
          if (expected > 0) compared += 1;
        }
      }
    }
    return compared;
  });
}
