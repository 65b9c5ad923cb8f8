/**
 * GET /api/deliveries?scheduleId=&limit= — the delivery log, newest first: every scheduled, test
 * and alert email with its state, attempts and errors. Fetched again every 10 seconds while shown,
 * so a retry or a send in the background appears without reloading.
 */
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Delivery } from '@sol/api/schemas/schedule.ts';
import { getJson } from '../../../shared/api/api-client.ts';
import { schedulesQueryOptions } from './get-schedules.ts';

export interface DeliveriesResponse {
  deliveries: Delivery[];
}

export interface DeliveriesParams {
  /** null: every schedule. */
  scheduleId: number | null;
  limit: number;
}

export const DELIVERIES_KEY = ['deliveries'] as const;
export const DELIVERY_LOG_LIMIT = 100;
const REFRESH_MS = 10_000;

export function getDeliveries({ scheduleId, limit }: DeliveriesParams, signal?: AbortSignal): Promise<DeliveriesResponse> {
  return getJson<DeliveriesResponse>('/api/deliveries', { scheduleId, limit }, signal);
}

export function deliveriesQueryOptions(params: DeliveriesParams) {
  return queryOptions({
    queryKey: [...DELIVERIES_KEY, params],
    queryFn: ({ signal }) => getDeliveries(params, signal),
    staleTime: 0,
    refetchInterval: REFRESH_MS,
  });
}

export function useDeliveries(params: DeliveriesParams) {
  return useQuery(deliveriesQueryOptions(params));
}

/** After a send or a delete: the list (each schedule's latest delivery) and the log are both out of date. */
export function refreshSchedulesAndLog(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: schedulesQueryOptions.queryKey }),
    queryClient.invalidateQueries({ queryKey: DELIVERIES_KEY }),
  ]);
}
