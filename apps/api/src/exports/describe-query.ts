/** A KPI answer's filters in Danish words, for chart subtitles and the header of data exports. */
import { FILTERS, type BreakdownId, type FilterId } from '@sol/domain/kpi-catalogue.ts';
import { groupLabel } from '../kpis/group-labels.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import type { KpiResult } from '../schemas/kpi-result.ts';

/** "Målgruppe: Sindslidelse, Udviklingshæmning · Driftsform: Intern"; empty without filters. */
export function filterText(query: KpiResult['query'], context: KpiContext): string {
  const parts = Object.entries(query.filters)
    .filter(([, codes]) => codes.length > 0)
    .map(([filter, codes]) => {
      // Every filter is also a breakdown, so the breakdown's group labels name its codes.
      const labels = codes.map((code) => groupLabel(filter as BreakdownId, code, context));
      return `${FILTERS[filter as FilterId] ?? filter}: ${labels.join(', ')}`;
    });
  if (query.cohort === 'active') parts.push('alle ophold aktive i perioden');
  return parts.join(' · ');
}

/** "faste 2024-priser" when amounts are in fixed prices, else null. */
export function pricesNote(query: KpiResult['query']): string | null {
  return query.prices.kind === 'fixed' && query.prices.baseYear !== null ? `faste ${query.prices.baseYear}-priser` : null;
}
