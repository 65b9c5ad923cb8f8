/**
 * Overblik: the council's four questions as cards (processing times, spending, independent
 * housing, temporary stays) and, below, each over all years with the strategy's start marked.
 */
import type { ReactElement } from 'react';
import { markPartialYears, seriesSpec, survivalSpec } from '@sol/charts/kpi-chart-specs.ts';
import { ChartPanel } from '../../../shared/components/ChartPanel.tsx';
import { kpiDownload } from '../../../shared/api/export-urls.ts';
import { useKpi } from '../../../shared/api/get-kpi.ts';
import { kpiParams, useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { catalogueMeasure } from '../../../shared/kpi-values.ts';
import { useStrategyAnnotations, useTrendKpi } from '../../../shared/trend.ts';
import { KpiCard } from './KpiCard.tsx';

const HEADLINES = [
  { kpiId: 'case-processing', measureId: 'medianDays', to: '/sagsbehandling', linkText: 'Se sagsbehandlingstiderne' },
  { kpiId: 'expenditure', measureId: 'amount', to: '/oekonomi', linkText: 'Se udgifterne' },
  { kpiId: 'housing', measureId: 'independentShare', to: '/bolig', linkText: 'Se boligtallene' },
  { kpiId: 'temporary-stays', measureId: 'medianDays', to: '/midlertidige-ophold', linkText: 'Se opholdene' },
] as const;

function TrendPanel({ kpiId, measureId, description }: { kpiId: string; measureId: string; description: string }): ReactElement {
  const { result: trend, params } = useTrendKpi(kpiId);
  const annotations = useStrategyAnnotations();
  const { measure } = catalogueMeasure(kpiId, measureId);
  // The running year is marked "2026*" with its end date, so a part year's lower total is not read as a fall.
  const spec = trend.data
    ? markPartialYears(seriesSpec(trend.data, [measureId], { annotations, kind: measure.unit === 'kr' ? 'bar' : 'line' }), trend.data.series)
    : null;
  return (
    <ChartPanel
      title={measure.title}
      spec={spec}
      isLoading={trend.isPending}
      error={trend.error}
      height={220}
      description={description}
      testId={`trend-${kpiId}-${measureId}`}
      download={kpiDownload(kpiId, params, { chart: 'series', measures: [measureId] })}
    />
  );
}

function SurvivalPanel(): ReactElement {
  const { kpi } = catalogueMeasure('temporary-stays', 'medianDays');
  const [filters] = useGlobalFilters();
  const params = kpiParams(filters, kpi);
  const result = useKpi(kpi.id, params);
  const spec = result.data ? survivalSpec(result.data) : null;
  return (
    <ChartPanel
      title="Andel af ophold der stadig løber (Kaplan–Meier)"
      spec={spec}
      isLoading={result.isPending}
      error={result.error}
      height={220}
      description="Ophold på midlertidige botilbud (§ 107), der startede i perioden: hvor stor en andel der stadig løber efter et antal dage."
      testId="survival-temporary-stays"
      download={kpiDownload(kpi.id, params, { chart: 'survival' })}
    />
  );
}

export function OverviewPage(): ReactElement {
  return (
    <>
      <h1>Overblik</h1>
      <p className="lead">
        De fire nøgletal, byrådet følger: sagsbehandlingstider, udgifter, andelen i selvstændig bolig og længden af midlertidige ophold. Hvert kort
        viser perioden, udviklingen på et år og om den går den vej, strategien ønsker.
      </p>
      <div className="kpi-cards">
        {HEADLINES.map((headline) => (
          <KpiCard key={headline.kpiId} {...headline} />
        ))}
      </div>
      <h2>Udviklingen over årene</h2>
      <div className="chart-grid">
        <TrendPanel kpiId="case-processing" measureId="medianDays" description="Median antal kalenderdage fra modtaget ansøgning til afgørelse." />
        <TrendPanel kpiId="expenditure" measureId="amount" description="Nettoudgift på det specialiserede voksenområde (5.38) pr. år; indeværende år til og med opgørelsesdatoen." />
        <TrendPanel kpiId="housing" measureId="independentShare" description="Andel af borgere med botilbud eller bostøtte, der bor selvstændigt med støtte (§ 85), opgjort ved årets udgang." />
        <SurvivalPanel />
      </div>
    </>
  );
}
