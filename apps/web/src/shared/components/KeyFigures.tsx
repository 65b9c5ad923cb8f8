/**
 * A page's key figures for the chosen period as a definition list: label, the figure in Danish
 * format (or the suppression marker with its reason written out), and an optional note. Each has
 * a data-testid, so end-to-end tests can compare the screen with the API.
 */
import type { ReactElement, ReactNode } from 'react';
import { formatMeasureValue } from '@sol/domain/format-danish.ts';
import type { Unit } from '@sol/domain/kpi-catalogue.ts';
import { suppressionExplanation, suppressionMarker } from '@sol/domain/suppression-text.ts';
import type { CellValue } from '../kpi-values.ts';

export interface KeyFigure {
  testId: string;
  label: string;
  value: string;
  /** Under the figure: what it covers, or why it is withheld. */
  note?: ReactNode;
}

/** A cell as the figure's text and, when withheld, the reason in words. */
export function figureText(
  cell: CellValue,
  measure: { unit: Unit; decimals: number },
  threshold: number,
): { value: string; explanation: string | null } {
  if (cell.suppressed) return { value: suppressionMarker(cell.suppressed, threshold), explanation: suppressionExplanation(cell.suppressed, threshold) };
  if (cell.notReached) return { value: 'Ikke nået', explanation: null };
  if (cell.value === null) return { value: 'Ingen data', explanation: null };
  return { value: formatMeasureValue(cell.value, measure.unit, measure.decimals), explanation: null };
}

/**
 * A count inside a figure's note ("… af de 1.234 afgjorte"): the number, or the marker when it is
 * withheld, so a note never gives away a count the figure itself withholds.
 */
export function countInText(cell: CellValue, threshold: number): string | null {
  if (cell.suppressed) return suppressionMarker(cell.suppressed, threshold);
  return cell.value === null ? null : formatMeasureValue(cell.value, 'antal', 0);
}

export function KeyFigures({ figures, label }: { figures: KeyFigure[]; label: string }): ReactElement {
  return (
    <dl className="key-figures" aria-label={label}>
      {figures.map((figure) => (
        <div key={figure.testId} className="key-figure">
          <dt>{figure.label}</dt>
          <dd className="key-figure-value" data-testid={figure.testId}>
            {figure.value}
          </dd>
          {figure.note ? <dd className="key-figure-note">{figure.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
