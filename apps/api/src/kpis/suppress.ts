/**
 * Small-cell suppression (DESIGN §5), the one place every KPI value passes through on its way
 * out of the system — API, exports and emails all take values from here.
 *
 * Primary: a count of citizens or cases from 1 to threshold−1 is withheld (shown as "<5").
 * Secondary: where exactly one cell of a line is withheld and the line's total is shown, the next
 * smallest cell is withheld too, so the hidden value cannot be recovered by subtraction. Lines are
 *   - columns: a count measure over the group rows, whose total is the total row;
 *   - rows: the parts of a count (measures declaring `partOf`) within one row.
 *   Only shown cells trigger it, as DESIGN words it: a count that is never shown (e.g. due minus
 *   reviewed) is not a cell, so a high share over a large base stays visible.
 *   "Next smallest" is the smallest shown non-zero cell, or a zero cell when no non-zero one is
 *   left: withholding a real count protects more than withholding a zero that may be structural.
 *   Both rules repeat until nothing changes, since one withheld cell can expose another line.
 * Statistics (shares, averages, medians, rates): withheld when their base count is below the
 * threshold, or when a count they are derived from is withheld (it could be recovered from them).
 * Amounts in kr. are never withheld.
 */
import type { KpiDefinition, MeasureDefinition } from '@sol/domain/kpi-catalogue.ts';
import type { KpiRow } from './kpi-query.ts';

export type SuppressionReason = 'small-count' | 'secondary' | 'small-base' | 'derived';

export interface SuppressedRow {
  group: string | null;
  /** Withheld values are null here; the reason is in `suppressed`. */
  values: Record<string, number | null>;
  suppressed: Record<string, SuppressionReason>;
}

export function suppressRows(kpi: KpiDefinition, rows: readonly KpiRow[], threshold: number): SuppressedRow[] {
  const counts = kpi.measures.filter((measure) => measure.kind === 'count');
  const statistics = kpi.measures.filter((measure) => measure.kind === 'statistic');
  const withheld = rows.map(() => new Map<string, SuppressionReason>());
  const isSmall = (value: number | null | undefined): boolean => value != null && value >= 1 && value < threshold;

  rows.forEach((row, index) => {
    for (const measure of counts) if (isSmall(row.values[measure.id])) withheld[index]?.set(measure.id, 'small-count');
  });

  const totalIndex = rows.findIndex((row) => row.group === null);
  const groupIndexes = rows.flatMap((row, index) => (row.group === null ? [] : [index]));
  let changed = true;
  while (changed) {
    changed = false;
    // Columns: a count across the groups, when the total row shows that count.
    if (totalIndex >= 0) {
      for (const measure of counts) {
        if (withheld[totalIndex]?.has(measure.id)) continue;
        const cells = groupIndexes.map((index) => ({ index, measure: measure.id }));
        changed = protectLine(cells, rows, withheld) || changed;
      }
    }
    // Rows: the parts of a count within one row, when the row shows that count.
    for (const total of counts) {
      const parts = counts.filter((measure) => measure.partOf === total.id);
      if (parts.length === 0) continue;
      rows.forEach((row, index) => {
        if (withheld[index]?.has(total.id)) return;
        const cells = parts.map((part) => ({ index, measure: part.id }));
        changed = protectLine(cells, rows, withheld) || changed;
      });
    }
  }

  rows.forEach((row, index) => {
    const rowWithheld = withheld[index] as Map<string, SuppressionReason>;
    for (const measure of statistics) {
      const reason = statisticReason(measure, row, rowWithheld, threshold);
      if (reason) rowWithheld.set(measure.id, reason);
    }
  });

  return rows.map((row, index) => {
    const rowWithheld = withheld[index] as Map<string, SuppressionReason>;
    const values: Record<string, number | null> = {};
    for (const measure of kpi.measures) {
      values[measure.id] = rowWithheld.has(measure.id) ? null : (row.values[measure.id] ?? null);
    }
    return { group: row.group, values, suppressed: Object.fromEntries(rowWithheld) };
  });
}

interface Cell {
  index: number;
  measure: string;
}

/**
 * If exactly one cell of the line is withheld, withholds the next smallest shown cell, or the line's total when no other cell is left.
 * Returns whether it withheld anything.
 */
function protectLine(
  cells: readonly Cell[],
  rows: readonly KpiRow[],
  withheld: readonly Map<string, SuppressionReason>[],
): boolean {
  const isWithheld = (cell: Cell): boolean => withheld[cell.index]?.has(cell.measure) ?? false;
  if (cells.filter(isWithheld).length !== 1) return false;
  const value = (cell: Cell): number => rows[cell.index]?.values[cell.measure] ?? 0;
  const shown = cells.filter((cell) => !isWithheld(cell));
  const nonZero = shown.filter((cell) => value(cell) > 0);
  const candidates = nonZero.length > 0 ? nonZero : shown;
  const next = candidates.reduce<Cell | undefined>(
    (smallest, cell) => (smallest === undefined || value(cell) < value(smallest) ? cell : smallest),
    undefined,
  );
  // With no other cell in the line, the withheld one cannot be recovered by subtraction (a lone
  // group equal to its total is small itself and already withheld).
  if (!next) return false;
  withheld[next.index]?.set(next.measure, 'secondary');
  return true;
}

function statisticReason(
  measure: MeasureDefinition,
  row: KpiRow,
  rowWithheld: ReadonlyMap<string, SuppressionReason>,
  threshold: number,
): SuppressionReason | null {
  if (row.values[measure.id] == null) return null;
  if (measure.basedOn) {
    const base = row.values[measure.basedOn];
    if (base == null || base < threshold) return 'small-base';
  }
  if (measure.derivedFrom?.some((count) => rowWithheld.has(count))) return 'derived';
  return null;
}
