/** PUT /api/schedules/:id — saves a changed schedule (the whole body); the list is fetched again. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schedule, ScheduleBody } from '@sol/api/schemas/schedule.ts';
import { requestJson } from '../../../shared/api/api-client.ts';
import { schedulesQueryOptions } from './get-schedules.ts';

export interface PutScheduleInput {
  id: number;
  body: ScheduleBody;
}

export function putSchedule({ id, body }: PutScheduleInput): Promise<Schedule> {
  return requestJson<Schedule>('PUT', `/api/schedules/${id}`, JSON.stringify(body));
}

export function useUpdateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putSchedule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schedulesQueryOptions.queryKey }),
  });
}
