/**
 * A strategy indicator's status against the wanted direction: icon, word and colour together, so
 * it never rests on colour alone (WCAG 1.4.1). The strategy page and the Afrapportering page both
 * show it.
 */
import type { ReactElement } from 'react';

export type IndicatorStatus = 'improved' | 'unchanged' | 'worse' | 'unknown';

export const STATUS: Record<IndicatorStatus, { icon: string; word: string }> = {
  improved: { icon: '✔', word: 'Forbedret' },
  unchanged: { icon: '●', word: 'Uændret' },
  worse: { icon: '✖', word: 'Forværret' },
  unknown: { icon: '?', word: 'Kan ikke vurderes' },
};

export function statusOf(indicator: { status: string }): IndicatorStatus {
  return indicator.status in STATUS ? (indicator.status as IndicatorStatus) : 'unknown';
}

export function StatusBadge({ status, label }: { status: IndicatorStatus; label?: string }): ReactElement {
  return (
    <span className={`status-badge status-${status}`}>
      <span aria-hidden="true">{STATUS[status].icon}</span>
      {label ?? STATUS[status].word}
    </span>
  );
}
