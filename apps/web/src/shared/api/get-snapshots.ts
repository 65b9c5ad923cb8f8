/**
 * GET /api/snapshots — every frozen snapshot, newest first. Shared: the "Tal" picker and the
 * banner in the frame, and the Budgetopfølgning page, read the same list; a new snapshot
 * invalidates this one key.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SnapshotSummary } from '@sol/api/schemas/snapshot.ts';
import { getJson } from './api-client.ts';

export type { SnapshotSummary };

export interface SnapshotsResponse {
  snapshots: SnapshotSummary[];
}

export function getSnapshots(signal?: AbortSignal): Promise<SnapshotsResponse> {
  return getJson<SnapshotsResponse>('/api/snapshots', {}, signal);
}

export const snapshotsQueryOptions = queryOptions({
  queryKey: ['snapshots'],
  queryFn: ({ signal }) => getSnapshots(signal),
});

export function useSnapshots() {
  return useQuery(snapshotsQueryOptions);
}
