/** GET /api/kpis/:id — one KPI for a period with its series and breakdown, suppressed. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { KpiResult } from '@sol/api/schemas/kpi-result.ts';
import { getJson, type QueryParams } from './api-client.ts';

export type KpiParams = QueryParams;

export function getKpi(id: string, params: KpiParams, signal?: AbortSignal): Promise<KpiResult> {
  return getJson<KpiResult>(`/api/kpis/${encodeURIComponent(id)}`, params, signal);
}

export function kpiQueryOptions(id: string, params: KpiParams) {
  return queryOptions({
    queryKey: ['kpi', id, params],
    queryFn: ({ signal }) => getKpi(id, params, signal),
  });
}

/** `enabled: false` while a parameter the request depends on is not known yet. */
export function useKpi(id: string, params: KpiParams, enabled = true) {
  return useQuery({ ...kpiQueryOptions(id, params), enabled });
}
