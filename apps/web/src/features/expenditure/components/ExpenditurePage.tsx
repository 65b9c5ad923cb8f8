/**
 * Økonomi (K2): what the adult social services (5.38) cost, per chart-of-accounts function —
 * over the years, and for the chosen period against budget and forecast — with the 2018 plan's
 * published figures and its planned effect beside the realised effect, which is entered here.
 */
import type { ReactElement } from 'react';
import type { KpiResult } from '@sol/api/schemas/kpi-result.ts';
import { formatDecimal, formatMeasureValue } from '@sol/domain/format-danish.ts';
import { useKpi } from '../../../shared/api/get-kpi.ts';
import { KeyFigures, figureText, type KeyFigure } from '../../../shared/components/KeyFigures.tsx';
import { KpiAbout, UnsupportedFiltersNote } from '../../../shared/components/KpiAbout.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { kpiParams, unsupportedFilters, useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { formatSigned } from '../../../shared/format.ts';
import { catalogueMeasure, cellValue } from '../../../shared/kpi-values.ts';
import { BudgetSection } from './BudgetSection.tsx';
import { ExpenditureTrends } from './ExpenditureTrends.tsx';
import { PlanEffect } from './PlanEffect.tsx';
import { PlanReference } from './PlanReference.tsx';

const KPI_ID = 'expenditure';

function PricesNote({ result, fixed, onSwitch }: { result: KpiResult | undefined; fixed: boolean; onSwitch: () => void }): ReactElement {
  const baseYear = result?.query.prices.baseYear ?? null;
  const text =
    result?.query.prices.kind === 'fixed'
      ? `Beløbene er i faste ${baseYear ?? ''}-priser: hvert års beløb er omregnet med pris- og lønindekset til ${baseYear ?? 'basisårets'}-niveau, så årene kan sammenlignes.`
      : 'Beløbene er i løbende priser: hvert år i sit eget prisniveau. Vælg faste priser for at sammenligne årene uden pris- og lønudviklingen.';
  return (
    <div className="prices-note" data-testid="prices-note">
      <p>
        <span className="info-icon" aria-hidden="true">i</span>
        {result ? text : 'Henter prisgrundlaget …'}
      </p>
      <button type="button" className="button button-secondary button-compact" onClick={onSwitch}>
        {fixed ? 'Vis i løbende priser' : 'Vis i faste priser'}
      </button>
    </div>
  );
}

function deviationNote(deviation: number | null): string {
  if (deviation === null) return '';
  if (deviation > 0) return 'Forventet regnskab er over det korrigerede budget.';
  if (deviation < 0) return 'Forventet regnskab er under det korrigerede budget.';
  return 'Forventet regnskab svarer til det korrigerede budget.';
}

function PeriodFigures({ result }: { result: KpiResult }): ReactElement {
  const threshold = result.suppressionThreshold;
  const budgetYear = result.period.to.slice(0, 4);
  const figure = (measureId: string, label: string, note?: string): KeyFigure => {
    const { measure } = catalogueMeasure(KPI_ID, measureId);
    const text = figureText(cellValue(result.rows, measureId), measure, threshold);
    return { testId: `figure-expenditure-${measureId}`, label, value: text.value, note: text.explanation ?? note };
  };
  const deviation = cellValue(result.rows, 'deviation').value;
  const growth = cellValue(result.rows, 'growth').value;
  const original = cellValue(result.rows, 'budgetOriginal').value;
  return (
    <KeyFigures
      label={`Nøgletal for ${result.period.label}`}
      figures={[
        figure('amount', `Udgift (netto), ${result.period.label}`, 'Bogførte posteringer på 5.38 i perioden.'),
        figure(
          'budgetCorrected',
          `Korrigeret budget ${budgetYear}`,
          original !== null ? `Oprindeligt budget: ${formatMeasureValue(original, 'kr', 0)}` : undefined,
        ),
        figure('forecast', `Forventet regnskab ${budgetYear}`, 'Seneste forventede regnskab, opgjort senest på opgørelsesdatoen.'),
        {
          testId: 'figure-expenditure-deviation',
          label: 'Afvigelse (forventet − korrigeret budget)',
          value: deviation === null ? 'Ingen data' : formatSigned(deviation, (value) => formatMeasureValue(value, 'kr', 0)),
          note: deviationNote(deviation),
        },
        {
          testId: 'figure-expenditure-growth',
          label: 'Vækst i forhold til året før',
          value: growth === null ? 'Ingen data' : formatSigned(growth, (value) => `${formatDecimal(value * 100, 1)} %`),
          note: 'Samme periode et år tidligere, i samme prisgrundlag.',
        },
        figure('perInhabitant', 'Udgift pr. indbygger', 'Alle indbyggere pr. 1. januar.'),
      ]}
    />
  );
}

export function ExpenditurePage(): ReactElement {
  const { kpi } = catalogueMeasure(KPI_ID, 'amount');
  const [filters, update] = useGlobalFilters();
  const periodParams = kpiParams(filters, kpi, { by: 'function' });
  const period = useKpi(kpi.id, periodParams);

  return (
    <>
      <h1>Økonomi</h1>
      <p className="lead">
        Hvad koster det specialiserede socialområde for voksne (kontoplanens 5.38), og hvor går pengene hen? Siden viser udgiften pr. funktion over
        årene, periodens forbrug over for budget og forventet regnskab, og planen fra 2018 med den planlagte og den realiserede effekt.
      </p>
      <UnsupportedFiltersNote labels={unsupportedFilters(filters, kpi)} kpiTitle="Udgifterne" />
      <PricesNote result={period.data} fixed={filters.prices === 'fixed'} onSwitch={() => update({ prices: filters.prices === 'fixed' ? null : 'fixed' })} />

      <section aria-labelledby="expenditure-period-heading" className="page-section">
        <h2 id="expenditure-period-heading">Perioden {period.data ? period.data.period.label : ''}</h2>
        <QueryResult query={period} loading="Henter tallene …" error="Tallene kunne ikke hentes">
          {(result) => <PeriodFigures result={result} />}
        </QueryResult>
        <KpiAbout kpi={kpi} />
      </section>

      <ExpenditureTrends />

      <BudgetSection result={period.data} params={periodParams} isLoading={period.isPending} error={period.error} />

      <PlanReference />

      <PlanEffect />
    </>
  );
}
