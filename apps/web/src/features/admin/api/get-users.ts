/**
 * GET /api/admin/users — every user with role, how they log in (demo, work account/OIDC,
 * password), whether they are disabled, and their last login. The one key every change to a user
 * invalidates.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/api-client.ts';
import type { User } from '@sol/api/schemas/access.ts';

export type AdminUser = User;

export interface UsersResponse {
  users: AdminUser[];
}

export function getUsers(signal?: AbortSignal): Promise<UsersResponse> {
  return getJson<UsersResponse>('/api/admin/users', {}, signal);
}

export const usersQueryOptions = queryOptions({
  queryKey: ['admin', 'users'],
  queryFn: ({ signal }) => getUsers(signal),
});

export function useUsers() {
  return useQuery(usersQueryOptions);
}
