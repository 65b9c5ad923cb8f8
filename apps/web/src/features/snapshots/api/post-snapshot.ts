/**
 * POST /api/snapshots — starts freezing every standard KPI answer and the strategy page at an
 * as-of date; 202 with a background job (follow it with get-snapshot-job.ts). One at a time: a
 * second gets the API's Danish 409.
 */
import { useMutation } from '@tanstack/react-query';
import type { CreateSnapshotBody } from '@sol/api/schemas/snapshot.ts';
import { requestJson } from '../../../shared/api/api-client.ts';
import type { SnapshotJob } from './get-snapshot-job.ts';

export type CreateSnapshotInput = CreateSnapshotBody;

export function postSnapshot(input: CreateSnapshotInput): Promise<SnapshotJob> {
  return requestJson<SnapshotJob>('POST', '/api/snapshots', JSON.stringify(input));
}

export function useCreateSnapshot() {
  return useMutation({ mutationFn: postSnapshot });
}
