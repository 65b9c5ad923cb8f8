/**
 * A strategy indicator's values year by year, as the strategy page and the Afrapportering page
 * show them: the baseline year and a part year marked, withheld values as "<5" or "–" with the
 * reason on hover (the same text as the report's note).
 */
import type { ReactElement } from 'react';
import type { IndicatorProgress } from '@sol/api/schemas/strategy.ts';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { indicatorValueText } from '@sol/domain/indicator-text.ts';
import type { Unit } from '@sol/domain/kpi-catalogue.ts';
import { suppressionExplanation } from '@sol/domain/suppression-text.ts';

export function IndicatorValuesTable({ indicator, threshold }: { indicator: IndicatorProgress; threshold: number }): ReactElement {
  const unit = indicator.measure.unit as Unit;
  const decimals = indicator.measure.decimals;
  return (
    <div className="table-scroll">
      <table className="data-table indicator-values" data-testid={`indicator-values-${indicator.indicatorId}`}>
        <caption>{indicator.measure.title} år for år</caption>
        <thead>
          <tr>
            <th scope="row">År</th>
            {indicator.values.map((point) => (
              <th scope="col" key={point.year} className="numeric">
                {point.year}
                {point.year === indicator.baselineYear ? <span className="indicator-year-note"> basisår</span> : null}
                {!point.asOf.endsWith('-12-31') ? <span className="indicator-year-note"> til {formatIsoDate(point.asOf)}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Værdi</th>
            {indicator.values.map((point) => (
              <td
                key={point.year}
                className="numeric"
                title={point.suppressed ? suppressionExplanation(point.suppressed, threshold) : undefined}
                data-testid={`indicator-value-${indicator.indicatorId}-${point.year}`}
              >
                {indicatorValueText(point, unit, decimals, threshold)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
