/**
 * Precomputed results for the standard requests: every KPI, with no breakdown and with each of
 * its breakdowns, for every year, half-year and month from the first data to the default as-of
 * date, in current prices and (for KPIs with amounts) in fixed prices of the default base year.
 * They are computed by the same compute functions, one multi-period call per KPI, breakdown and
 * price basis, and stored raw (kpi.result_store); a request for a standard query reads them
 * instead of computing, so its cost does not grow with the raw data. Anything else — filters,
 * another as-of date or base year, an explicit from/to — is computed live, as are standard
 * requests until the store has caught up with the data version.
 */
import { yearBefore } from '@sol/domain/calendar-dates.ts';
import { KPI_CATALOGUE, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import { computeKpi } from './compute-kpi.ts';
import type { KpiComputation, KpiQuery, ResolvedPeriod } from './kpi-query.ts';
import { resolvePeriod, seriesPeriods, type Period } from './resolve-period.ts';

/**
 * The periods the dashboard asks for without filters: every year and half-year (clipped to the
 * as-of date) with its series points; the same span a year earlier, which a running year is
 * compared with; and the whole span of the data with its yearly points, the pages' long trend.
 */
export function standardPeriods(earliestDate: string, asOf: string): ResolvedPeriod[] {
  const periods = new Map<string, ResolvedPeriod>();
  const firstYear = Number(earliestDate.slice(0, 4));
  const addWithSeries = (period: Period): void => {
    for (const entry of [period, ...seriesPeriods(period)]) periods.set(`${entry.from}/${entry.to}`, { from: entry.from, to: entry.to });
  };
  for (let year = firstYear; year <= Number(asOf.slice(0, 4)); year += 1) {
    for (const half of [undefined, 1, 2] as const) {
      if (half === 2 && `${year}-07-01` > asOf) continue;
      const period = resolvePeriod({ year, ...(half ? { half } : {}) }, asOf);
      addWithSeries(period);
      if (Number(period.from.slice(0, 4)) > firstYear) {
        addWithSeries(resolvePeriod({ from: yearBefore(period.from), to: yearBefore(period.to) }, asOf));
      }
    }
  }
  addWithSeries(resolvePeriod({ from: `${firstYear}-01-01`, to: asOf }, asOf));
  return [...periods.values()].sort((a, b) => (a.from === b.from ? a.to.localeCompare(b.to) : a.from.localeCompare(b.from)));
}

/** The stored name of a price basis: 'current' or 'fixed:<base year>' (also in snapshot request keys). */
export function pricesKey(prices: KpiQuery['prices']): string {
  return prices.kind === 'fixed' ? `fixed:${prices.baseYear}` : 'current';
}

/** The price bases precomputed (and frozen in snapshots) for a KPI. */
export function standardPrices(kpi: KpiDefinition, context: KpiContext): KpiQuery['prices'][] {
  const bases: KpiQuery['prices'][] = [{ kind: 'current' }];
  if (kpi.hasAmounts && context.defaultBaseYear !== null) bases.push({ kind: 'fixed', baseYear: context.defaultBaseYear });
  return bases;
}

/** A query the store can answer: no filters, the default as-of date and cohort. */
export function isStandardQuery(query: KpiQuery, context: KpiContext): boolean {
  const noFilters = Object.values(query.filters).every((codes) => !codes || codes.length === 0);
  const standardPrice = query.prices.kind === 'current' || query.prices.baseYear === context.defaultBaseYear;
  return noFilters && standardPrice && query.asOf === context.defaultAsOf && query.cohort === 'start';
}

/** Stored results for every period of the query, or null when any is missing. */
export async function readStoredResults(
  db: Kysely<Tables>,
  kpi: KpiDefinition,
  query: KpiQuery,
  context: KpiContext,
): Promise<KpiComputation[] | null> {
  if (!isStandardQuery(query, context)) return null;
  const froms = query.periods.map((period) => period.from);
  const tos = query.periods.map((period) => period.to);
  const { rows } = await sql<{ period_from: string; period_to: string; result: KpiComputation }>`
    SELECT s.period_from, s.period_to, s.result
    FROM kpi.result_store s
    JOIN unnest(${froms}::date[], ${tos}::date[]) AS p(period_from, period_to)
      ON p.period_from = s.period_from AND p.period_to = s.period_to
    WHERE s.version = ${context.version} AND s.kpi_id = ${kpi.id} AND s.breakdown = ${query.by ?? ''}
      AND s.prices = ${pricesKey(query.prices)} AND s.as_of = ${query.asOf}::date`.execute(db);
  const byPeriod = new Map(rows.map((row) => [`${row.period_from}/${row.period_to}`, row.result]));
  const results = query.periods.map((period) => byPeriod.get(`${period.from}/${period.to}`));
  return results.every((result) => result !== undefined) ? (results as KpiComputation[]) : null;
}

export interface PrecomputeReport {
  version: string;
  periods: number;
  results: number;
  durationMs: number;
}

/**
 * Computes and stores every standard result for the context's data version, KPI by KPI (one
 * statement at a time, so requests interleave with it on the embedded database), then drops the
 * results of older versions.
 */
export async function precomputeStandardResults(db: Kysely<Tables>, context: KpiContext): Promise<PrecomputeReport> {
  const started = performance.now();
  const asOf = context.defaultAsOf;
  if (!asOf || !context.earliestDate) return { version: context.version, periods: 0, results: 0, durationMs: 0 };
  const periods = standardPeriods(context.earliestDate, asOf);
  let results = 0;
  for (const kpi of KPI_CATALOGUE) {
    for (const by of [null, ...kpi.breakdowns]) {
      for (const prices of standardPrices(kpi, context)) {
        const query: KpiQuery = { periods, asOf, by, filters: {}, prices, cohort: 'start' };
        const computed = await computeKpi(kpi.id, db, query);
        await sql`
          INSERT INTO kpi.result_store (version, kpi_id, breakdown, prices, as_of, period_from, period_to, result)
          SELECT ${context.version}, ${kpi.id}, ${by ?? ''}, ${pricesKey(prices)}, ${asOf}::date, p.period_from, p.period_to, p.result
          FROM unnest(${periods.map((p) => p.from)}::date[], ${periods.map((p) => p.to)}::date[], ${computed.map((c) => JSON.stringify(c))}::jsonb[])
            AS p(period_from, period_to, result)
          ON CONFLICT DO NOTHING`.execute(db);
        results += computed.length;
      }
    }
  }
  await sql`DELETE FROM kpi.result_store WHERE version <> ${context.version}`.execute(db);
  return { version: context.version, periods: periods.length, results, durationMs: Math.round(performance.now() - started) };
}

/** How many results a complete store holds for the context's version. */
export function expectedStoredResults(context: KpiContext): number {
  if (!context.defaultAsOf || !context.earliestDate) return 0;
  const periods = standardPeriods(context.earliestDate, context.defaultAsOf).length;
  return KPI_CATALOGUE.reduce((sum, kpi) => sum + (1 + kpi.breakdowns.length) * standardPrices(kpi, context).length * periods, 0);
}

/** Whether every standard result of the context's version is stored (by this or another instance). */
export async function isStoreComplete(db: Kysely<Tables>, context: KpiContext): Promise<boolean> {
  const { rows } = await sql<{ stored: string }>`
    SELECT count(*) AS stored FROM kpi.result_store WHERE version = ${context.version} AND as_of = ${context.defaultAsOf}::date`.execute(db);
  return Number(rows[0]?.stored ?? 0) >= expectedStoredResults(context);
}

const running = new WeakMap<Kysely<Tables>, string>();
const completed = new WeakMap<Kysely<Tables>, string>();

/**
 * Starts precomputing for the context's version in the background unless the store is already
 * complete for it or that is under way in this process; failures are reported, never thrown into
 * a request. (A request outside the standard periods misses the store without it being stale; a
 * second full precompute would hold the embedded database's one connection for seconds.)
 */
export function precomputeInBackground(
  db: Kysely<Tables>,
  context: KpiContext,
  log: { info: (message: string) => void; error: (error: unknown, message: string) => void },
): void {
  if (running.get(db) === context.version || completed.get(db) === context.version) return;
  running.set(db, context.version);
  isStoreComplete(db, context)
    .then(async (complete) => {
      if (complete) return;
      const report = await precomputeStandardResults(db, context);
      log.info(
        `Nøgletal forudberegnet: ${report.results.toLocaleString('da-DK')} resultater for ${report.periods} perioder på ${(report.durationMs / 1000).toLocaleString('da-DK', { maximumFractionDigits: 1 })} s`,
      );
    })
    .then(() => completed.set(db, context.version))
    .catch((error: unknown) => log.error(error, 'Forudberegning af nøgletal mislykkedes'))
    .finally(() => {
      if (running.get(db) === context.version) running.delete(db);
    });
}
