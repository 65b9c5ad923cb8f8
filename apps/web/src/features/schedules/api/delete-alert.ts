/** DELETE /api/schedules/:id/alerts/:alertId — removes a threshold alert (204); the list is fetched again. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../shared/api/api-client.ts';
import { schedulesQueryOptions } from './get-schedules.ts';

export interface DeleteAlertInput {
  scheduleId: number;
  alertId: number;
}

export async function deleteAlert({ scheduleId, alertId }: DeleteAlertInput): Promise<void> {
  await requestJson<null>('DELETE', `/api/schedules/${scheduleId}/alerts/${alertId}`);
}

export function useDeleteAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAlert,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schedulesQueryOptions.queryKey }),
  });
}
