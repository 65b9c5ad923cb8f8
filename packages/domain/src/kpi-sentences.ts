/**
 * Generated Danish sentences about a KPI's value and its change, by rules (no external service):
 * the dashboard's cards, and later the report and the email, say the same thing the same way.
 */
import { formatDecimal, formatMeasureValue } from './format-danish.ts';
import type { Direction, Unit } from './kpi-catalogue.ts';

export interface ValueChange {
  title: string;
  unit: Unit;
  decimals: number;
  value: number | null;
  previous: number | null;
  /** "2026 (til 31.10.2026)" */
  periodLabel: string;
  /** "samme periode året før" */
  previousLabel: string;
  direction: Direction | null;
}

export type Assessment = 'better' | 'worse' | 'unchanged' | 'neutral' | 'unknown';

/** Changes smaller than this share of the previous value count as unchanged (the strategies' default too). */
export const UNCHANGED_TOLERANCE = 0.02;

/**
 * A change against the wanted direction, the one rule behind the cards' arrows and the strategy
 * indicators' status: within `tolerance` (relative to the earlier value) it is unchanged.
 */
export function assessChange(change: Pick<ValueChange, 'value' | 'previous' | 'direction'>, tolerance = UNCHANGED_TOLERANCE): Assessment {
  const { value, previous, direction } = change;
  if (value === null || previous === null) return 'unknown';
  const difference = value - previous;
  if (Math.abs(difference) <= Math.abs(previous) * tolerance) return 'unchanged';
  if (!direction) return 'neutral';
  return (difference > 0) === (direction === 'up') ? 'better' : 'worse';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The difference in the measure's unit: shares in percentage points, others in their unit. */
export function formatDifference(difference: number, unit: Unit, decimals: number): string {
  const size = Math.abs(difference);
  if (unit === 'procent') return `${formatDecimal(size * 100, decimals)} procentpoint`;
  return formatMeasureValue(size, unit, decimals);
}

export function describeChange(change: ValueChange): string {
  const subject = lowerFirst(change.title);
  if (change.value === null) return `Der er ikke et tal for ${subject} i ${change.periodLabel}.`;
  const now = formatMeasureValue(change.value, change.unit, change.decimals);
  if (change.previous === null) return `${change.title} var ${now} i ${change.periodLabel}.`;
  const before = formatMeasureValue(change.previous, change.unit, change.decimals);
  const assessment = assessChange(change);
  if (assessment === 'unchanged') return `${change.title} var ${now} i ${change.periodLabel}, næsten som ${change.previousLabel} (${before}).`;
  const verb = change.value > change.previous ? 'steget' : 'faldet';
  const judgement =
    assessment === 'better' ? ' Det er den vej, strategien ønsker.' : assessment === 'worse' ? ' Strategien ønsker den modsatte vej.' : '';
  return `${change.title} er ${verb} fra ${before} ${change.previousLabel} til ${now} i ${change.periodLabel}.${judgement}`;
}
