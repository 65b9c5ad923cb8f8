/**
 * A KPI answer from request to response: resolve the query, compute the period and its series,
 * and pass every row through suppression — the one path all KPI values take out of the system
 * (the API, the strategy page, exports and emails all call this).
 */
import type { KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import type { KpiQueryString } from '../schemas/kpi-query.ts';
import { toKpiDefinitionResponse, type KpiResult, type KpiResultRow } from '../schemas/kpi-result.ts';
import { computeKpi } from './compute-kpi.ts';
import { groupLabel } from './group-labels.ts';
import type { KpiComputation, KpiQuery } from './kpi-query.ts';
import { resolveKpiQuery } from './resolve-kpi-query.ts';
import { isStandardQuery, readStoredResults } from './result-store.ts';
import { seriesPeriods } from './resolve-period.ts';
import { suppressRows } from './suppress.ts';

export interface KpiResultOptions {
  /** Leave out the time series (e.g. when only the period's value is needed). */
  withSeries?: boolean;
  /** Called when a standard query was not in the result store (so it can be filled). */
  onStoreMiss?: () => void;
}

export async function getKpiResult(
  db: Kysely<Tables>,
  kpi: KpiDefinition,
  input: KpiQueryString,
  context: KpiContext,
  options: KpiResultOptions = {},
): Promise<KpiResult> {
  const { query, period } = resolveKpiQuery(kpi, input, context);
  const points = options.withSeries === false ? [] : seriesPeriods(period);
  // One computation for the period and every point of its series: stock KPIs are read on each
  // period's last day, flow KPIs over each period's own dates. Standard queries come from the
  // result store when it is current.
  const fullQuery: KpiQuery = {
    ...query,
    periods: [query.periods[0] as KpiQuery['periods'][number], ...points.map(({ from, to }) => ({ from, to }))],
  };
  let computed = await readStoredResults(db, kpi, fullQuery, context);
  if (!computed) {
    if (isStandardQuery(fullQuery, context)) options.onStoreMiss?.();
    computed = await computeKpi(kpi.id, db, fullQuery);
  }
  const [main, ...pointResults] = computed;
  if (!main) throw new Error(`KPI ${kpi.id} returned no result for its period`);
  const series = points.map((point, index) => {
    const computed = pointResults[index];
    if (!computed) throw new Error(`KPI ${kpi.id} returned no result for ${point.key}`);
    return { ...point, rows: toResultRows(kpi, query, computed, context) };
  });
  const threshold = context.suppressionThreshold;
  const curve = main.survivalCurve;
  return {
    kpi: toKpiDefinitionResponse(kpi),
    period,
    query: {
      by: query.by,
      filters: Object.fromEntries(Object.entries(query.filters).map(([key, codes]) => [key, [...(codes as string[])]])),
      prices: { kind: query.prices.kind, baseYear: query.prices.kind === 'fixed' ? query.prices.baseYear : null },
      cohort: kpi.id === 'temporary-stays' ? query.cohort : null,
    },
    dataVersion: context.dataVersion,
    suppressionThreshold: threshold,
    rows: toResultRows(kpi, query, main, context),
    series,
    // The curve rests on the stays of the total row; below the threshold it is withheld entirely.
    survivalCurve: curve && curve.stays >= threshold ? curve : null,
    // Live; an answer served from a snapshot carries the snapshot here instead.
    snapshot: null,
  };
}

function toResultRows(kpi: KpiDefinition, query: KpiQuery, computed: KpiComputation, context: KpiContext): KpiResultRow[] {
  const notReached = new Set(computed.notReached ?? []);
  return suppressRows(kpi, computed.rows, context.suppressionThreshold).map((row) => ({
    group: row.group,
    label: groupLabel(query.by, row.group, context),
    values: row.values,
    suppressed: row.suppressed,
    // "Not reached" is only told where the median itself would have been shown.
    // (it rests on the same stays as the median, so a small base withholds it too).
    notReached:
      notReached.has(row.group) && (row.values.stays ?? 0) >= context.suppressionThreshold ? ['medianDays'] : [],
  }));
}
