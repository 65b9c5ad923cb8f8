/**
 * POST /api/schedules/:id/alerts — adds a threshold alert to a schedule (201 with the alert). The
 * threshold is in the unit the API gives the measure: a share as a fraction (0,8 = 80 %).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Alert, AlertBody } from '@sol/api/schemas/schedule.ts';
import { requestJson } from '../../../shared/api/api-client.ts';
import { schedulesQueryOptions } from './get-schedules.ts';

export interface PostAlertInput {
  scheduleId: number;
  body: AlertBody;
}

export function postAlert({ scheduleId, body }: PostAlertInput): Promise<Alert> {
  return requestJson<Alert>('POST', `/api/schedules/${scheduleId}/alerts`, JSON.stringify(body));
}

export function useAddAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postAlert,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schedulesQueryOptions.queryKey }),
  });
}
