/**
 * Logging in for real in route tests: a user with a password is created, the session and CSRF
 * token are fetched and POST /api/auth/login is called, as the web app does. `signInAs` then makes
 * every `server.inject` of that server carry the session cookie and the CSRF header (a test can
 * still override either), so tests of other routes run as a logged-in user of the given role.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../src/access/passwords.ts';
import type { Role } from '../../src/access/roles.ts';
import type { Database } from '../../src/db/create-database.ts';
import { insertUser } from '../../src/repositories/users.ts';

export const TEST_PASSWORD = 'korrekt-hest-batteri-hæfteklamme';

export interface TestSession {
  email: string;
  /** The Cookie header: session and CSRF secret. */
  cookie: string;
  csrfToken: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
}

/** A fresh CSRF token and its secret cookie, as GET /api/auth/session gives them. */
export async function fetchCsrf(server: FastifyInstance, cookie = ''): Promise<{ csrfToken: string; cookies: Record<string, string> }> {
  const response = await server.inject({ url: '/api/auth/session', headers: cookie ? { cookie } : {} });
  if (response.statusCode !== 200) throw new Error(`GET /api/auth/session: ${response.statusCode} ${response.body}`);
  return { csrfToken: response.json<{ csrfToken: string }>().csrfToken, cookies: cookiesOf(response) };
}

export async function createTestUser(database: Database, role: Role, email = `${role}-${randomUUID().slice(0, 8)}@test.invalid`): Promise<string> {
  await insertUser(database.db, { email, name: `Test ${role}`, role, passwordHash: await hashPassword(TEST_PASSWORD) });
  return email;
}

/** Logs a new user of `role` in through the login route and returns the session's headers. */
export async function logIn(server: FastifyInstance, database: Database, role: Role): Promise<TestSession> {
  const email = await createTestUser(database, role);
  return logInAs(server, email, TEST_PASSWORD);
}

export async function logInAs(server: FastifyInstance, email: string, password: string): Promise<TestSession> {
  const csrf = await fetchCsrf(server);
  const secret = `sol_csrf=${csrf.cookies.sol_csrf ?? ''}`;
  const response = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie: secret, 'x-csrf-token': csrf.csrfToken },
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`Login som ${email}: ${response.statusCode} ${response.body}`);
  const session = cookiesOf(response).sol_session;
  if (!session) throw new Error('Login gav ingen sessionscookie');
  const cookie = `${secret}; sol_session=${session}`;
  return { email, cookie, csrfToken: csrf.csrfToken, headers: { cookie, 'x-csrf-token': csrf.csrfToken } };
}

/** From now on every inject on `server` is made as a logged-in user of `role` (admin: every route). */
export async function signInAs(server: FastifyInstance, database: Database, role: Role = 'admin'): Promise<TestSession> {
  const session = await logIn(server, database, role);
  const inject = server.inject.bind(server) as (options: InjectOptions) => Promise<LightMyRequestResponse>;
  const signedIn = (options: InjectOptions | string): Promise<LightMyRequestResponse> => {
    const given = typeof options === 'string' ? { url: options } : options;
    return inject({ ...given, headers: { ...session.headers, ...(given.headers ?? {}) } });
  };
  (server as unknown as { inject: typeof signedIn }).inject = signedIn;
  return session;
}
