/**
 * DELETE /api/schedules/:id — removes a schedule with its alerts (204). The list and the delivery
 * log are fetched again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../shared/api/api-client.ts';
import { refreshSchedulesAndLog } from './get-deliveries.ts';

export async function deleteSchedule(id: number): Promise<void> {
  await requestJson<null>('DELETE', `/api/schedules/${id}`);
}

export function useDeleteSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSchedule,
    onSuccess: () => refreshSchedulesAndLog(queryClient),
  });
}
