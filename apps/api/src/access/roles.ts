/**
 * What a route needs: nothing (public) or at least a role (packages/domain/src/access-roles.ts:
 * viewers read; analysts also export, import, freeze snapshots and run schedules; admins also
 * manage users). Every route declares it in route-access.ts; only /health and login are public.
 */
import { ROLES, type Role } from '@sol/domain/access-roles.ts';

export { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, hasRole, ROLE_LABELS, ROLES, type AuditAction, type Role } from '@sol/domain/access-roles.ts';

export type RouteAccess = 'public' | Role;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
