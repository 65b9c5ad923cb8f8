/**
 * The status of a strategy indicator and its one Danish sentence (DESIGN §7): the latest year
 * with a value against the baseline year, with a tolerance inside which the change counts as
 * "unchanged". The tolerance is relative to the baseline value.
 */
import { formatMeasureValue } from '@sol/domain/format-danish.ts';
import { assessChange } from '@sol/domain/kpi-sentences.ts';
import type { Direction, MeasureDefinition } from '@sol/domain/kpi-catalogue.ts';

export type IndicatorStatus = 'improved' | 'unchanged' | 'worse' | 'unknown';

export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  improved: 'Forbedret',
  unchanged: 'Uændret',
  worse: 'Forværret',
  unknown: 'Kan ikke vurderes',
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
  targetValue: number | null = null,
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
  // The dashboard cards' rule, with the indicator's own tolerance.
  const assessment = assessChange({ value: latest.value, previous: baseline.value, direction }, tolerance);
  const status: IndicatorStatus = assessment === 'better' ? 'improved' : assessment === 'worse' ? 'worse' : 'unchanged';
  const format = (value: number): string => formatMeasureValue(value, measure.unit, measure.decimals);
  const from = `${format(baseline.value)} i ${baseline.year}`;
  const to = `${format(latest.value)} i ${latest.year}`;
  const verb = status === 'unchanged' ? 'er stort set uændret' : latest.value > baseline.value ? 'er steget' : 'er faldet';
  const sentence = [`${subject} ${verb} fra ${from} til ${to}.`, JUDGEMENTS[status][direction], targetText(targetValue, latest.value, direction, format)];
  return { status, baseline, latest, sentence: sentence.filter(Boolean).join(' ') };
}

/** What the change means against the strategy, so a reader need not know the wanted direction. */
const JUDGEMENTS: Record<IndicatorStatus, Record<Direction, string>> = {
  improved: { up: 'Det er den vej, strategien ønsker.', down: 'Det er den vej, strategien ønsker.' },
  worse: { up: 'Strategien ønsker, at tallet stiger.', down: 'Strategien ønsker, at tallet falder.' },
  unchanged: { up: 'Strategien ønsker, at tallet stiger.', down: 'Strategien ønsker, at tallet falder.' },
  unknown: { up: '', down: '' },
};

/** The strategy's target and whether the latest value has reached it; empty without a target. */
function targetText(targetValue: number | null, latest: number, direction: Direction, format: (value: number) => string): string {
  if (targetValue === null) return '';
  const reached = direction === 'up' ? latest >= targetValue : latest <= targetValue;
  return `Målet er ${format(targetValue)}${reached ? ', og det er nået.' : ', og det er endnu ikke nået.'}`;
}
