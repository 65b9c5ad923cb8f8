/**
 * PUT /api/snapshots/follow-up-dates — replaces the budget follow-ups' dates (numbered in the
 * order given). The answer is the new list with next dates and names, put straight in the cache.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../shared/api/api-client.ts';
import { followUpDatesQueryOptions, type FollowUpDates } from './get-follow-up-dates.ts';

/** The route's body: 1 to 6 dates; the API refuses a day no year has (31 April) with a Danish 400. */
export interface FollowUpDatesInput {
  dates: { month: number; day: number }[];
}

export function putFollowUpDates(input: FollowUpDatesInput): Promise<FollowUpDates> {
  return requestJson<FollowUpDates>('PUT', '/api/snapshots/follow-up-dates', JSON.stringify(input));
}

export function useSaveFollowUpDates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putFollowUpDates,
    onSuccess: (saved) => queryClient.setQueryData(followUpDatesQueryOptions.queryKey, saved),
  });
}
