/**
 * The dashboard's global filters, kept in the URL so a link shows the same view and back/forward
 * restore it: period (year, half), target group, paragraph, age band, operation, prices, and the
 * frozen snapshot the numbers come from (none: the current numbers). The URL parameters are the
 * API's own names, so a page passes them straight on.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { FILTERS, type FilterId, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import type { KpiParams } from '../api/get-kpi.ts';

export const FILTER_IDS = Object.keys(FILTERS) as FilterId[];

export interface GlobalFilters {
  year: number | null;
  half: 1 | 2 | null;
  codes: Record<FilterId, string[]>;
  prices: 'current' | 'fixed';
  /** A snapshot's id: every KPI, strategy and export request then answers from it (DESIGN §7). */
  snapshot: number | null;
}

/** The search parameters the global filters own (others, like a page's own tab, are kept). */
export const FILTER_PARAMS = ['year', 'half', ...FILTER_IDS, 'prices', 'snapshot'] as const;

export function readFilters(search: URLSearchParams): GlobalFilters {
  const year = Number(search.get('year'));
  const half = Number(search.get('half'));
  const snapshot = Number(search.get('snapshot'));
  const codes = Object.fromEntries(
    FILTER_IDS.map((id) => [id, (search.get(id) ?? '').split(',').map((code) => code.trim()).filter(Boolean)]),
  ) as Record<FilterId, string[]>;
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    half: half === 1 || half === 2 ? half : null,
    codes,
    prices: search.get('prices') === 'fixed' ? 'fixed' : 'current',
    snapshot: Number.isSafeInteger(snapshot) && snapshot >= 1 ? snapshot : null,
  };
}

/**
 * The snapshot parameter alone, for a request that takes none of the other filters (the plan's
 * figures for the whole municipality): a snapshot still applies, so the page never mixes frozen
 * and current numbers under the banner.
 */
export function snapshotParams(filters: Pick<GlobalFilters, 'snapshot'>): KpiParams {
  return filters.snapshot === null ? {} : { snapshot: filters.snapshot };
}

/**
 * The KPI endpoint's parameters for these filters: only the filters the KPI supports (the rest
 * are listed by `unsupportedFilters` so the page can say so), fixed prices only where the KPI has
 * amounts, and the snapshot. A filter a snapshot does not hold is still sent: the API answers with
 * a Danish 400 saying what the snapshot holds, and the page shows that message.
 */
export function kpiParams(filters: GlobalFilters, kpi: KpiDefinition, extra: KpiParams = {}): KpiParams {
  const params: KpiParams = {};
  if (filters.year !== null) params.year = filters.year;
  if (filters.year !== null && filters.half !== null) params.half = filters.half;
  for (const id of FILTER_IDS) {
    const codes = filters.codes[id];
    if (codes.length > 0 && kpi.filters.includes(id)) params[id] = codes.join(',');
  }
  if (filters.prices === 'fixed' && kpi.hasAmounts) params.prices = 'fixed';
  return { ...params, ...snapshotParams(filters), ...extra };
}

/** The chosen filters this KPI cannot apply, as Danish labels. */
export function unsupportedFilters(filters: GlobalFilters, kpi: KpiDefinition): string[] {
  return FILTER_IDS.filter((id) => filters.codes[id].length > 0 && !kpi.filters.includes(id)).map((id) => FILTERS[id]);
}

export function useGlobalFilters(): [GlobalFilters, (changes: Partial<Record<(typeof FILTER_PARAMS)[number], string | null>>) => void] {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => readFilters(search), [search]);
  const update = useCallback(
    (changes: Partial<Record<(typeof FILTER_PARAMS)[number], string | null>>) => {
      setSearch((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (!next.get('year')) next.delete('half');
        return next;
      });
    },
    [setSearch],
  );
  return [filters, update];
}

/** The same filters for an explicit date range (a comparison period or a multi-year trend). */
export function rangeParams(filters: GlobalFilters, kpi: KpiDefinition, from: string, to: string): KpiParams {
  return kpiParams({ ...filters, year: null, half: null }, kpi, { from, to });
}

