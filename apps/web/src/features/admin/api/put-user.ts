/**
 * PUT /api/admin/users/:id — a user's name, role, password, or disabled. A new role, a new
 * password or disabling ends the user's sessions at once. The API refuses to take the last
 * administrator's role or access ("Det er den sidste administrator …", 409).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../shared/api/api-client.ts';
import type { Role } from '../../../shared/api/get-session.ts';
import type { AdminUser } from './get-users.ts';

export interface UpdateUserInput {
  id: number;
  change: { name?: string; role?: Role; disabled?: boolean; password?: string };
}

export function putUser({ id, change }: UpdateUserInput): Promise<AdminUser> {
  return requestJson<AdminUser>('PUT', `/api/admin/users/${id}`, JSON.stringify(change));
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: putUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }) });
}
