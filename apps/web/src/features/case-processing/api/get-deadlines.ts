/** GET /api/reference/deadlines — the processing deadline of each paragraph, with its history. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/api-client.ts';

export interface ProcessingDeadline {
  paragraph: string;
  title: string;
  /** ISO date from which this deadline applies (to applications received on or after it). */
  validFrom: string;
  deadlineDays: number;
}

export interface DeadlinesResponse {
  deadlines: ProcessingDeadline[];
}

export function getDeadlines(signal?: AbortSignal): Promise<DeadlinesResponse> {
  return getJson<DeadlinesResponse>('/api/reference/deadlines', {}, signal);
}

export const deadlinesQueryOptions = queryOptions({
  queryKey: ['reference', 'deadlines'],
  queryFn: ({ signal }) => getDeadlines(signal),
});

export function useDeadlines() {
  return useQuery(deadlinesQueryOptions);
}
