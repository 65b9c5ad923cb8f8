/**
 * Modtagere (K5): how many adults receive a service, per 1,000 inhabitants, how many come and go,
 * and what a recipient costs on average — for the chosen period, over the years, by target group,
 * age band and paragraph (with drill to the citizens), and next to the 2018 plan's figures.
 */
import { useState, type ReactElement } from 'react';
import { useSearchParams } from 'wouter';
import type { KpiResult } from '@sol/api/schemas/kpi-result.ts';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { breakdownSpec, markPartialYears, seriesSpec } from '@sol/charts/kpi-chart-specs.ts';
import { BREAKDOWNS, type BreakdownId } from '@sol/domain/kpi-catalogue.ts';
import { kpiDownload } from '../../../shared/api/export-urls.ts';
import { useKpi } from '../../../shared/api/get-kpi.ts';
import { ChartPanel } from '../../../shared/components/ChartPanel.tsx';
import { DrillDialog, type DrillTarget } from '../../../shared/components/DrillDialog.tsx';
import { KeyFigures, figureText, type KeyFigure } from '../../../shared/components/KeyFigures.tsx';
import { KpiAbout, UnsupportedFiltersNote } from '../../../shared/components/KpiAbout.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { kpiParams, rangeParams, unsupportedFilters, useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { catalogueMeasure, cellValue, pricesText } from '../../../shared/kpi-values.ts';
import { useStrategyAnnotations, useTrendKpi } from '../../../shared/trend.ts';
import { PlanComparison } from './PlanComparison.tsx';

const KPI_ID = 'recipients';
const { kpi } = catalogueMeasure(KPI_ID, 'recipients');

/** The measures the breakdown charts can show; the choice is kept in the URL (?vis=…). */
const BREAKDOWN_MEASURES = [
  { id: 'recipients', label: 'Modtagere' },
  { id: 'perThousand', label: 'Modtagere pr. 1.000 indbyggere' },
  { id: 'newRecipients', label: 'Nye modtagere' },
  { id: 'endedRecipients', label: 'Ophørte modtagere' },
] as const;
type BreakdownMeasure = (typeof BREAKDOWN_MEASURES)[number]['id'];

const BREAKDOWN_TEXT: Record<'targetGroup' | 'ageBand' | 'paragraph', string> = {
  targetGroup: 'Borgerens målgruppe.',
  ageBand: 'Alderen på periodens slutdato (år minus fødselsår).',
  paragraph: 'En borger tælles under hver paragraf, hun har en aktiv indsats efter; grupperne summer derfor ikke til totalen.',
};

function PeriodFigures({ result, filtered }: { result: KpiResult; filtered: boolean }): ReactElement {
  const threshold = result.suppressionThreshold;
  const figure = (measureId: string, note: string): KeyFigure => {
    const { measure } = catalogueMeasure(KPI_ID, measureId);
    // Per 1,000: the unit is in the label, and the bare number reads better large.
    const shown = measure.unit === 'pr1000' ? { ...measure, unit: 'antal' as const } : measure;
    const text = figureText(cellValue(result.rows, measureId), shown, threshold);
    return { testId: `figure-recipients-${measureId}`, label: measure.title, value: text.value, note: text.explanation ?? note };
  };
  return (
    <KeyFigures
      label={`Nøgletal for ${result.period.label}`}
      figures={[
        figure('recipients', 'Borgere med mindst én aktiv indsats i perioden.'),
        figure('perThousand', 'Alle indbyggere pr. 1. januar er nævneren.'),
        figure('newRecipients', 'Borgerens første indsats nogensinde starter i perioden.'),
        figure('endedRecipients', 'Sidste indsats slutter i perioden, og ingen er aktiv ved periodens slutning.'),
        filtered && cellValue(result.rows, 'unitCost').value === null
          ? {
              testId: 'figure-recipients-unitCost',
              label: catalogueMeasure(KPI_ID, 'unitCost').measure.title,
              value: 'Vises ikke',
              note: 'Vises kun uden filtre: udgifterne kan ikke fordeles på målgruppe, alder eller paragraf.',
            }
          : figure('unitCost', `Udgifterne på 5.38 i perioden delt med modtagerne, ${pricesText(result)}.`),
      ]}
    />
  );
}

function TrendPanels({ onDrill }: { onDrill: (target: DrillTarget) => void }): ReactElement {
  const { result: trend, params: trendParams } = useTrendKpi(KPI_ID);
  const annotations = useStrategyAnnotations();
  const [filters] = useGlobalFilters();
  const countsSpec = trend.data
    ? markPartialYears(
        { ...seriesSpec(trend.data, ['recipients', 'newRecipients', 'endedRecipients'], { annotations, title: 'Modtagere, nye og ophørte pr. år' }), categoryTitle: 'År' },
        trend.data.series,
      )
    : null;
  const costSpec = trend.data
    ? markPartialYears({ ...seriesSpec(trend.data, ['unitCost'], { annotations, kind: 'bar' }), categoryTitle: 'År' }, trend.data.series)
    : null;
  const period = trend.data?.period;
  return (
    <section aria-labelledby="recipients-trend-heading" className="page-section">
      <h2 id="recipients-trend-heading">Udviklingen over årene</h2>
      <div className="chart-grid">
        <ChartPanel
          title="Modtagere, nye og ophørte pr. år"
          spec={countsSpec}
          isLoading={trend.isPending}
          error={trend.error}
          height={280}
          description="Modtagere med en aktiv indsats i året, og hvor mange der kom til og holdt op."
          testId="trend-recipients-counts"
          download={kpiDownload(KPI_ID, trendParams, { chart: 'series', measures: ['recipients', 'newRecipients', 'endedRecipients'] })}
          onDrill={
            countsSpec && period
              ? (index) =>
                  onDrill({
                    kpiId: KPI_ID,
                    params: { ...rangeParams(filters, kpi, period.from, period.to), point: countsSpec.categoryKeys[index] ?? undefined },
                    label: `Modtagere ${countsSpec.categories[index] ?? ''}`,
                  })
              : undefined
          }
        />
        <ChartPanel
          title="Enhedsudgift pr. modtager pr. år"
          spec={costSpec}
          isLoading={trend.isPending}
          error={trend.error}
          height={280}
          description="Udgifterne på 5.38 i året delt med årets modtagere. Vises kun uden filtre på målgruppe, alder eller paragraf."
          testId="trend-recipients-unitCost"
          download={kpiDownload(KPI_ID, trendParams, { chart: 'series', measures: ['unitCost'] })}
        />
      </div>
    </section>
  );
}

/** Groups in their codes' natural order (§ 82 a, 85, 101 …), not as text ("101" before "82a"). */
function inNaturalOrder(spec: ChartSpec): ChartSpec {
  const order = spec.categoryKeys
    .map((key, index) => ({ key: key ?? '', index }))
    .sort((a, b) => a.key.localeCompare(b.key, 'da', { numeric: true }))
    .map((entry) => entry.index);
  const pick = <T,>(values: readonly T[]): T[] => order.map((index) => values[index] as T);
  return {
    ...spec,
    categories: pick(spec.categories),
    categoryKeys: pick(spec.categoryKeys),
    series: spec.series.map((series) => ({ ...series, values: pick(series.values), suppressed: pick(series.suppressed) })),
  };
}

function BreakdownPanel({
  by,
  measureId,
  onDrill,
}: {
  by: 'targetGroup' | 'ageBand' | 'paragraph';
  measureId: BreakdownMeasure;
  onDrill: (target: DrillTarget) => void;
}): ReactElement {
  const [filters] = useGlobalFilters();
  const params = kpiParams(filters, kpi, { by });
  const result = useKpi(KPI_ID, params);
  const { measure } = catalogueMeasure(KPI_ID, measureId);
  const title = `${measure.title} fordelt på ${BREAKDOWNS[by as BreakdownId].toLowerCase()}`;
  const base = result.data ? breakdownSpec(result.data, [measureId], { title }) : null;
  const spec = base ? inNaturalOrder({ ...base, horizontal: true, categoryTitle: BREAKDOWNS[by as BreakdownId] }) : null;
  const groups = spec?.categories.length ?? 6;
  return (
    <ChartPanel
      title={title}
      spec={spec}
      isLoading={result.isPending}
      error={result.error}
      height={groups * 30 + 60}
      description={BREAKDOWN_TEXT[by]}
      testId={`breakdown-recipients-${by}-${measureId}`}
      download={kpiDownload(KPI_ID, params, { chart: 'breakdown', measures: [measureId] })}
      onDrill={
        spec
          ? (index) =>
              onDrill({
                kpiId: KPI_ID,
                params: { ...params, group: spec.categoryKeys[index] ?? undefined },
                label: `${spec.categories[index] ?? ''} · ${result.data?.period.label ?? ''}`,
              })
          : undefined
      }
    />
  );
}

function Breakdowns({ onDrill }: { onDrill: (target: DrillTarget) => void }): ReactElement {
  const [search, setSearch] = useSearchParams();
  const chosen = BREAKDOWN_MEASURES.find((option) => option.id === search.get('vis'))?.id ?? 'recipients';
  return (
    <section aria-labelledby="recipients-breakdown-heading" className="page-section">
      <h2 id="recipients-breakdown-heading">Fordelt på målgruppe, alder og paragraf</h2>
      <div className="section-controls">
        <label htmlFor="recipients-measure">Vis</label>
        <select
          id="recipients-measure"
          value={chosen}
          onChange={(event) =>
            setSearch((current) => {
              const next = new URLSearchParams(current);
              if (event.target.value === 'recipients') next.delete('vis');
              else next.set('vis', event.target.value);
              return next;
            })
          }
        >
          {BREAKDOWN_MEASURES.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="chart-grid">
        <BreakdownPanel by="targetGroup" measureId={chosen} onDrill={onDrill} />
        <BreakdownPanel by="ageBand" measureId={chosen} onDrill={onDrill} />
      </div>
      <div className="chart-stack">
        <BreakdownPanel by="paragraph" measureId={chosen} onDrill={onDrill} />
      </div>
    </section>
  );
}

export function RecipientsPage(): ReactElement {
  const [filters] = useGlobalFilters();
  const period = useKpi(KPI_ID, kpiParams(filters, kpi));
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const filtered = kpi.filters.some((id) => filters.codes[id].length > 0);

  return (
    <>
      <h1>Modtagere</h1>
      <p className="lead">
        Hvor mange voksne får en indsats efter serviceloven, hvor mange er det pr. 1.000 indbyggere, hvor mange kommer til og holder op, og hvad koster en
        modtager i gennemsnit? Tallene kan opdeles på målgruppe, alder og paragraf og sammenlignes med planen fra 2018.
      </p>
      <UnsupportedFiltersNote labels={unsupportedFilters(filters, kpi)} kpiTitle="Modtagertallene" />

      <section aria-labelledby="recipients-period-heading" className="page-section page-section-first">
        <h2 id="recipients-period-heading">Perioden {period.data?.period.label ?? ''}</h2>
        <QueryResult query={period} loading="Henter tallene …" error="Tallene kunne ikke hentes">
          {(result) => <PeriodFigures result={result} filtered={filtered} />}
        </QueryResult>
        <KpiAbout kpi={kpi} />
      </section>

      <TrendPanels onDrill={setDrill} />
      <Breakdowns onDrill={setDrill} />
      <PlanComparison />
      <DrillDialog target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
