/**
 * GET /api/schedules/:id/preview.html — the schedule's email as it would be sent now (HTML with
 * its images inline as data: URIs), shown in a sandboxed frame. Fetched as text, not loaded by the
 * frame itself, so loading and a Danish error are shown like every other answer.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getText } from '../../../shared/api/api-client.ts';
import { schedulesQueryOptions } from './get-schedules.ts';

export function getSchedulePreview(id: number, signal?: AbortSignal): Promise<string> {
  return getText(`/api/schedules/${id}/preview.html`, {}, signal);
}

export function schedulePreviewQueryOptions(id: number) {
  return queryOptions({
    // Under the list's key: a saved change to the schedule invalidates its preview too.
    queryKey: [...schedulesQueryOptions.queryKey, id, 'preview'],
    queryFn: ({ signal }) => getSchedulePreview(id, signal),
  });
}

/** Asked only while the preview is open. */
export function useSchedulePreview(id: number, enabled: boolean) {
  return useQuery({ ...schedulePreviewQueryOptions(id), enabled });
}
