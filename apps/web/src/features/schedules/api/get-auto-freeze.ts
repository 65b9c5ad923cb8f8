/**
 * GET /api/snapshots/auto-freeze — whether the budget follow-up snapshot is frozen automatically on
 * each follow-up date, since when, and the next automatic freeze.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AutoFreeze } from '@sol/api/schemas/schedule.ts';
import { getJson } from '../../../shared/api/api-client.ts';

export function getAutoFreeze(signal?: AbortSignal): Promise<AutoFreeze> {
  return getJson<AutoFreeze>('/api/snapshots/auto-freeze', {}, signal);
}

export const autoFreezeQueryOptions = queryOptions({
  // Under the snapshots' key: whatever refreshes the snapshots refreshes this too.
  queryKey: ['snapshots', 'auto-freeze'],
  queryFn: ({ signal }) => getAutoFreeze(signal),
});

export function useAutoFreeze() {
  return useQuery(autoFreezeQueryOptions);
}
