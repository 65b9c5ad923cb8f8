/** GET /api/imports — the import history, newest first: when, from where, which files, checksum. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/api-client.ts';

/** One file of an import (apps/api/src/schemas/import-job.ts `ImportedFile`, a schema without a type). */
export interface ImportedFile {
  fileName: string;
  rows: number;
  bytes: number;
  sha256: string;
  encoding: string;
  delimiter: string;
}

export type ImportSource = 'cli' | 'api' | 'demo';

export interface ImportLogEntry {
  importId: number;
  /** ISO timestamp. */
  importedAt: string;
  /** 'cli' | 'api' | 'demo' today; typed as the API types it, so a new source still shows. */
  source: string;
  files: ImportedFile[];
  totalRows: number;
  /** sha256 (hex) over the files' names and checksums. */
  checksum: string;
  durationMs: number;
}

export interface ImportsResponse {
  imports: ImportLogEntry[];
}

/** The page shows this many; a municipality imports about monthly, so this is years of history. */
export const IMPORT_HISTORY_LIMIT = 50;

export function getImports(limit: number, signal?: AbortSignal): Promise<ImportsResponse> {
  return getJson<ImportsResponse>('/api/imports', { limit }, signal);
}

export const importsQueryOptions = queryOptions({
  queryKey: ['imports', { limit: IMPORT_HISTORY_LIMIT }],
  queryFn: ({ signal }) => getImports(IMPORT_HISTORY_LIMIT, signal),
});

export function useImports() {
  return useQuery(importsQueryOptions);
}
