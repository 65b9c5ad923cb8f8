/**
 * GET /api/schedules/cron-preview?cron= — the next three runs of a cron expression in Danish time,
 * or a 400 with a Danish message saying what is wrong with the expression. Asked while the user
 * types (debounced by the caller), so an answer is kept for the session: an expression's next runs
 * only change when one of them has passed.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/api-client.ts';
import type { RunTime } from '@sol/api/schemas/schedule.ts';

export interface CronPreview {
  cron: string;
  timeZone: 'Europe/Copenhagen';
  nextRuns: RunTime[];
}

export function getCronPreview(cron: string, signal?: AbortSignal): Promise<CronPreview> {
  return getJson<CronPreview>('/api/schedules/cron-preview', { cron }, signal);
}

export function cronPreviewQueryOptions(cron: string) {
  return queryOptions({
    queryKey: ['schedules', 'cron-preview', cron],
    queryFn: ({ signal }) => getCronPreview(cron, signal),
    staleTime: 60_000,
    retry: false,
  });
}

/** `cron` is the debounced expression; nothing is asked while it is empty. */
export function useCronPreview(cron: string) {
  return useQuery({ ...cronPreviewQueryOptions(cron), enabled: cron.trim() !== '', placeholderData: keepPreviousData });
}
