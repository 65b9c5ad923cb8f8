/**
 * After a login: nothing cached under another user (or none) is kept, and the session is asked
 * again before the app goes on, so the shell, the menu and the CSRF token are the new user's.
 */
import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '../../../shared/api/get-session.ts';

export async function startSession(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryOptions.queryKey[0] });
  await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
}
