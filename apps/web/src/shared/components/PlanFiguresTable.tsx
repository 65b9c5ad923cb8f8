/**
 * Figures quoted from the 2018 plan as a table of the plan's own wording and the value. Økonomi
 * lists all of the plan's expenditure figures and Tilbud those about its offers; one table keeps
 * the two pages reading (and styled, .plan-table) alike. The values are formatted by the page:
 * Økonomi keeps the plan's units, Tilbud writes them the way its own figures are written.
 */
import type { ReactElement } from 'react';
import type { PlanFigures } from '@sol/api/schemas/plan-figures.ts';

export function PlanFiguresTable({
  figures,
  caption,
  testId,
  formatValue,
}: {
  figures: PlanFigures['expenditure'];
  caption: string;
  testId: string;
  formatValue: (value: number, unit: string) => string;
}): ReactElement {
  return (
    <table className="data-table plan-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Tal i planen</th>
          <th scope="col" className="numeric">
            Værdi
          </th>
        </tr>
      </thead>
      <tbody>
        {figures.map((figure) => (
          <tr key={figure.title}>
            <th scope="row">{figure.title}</th>
            <td className="numeric">{formatValue(figure.value, figure.unit)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
