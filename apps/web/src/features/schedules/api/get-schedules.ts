/**
 * GET /api/schedules — every scheduled KPI email with its next three runs (Danish time), its
 * threshold alerts and its latest delivery. The one query key every change to a schedule, an
 * alert or a test mail invalidates.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schedule } from '@sol/api/schemas/schedule.ts';
import { getJson } from '../../../shared/api/api-client.ts';

export interface SchedulesResponse {
  schedules: Schedule[];
}

export function getSchedules(signal?: AbortSignal): Promise<SchedulesResponse> {
  return getJson<SchedulesResponse>('/api/schedules', {}, signal);
}

export const schedulesQueryOptions = queryOptions({
  queryKey: ['schedules'],
  queryFn: ({ signal }) => getSchedules(signal),
  // The next runs move on as time passes; a minute's staleness is the app's default anyway.
});

export function useSchedules() {
  return useQuery(schedulesQueryOptions);
}
