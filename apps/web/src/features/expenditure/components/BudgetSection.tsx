/**
 * The chosen period per function: spending against the corrected budget and the latest forecast
 * as sideways bars (the functions' names are long), and every measure in one table with the total.
 */
import type { ReactElement } from 'react';
import type { KpiResult, KpiResultRow } from '@sol/api/schemas/kpi-result.ts';
import { breakdownSpec } from '@sol/charts/kpi-chart-specs.ts';
import { formatDecimal, formatIsoDate } from '@sol/domain/format-danish.ts';
import { kpiDownload } from '../../../shared/api/export-urls.ts';
import type { KpiParams } from '../../../shared/api/get-kpi.ts';
import { ChartPanel } from '../../../shared/components/ChartPanel.tsx';
import { DownloadMenu } from '../../../shared/components/DownloadMenu.tsx';
import { formatSigned } from '../../../shared/format.ts';

const CHART_MEASURES = ['amount', 'budgetCorrected', 'forecast'];

/** Budgets are written in 1.000 kr. in Danish municipalities; the table follows that. */
function thousands(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : formatDecimal(value / 1000, 0);
}

function percent(value: number | null | undefined, signed = false): string {
  if (value === null || value === undefined) return '–';
  return signed ? formatSigned(value, (absolute) => `${formatDecimal(absolute * 100, 1)} %`) : `${formatDecimal(value * 100, 1)} %`;
}

function Deviation({ value }: { value: number | null | undefined }): ReactElement {
  if (value === null || value === undefined) return <>–</>;
  const word = value > 0 ? 'over' : value < 0 ? 'under' : 'på budget';
  return (
    <>
      {formatSigned(value, (absolute) => formatDecimal(absolute / 1000, 0))} <span className="deviation-word">{word}</span>
    </>
  );
}

function isWholeYear(result: KpiResult): boolean {
  return result.period.from.endsWith('-01-01') && result.period.to.endsWith('-12-31') && result.period.from.slice(0, 4) === result.period.to.slice(0, 4);
}

function FunctionRow({ row, header }: { row: KpiResultRow; header: 'row' | 'total' }): ReactElement {
  const v = row.values;
  return (
    <tr className={header === 'total' ? 'total-row' : undefined} data-testid={`budget-row-${row.group ?? 'total'}`}>
      <th scope="row">{row.label}</th>
      <td className="numeric">{thousands(v.amount)}</td>
      <td className="numeric">{thousands(v.budgetOriginal)}</td>
      <td className="numeric">{thousands(v.budgetCorrected)}</td>
      <td className="numeric">{thousands(v.forecast)}</td>
      <td className="numeric">
        <Deviation value={v.deviation} />
      </td>
      <td className="numeric">{percent(v.shareOfTotal)}</td>
      <td className="numeric">{percent(v.growth, true)}</td>
      <td className="numeric">{v.perInhabitant === null || v.perInhabitant === undefined ? '–' : formatDecimal(v.perInhabitant, 0)}</td>
    </tr>
  );
}

function BudgetTable({ result }: { result: KpiResult }): ReactElement {
  const groups = result.rows.filter((row) => row.group !== null);
  const totalRow = result.rows.find((row) => row.group === null);
  const prices = result.query.prices.kind === 'fixed' ? `faste ${result.query.prices.baseYear ?? ''}-priser` : 'løbende priser';
  return (
    <div className="table-scroll table-scroll-tall" role="region" aria-label="Tabel: udgift, budget og forventet regnskab pr. funktion" tabIndex={0}>
      <table className="data-table budget-table" data-testid="table-expenditure-functions">
        <caption>
          Udgift, budget og forventet regnskab pr. funktion, {result.period.label}. Beløb i 1.000 kr., {prices}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Funktion</th>
            <th scope="col" className="numeric">
              Udgift (netto)
            </th>
            <th scope="col" className="numeric">
              Oprindeligt budget
            </th>
            <th scope="col" className="numeric">
              Korrigeret budget
            </th>
            <th scope="col" className="numeric">
              Forventet regnskab
            </th>
            <th scope="col" className="numeric">
              Afvigelse<span className="visually-hidden"> (forventet minus korrigeret budget)</span>
            </th>
            <th scope="col" className="numeric">
              Andel af udgiften
            </th>
            <th scope="col" className="numeric">
              Vækst på et år
            </th>
            <th scope="col" className="numeric">
              Pr. indbygger (kr.)
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((row) => (
            <FunctionRow key={row.group} row={row} header="row" />
          ))}
        </tbody>
        {totalRow ? (
          <tfoot>
            <FunctionRow row={totalRow} header="total" />
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

export function BudgetSection({
  result,
  params,
  isLoading,
  error,
}: {
  result: KpiResult | undefined;
  /** The request `result` answers (by function), for the downloads. */
  params: KpiParams;
  isLoading: boolean;
  error: Error | null;
}): ReactElement {
  const download = kpiDownload('expenditure', params, { chart: 'breakdown', measures: CHART_MEASURES });
  const base = result ? breakdownSpec(result, CHART_MEASURES, { title: 'Udgift, korrigeret budget og forventet regnskab pr. funktion' }) : null;
  const spec = base ? { ...base, horizontal: true, categoryTitle: 'Funktion' } : null;
  const groups = spec?.categories.length ?? 12;
  const partYear = result && !isWholeYear(result);
  return (
    <section aria-labelledby="budget-heading" className="page-section">
      <h2 id="budget-heading">Budget, forbrug og forventet regnskab{result ? `, ${result.period.label}` : ''}</h2>
      {partYear ? (
        <p className="message message-info" data-testid="budget-part-year">
          <span className="info-icon" aria-hidden="true">i</span>
          Udgiften er bogført fra {formatIsoDate(result.period.from)} til {formatIsoDate(result.period.to)}, mens budget og forventet regnskab gælder hele{' '}
          {result.period.to.slice(0, 4)}. Udgiften bliver derfor mindre end budgettet, indtil året er omme.
        </p>
      ) : null}
      <ChartPanel
        title="Udgift, korrigeret budget og forventet regnskab pr. funktion"
        spec={spec}
        isLoading={isLoading}
        error={error}
        // Three bars per function and room for two-line names.
        height={groups * 54 + 70}
        description="Hver funktion har tre søjler: udgiften i perioden, det korrigerede budget og det seneste forventede regnskab for året."
        testId="budget-expenditure-functions"
        download={download}
      />
      {result ? (
        <>
          <div className="table-heading-row">
            <h3 className="table-heading">Alle tal pr. funktion</h3>
            {download ? <DownloadMenu download={download} subject="alle tal pr. funktion" dataOnly testId="download-budget-table" /> : null}
          </div>
          <BudgetTable result={result} />
          <p className="table-note">
            Afvigelse = forventet regnskab minus korrigeret budget; et plus betyder, at det forventede regnskab er over budget. Vækst sammenligner med
            samme periode året før.
          </p>
        </>
      ) : null}
    </section>
  );
}
