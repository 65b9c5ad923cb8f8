/**
 * GET /api/snapshots/compare?a=<id>&b=<id|live> — per KPI headline and per strategy indicator and
 * year: the value in A and in B, B − A, whether it moved, and a Danish sentence. `live` reads
 * today's data at A's as-of date: what later corrections changed.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SnapshotComparison } from '@sol/api/schemas/snapshot.ts';
import { getJson } from '../../../shared/api/api-client.ts';

export type { SnapshotComparison };

/** The other side: a snapshot's id, or the current numbers. */
export type ComparisonSide = number | 'live';

export function getSnapshotComparison(a: number, b: ComparisonSide, signal?: AbortSignal): Promise<SnapshotComparison> {
  return getJson<SnapshotComparison>('/api/snapshots/compare', { a, b }, signal);
}

export function snapshotComparisonQueryOptions(a: number, b: ComparisonSide) {
  return queryOptions({
    queryKey: ['snapshots', 'compare', { a, b }],
    queryFn: ({ signal }) => getSnapshotComparison(a, b, signal),
  });
}

/** `choice` null until the user has asked for a comparison. */
export function useSnapshotComparison(choice: { a: number; b: ComparisonSide } | null) {
  return useQuery({ ...snapshotComparisonQueryOptions(choice?.a ?? 0, choice?.b ?? 'live'), enabled: choice !== null });
}
