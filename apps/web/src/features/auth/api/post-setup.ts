/**
 * POST /api/auth/setup — the first administrator, with the one-time token the server wrote in its
 * log (the link /opsaetning#<token>). The API checks the password (at least 12 characters, not the
 * e-mail's name) and the token, in Danish; on success the new administrator is logged in.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../shared/api/api-client.ts';
import type { SessionUser } from '../../../shared/api/get-session.ts';
import { startSession } from './start-session.ts';

export interface SetupInput {
  token: string;
  name: string;
  email: string;
  password: string;
}

export function postSetup(input: SetupInput): Promise<{ user: SessionUser }> {
  return requestJson<{ user: SessionUser }>('POST', '/api/auth/setup', JSON.stringify(input));
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: postSetup, onSuccess: () => startSession(queryClient) });
}
