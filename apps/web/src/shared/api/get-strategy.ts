/** GET /api/strategy — the active strategy's themes and indicators with yearly values and status. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StrategyProgress } from '@sol/api/schemas/strategy.ts';
import { getJson } from './api-client.ts';

export function getStrategy(signal?: AbortSignal): Promise<StrategyProgress> {
  return getJson<StrategyProgress>('/api/strategy', {}, signal);
}

export const strategyQueryOptions = queryOptions({
  queryKey: ['strategy'],
  queryFn: ({ signal }) => getStrategy(signal),
});

export function useStrategy() {
  return useQuery(strategyQueryOptions);
}
