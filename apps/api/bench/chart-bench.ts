/**
 * `pnpm bench:charts`: how long a chart PNG takes. The demo municipality on embedded PGlite, its
 * standard results precomputed (the product's steady state), then for a few typical charts:
 * the chart alone (ChartSpec → export SVG in the chart worker → PNG at 2× through resvg), and the
 * whole request GET /api/kpis/:id/chart.png (KPI answer, spec, SVG, PNG): the first time, and
 * again — finished images are kept by what they show (exports/cached-chart-renderer.ts), so a
 * repeated request costs the KPI answer and a lookup. Prints p50/p99 over
 * BENCH_RENDERS renders each (default 50) after a few warm-up renders. React runs in its
 * production build, as in the Docker image (NODE_ENV=production). Figures only: nothing here
 * passes or fails on speed (the target is a p50 of at most 60 ms per PNG).
 */
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { findKpi, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import { svgToPng } from '../src/exports/chart-png.ts';
import { ChartRenderer } from '../src/exports/chart-renderer.ts';
import { filterText } from '../src/exports/describe-query.ts';
import { chooseChart, kpiChartSpec } from '../src/exports/kpi-chart.ts';
import { getKpiResult } from '../src/kpis/get-kpi-result.ts';
import { kpiQueryOf, type KpiChartQueryString } from '../src/schemas/kpi-export.ts';
import { buildServer } from '../src/server.ts';
import { benchAdminInject } from './bench-login.ts';
import { demoDatabase } from './demo-database.ts';

// The chart worker inherits this environment: React's production build, as deployed.
process.env.NODE_ENV ??= 'production';
const RENDERS = Number(process.env.BENCH_RENDERS ?? 50);
const WARM_UP = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function figures(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(6)} ms`;
}

async function timed(times: number[], work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  times.push(performance.now() - started);
}

interface BenchChart {
  name: string;
  kpiId: string;
  /** The chart's own parameters; the period is the latest year, or from `from` to the as-of date. */
  query: Omit<KpiChartQueryString, 'year' | 'to'>;
}

const CHARTS: BenchChart[] = [
  { name: 'udvikling, måneder (linjer)', kpiId: 'case-processing', query: { measures: 'medianDays,p90Days' } },
  { name: 'pr. paragraf (liggende søjler)', kpiId: 'case-processing', query: { by: 'paragraph', measures: 'medianDays,p90Days' } },
  { name: 'udgift år for år (søjler, kr.)', kpiId: 'expenditure', query: { from: '2018-01-01', prices: 'fixed' } },
  { name: 'overlevelseskurve (trin)', kpiId: 'temporary-stays', query: { chart: 'survival' } },
];

const { database, context } = await demoDatabase('bench:charts');

const asOf = context.defaultAsOf ?? '';

/** A standard request: the latest year, or from a first year to the as-of date, as the dashboard asks. */
function queryOf(chart: BenchChart): KpiChartQueryString {
  return chart.query.from ? { ...chart.query, to: asOf } : { ...chart.query, year: Number(asOf.slice(0, 4)) };
}

function toStrings(query: KpiChartQueryString): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)]));
}

async function specOf(chart: BenchChart): Promise<ChartSpec> {
  const kpi = findKpi(chart.kpiId) as KpiDefinition;
  const query = queryOf(chart);
  const result = await getKpiResult(database.db, kpi, kpiQueryOf(query), context);
  return kpiChartSpec(result, chooseChart(kpi, query), filterText(result.query, context));
}
const renderer = new ChartRenderer();
const server = await buildServer({ database, closeDatabaseOnShutdown: false });
try {
  const started = performance.now();
  await renderer.svg(await specOf(CHARTS[0] as BenchChart));
  console.log(`  diagramtråden startet og første diagram tegnet på ${(performance.now() - started).toFixed(0)} ms`);
  console.log(`  ${RENDERS} PNG pr. diagram (800 px bred, 1600 px PNG), efter ${WARM_UP} til opvarmning:`);
  for (const chart of CHARTS) {
    const spec = await specOf(chart);
    const svgTimes: number[] = [];
    const pngTimes: number[] = [];
    const totalTimes: number[] = [];
    for (let index = 0; index < WARM_UP + RENDERS; index += 1) {
      const svgStarted = performance.now();
      const svg = await renderer.svg(spec);
      const pngStarted = performance.now();
      await svgToPng(svg);
      if (index < WARM_UP) continue;
      svgTimes.push(pngStarted - svgStarted);
      pngTimes.push(performance.now() - pngStarted);
      totalTimes.push(performance.now() - svgStarted);
    }
    const requestTimes: number[] = [];
    let firstRequestMs = 0;
    // A user of its own per chart: exports are limited to 120 a minute per user and route.
    const headers = { ...(await benchAdminInject(server, database.db)) };
    for (let index = 0; index < WARM_UP + RENDERS; index += 1) {
      const times = index < WARM_UP ? [] : requestTimes;
      const requestStarted = performance.now();
      await timed(times, async () => {
        const response = await server.inject({ url: `/api/kpis/${chart.kpiId}/chart.png`, query: toStrings(queryOf(chart)), headers });
        if (response.statusCode !== 200) throw new Error(`${chart.kpiId}: ${response.statusCode} ${response.body}`);
      });
      if (index === 0) firstRequestMs = performance.now() - requestStarted;
    }
    console.log(`  ${chart.name}`);
    console.log(`    SVG i diagramtråden   ${figures(svgTimes)}`);
    console.log(`    PNG (resvg, 2×)       ${figures(pngTimes)}`);
    console.log(`    diagram i alt         ${figures(totalTimes)}`);
    console.log(`    GET …/chart.png, første gang  ${firstRequestMs.toFixed(1).padStart(6)} ms`);
    console.log(`    GET …/chart.png, igen ${figures(requestTimes)}`);
  }
} finally {
  await server.close();
  await renderer.close();
  await database.close();
}
