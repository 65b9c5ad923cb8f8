/** POST /api/auth/demo-login — log in as the demo user of a role (only while the database holds demo data). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../shared/api/api-client.ts';
import type { Role, SessionUser } from '../../../shared/api/get-session.ts';
import { startSession } from './start-session.ts';

export function postDemoLogin(role: Role): Promise<{ user: SessionUser }> {
  return requestJson<{ user: SessionUser }>('POST', '/api/auth/demo-login', JSON.stringify({ role }));
}

export function useDemoLogin() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: postDemoLogin, onSuccess: () => startSession(queryClient) });
}
