/**
 * The suppression check shared by the KPI and snapshot tests: no count from 1 to the threshold
 * minus one, no statistic over a withheld or too small base, and a withheld value is never shown.
 */
import { expect } from 'vitest';
import type { KpiResult, KpiResultRow } from '../../src/schemas/kpi-result.ts';

export function expectSuppressed(result: KpiResult, rows: KpiResultRow[], where: string): void {
  const threshold = result.suppressionThreshold;
  for (const row of rows) {
    for (const measure of result.kpi.measures) {
      const value = row.values[measure.id];
      if (measure.kind === 'count' && value != null) {
        expect(value >= 1 && value < threshold, `${where} ${row.label} ${measure.id}=${value}`).toBe(false);
      }
      if (measure.kind === 'statistic' && value != null && measure.basedOn) {
        const base = row.values[measure.basedOn];
        expect(base, `${where} ${row.label} ${measure.id} shown over a withheld base`).not.toBeNull();
        expect(base as number, `${where} ${row.label} ${measure.id} over ${base}`).toBeGreaterThanOrEqual(threshold);
      }
      if (row.suppressed[measure.id]) expect(value, `${where} ${measure.id} withheld but shown`).toBeNull();
    }
  }
}
