/**
 * "Vis som tabel": the chart's numbers as an accessible table — the same spec, so the table and
 * the chart can never disagree. Withheld values show their marker with the reason in the title
 * and a footnote.
 */
import type { ReactElement } from 'react';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { formatChartValue } from '@sol/charts/format-value.ts';
import { suppressionExplanation } from '@sol/domain/suppression-text.ts';

export function ChartTable({ spec, onDrill }: { spec: ChartSpec; onDrill?: ((index: number) => void) | undefined }): ReactElement {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">
          {spec.title}, {spec.subtitle}
        </caption>
        <thead>
          <tr>
            <th scope="col">{spec.categoryTitle}</th>
            {spec.series.map((series) => (
              <th scope="col" key={series.key} className="numeric">
                {series.name}
              </th>
            ))}
            {onDrill ? <th scope="col">Rækker</th> : null}
          </tr>
        </thead>
        <tbody>
          {spec.categories.map((category, index) => (
            <tr key={`${category}-${index}`}>
              <th scope="row">{spec.kind === 'step' ? `Dag ${category}` : category}</th>
              {spec.series.map((series) => {
                const suppressed = series.suppressed[index] ?? null;
                return (
                  <td key={series.key} className="numeric" title={suppressed ? suppressionExplanation(suppressed, spec.suppressionThreshold) : undefined}>
                    {formatChartValue(series.values[index] ?? null, suppressed, spec.unit, spec.decimals, spec.suppressionThreshold, series.notes?.[index] ?? null)}
                  </td>
                );
              })}
              {onDrill ? (
                <td>
                  <button type="button" className="button-link" onClick={() => onDrill(index)}>
                    Vis rækker<span className="visually-hidden"> for {category}</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
