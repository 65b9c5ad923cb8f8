/**
 * What each role may do in the web app, as the API's route table has it (apps/api/src/access/
 * route-access.ts): viewers read the dashboard; analysts also download, see the rows behind a
 * number, import, freeze snapshots, change the follow-up settings and run schedules; admins also
 * manage users and read the audit log. The app hides what a role cannot do, instead of offering a
 * button the API answers with 403; the API still decides.
 */
import { hasRole, ROLE_LABELS, ROLES } from '@sol/domain/access-roles.ts';
import { useSession, type Role } from '../api/get-session.ts';

export type { Role };

export { ROLE_LABELS, hasRole };

/** In the order of what they may do: each role may all that the one before may. */
export const ROLE_ORDER: readonly Role[] = ROLES;

export type Capability = 'export' | 'rows' | 'import' | 'snapshot' | 'settings' | 'schedules' | 'users';

const NEEDS: Readonly<Record<Capability, Role>> = {
  export: 'analyst',
  rows: 'analyst',
  import: 'analyst',
  snapshot: 'analyst',
  settings: 'analyst',
  schedules: 'analyst',
  users: 'admin',
};

export function roleCan(role: Role | null | undefined, capability: Capability): boolean {
  return hasRole(role, NEEDS[capability]);
}

/** The logged-in user's role, or null (not logged in, or the session not fetched yet). */
export function useRole(): Role | null {
  return useSession().data?.user?.role ?? null;
}

/** Whether the logged-in user may do this. */
export function useCan(capability: Capability): boolean {
  return roleCan(useRole(), capability);
}
