/**
 * GET /api/strategy — the active strategy's themes and indicators with yearly values and status;
 * with a snapshot's id, the strategy page as frozen in it.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StrategyProgress } from '@sol/api/schemas/strategy.ts';
import { getJson } from './api-client.ts';

export function getStrategy(snapshot: number | null, signal?: AbortSignal): Promise<StrategyProgress> {
  return getJson<StrategyProgress>('/api/strategy', { snapshot }, signal);
}

export function strategyQueryOptions(snapshot: number | null) {
  return queryOptions({
    queryKey: ['strategy', { snapshot }],
    queryFn: ({ signal }) => getStrategy(snapshot, signal),
  });
}

/** `snapshot`: null for the current numbers (the global filter's value, or null where it does not apply). */
export function useStrategy(snapshot: number | null) {
  return useQuery(strategyQueryOptions(snapshot));
}
