/**
 * Which KPI requests a snapshot freezes, and the key a request is stored and found under. The key
 * names the resolved request (KPI, breakdown, period and its label, price basis, cohort), so
 * `?year=2026` and `?year=2026&asOf=2026-08-31` against a snapshot of 31.08.2026 find the same answer.
 */
import { yearBefore } from '@sol/domain/calendar-dates.ts';
import type { KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import { resolveKpiQuery, type ResolvedKpiQuery } from '../kpis/resolve-kpi-query.ts';
import { pricesKey, standardPrices } from '../kpis/result-store.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import { BadRequestError } from '../schemas/bad-request.ts';
import type { KpiQueryString } from '../schemas/kpi-query.ts';

export interface SnapshotRequest {
  kpiId: string;
  by: string | null;
  from: string;
  to: string;
  label: string;
  prices: string;
  cohort: string;
}

/**
 * The label is part of the key: a year and its first half clipped to 31 March cover the same
 * dates but are answered with different labels ("2025 (til …)", "1. halvår 2025 (til …)").
 */
export function snapshotRequestKey(kpiId: string, { query, period }: ResolvedKpiQuery): string {
  return [kpiId, query.by ?? '', `${period.from}/${period.to}`, period.label, pricesKey(query.prices), query.cohort].join('|');
}

export function parseSnapshotRequestKey(key: string): SnapshotRequest {
  const [kpiId = '', by = '', span = '', label = '', prices = '', cohort = ''] = key.split('|');
  const [from = '', to = ''] = span.split('/');
  return { kpiId, by: by || null, from, to, label, prices, cohort };
}

/**
 * The period inputs the pages ask for without filters, at the as-of date: every year and
 * half-year from the first data (clipped to the as-of date), the same span a year earlier for a
 * clipped one (what a running year is compared with), and the whole span of the data.
 */
function frozenPeriods(earliestDate: string, asOf: string): KpiQueryString[] {
  const firstYear = Number(earliestDate.slice(0, 4));
  const lastYear = Number(asOf.slice(0, 4));
  const inputs: KpiQueryString[] = [{ from: `${firstYear}-01-01`, to: asOf }];
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (const half of [undefined, 1, 2] as const) {
      const from = half === 2 ? `${year}-07-01` : `${year}-01-01`;
      if (from > asOf) continue;
      inputs.push({ year, ...(half ? { half } : {}) });
      const to = half === 1 ? `${year}-06-30` : `${year}-12-31`;
      if (to > asOf && year > firstYear) inputs.push({ from: yearBefore(from), to: yearBefore(asOf) });
    }
  }
  return inputs;
}

/**
 * Every standard request of a KPI at the as-of date: no breakdown and each breakdown, each
 * standard price basis, both cohorts where the KPI has them, and every frozen period.
 */
export function snapshotRequests(kpi: KpiDefinition, context: KpiContext, earliestDate: string, asOf: string): KpiQueryString[] {
  const requests: KpiQueryString[] = [];
  const cohorts = kpi.id === 'temporary-stays' ? (['start', 'active'] as const) : [undefined];
  for (const period of frozenPeriods(earliestDate, asOf)) {
    for (const by of [undefined, ...kpi.breakdowns]) {
      for (const prices of standardPrices(kpi, context)) {
        for (const cohort of cohorts) {
          requests.push({
            ...period,
            asOf,
            ...(by ? { by } : {}),
            ...(prices.kind === 'fixed' ? { prices: 'fixed', base: prices.baseYear } : {}),
            ...(cohort ? { cohort } : {}),
          });
        }
      }
    }
  }
  return requests;
}

export const NOT_IN_SNAPSHOT =
  'Øjebliksbilledet indeholder ikke dette udtræk. Det rummer nøgletallene uden filtre på sin opgørelsesdato ' +
  'for hvert år og halvår, med og uden opdeling, i løbende og faste priser';

/**
 * The key of a request against a snapshot, checked as a live request would be (same Danish 400s)
 * but read at the snapshot's as-of date and base year. Filters or another as-of date were never
 * frozen: a Danish 400 that says what a snapshot holds.
 */
export function snapshotKeyOfRequest(
  kpi: KpiDefinition,
  input: KpiQueryString,
  context: KpiContext,
  snapshot: { asOf: string; baseYear: number | null },
): string {
  if (input.asOf !== undefined && input.asOf !== snapshot.asOf) {
    throw new BadRequestError(`${NOT_IN_SNAPSHOT} (opgørelsesdato ${snapshot.asOf}, ikke ${input.asOf}).`);
  }
  const resolved = resolveKpiQuery(kpi, input, { ...context, defaultAsOf: snapshot.asOf, defaultBaseYear: snapshot.baseYear });
  if (Object.values(resolved.query.filters).some((codes) => codes && codes.length > 0)) {
    throw new BadRequestError(`${NOT_IN_SNAPSHOT} (ingen filtre).`);
  }
  return snapshotRequestKey(kpi.id, resolved);
}
