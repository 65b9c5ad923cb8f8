/**
 * The expenditure over all years with data: the total as bars, and the largest functions as lines
 * (the rest summed), in the prices the global filter chooses.
 */
import type { ReactElement } from 'react';
import type { ChartSeries, ChartSpec } from '@sol/charts/chart-spec.ts';
import { SERIES_COLOURS } from '@sol/charts/chart-spec.ts';
import { type KpiResultLike, markPartialYears, seriesSpec } from '@sol/charts/kpi-chart-specs.ts';
import { kpiDownload } from '../../../shared/api/export-urls.ts';
import { ChartPanel } from '../../../shared/components/ChartPanel.tsx';
import { useStrategyAnnotations, useTrendKpi } from '../../../shared/trend.ts';

/**
 * One line per function would be twelve lines in seven colours; the largest keep their own line
 * and the rest are summed into one, so every line can be told apart (colour and dash). The table
 * and the period's table below have every function.
 */
const OWN_LINES = SERIES_COLOURS.length - 1;

function total(series: ChartSeries): number {
  return series.values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

function functionTrendSpec(result: KpiResultLike, base: ChartSpec): ChartSpec {
  const ranked = [...base.series].sort((a, b) => total(b) - total(a));
  const own = ranked.slice(0, OWN_LINES);
  const rest = ranked.slice(OWN_LINES);
  const series = [...own];
  if (rest.length > 0) {
    // Amounts are never suppressed (DESIGN §5), so the remaining functions can be added up.
    series.push({
      key: 'others',
      name: `Øvrige ${rest.length} funktioner i alt`,
      values: result.series.map((_, index) => rest.reduce<number | null>((sum, line) => {
        const value = line.values[index] ?? null;
        return value === null ? sum : (sum ?? 0) + value;
      }, null)),
      suppressed: result.series.map(() => null),
    });
  }
  return { ...base, series, categoryTitle: 'År' };
}

function TotalPanel(): ReactElement {
  const { result: trend, params } = useTrendKpi('expenditure');
  const annotations = useStrategyAnnotations();
  const spec = trend.data
    ? markPartialYears(
        { ...seriesSpec(trend.data, ['amount'], { annotations, kind: 'bar', title: 'Udgift i alt pr. år' }), categoryTitle: 'År' },
        trend.data.series,
      )
    : null;
  return (
    <ChartPanel
      title="Udgift i alt pr. år"
      spec={spec}
      isLoading={trend.isPending}
      error={trend.error}
      height={260}
      description="Nettoudgiften på hele 5.38 pr. år. Indeværende år er kun til og med opgørelsesdatoen og derfor ikke et helt år."
      testId="trend-expenditure-amount"
      download={kpiDownload('expenditure', params, { chart: 'series', measures: ['amount'] })}
    />
  );
}

function FunctionsPanel(): ReactElement {
  const { result: trend, params } = useTrendKpi('expenditure', { by: 'function' });
  const annotations = useStrategyAnnotations();
  const spec = trend.data
    ? markPartialYears(
        functionTrendSpec(trend.data, seriesSpec(trend.data, ['amount'], { annotations, kind: 'line', title: 'Udgift pr. år for de største funktioner' })),
        trend.data.series,
      )
    : null;
  return (
    <ChartPanel
      title="Udgift pr. år for de største funktioner"
      spec={spec}
      isLoading={trend.isPending}
      error={trend.error}
      height={340}
      description={`De ${OWN_LINES} funktioner med de største udgifter over årene har hver sin linje; resten er lagt sammen.`}
      testId="trend-expenditure-functions"
      download={kpiDownload('expenditure', params, { chart: 'series', measures: ['amount'] })}
    />
  );
}

export function ExpenditureTrends(): ReactElement {
  return (
    <section aria-labelledby="expenditure-trend-heading" className="page-section">
      <h2 id="expenditure-trend-heading">Udgifterne over årene</h2>
      <div className="chart-grid">
        <TotalPanel />
        <FunctionsPanel />
      </div>
    </section>
  );
}
