/**
 * GET /api/auth/session — who is logged in (or null), the CSRF token for changes, and how one can
 * log in here (demo users on demo data, OIDC, whether the first administrator is still missing).
 * Asked once when the app starts; the token is handed to the API client. A login or logout asks
 * again (the shell, the menu and what each page offers follow the user's role).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Session } from '@sol/api/schemas/access.ts';
import { getJson, setCsrfToken } from './api-client.ts';

export type { Session };
export type SessionUser = NonNullable<Session['user']>;
export type Role = SessionUser['role'];

export async function getSession(signal?: AbortSignal): Promise<Session> {
  const session = await getJson<Session>('/api/auth/session', {}, signal);
  setCsrfToken(session.csrfToken);
  return session;
}

export const sessionQueryOptions = queryOptions({
  queryKey: ['auth', 'session'],
  queryFn: ({ signal }) => getSession(signal),
  // Changes only by logging in or out, and those ask again.
  staleTime: Infinity,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}
