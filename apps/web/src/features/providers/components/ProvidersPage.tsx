/**
 * Tilbud (K6): citizens and expenditure at the municipality's own (internal) providers and at
 * bought (external) ones, the internal share over the years, and every provider's occupancy in a
 * sortable table — with drill to the citizens behind a count.
 */
import { useState, type ReactElement } from 'react';
import type { KpiResult } from '@sol/api/schemas/kpi-result.ts';
import type { PlanFigures } from '@sol/api/schemas/plan-figures.ts';
import { breakdownSpec, markPartialYears, seriesSpec } from '@sol/charts/kpi-chart-specs.ts';
import { formatDecimal, formatMeasureValue } from '@sol/domain/format-danish.ts';
import { useCan } from '../../../shared/access/roles.ts';
import { kpiDownload } from '../../../shared/api/export-urls.ts';
import { useKpi, type KpiParams } from '../../../shared/api/get-kpi.ts';
import { usePlan } from '../../../shared/api/get-plan.ts';
import { ChartPanel } from '../../../shared/components/ChartPanel.tsx';
import { DownloadMenu } from '../../../shared/components/DownloadMenu.tsx';
import { DrillDialog, type DrillTarget } from '../../../shared/components/DrillDialog.tsx';
import { KeyFigures, figureText, type KeyFigure } from '../../../shared/components/KeyFigures.tsx';
import { KpiAbout, UnsupportedFiltersNote } from '../../../shared/components/KpiAbout.tsx';
import { PlanFiguresTable } from '../../../shared/components/PlanFiguresTable.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { kpiParams, unsupportedFilters, useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { catalogueMeasure, cellValue, pricesText } from '../../../shared/kpi-values.ts';
import { useStrategyAnnotations, useTrendKpi } from '../../../shared/trend.ts';
import { ProviderTable } from './ProviderTable.tsx';

const KPI_ID = 'providers';
const { kpi } = catalogueMeasure(KPI_ID, 'citizens');

/** Filters on the citizen that postings cannot follow (catalogue note): expenditure is then not shown. */
const CITIZEN_FILTERS = ['targetGroup', 'paragraph', 'ageBand'] as const;

function PeriodFigures({ result, citizenFiltered }: { result: KpiResult; citizenFiltered: boolean }): ReactElement {
  const threshold = result.suppressionThreshold;
  const figure = (testId: string, label: string, measureId: string, group: string | null, note: string): KeyFigure => {
    const { measure } = catalogueMeasure(KPI_ID, measureId);
    const text = figureText(cellValue(result.rows, measureId, group), measure, threshold);
    return { testId, label, value: text.value, note: text.explanation ?? note };
  };
  const expenditureNote = citizenFiltered
    ? 'Vises ikke ved filter på målgruppe, paragraf eller alder: posteringer kan ikke knyttes til borgere.'
    : `Posteringer knyttet til tilbuddene, ${pricesText(result)}.`;
  return (
    <KeyFigures
      label={`Nøgletal for ${result.period.label}`}
      figures={[
        figure('figure-providers-citizens', 'Borgere hos et tilbud', 'citizens', null, 'Borgere med en aktiv indsats hos et tilbud i perioden.'),
        figure('figure-providers-internalShare', 'Andel hos interne tilbud', 'internalShare', null, 'Borgere hos interne tilbud ÷ borgere hos et tilbud.'),
        figure('figure-providers-citizens-intern', 'Borgere hos interne tilbud', 'citizens', 'intern', 'Tilbud, kommunen selv driver.'),
        figure('figure-providers-citizens-ekstern', 'Borgere hos eksterne tilbud', 'citizens', 'ekstern', 'Tilbud, kommunen køber.'),
        figure('figure-providers-expenditure-intern', 'Udgift til interne tilbud', 'expenditure', 'intern', expenditureNote),
        figure('figure-providers-expenditure-ekstern', 'Udgift til eksterne tilbud', 'expenditure', 'ekstern', expenditureNote),
      ]}
    />
  );
}

function PeriodCharts({
  result,
  params,
  isLoading,
  error,
  onDrill,
}: {
  result: KpiResult | undefined;
  params: KpiParams;
  isLoading: boolean;
  error: Error | null;
  onDrill: (target: DrillTarget) => void;
}): ReactElement {
  const citizens = result ? { ...breakdownSpec(result, ['citizens'], { title: 'Borgere hos interne og eksterne tilbud' }), categoryTitle: 'Driftsform' } : null;
  const expenditure = result ? { ...breakdownSpec(result, ['expenditure'], { title: 'Udgift til interne og eksterne tilbud' }), categoryTitle: 'Driftsform' } : null;
  return (
    <div className="chart-grid">
      <ChartPanel
        title="Borgere hos interne og eksterne tilbud"
        spec={citizens}
        isLoading={isLoading}
        error={error}
        height={220}
        description="En borger med indsatser hos både interne og eksterne tilbud tælles i begge søjler."
        testId="period-providers-citizens"
        download={kpiDownload(KPI_ID, params, { chart: 'breakdown', measures: ['citizens'] })}
        onDrill={
          citizens
            ? (index) =>
                onDrill({
                  kpiId: KPI_ID,
                  params: { ...params, group: citizens.categoryKeys[index] ?? undefined },
                  label: `${citizens.categories[index] ?? ''} · ${result?.period.label ?? ''}`,
                })
            : undefined
        }
      />
      <ChartPanel
        title="Udgift til interne og eksterne tilbud"
        spec={expenditure}
        isLoading={isLoading}
        error={error}
        height={220}
        description="Nettoudgift på posteringer knyttet til tilbuddene. Vises ikke ved filter på målgruppe, paragraf eller alder."
        testId="period-providers-expenditure"
        download={kpiDownload(KPI_ID, params, { chart: 'breakdown', measures: ['expenditure'] })}
      />
    </div>
  );
}

function TrendCharts(): ReactElement {
  const { result: total, params: totalParams } = useTrendKpi(KPI_ID);
  const { result: byOperation, params: byOperationParams } = useTrendKpi(KPI_ID, { by: 'operation' });
  const annotations = useStrategyAnnotations();
  const shareSpec = total.data
    ? markPartialYears({ ...seriesSpec(total.data, ['internalShare'], { annotations, title: 'Andel hos interne tilbud pr. år' }), categoryTitle: 'År' }, total.data.series)
    : null;
  const citizensSpec = byOperation.data
    ? markPartialYears(
        { ...seriesSpec(byOperation.data, ['citizens'], { annotations, title: 'Borgere hos interne og eksterne tilbud pr. år' }), categoryTitle: 'År' },
        byOperation.data.series,
      )
    : null;
  const expenditureSpec = byOperation.data
    ? markPartialYears(
        { ...seriesSpec(byOperation.data, ['expenditure'], { annotations, kind: 'bar', title: 'Udgift til interne og eksterne tilbud pr. år' }), categoryTitle: 'År' },
        byOperation.data.series,
      )
    : null;
  return (
    <section aria-labelledby="providers-trend-heading" className="page-section">
      <h2 id="providers-trend-heading">Udviklingen over årene</h2>
      <div className="chart-grid">
        <ChartPanel
          title="Andel hos interne tilbud pr. år"
          spec={shareSpec}
          isLoading={total.isPending}
          error={total.error}
          height={260}
          description="Borgere hos kommunens egne tilbud som andel af alle borgere hos et tilbud. Strategien ønsker, at andelen stiger."
          testId="trend-providers-internalShare"
          download={kpiDownload(KPI_ID, totalParams, { chart: 'series', measures: ['internalShare'] })}
        />
        <ChartPanel
          title="Borgere hos interne og eksterne tilbud pr. år"
          spec={citizensSpec}
          isLoading={byOperation.isPending}
          error={byOperation.error}
          height={260}
          description="Borgere med en aktiv indsats i året hos interne og hos eksterne tilbud."
          testId="trend-providers-citizens"
          download={kpiDownload(KPI_ID, byOperationParams, { chart: 'series', measures: ['citizens'] })}
        />
        <div className="chart-span-all">
          <ChartPanel
            title="Udgift til interne og eksterne tilbud pr. år"
            spec={expenditureSpec}
            isLoading={byOperation.isPending}
            error={byOperation.error}
            height={260}
            description="Nettoudgift på posteringer knyttet til interne og eksterne tilbud."
            testId="trend-providers-expenditure"
            download={kpiDownload(KPI_ID, byOperationParams, { chart: 'series', measures: ['expenditure'] })}
          />
        </div>
      </div>
    </section>
  );
}

/** The plan's own figures for internal and external offers (its text names them so). */
function planOfferFigures(plan: PlanFigures): PlanFigures['expenditure'] {
  return plan.expenditure.filter((figure) => /^(Interne|Eksterne) /.test(figure.title) || figure.title.startsWith('Pladser solgt'));
}

function formatPlanFigure(value: number, unit: string): string {
  if (unit === 'mio. kr.') return formatMeasureValue(value * 1_000_000, 'kr', 0);
  if (unit === 'antal') return formatDecimal(value, 0);
  return `${formatDecimal(value, 1)} ${unit}`;
}

function PlanFiguresNote(): ReactElement | null {
  const plan = usePlan();
  if (!plan.data) return null;
  const figures = planOfferFigures(plan.data);
  if (figures.length === 0) return null;
  return (
    <div className="table-scroll plan-offers">
      <PlanFiguresTable
        figures={figures}
        caption="Til sammenligning: planen fra 2018 (bo- og dagtilbud, 2017)"
        testId="plan-provider-figures"
        formatValue={formatPlanFigure}
      />
      <p className="table-note">
        Planen talte kun bo- og dagtilbud; tallene ovenfor omfatter alle tilbud, også udkørende støtte. Kilde: {plan.data.source}.
      </p>
    </div>
  );
}

function ProviderSection({ onDrill }: { onDrill: (target: DrillTarget) => void }): ReactElement {
  const canDrill = useCan('rows');
  const [filters] = useGlobalFilters();
  const params = kpiParams(filters, kpi, { by: 'provider' });
  const result = useKpi(KPI_ID, params);
  // The provider rows carry no operation; the same answer for internal providers only tells which are.
  const internal = useKpi(KPI_ID, { ...params, operation: 'intern' });
  const internalCodes = internal.data ? new Set(internal.data.rows.flatMap((row) => (row.group === null ? [] : [row.group]))) : null;
  return (
    <section aria-labelledby="providers-table-heading" className="page-section">
      <h2 id="providers-table-heading">Belægning og borgere pr. tilbud{result.data ? `, ${result.data.period.label}` : ''}</h2>
      <p className="section-lead">
        Hvor fyldte er tilbuddene? Belægningen viser, hvor stor en del af pladserne der er brugt i perioden. Sortér tabellen efter den kolonne, du vil
        se på, og åbn borgerne bag et tilbud med «Vis borgere».
      </p>
      <div className="table-actions">
        <DownloadMenu download={{ kpiId: KPI_ID, params }} subject="tallene pr. tilbud" dataOnly testId="download-providers-table" />
      </div>
      <QueryResult query={result} loading="Henter tilbuddene …" error="Tallene kunne ikke hentes">
        {(data) =>
          data.rows.every((row) => row.group === null) ? (
            <p className="empty">Ingen tilbud med borgere i den valgte periode og med de valgte filtre.</p>
          ) : (
            <ProviderTable
              result={data}
              internalCodes={internalCodes}
              onDrill={canDrill ? (code, name) => onDrill({ kpiId: KPI_ID, params: { ...params, group: code }, label: `${name} · ${data.period.label}` }) : null}
            />
          )
        }
      </QueryResult>
    </section>
  );
}

export function ProvidersPage(): ReactElement {
  const [filters] = useGlobalFilters();
  const periodParams = kpiParams(filters, kpi, { by: 'operation' });
  const period = useKpi(KPI_ID, periodParams);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const citizenFiltered = CITIZEN_FILTERS.some((id) => filters.codes[id].length > 0);

  return (
    <>
      <h1>Tilbud</h1>
      <p className="lead">
        Hvor mange borgere får hjælp i kommunens egne tilbud, og hvor mange i tilbud, kommunen køber? Siden viser borgere og udgifter hos interne og
        eksterne tilbud, hvordan andelen hos interne tilbud har udviklet sig, og hvor fyldt hvert tilbud er.
      </p>
      <UnsupportedFiltersNote labels={unsupportedFilters(filters, kpi)} kpiTitle="Tilbudstallene" />

      <section aria-labelledby="providers-period-heading" className="page-section page-section-first">
        <h2 id="providers-period-heading">Perioden {period.data?.period.label ?? ''}</h2>
        <QueryResult query={period} loading="Henter tallene …" error="Tallene kunne ikke hentes">
          {(result) => <PeriodFigures result={result} citizenFiltered={citizenFiltered} />}
        </QueryResult>
        <PeriodCharts result={period.data} params={periodParams} isLoading={period.isPending} error={period.error} onDrill={setDrill} />
        <PlanFiguresNote />
        <KpiAbout kpi={kpi} />
      </section>

      <TrendCharts />
      <ProviderSection onDrill={setDrill} />
      <DrillDialog target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
