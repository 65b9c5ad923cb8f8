/**
 * GET /api/snapshots/follow-up-dates — the budget follow-ups' dates in the year (31 March and
 * 31 August unless edited), each with its next date and the name a snapshot taken then gets.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/api-client.ts';

/** The route's answer (apps/api/src/schemas/snapshot.ts `FollowUpDatesSchema`, a schema without a type). */
export interface FollowUpDate {
  /** Budgetopfølgning 1, 2, … */
  followUp: number;
  month: number;
  day: number;
  /** The next such date on or after today, YYYY-MM-DD. */
  next: string;
  /** "Budgetopfølgning 1 – 2027 (pr. 31.03.2027)". */
  name: string;
}

export interface FollowUpDates {
  dates: FollowUpDate[];
}

export function getFollowUpDates(signal?: AbortSignal): Promise<FollowUpDates> {
  return getJson<FollowUpDates>('/api/snapshots/follow-up-dates', {}, signal);
}

export const followUpDatesQueryOptions = queryOptions({
  queryKey: ['snapshots', 'follow-up-dates'],
  queryFn: ({ signal }) => getFollowUpDates(signal),
});

export function useFollowUpDates() {
  return useQuery(followUpDatesQueryOptions);
}

/** The follow-up that comes first from today: its date and name are what a new snapshot is offered. */
export function nextFollowUp(dates: readonly FollowUpDate[]): FollowUpDate | undefined {
  return [...dates].sort((a, b) => a.next.localeCompare(b.next))[0];
}
