/**
 * GET /api/reference/plan — the 2018 plan's published figures and the realised effect entered
 * since. Shared: Økonomi edits the realised effect, and Modtagere and Tilbud compare with the
 * plan's figures; one query key means a save on one page is seen on the others.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PlanFigures } from '@sol/api/schemas/plan-figures.ts';
import { getJson } from './api-client.ts';

export function getPlan(signal?: AbortSignal): Promise<PlanFigures> {
  return getJson<PlanFigures>('/api/reference/plan', {}, signal);
}

export const planQueryOptions = queryOptions({
  queryKey: ['reference', 'plan'],
  queryFn: ({ signal }) => getPlan(signal),
});

export function usePlan() {
  return useQuery(planQueryOptions);
}
