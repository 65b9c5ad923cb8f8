/**
 * Reading a KPI answer: one value out of the total row or a group's row, with its suppression, and
 * the price basis its amounts are in.
 */
import type { KpiResult } from '@sol/api/schemas/kpi-result.ts';
import { findKpi, type KpiDefinition, type MeasureDefinition } from '@sol/domain/kpi-catalogue.ts';

export interface CellValue {
  value: number | null;
  suppressed: string | null;
  notReached: boolean;
}

export function cellValue(rows: KpiResult['rows'] | undefined, measureId: string, group: string | null = null): CellValue {
  const row = rows?.find((candidate) => candidate.group === group);
  if (!row) return { value: null, suppressed: null, notReached: false };
  const suppressed = row.suppressed[measureId] ?? null;
  return { value: suppressed ? null : (row.values[measureId] ?? null), suppressed, notReached: row.notReached.includes(measureId) };
}

/** The catalogue entry and one of its measures; throws on an id that is not in the catalogue. */
export function catalogueMeasure(kpiId: string, measureId: string): { kpi: KpiDefinition; measure: MeasureDefinition } {
  const kpi = findKpi(kpiId);
  const measure = kpi?.measures.find((candidate) => candidate.id === measureId);
  if (!kpi || !measure) throw new Error(`Ukendt nøgletal ${kpiId}/${measureId}`);
  return { kpi, measure };
}

/**
 * The price basis of the answer's amounts in words, for a figure's note: "faste 2024-priser" or
 * "løbende priser". Modtagere and Tilbud write it the same way, so it is written once here.
 */
export function pricesText(result: KpiResult): string {
  const { kind, baseYear } = result.query.prices;
  return kind === 'fixed' && baseYear !== null ? `faste ${baseYear}-priser` : 'løbende priser';
}
