/**
 * The roles of DESIGN §9 and the audit log's actions, with their Danish names: one vocabulary for
 * the API (which enforces and logs) and the web app (which hides what a role may not do and
 * filters the log).
 */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  viewer: 'Læser',
  analyst: 'Analytiker',
  admin: 'Administrator',
};

/** Each role may all that the one before it in ROLES may. */
export function hasRole(role: Role | null | undefined, needed: Role): boolean {
  return role !== null && role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const AUDIT_ACTIONS = ['login', 'login_failed', 'logout', 'export', 'import', 'snapshot', 'schedule', 'settings', 'user'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
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
