/** GET /api/reference/filters — years with data and the codes the global filters offer. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FilterChoices } from '@sol/api/schemas/filter-choices.ts';
import { getJson } from './api-client.ts';

export function getFilterChoices(signal?: AbortSignal): Promise<FilterChoices> {
  return getJson<FilterChoices>('/api/reference/filters', {}, signal);
}

export const filterChoicesQueryOptions = queryOptions({
  queryKey: ['filter-choices'],
  queryFn: ({ signal }) => getFilterChoices(signal),
});

export function useFilterChoices() {
  return useQuery(filterChoicesQueryOptions);
}
