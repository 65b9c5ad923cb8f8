/**
 * POST /api/auth/login — e-mail and password. A wrong pair answers 401 "Forkert e-mail eller
 * adgangskode." and too many tries 429 with how long to wait, both in Danish for the form. On
 * success the session is asked again (a new CSRF token, the user's role) before the app goes on.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../shared/api/api-client.ts';
import type { SessionUser } from '../../../shared/api/get-session.ts';
import { startSession } from './start-session.ts';

export interface LoginInput {
  email: string;
  password: string;
}

export function postLogin(input: LoginInput): Promise<{ user: SessionUser }> {
  return requestJson<{ user: SessionUser }>('POST', '/api/auth/login', JSON.stringify(input));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: postLogin, onSuccess: () => startSession(queryClient) });
}
