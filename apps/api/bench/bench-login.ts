/**
 * Logging in for the benchmarks, as the web app does it (GET /api/auth/session for the CSRF token
 * and its secret cookie, then POST /api/auth/login): every route but /health needs a session since
 * issue 7. A bench user with a password is written straight to the database; the login itself goes
 * through the route, in-process (`server.inject`) or over HTTP (`fetch`, for autocannon and
 * bench:load). Kept apart from the test helper (test/helpers/sign-in.ts), which is for vitest.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { hashPassword } from '../src/access/passwords.ts';
import type { Role } from '../src/access/roles.ts';
import type { Tables } from '../src/db/schema.ts';
import { insertUser } from '../src/repositories/users.ts';

export const BENCH_PASSWORD = 'benchmark-hest-batteri-hæfteklamme';

/** What a logged-in request carries: the session and CSRF secret cookies, and the CSRF token. */
export interface BenchSession {
  cookie: string;
  'x-csrf-token': string;
}

/** A user of `role` with BENCH_PASSWORD, written to the database; returns the e-mail. */
export async function createBenchUser(db: Kysely<Tables>, role: Role, email = `bench-${role}-${randomUUID().slice(0, 8)}@bench.invalid`): Promise<string> {
  await insertUser(db, { email, name: `Benchmark (${role})`, role, passwordHash: await hashPassword(BENCH_PASSWORD) });
  return email;
}

/** "name=value" of each Set-Cookie header (attributes dropped). */
function cookiePairs(setCookies: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    setCookies.map((header) => {
      const pair = header.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    }),
  );
}

function sessionOf(csrfToken: string, secret: string | undefined, session: string | undefined, email: string): BenchSession {
  if (!secret || !session) throw new Error(`Login som ${email} gav ingen sessions- eller CSRF-cookie`);
  return { cookie: `sol_csrf=${secret}; sol_session=${session}`, 'x-csrf-token': csrfToken };
}

/** Logs in through the server in-process; the headers go on each later `server.inject`. */
export async function logInInject(server: FastifyInstance, email: string, password = BENCH_PASSWORD): Promise<BenchSession> {
  const session = await server.inject({ url: '/api/auth/session' });
  if (session.statusCode !== 200) throw new Error(`GET /api/auth/session: ${session.statusCode} ${session.body}`);
  const secret = session.cookies.find((cookie) => cookie.name === 'sol_csrf')?.value;
  const csrfToken = session.json<{ csrfToken: string }>().csrfToken;
  const login = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie: `sol_csrf=${secret ?? ''}`, 'x-csrf-token': csrfToken },
    payload: { email, password },
  });
  if (login.statusCode !== 200) throw new Error(`Login som ${email}: ${login.statusCode} ${login.body}`);
  return sessionOf(csrfToken, secret, login.cookies.find((cookie) => cookie.name === 'sol_session')?.value, email);
}

/** A new admin (every route) logged in in-process: for the inject-based benches. */
export async function benchAdminInject(server: FastifyInstance, db: Kysely<Tables>): Promise<BenchSession> {
  return logInInject(server, await createBenchUser(db, 'admin'));
}

/**
 * Logs in over HTTP at `baseUrl` (http://host:port); the headers go on each later request.
 * `headers` go on both requests (bench:load gives each user an address of its own in X-Forwarded-For).
 */
export async function logInHttp(baseUrl: string, email: string, password = BENCH_PASSWORD, headers: Record<string, string> = {}): Promise<BenchSession> {
  const session = await fetch(`${baseUrl}/api/auth/session`, { headers });
  if (!session.ok) throw new Error(`GET /api/auth/session: ${session.status} ${await session.text()}`);
  const secret = cookiePairs(session.headers.getSetCookie()).sol_csrf;
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', cookie: `sol_csrf=${secret ?? ''}`, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`Login som ${email}: ${login.status} ${await login.text()}`);
  return sessionOf(csrfToken, secret, cookiePairs(login.headers.getSetCookie()).sol_session, email);
}
