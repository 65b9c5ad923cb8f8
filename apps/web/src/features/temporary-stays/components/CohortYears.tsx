/**
 * Stay length by start year, from the first year with data to the as-of date: the Kaplan–Meier
 * median and the share ended within 365 days of the stays that started each year, with the
 * strategy's start marked. Always start-year cohorts — each year is the stays that began in it —
 * so the years can be compared whatever the period's cohort choice is. A bar opens its stays.
 */
import type { ReactElement } from 'react';
import type { KpiResult } from '@sol/api/schemas/kpi-result.ts';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { breakdownSpec } from '@sol/charts/kpi-chart-specs.ts';
import { kpiDownload } from '../../../shared/api/export-urls.ts';
import { ChartPanel } from '../../../shared/components/ChartPanel.tsx';
import type { DrillTarget } from '../../../shared/components/DrillDialog.tsx';
import { catalogueMeasure } from '../../../shared/kpi-values.ts';
import { useStrategyAnnotations, useTrendKpi } from '../../../shared/trend.ts';

const { kpi } = catalogueMeasure('temporary-stays', 'medianDays');

/** Bars per start year, named by the year alone ("Startet i 2024" would crowd the axis). */
function yearSpec(result: KpiResult, measureId: string, title: string, annotations: ChartSpec['annotations']): ChartSpec {
  const spec = breakdownSpec(result, [measureId], { title, annotations });
  return { ...spec, categories: spec.categoryKeys.map((key, index) => key ?? spec.categories[index] ?? ''), categoryTitle: 'Startår' };
}

export function CohortYears({ onDrill }: { onDrill: (target: DrillTarget) => void }): ReactElement {
  // The start-year breakdown over all years with data; params are null until the years are known.
  const { params, result } = useTrendKpi(kpi.id, { by: 'cohortYear', cohort: 'start' });
  const annotations = useStrategyAnnotations();
  const data = result.data;
  const medianSpec = data ? yearSpec(data, 'medianDays', 'Median opholdslængde efter startår', annotations) : null;
  const withinSpec = data ? yearSpec(data, 'endedWithin365Share', 'Andel afsluttet inden 365 dage efter startår', annotations) : null;
  const notReachedYears = (data?.rows ?? []).filter((row) => row.group !== null && row.notReached.includes('medianDays')).map((row) => row.group);

  const drill = (spec: ChartSpec | null) => (index: number) => {
    const group = spec?.categoryKeys[index];
    if (!params || !group) return;
    const label = data?.rows.find((row) => row.group === group)?.label ?? group;
    onDrill({ kpiId: kpi.id, params: { ...params, group }, label });
  };

  return (
    <section aria-labelledby="stays-years-heading" className="page-section">
      <h2 id="stays-years-heading">Opholdslængde efter startår</h2>
      <p className="section-lead">
        Hvert år er de ophold, der startede i året, fulgt frem til opgørelsesdatoen. Strategien ønsker kortere ophold på midlertidige botilbud.
      </p>
      <div className="message message-info not-reached-note" data-testid="not-reached-explanation">
        <p>
          <strong>«Ikke nået»</strong> betyder, at mere end halvdelen af opholdene i gruppen stadig løber på opgørelsesdatoen, så Kaplan–Meier-kurven
          endnu ikke er nået ned på 50 %. Medianen kan først beregnes, når flere af opholdene er slut. Den er altså hverken 0 eller
          ukendt af mangel på data — den er længere end det, der kan måles indtil nu. Det ses oftest for de nyeste startår.
        </p>
        {notReachedYears.length > 0 ? (
          <p data-testid="not-reached-years">
            <strong>Bemærk:</strong> Medianen er ikke nået for ophold startet i {notReachedYears.join(', ')}; der er derfor ingen søjle for{' '}
            {notReachedYears.length === 1 ? 'det år' : 'de år'}.
          </p>
        ) : null}
      </div>
      <div className="chart-grid">
        <ChartPanel
          title="Median opholdslængde efter startår"
          spec={medianSpec}
          isLoading={result.isPending}
          error={result.error}
          height={240}
          description="Kaplan–Meier-medianen i dage: halvdelen af årets ophold varer højst så længe."
          onDrill={drill(medianSpec)}
          testId="chart-temporary-stays-cohort-median"
          download={kpiDownload(kpi.id, params, { chart: 'breakdown', measures: ['medianDays'] })}
        />
        <ChartPanel
          title="Andel afsluttet inden 365 dage efter startår"
          spec={withinSpec}
          isLoading={result.isPending}
          error={result.error}
          height={240}
          description="Andelen af årets ophold, der sluttede inden for et år (Kaplan–Meier). Jo højere andel, jo kortere ophold."
          onDrill={drill(withinSpec)}
          testId="chart-temporary-stays-cohort-within-365"
          download={kpiDownload(kpi.id, params, { chart: 'breakdown', measures: ['endedWithin365Share'] })}
        />
      </div>
    </section>
  );
}
