/**
 * POST /api/auth/logout — ends the session. The page is then loaded afresh at /login, so nothing
 * of the user's (cached numbers, the CSRF token) stays in the browser's memory.
 */
import { useMutation } from '@tanstack/react-query';
import { requestJson } from '../../../shared/api/api-client.ts';

export async function postLogout(): Promise<void> {
  await requestJson<null>('POST', '/api/auth/logout');
}

export function useLogout() {
  return useMutation({ mutationFn: postLogout, onSuccess: () => window.location.assign('/login') });
}
