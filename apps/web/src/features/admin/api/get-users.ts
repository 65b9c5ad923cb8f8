/**
 * GET /api/admin/users — every user with role, how they log in (demo, work account/OIDC,
 * password), whether they are disabled, and their last login. The one key every change to a user
 * invalidates.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/api-client.ts';
import type { Role } from '../../../shared/api/get-session.ts';

/** As apps/api/src/schemas/access.ts UserSchema. */
export interface AdminUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  isDemo: boolean;
  hasPassword: boolean;
  oidc: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

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
