/**
 * Words about a strategy indicator that the strategy page and the Afrapportering both print, so
 * the screen and the Word/PDF report describe an indicator the same way.
 */
import { formatMeasureValue } from './format-danish.ts';
import { FILTERS, type Unit } from './kpi-catalogue.ts';
import { suppressionMarker } from './suppression-text.ts';

/** The indicator's own filter in words ("faste priser · Målgruppe: SIND"); empty without one. */
export function indicatorFilterText(filter: Record<string, unknown>): string {
  return Object.entries(filter)
    .map(([key, value]) => {
      if (key === 'prices') return value === 'fixed' ? 'faste priser' : 'løbende priser';
      const label = key in FILTERS ? FILTERS[key as keyof typeof FILTERS] : key;
      return `${label}: ${Array.isArray(value) ? value.join(', ') : String(value)}`;
    })
    .join(' · ');
}

/** The wanted direction in words. */
export function directionText(direction: string): string {
  return direction === 'up' ? 'Op: et højere tal er bedre' : 'Ned: et lavere tal er bedre';
}

/** One yearly value as a table shows it: withheld as its marker ("<5", "–"), missing as words. */
export function indicatorValueText(
  point: { value: number | null; suppressed: string | null } | undefined,
  unit: Unit,
  decimals: number,
  threshold: number,
): string {
  if (!point) return '–';
  if (point.suppressed) return suppressionMarker(point.suppressed, threshold);
  if (point.value === null) return 'ingen data';
  return formatMeasureValue(point.value, unit, decimals);
}
