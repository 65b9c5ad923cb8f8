/** GET /api/kpis/:id/rows — the records behind one cell of a KPI (drill), withheld below the threshold. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from './api-client.ts';
import type { KpiParams } from './get-kpi.ts';

export interface KpiRowsColumn {
  key: string;
  title: string;
  unit?: string | null;
}

export interface KpiRows {
  suppressed: boolean;
  message?: string | null;
  truncated: boolean;
  columns: KpiRowsColumn[];
  rows: Record<string, string | number | boolean | null>[];
}

export function getKpiRows(id: string, params: KpiParams, signal?: AbortSignal): Promise<KpiRows> {
  return getJson<KpiRows>(`/api/kpis/${encodeURIComponent(id)}/rows`, params, signal);
}

export function kpiRowsQueryOptions(id: string, params: KpiParams) {
  return queryOptions({
    queryKey: ['kpi-rows', id, params],
    queryFn: ({ signal }) => getKpiRows(id, params, signal),
  });
}

export function useKpiRows(id: string, params: KpiParams, enabled: boolean) {
  return useQuery({ ...kpiRowsQueryOptions(id, params), enabled });
}
