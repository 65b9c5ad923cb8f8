/**
 * Bolig (K3): how many citizens live independently with § 85 support rather than in a botilbud —
 * on the period's last day, month by month, by target group and age band, and year by year — and
 * how many young people (18–24) enter a botilbud each year. Both are strategy indicators. A bar or
 * point of the period opens the citizens behind it.
 */
import { useState, type ReactElement } from 'react';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { breakdownSpec, seriesSpec } from '@sol/charts/kpi-chart-specs.ts';
import { kpiDownload } from '../../../shared/api/export-urls.ts';
import { useKpi } from '../../../shared/api/get-kpi.ts';
import { ChartPanel } from '../../../shared/components/ChartPanel.tsx';
import { chartDrills, DrillDialog, type DrillTarget } from '../../../shared/components/DrillDialog.tsx';
import { UnsupportedFiltersNote } from '../../../shared/components/KpiAbout.tsx';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { kpiParams, unsupportedFilters, useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { catalogueMeasure } from '../../../shared/kpi-values.ts';
import { useStrategyAnnotations, useTrendKpi } from '../../../shared/trend.ts';
import { BoformRule } from './BoformRule.tsx';
import { HousingKeyFigures } from './HousingKeyFigures.tsx';

const { kpi } = catalogueMeasure('housing', 'independentShare');

/** Height for sideways bars: a row per group. */
function rowsHeight(spec: ChartSpec | null): number {
  return Math.max(180, 60 + (spec?.categories.length ?? 6) * 32);
}

export function HousingPage(): ReactElement {
  const [filters] = useGlobalFilters();
  const params = kpiParams(filters, kpi);
  const targetGroupParams = { ...params, by: 'targetGroup' };
  const ageBandParams = { ...params, by: 'ageBand' };
  const total = useKpi(kpi.id, params);
  const byTargetGroup = useKpi(kpi.id, targetGroupParams);
  const byAgeBand = useKpi(kpi.id, ageBandParams);
  const { result: trend, params: trendParams } = useTrendKpi(kpi.id);
  const annotations = useStrategyAnnotations();
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const monthSpec = total.data ? seriesSpec(total.data, ['independentShare'], { title: 'Andel i selvstændig bolig, måned for måned' }) : null;
  const targetGroupSpec = byTargetGroup.data
    ? { ...breakdownSpec(byTargetGroup.data, ['independentShare'], { title: 'Andel i selvstændig bolig pr. målgruppe' }), horizontal: true }
    : null;
  const ageBandSpec = byAgeBand.data
    ? { ...breakdownSpec(byAgeBand.data, ['independentShare'], { title: 'Andel i selvstændig bolig pr. aldersgruppe' }), horizontal: true }
    : null;
  const targetGroupCountSpec = byTargetGroup.data
    ? {
        ...breakdownSpec(byTargetGroup.data, ['independent', 'residential'], { title: 'Borgere i selvstændig bolig og i botilbud pr. målgruppe' }),
        horizontal: true,
      }
    : null;
  const trendShareSpec = trend.data
    ? seriesSpec(trend.data, ['independentShare'], { title: 'Andel i selvstændig bolig, år for år', annotations })
    : null;
  const trendCountSpec = trend.data
    ? seriesSpec(trend.data, ['independent', 'residential'], { title: 'Borgere i selvstændig bolig og i botilbud, år for år', kind: 'bar', annotations })
    : null;
  const youngSpec = trend.data
    ? seriesSpec(trend.data, ['youngEntering'], { title: 'Unge (18–24 år) der flytter i botilbud, år for år', kind: 'bar', annotations })
    : null;

  const { drillPoint, drillGroup } = chartDrills(kpi.id, params, setDrill);
  const period = total.data?.period;

  return (
    <>
      <h1>Bolig</h1>
      <p className="lead">
        Bor borgerne i egen bolig med socialpædagogisk støtte, eller i et botilbud? Strategien ønsker, at flere bor selvstændigt, og at færre unge får
        brug for et botilbud. Siden viser fordelingen ved periodens slutning, måned for måned, pr. målgruppe og aldersgruppe og udviklingen år for år.
      </p>
      <UnsupportedFiltersNote labels={unsupportedFilters(filters, kpi)} kpiTitle={kpi.title} />
      <BoformRule kpi={kpi} />

      <section aria-labelledby="housing-period-heading" className="page-section">
        <h2 id="housing-period-heading">Perioden{period ? `: ${period.label}` : ''}</h2>
        <QueryResult query={total} loading="Henter tallene for perioden …" error="Tallene kunne ikke hentes">
          {(result) => <HousingKeyFigures result={result} />}
        </QueryResult>
        <div className="chart-grid">
          <ChartPanel
            title="Andel i selvstændig bolig, måned for måned"
            spec={monthSpec}
            isLoading={total.isPending}
            error={total.error}
            height={240}
            description="Opgjort den sidste dag i hver måned (den seneste måned på opgørelsesdatoen)."
            onDrill={drillPoint(monthSpec)}
            testId="chart-housing-months-share"
            download={kpiDownload(kpi.id, params, { chart: 'series', measures: ['independentShare'] })}
          />
          <ChartPanel
            title="Andel i selvstændig bolig pr. aldersgruppe"
            spec={ageBandSpec}
            isLoading={byAgeBand.isPending}
            error={byAgeBand.error}
            height={rowsHeight(ageBandSpec)}
            description="Alderen på opgørelsesdagen (årstal minus fødselsår)."
            onDrill={drillGroup(ageBandSpec, 'ageBand')}
            testId="chart-housing-age-band-share"
            download={kpiDownload(kpi.id, ageBandParams, { chart: 'breakdown', measures: ['independentShare'] })}
          />
          <ChartPanel
            title="Andel i selvstændig bolig pr. målgruppe"
            spec={targetGroupSpec}
            isLoading={byTargetGroup.isPending}
            error={byTargetGroup.error}
            height={rowsHeight(targetGroupSpec)}
            description="Ved periodens slutning (eller på opgørelsesdatoen, hvis den er tidligere)."
            onDrill={drillGroup(targetGroupSpec, 'targetGroup')}
            testId="chart-housing-target-group-share"
            download={kpiDownload(kpi.id, targetGroupParams, { chart: 'breakdown', measures: ['independentShare'] })}
          />
          <ChartPanel
            title="Borgere i selvstændig bolig og i botilbud pr. målgruppe"
            spec={targetGroupCountSpec}
            isLoading={byTargetGroup.isPending}
            error={byTargetGroup.error}
            height={rowsHeight(targetGroupCountSpec) + 60}
            description="Antal borgere ved periodens slutning, som andelen pr. målgruppe bygger på."
            onDrill={drillGroup(targetGroupCountSpec, 'targetGroup')}
            testId="chart-housing-target-group-counts"
            download={kpiDownload(kpi.id, targetGroupParams, { chart: 'breakdown', measures: ['independent', 'residential'] })}
          />
        </div>
      </section>

      <section aria-labelledby="housing-trend-heading" className="page-section">
        <h2 id="housing-trend-heading">Udviklingen år for år</h2>
        <div className="chart-grid">
          <ChartPanel
            title="Andel i selvstændig bolig, år for år"
            spec={trendShareSpec}
            isLoading={trend.isPending}
            error={trend.error}
            height={240}
            description="Opgjort ved årets udgang; indeværende år på opgørelsesdatoen. Strategien ønsker, at andelen stiger."
            testId="trend-housing-share"
            download={kpiDownload(kpi.id, trendParams, { chart: 'series', measures: ['independentShare'] })}
          />
          <ChartPanel
            title="Borgere i selvstændig bolig og i botilbud, år for år"
            spec={trendCountSpec}
            isLoading={trend.isPending}
            error={trend.error}
            height={240}
            description="Antal borgere ved årets udgang; indeværende år på opgørelsesdatoen."
            testId="trend-housing-counts"
            download={kpiDownload(kpi.id, trendParams, { chart: 'series', measures: ['independent', 'residential'] })}
          />
        </div>
      </section>

      <section aria-labelledby="housing-young-heading" className="page-section">
        <h2 id="housing-young-heading">Unge, der flytter i botilbud</h2>
        <p className="section-lead">
          Strategien vil styrke overgangen fra ung til voksen, så færre unge får brug for et botilbud. Tallet følger de unge, der for første gang
          flytter i et botilbud.
        </p>
        <div className="chart-grid">
          <ChartPanel
            title="Unge (18–24 år) der flytter i botilbud, år for år"
            spec={youngSpec}
            isLoading={trend.isPending}
            error={trend.error}
            height={240}
            description="Unge på 18–24 år, hvis første botilbud nogensinde (§ 105, 107 eller 108) startede i året; indeværende år til og med opgørelsesdatoen. Den stiplede linje markerer strategiens start."
            testId="trend-housing-young-entering"
            download={kpiDownload(kpi.id, trendParams, { chart: 'series', measures: ['youngEntering'] })}
          />
        </div>
      </section>

      <DrillDialog target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
