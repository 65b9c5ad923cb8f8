/**
 * The chart components, loaded after the first paint: recharts is most of the JavaScript, and
 * the page's text (cards, headings, filters) should not wait for it. While it loads, a box of the
 * chart's height holds its place, so nothing jumps.
 */
import { Suspense, lazy, type ReactElement } from 'react';
import type { KpiChartProps } from '@sol/charts/KpiChart.tsx';

const KpiChartModule = lazy(async () => ({ default: (await import('@sol/charts/KpiChart.tsx')).KpiChart }));
const SparklineModule = lazy(async () => ({ default: (await import('@sol/charts/Sparkline.tsx')).Sparkline }));

export function LazyKpiChart(props: KpiChartProps): ReactElement {
  return (
    <Suspense fallback={<div className="chart-placeholder" style={{ height: props.height ?? 300 }} role="status">Tegner grafen …</div>}>
      <KpiChartModule {...props} />
    </Suspense>
  );
}

export function LazySparkline({ values }: { values: (number | null)[] }): ReactElement {
  return (
    <Suspense fallback={<div style={{ height: 36 }} />}>
      <SparklineModule values={values} />
    </Suspense>
  );
}
