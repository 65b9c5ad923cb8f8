/** GET /api/kpis — the KPI catalogue: definitions, measures, breakdowns and filters. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CatalogueResponse } from '@sol/api/schemas/kpi-result.ts';
import { getJson } from './api-client.ts';

export function getCatalogue(signal?: AbortSignal): Promise<CatalogueResponse> {
  return getJson<CatalogueResponse>('/api/kpis', {}, signal);
}

export const catalogueQueryOptions = queryOptions({
  queryKey: ['catalogue'],
  queryFn: ({ signal }) => getCatalogue(signal),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useCatalogue() {
  return useQuery(catalogueQueryOptions);
}
