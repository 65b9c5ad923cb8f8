/** POST /api/schedules — creates a scheduled KPI email (201 with the schedule); the list is fetched again. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schedule, ScheduleBody } from '@sol/api/schemas/schedule.ts';
import { requestJson } from '../../../shared/api/api-client.ts';
import { schedulesQueryOptions } from './get-schedules.ts';

export function postSchedule(body: ScheduleBody): Promise<Schedule> {
  return requestJson<Schedule>('POST', '/api/schedules', JSON.stringify(body));
}

export function useCreateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postSchedule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schedulesQueryOptions.queryKey }),
  });
}
