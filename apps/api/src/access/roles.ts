/**
 * The roles of DESIGN §9 and what each route needs. Every route declares `config.access`; a route
 * without one needs a login (viewer). Only /health and the login routes are public.
 */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a route needs: nothing (public) or at least a role. */
export type RouteAccess = 'public' | Role;

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Læser',
  analyst: 'Analytiker',
  admin: 'Administrator',
};

/** Viewers read; analysts also export, import, freeze snapshots and run schedules; admins also manage users. */
const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };

export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The audit log's actions: who logged in, failed to, and what left or entered the system. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'export',
  'import',
  'snapshot',
  'schedule',
  'settings',
  'user',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  login: 'Login',
  login_failed: 'Mislykket login',
  logout: 'Log ud',
  export: 'Eksport',
  import: 'Import',
  snapshot: 'Øjebliksbillede',
  schedule: 'Udsendelse',
  settings: 'Indstilling',
  user: 'Bruger',
};
