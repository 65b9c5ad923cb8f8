/**
 * The 2018 plan's published reference figures: unit cost (2016 prices) and rank among the 29
 * comparable municipalities, recipients per 1,000 inhabitants, and its expenditure figures — with
 * the latest whole year computed the same way beside them.
 */
import type { ReactElement } from 'react';
import type { PlanFigures } from '@sol/api/schemas/plan-figures.ts';
import { formatDecimal } from '@sol/domain/format-danish.ts';
import { useFilterChoices } from '../../../shared/api/get-filter-choices.ts';
import { useKpi } from '../../../shared/api/get-kpi.ts';
import { usePlan } from '../../../shared/api/get-plan.ts';
import { PlanFiguresTable } from '../../../shared/components/PlanFiguresTable.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { snapshotParams, useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { cellValue } from '../../../shared/kpi-values.ts';

/** The plan states unit costs in 2016 prices; the live figure is converted to the same level. */
const PLAN_PRICE_YEAR = 2016;

function formatPlanValue(value: number, unit: string): string {
  switch (unit) {
    case 'mio. kr.':
      return `${formatDecimal(value, 1)} mio. kr.`;
    case '%':
      return `${formatDecimal(value, 1)} %`;
    case 'antal':
      return formatDecimal(value, 0);
    default:
      return `${formatDecimal(value, Number.isInteger(value) ? 0 : 1)} ${unit}`;
  }
}

/** The last year with data to 31 December (the current year is not over yet). */
function useLatestWholeYear(): number | null {
  const choices = useFilterChoices();
  const asOf = choices.data?.defaultAsOf;
  if (!asOf) return null;
  const year = Number(asOf.slice(0, 4));
  return asOf.endsWith('-12-31') ? year : year - 1;
}

function KeyFigureTable({ plan }: { plan: PlanFigures }): ReactElement {
  const year = useLatestWholeYear();
  const [filters] = useGlobalFilters();
  // All recipients, without the page's filters: the plan's figures are for the whole municipality (a snapshot still applies).
  const live = useKpi('recipients', { year: year ?? undefined, prices: 'fixed', base: PLAN_PRICE_YEAR, ...snapshotParams(filters) }, year !== null);
  const unitCost = cellValue(live.data?.rows, 'unitCost');
  const perThousand = cellValue(live.data?.rows, 'perThousand');
  const liveText = (value: number | null, format: (value: number) => string): string =>
    live.isPending ? 'Henter …' : live.isError ? 'Kunne ikke hentes' : value === null ? '–' : format(value);
  return (
    <div className="table-scroll">
      <table className="data-table plan-table" data-testid="plan-key-figures">
        <caption>Planens nøgletal og seneste hele år</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col" className="numeric">
              Enhedsudgift pr. modtager ({PLAN_PRICE_YEAR}-priser)
            </th>
            <th scope="col" className="numeric">
              Placering blandt 29 kommuner
            </th>
            <th scope="col" className="numeric">
              Modtagere pr. 1.000 indbyggere
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.keyFigures.map((figure) => (
            <tr key={figure.year}>
              <th scope="row" className="plan-key-year">{figure.year} (planen)</th>
              <td className="numeric">{formatDecimal(figure.unitCost2016Prices, 0)} kr.</td>
              <td className="numeric">nr. {figure.rankOf29}</td>
              <td className="numeric">{formatDecimal(figure.recipientsPer1000, 1)}</td>
            </tr>
          ))}
          {year !== null ? (
            <tr className="live-row" data-testid="plan-key-figures-live">
              <th scope="row" className="plan-key-year">{year} (i dag)</th>
              <td className="numeric">{liveText(unitCost.value, (value) => `${formatDecimal(value, 0)} kr.`)}</td>
              <td className="numeric">
                ikke opgjort<span className="visually-hidden"> (placeringen kræver de andre kommuners tal)</span>
              </td>
              <td className="numeric">{liveText(perThousand.value, (value) => formatDecimal(value, 1))}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

export function PlanReference(): ReactElement {
  const plan = usePlan();
  return (
    <section aria-labelledby="plan-heading" className="page-section">
      <h2 id="plan-heading">Planen for 2018–2022: tallene den byggede på</h2>
      <p className="section-lead">
        «Plan for det specialiserede socialområde for voksne 2018–2022» beskrev udgangspunktet med nøgletal og udgiftstal. Her står de ved siden af
        det seneste hele år, regnet på samme måde: enhedsudgiften i {PLAN_PRICE_YEAR}-priser og modtagere pr. 1.000 indbyggere for alle modtagere.
      </p>
      <QueryResult query={plan} loading="Henter planens tal …" error="Planens tal kunne ikke hentes">
        {(figures) => (
          <div className="plan-grid">
            <KeyFigureTable plan={figures} />
            <div className="table-scroll">
              <PlanFiguresTable figures={figures.expenditure} caption="Planens udgiftstal" testId="plan-expenditure-figures" formatValue={formatPlanValue} />
            </div>
            <p className="chart-source plan-source">{figures.source}</p>
          </div>
        )}
      </QueryResult>
    </section>
  );
}
