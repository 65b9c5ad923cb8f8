/**
 * POST /api/admin/users — a new user with a role, and a password or none (then only the work
 * account, OIDC, logs them in). The API answers a taken e-mail (409) and a weak password (400) in
 * Danish. The user list, and the audit log that now holds the change, are fetched again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../shared/api/api-client.ts';
import type { Role } from '../../../shared/api/get-session.ts';
import type { AdminUser } from './get-users.ts';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  password?: string;
}

export function postUser(input: CreateUserInput): Promise<AdminUser> {
  return requestJson<AdminUser>('POST', '/api/admin/users', JSON.stringify(input));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: postUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }) });
}
