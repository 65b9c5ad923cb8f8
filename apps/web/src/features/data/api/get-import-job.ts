/**
 * GET /api/imports/jobs/:jobId — an upload's import job: polled while it runs for its progress,
 * then its report (the rows imported, or every error). When an import succeeds, every query is
 * invalidated: the data version has changed, so every number on every page may have.
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { getJson } from '../../../shared/api/api-client.ts';
import type { ImportedFile } from './get-imports.ts';

/** One error of a failed import (apps/api/src/schemas/import-job.ts, which exports schemas only). */
export interface ImportError {
  file: string;
  /** Line in the file, the header being line 1; null for an error in the whole file. */
  line: number | null;
  column: string | null;
  value: string | null;
  /** The reason in Danish. */
  reason: string;
  /** The whole error as one Danish line. */
  message: string;
}

export interface ImportSucceeded {
  ok: true;
  /** Also the new data version. */
  importId: number;
  files: ImportedFile[];
  totalRows: number;
  durationMs: number;
}

export interface ImportFailed {
  ok: false;
  /** Every error up to 50.000; the database is unchanged. */
  errors: ImportError[];
  /** All errors, also those beyond the list. */
  errorCount: number;
  durationMs: number;
}

export interface ImportJob {
  jobId: string;
  state: 'running' | 'succeeded' | 'failed';
  progress: { bytesRead: number; totalBytes: number; fileName: string };
  /** null while the import runs. */
  report: ImportSucceeded | ImportFailed | null;
  startedAt: string;
  finishedAt: string | null;
}

/** Often enough that a short import feels instant, rarely enough to cost the server nothing. */
const POLL_MS = 500;

export function getImportJob(jobId: string, signal?: AbortSignal): Promise<ImportJob> {
  return getJson<ImportJob>(`/api/imports/jobs/${encodeURIComponent(jobId)}`, {}, signal);
}

export function importJobQueryOptions(jobId: string) {
  return queryOptions({
    queryKey: ['import-job', jobId],
    queryFn: ({ signal }) => getImportJob(jobId, signal),
    // Until the job is done; a large import runs for minutes, so also in a tab in the background.
    refetchInterval: (query) => (query.state.status !== 'error' && query.state.data?.state !== 'succeeded' && query.state.data?.state !== 'failed' ? POLL_MS : false),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

/** Follows the job while `jobId` is set; invalidates every query once when it succeeds. */
export function useImportJob(jobId: string | null) {
  const queryClient = useQueryClient();
  const job = useQuery({ ...importJobQueryOptions(jobId ?? ''), enabled: jobId !== null });
  const invalidatedFor = useRef<string | null>(null);
  const succeededJob = job.data?.state === 'succeeded' ? job.data.jobId : null;

  useEffect(() => {
    // Once per job: the effect runs again on re-renders and (in development) twice on mount.
    if (succeededJob === null || invalidatedFor.current === succeededJob) return;
    invalidatedFor.current = succeededJob;
    // All queries, not a list: the filters, the KPIs, the strategy, this page's status and
    // history all belong to the old data version. Inactive ones refetch when next shown.
    void queryClient.invalidateQueries();
  }, [succeededJob, queryClient]);

  return job;
}
