/**
 * GET /api/snapshots/jobs/:jobId — a freeze's progress (answers frozen of all), polled while it
 * runs; the snapshot once it has succeeded, or the Danish reason it failed. On success the list of
 * snapshots is fetched again, so the new one shows in the list and the "Tal" picker.
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { getJson } from '../../../shared/api/api-client.ts';
import { snapshotsQueryOptions, type SnapshotSummary } from '../../../shared/api/get-snapshots.ts';

/** The route's answer (apps/api/src/schemas/snapshot.ts `SnapshotJobSchema`, a schema without a type). */
export interface SnapshotJob {
  jobId: string;
  state: 'running' | 'succeeded' | 'failed';
  /** Answers frozen so far, of all. */
  progress: { done: number; total: number };
  snapshot: SnapshotSummary | null;
  /** Why it failed, in Danish. */
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

/** A freeze takes seconds to a minute: twice a second moves the bar without costing the server. */
const POLL_MS = 500;

export function getSnapshotJob(jobId: string, signal?: AbortSignal): Promise<SnapshotJob> {
  return getJson<SnapshotJob>(`/api/snapshots/jobs/${encodeURIComponent(jobId)}`, {}, signal);
}

export function snapshotJobQueryOptions(jobId: string) {
  return queryOptions({
    queryKey: ['snapshot-job', jobId],
    queryFn: ({ signal }) => getSnapshotJob(jobId, signal),
    refetchInterval: (query) => (query.state.status !== 'error' && query.state.data?.state === 'running' ? POLL_MS : false),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

/** Follows the job while `jobId` is set; refetches the list of snapshots once when it succeeds. */
export function useSnapshotJob(jobId: string | null) {
  const queryClient = useQueryClient();
  const job = useQuery({ ...snapshotJobQueryOptions(jobId ?? ''), enabled: jobId !== null });
  const refreshedFor = useRef<string | null>(null);
  const succeededJob = job.data?.state === 'succeeded' ? job.data.jobId : null;

  useEffect(() => {
    if (succeededJob === null || refreshedFor.current === succeededJob) return;
    refreshedFor.current = succeededJob;
    void queryClient.invalidateQueries({ queryKey: snapshotsQueryOptions.queryKey });
  }, [succeededJob, queryClient]);

  return job;
}
