/** PUT /api/snapshots/auto-freeze — turns the automatic freezing on or off; the answer replaces the cached one. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AutoFreeze } from '@sol/api/schemas/schedule.ts';
import { requestJson } from '../../../shared/api/api-client.ts';
import { autoFreezeQueryOptions } from './get-auto-freeze.ts';

export function putAutoFreeze(enabled: boolean): Promise<AutoFreeze> {
  return requestJson<AutoFreeze>('PUT', '/api/snapshots/auto-freeze', JSON.stringify({ enabled }));
}

export function useSetAutoFreeze() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putAutoFreeze,
    onSuccess: (answer) => queryClient.setQueryData(autoFreezeQueryOptions.queryKey, answer),
  });
}
