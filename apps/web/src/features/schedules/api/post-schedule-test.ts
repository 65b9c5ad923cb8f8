/**
 * POST /api/schedules/:id/test — sends the schedule's email now, to its recipients or to the
 * addresses given. Answers with the delivery: 'sent', or 'failed' with the mail server's error.
 * The delivery log and the list (latest delivery) are fetched again either way.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Delivery } from '@sol/api/schemas/schedule.ts';
import { requestJson } from '../../../shared/api/api-client.ts';
import { refreshSchedulesAndLog } from './get-deliveries.ts';

export interface TestMailInput {
  id: number;
  /** Left out: the schedule's own recipients. */
  to?: string[];
  /** A frozen snapshot's numbers instead of current ones (e.g. to send a budget follow-up). */
  snapshot?: number;
}

export function postScheduleTest({ id, to, snapshot }: TestMailInput): Promise<Delivery> {
  return requestJson<Delivery>('POST', `/api/schedules/${id}/test`, JSON.stringify({ ...(to ? { to } : {}), ...(snapshot !== undefined ? { snapshot } : {}) }));
}

export function useSendTestMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postScheduleTest,
    onSettled: () => refreshSchedulesAndLog(queryClient),
  });
}
