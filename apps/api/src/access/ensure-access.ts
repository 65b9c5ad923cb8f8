/**
 * At start: the demo users on demo data, the administrator from ADMIN_EMAIL/ADMIN_PASSWORD when
 * given, and otherwise — while there is no administrator — a one-time setup token, printed to the
 * server's log, that creates the first one. There is never a fixed default password.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { countAdmins, findLogin, insertSetupToken, insertUser, isDemoDatabase } from '../repositories/users.ts';
import { assertPasswordStrength, hashPassword } from './passwords.ts';
import { ROLE_LABELS, ROLES, type Role } from './roles.ts';

/** Demo users' addresses are in the reserved .invalid domain: no mail can reach them. */
export function demoEmail(role: Role): string {
  return `demo-${role}@demo.invalid`;
}

export interface InitialAdmin {
  email: string;
  password: string;
  name?: string | undefined;
}

export type AccessAtStart =
  | { kind: 'ready' }
  | { kind: 'setup-token'; token: string }
  | { kind: 'admin-created'; email: string };

export async function ensureAccess(db: Kysely<Tables>, initialAdmin: InitialAdmin | null): Promise<AccessAtStart[]> {
  const outcomes: AccessAtStart[] = [];
  if (await isDemoDatabase(db)) {
    for (const role of ROLES) {
      if (!(await findLogin(db, demoEmail(role)))) {
        await insertUser(db, { email: demoEmail(role), name: `Demo-${ROLE_LABELS[role].toLowerCase()}`, role, passwordHash: null, isDemo: true });
      }
    }
  }
  if (initialAdmin && !(await findLogin(db, initialAdmin.email))) {
    assertPasswordStrength(initialAdmin.password, initialAdmin.email);
    await insertUser(db, { email: initialAdmin.email, name: initialAdmin.name ?? 'Administrator', role: 'admin', passwordHash: await hashPassword(initialAdmin.password) });
    outcomes.push({ kind: 'admin-created', email: initialAdmin.email.toLowerCase() });
  }
  if ((await countAdmins(db)) === 0) {
    const token = randomBytes(18).toString('base64url');
    await insertSetupToken(db, token);
    outcomes.push({ kind: 'setup-token', token });
  }
  return outcomes.length > 0 ? outcomes : [{ kind: 'ready' }];
}
