/**
 * The status of a strategy indicator and its one Danish sentence (DESIGN §7): the latest year
 * with a value against the baseline year, with a tolerance inside which the change counts as
 * "unchanged". The tolerance is relative to the baseline value.
 */
import { formatMeasureValue } from '@sol/domain/format-danish.ts';
import type { Direction, MeasureDefinition } from '@sol/domain/kpi-catalogue.ts';

export type IndicatorStatus = 'improved' | 'unchanged' | 'worse' | 'unknown';

export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  improved: 'Forbedret',
  unchanged: 'Uændret',
  worse: 'Forværret',
  unknown: 'Kan ikke opgøres',
};

export interface YearValue {
  year: number;
  value: number | null;
}

export interface IndicatorAssessment {
  status: IndicatorStatus;
  baseline: YearValue | null;
  latest: YearValue | null;
  sentence: string;
}

export function assessIndicator(
  measure: Pick<MeasureDefinition, 'title' | 'unit' | 'decimals'>,
  direction: Direction,
  baselineYear: number,
  tolerance: number,
  values: readonly YearValue[],
): IndicatorAssessment {
  const baseline = values.find((point) => point.year === baselineYear && point.value !== null) ?? null;
  const latest = [...values].reverse().find((point) => point.year > baselineYear && point.value !== null) ?? null;
  const subject = measure.title;
  if (!baseline || !latest || baseline.value === null || latest.value === null) {
    const missing = !baseline ? `basisåret ${baselineYear}` : 'et senere år';
    return {
      status: 'unknown',
      baseline,
      latest,
      sentence: `${subject} kan ikke sammenlignes: der er ingen værdi for ${missing} (for få borgere eller ingen data).`,
    };
  }
  const change = latest.value - baseline.value;
  const relative = baseline.value === 0 ? (change === 0 ? 0 : Infinity) : Math.abs(change / baseline.value);
  const status: IndicatorStatus =
    relative <= tolerance ? 'unchanged' : (change > 0) === (direction === 'up') ? 'improved' : 'worse';
  const format = (value: number): string => formatMeasureValue(value, measure.unit, measure.decimals);
  const from = `${format(baseline.value)} i ${baseline.year}`;
  const to = `${format(latest.value)} i ${latest.year}`;
  const verb = change === 0 || relative <= tolerance ? 'er stort set uændret' : change > 0 ? 'er steget' : 'er faldet';
  return { status, baseline, latest, sentence: `${subject} ${verb} fra ${from} til ${to}.` };
}
