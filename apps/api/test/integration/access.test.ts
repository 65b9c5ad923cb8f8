/**
 * Access on every route (DESIGN §9, issue 7). The route test walks every route the app registered
 * (with the built web app, so its pages and files are in the table too) and checks, for each:
 * without a session 401 (a browser asking for a page is sent to /login) unless the route is
 * public; with the role below the route's, 403; with the route's role, through the gate (no 401,
 * 403 or 5xx). Also: logins and failed logins in the audit log, exports audited, CSRF, the rate
 * limit on login, session expiry, logout, the first administrator's one-time token, demo users.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAccess } from '../../src/access/ensure-access.ts';
import type { Role } from '../../src/access/roles.ts';
import { buildServer } from '../../src/server.ts';
import { fetchCsrf, logIn, logInAs, TEST_PASSWORD, createTestUser, type TestSession } from '../helpers/sign-in.ts';
import { loadSmallMunicipality } from '../helpers/small-municipality.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/** A built web app in miniature (page, script, icon): its routes are registered as the real build's are. */
function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sol-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="da"><title>app</title><script type="module" src="/assets/app.js"></script></html>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}
const BELOW: Record<Role, Role | null> = { viewer: null, analyst: 'viewer', admin: 'analyst' };

/** A concrete URL for a route pattern: ids that may or may not exist; the gate comes before the lookup. */
function sampleUrl(url: string): string {
  return url
    .replace(':jobId', '00000000-0000-0000-0000-000000000000')
    .replace(':alertId', '1')
    .replace(':id', url.startsWith('/api/kpis/') ? 'housing' : '1')
    .replace('*', 'bolig');
}

describe('access on every route', () => {
  let testDb: TestDatabase;
  let server: FastifyInstance;
  const sessions = {} as Record<Role, TestSession>;
  let anonymous: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await loadSmallMunicipality(testDb.database);
    server = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false, webDistDir: fakeWebDist() });
    for (const role of ['viewer', 'analyst', 'admin'] as const) sessions[role] = await logIn(server, testDb.database, role);
    const csrf = await fetchCsrf(server);
    anonymous = { cookie: `sol_csrf=${csrf.cookies.sol_csrf ?? ''}`, csrfToken: csrf.csrfToken };
  });
  afterAll(async () => {
    await server.close();
    await testDb.dispose();
  });

  const request = (method: string, url: string, headers: Record<string, string>): InjectOptions => ({
    method: method as InjectOptions['method'],
    url,
    headers,
    ...(['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) ? { payload: {} } : {}),
  });

  it('lists the web app among the routes, so pages and files are checked too', () => {
    const urls = server.routeRules.map((route) => route.url);
    expect(urls).toEqual(expect.arrayContaining(['/', '/login', '/*', '/health', '/api/kpis/:id', '/api/admin/users']));
    expect(urls.some((url) => url.startsWith('/assets/'))).toBe(true);
  });

  it('answers nothing but health, login and the login page’s files without a session', async () => {
    const open: string[] = [];
    for (const { method, url, rule } of server.routeRules) {
      const sample = sampleUrl(url);
      const response = await server.inject(request(method, sample, { cookie: anonymous.cookie, 'x-csrf-token': anonymous.csrfToken }));
      if (rule.access === 'public') {
        open.push(`${method} ${url}`);
        expect(response.statusCode, `${method} ${sample}`).not.toBe(401);
        expect(response.statusCode, `${method} ${sample}`).toBeLessThan(500);
      } else {
        expect(response.statusCode, `${method} ${sample}: ${response.body.slice(0, 200)}`).toBe(401);
        if (method !== 'HEAD') expect(response.json().message).toBe('Du skal logge ind for at se dette.');
      }
    }
    // The public routes are exactly these (and the built files of the web app).
    expect(open.filter((route) => !/ \/assets\/| \/[^/]+\.(svg|ico|png|txt|webmanifest|woff2?)$/.test(route)).sort()).toEqual(
      [
        'GET /health',
        'HEAD /health',
        'GET /api/auth/session',
        'HEAD /api/auth/session',
        'POST /api/auth/login',
        'POST /api/auth/demo-login',
        'POST /api/auth/setup',
        'POST /api/auth/logout',
        'GET /login',
        'HEAD /login',
        'GET /opsaetning',
        'HEAD /opsaetning',
      ].sort(),
    );
    // An unknown address is not even a 404 without a session.
    expect((await server.inject({ url: '/api/findes-ikke' })).statusCode).toBe(401);
  });

  it('sends a browser asking for a page to the login page', async () => {
    const response = await server.inject({ url: '/bolig?aar=2024', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/login?next=%2Fbolig%3Faar%3D2024');
    const login = await server.inject({ url: '/login', headers: { accept: 'text/html' } });
    expect(login.statusCode).toBe(200);
    expect(login.headers['content-type']).toMatch(/text\/html/);
  });

  it('refuses the role below each route’s with 403, and lets the route’s own role through', async () => {
    let checked = 0;
    let succeeded = 0;
    for (const { method, url, rule } of server.routeRules) {
      if (rule.access === 'public') continue;
      const sample = sampleUrl(url);
      const below = BELOW[rule.access];
      if (below) {
        const refused = await server.inject(request(method, sample, sessions[below].headers));
        expect(refused.statusCode, `${method} ${sample} as ${below}`).toBe(403);
        if (method !== 'HEAD') expect(refused.json().message).toMatch(/Din rolle giver ikke adgang/);
      }
      const allowed = await server.inject(request(method, sample, sessions[rule.access].headers));
      expect([401, 403], `${method} ${sample} as ${rule.access}: ${allowed.body.slice(0, 200)}`).not.toContain(allowed.statusCode);
      expect(allowed.statusCode, `${method} ${sample} as ${rule.access}: ${allowed.body.slice(0, 200)}`).toBeLessThan(500);
      if (allowed.statusCode < 400) succeeded += 1;
      checked += 1;
    }
    expect(checked).toBeGreaterThan(60);
    // Most sample requests are complete requests that succeed; the rest are refused for their content (400/404), past the gate.
    expect(succeeded).toBeGreaterThan(checked / 2);
  });

  it('refuses a change without the CSRF token, with a Danish message', async () => {
    const { cookie } = sessions.analyst.headers;
    const response = await server.inject({ method: 'PUT', url: '/api/snapshots/auto-freeze', headers: { cookie }, payload: { enabled: false } });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toMatch(/sikkerhedsnøgle \(CSRF\)/);
    // The title the web app recognises to fetch a fresh token and try once more.
    expect(response.json().error).toBe('Ugyldig sikkerhedsnøgle');
    const forged = await server.inject({ method: 'PUT', url: '/api/snapshots/auto-freeze', headers: { cookie, 'x-csrf-token': 'forfalsket' }, payload: { enabled: false } });
    expect(forged.statusCode).toBe(403);
    const allowed = await server.inject({ method: 'PUT', url: '/api/snapshots/auto-freeze', headers: sessions.analyst.headers, payload: { enabled: false } });
    expect(allowed.statusCode).toBe(200);
  });

  it('logs logins, failed logins and exports in the audit log, and an admin can filter and export it', async () => {
    const email = await createTestUser(testDb.database, 'analyst');
    const csrf = await fetchCsrf(server);
    const wrong = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: `sol_csrf=${csrf.cookies.sol_csrf ?? ''}`, 'x-csrf-token': csrf.csrfToken },
      payload: { email, password: 'forkert-adgangskode-123' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toBe('Forkert e-mail eller adgangskode.');
    const session = await logInAs(server, email, TEST_PASSWORD);
    const exported = await server.inject({ url: '/api/kpis/housing/data.csv?year=2024', headers: session.headers });
    expect(exported.statusCode).toBe(200);

    const audit = await server.inject({ url: `/api/admin/audit?user=${encodeURIComponent(email)}`, headers: sessions.admin.headers });
    const events = audit.json<{ events: { action: string; outcome: string; target: string | null; userEmail: string }[] }>().events;
    expect(events.map((event) => [event.action, event.outcome])).toEqual([
      ['export', 'ok'],
      ['login', 'ok'],
      ['login_failed', 'refused'],
    ]);
    expect(events[0]?.target).toBe('GET /api/kpis/housing/data.csv?year=2024');
    const onlyFailed = await server.inject({ url: `/api/admin/audit?action=login_failed&user=${encodeURIComponent(email)}`, headers: sessions.admin.headers });
    expect(onlyFailed.json<{ events: unknown[] }>().events).toHaveLength(1);
    const csv = await server.inject({ url: `/api/admin/audit.csv?user=${encodeURIComponent(email)}`, headers: sessions.admin.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Mislykket login');
    const badDate = await server.inject({ url: '/api/admin/audit?from=2026-02-30', headers: sessions.admin.headers });
    expect(badDate.statusCode).toBe(400);
  });

  it('limits login attempts with a Danish 429', async () => {
    const csrf = await fetchCsrf(server);
    const headers = { cookie: `sol_csrf=${csrf.cookies.sol_csrf ?? ''}`, 'x-csrf-token': csrf.csrfToken, 'x-forwarded-for': '10.9.9.9' };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await server.inject({ method: 'POST', url: '/api/auth/login', headers, remoteAddress: '10.9.9.9', payload: { email: 'gaet@test.invalid', password: `gæt-${attempt}-abcdefgh` } });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().message).toMatch(/For mange forsøg på kort tid/);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('ends a session at logout, and a disabled user’s sessions at once', async () => {
    const session = await logIn(server, testDb.database, 'viewer');
    expect((await server.inject({ url: '/api/strategy', headers: session.headers })).statusCode).toBe(200);
    expect((await server.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })).statusCode).toBe(204);
    expect((await server.inject({ url: '/api/strategy', headers: session.headers })).statusCode).toBe(401);

    const other = await logIn(server, testDb.database, 'analyst');
    const users = (await server.inject({ url: '/api/admin/users', headers: sessions.admin.headers })).json<{ users: { id: number; email: string }[] }>().users;
    const id = users.find((user) => user.email === other.email)?.id;
    const disabled = await server.inject({ method: 'PUT', url: `/api/admin/users/${id}`, headers: sessions.admin.headers, payload: { disabled: true } });
    expect(disabled.statusCode).toBe(200);
    expect((await server.inject({ url: '/api/strategy', headers: other.headers })).statusCode).toBe(401);
    const weak = await server.inject({ method: 'POST', url: '/api/admin/users', headers: sessions.admin.headers, payload: { email: 'ny@test.invalid', name: 'Ny', role: 'viewer', password: 'kort' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toMatch(/mindst 12 tegn/);
  });
});

describe('session expiry', () => {
  let testDb: TestDatabase;
  let server: FastifyInstance;
  let now = new Date('2026-12-07T08:00:00Z');

  beforeAll(async () => {
    testDb = await createTestDatabase();
    server = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false, access: { sessionHours: 10, idleMinutes: 120, clock: () => now } });
  });
  afterAll(async () => {
    await server.close();
    await testDb.dispose();
  });

  it('ends a session after 120 idle minutes, and after 10 hours however busy', async () => {
    const idle = await logIn(server, testDb.database, 'viewer');
    now = new Date(now.getTime() + 119 * 60_000);
    expect((await server.inject({ url: '/api/auth/session', headers: idle.headers })).json().user).not.toBeNull();
    now = new Date(now.getTime() + 119 * 60_000);
    expect((await server.inject({ url: '/api/auth/session', headers: idle.headers })).json().user).not.toBeNull();
    now = new Date(now.getTime() + 121 * 60_000);
    expect((await server.inject({ url: '/api/auth/session', headers: idle.headers })).json().user).toBeNull();
    expect((await server.inject({ url: '/api/strategy', headers: idle.headers })).statusCode).toBe(401);

    const busy = await logIn(server, testDb.database, 'viewer');
    // A request every hour keeps it alive until 10 hours after login, and not a minute longer.
    for (let hour = 1; hour <= 9; hour += 1) {
      now = new Date(now.getTime() + 60 * 60_000);
      expect((await server.inject({ url: '/api/auth/session', headers: busy.headers })).json().user, `hour ${hour}`).not.toBeNull();
    }
    now = new Date(now.getTime() + 61 * 60_000);
    expect((await server.inject({ url: '/api/auth/session', headers: busy.headers })).json().user).toBeNull();
  });

  it('sets the session cookie httpOnly and SameSite, and Secure when the request came over TLS', async () => {
    const csrf = await fetchCsrf(server);
    const email = await createTestUser(testDb.database, 'viewer');
    const login = (headers: Record<string, string>) =>
      server.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { cookie: `sol_csrf=${csrf.cookies.sol_csrf ?? ''}`, 'x-csrf-token': csrf.csrfToken, ...headers },
        payload: { email, password: TEST_PASSWORD },
      });
    const plain = (await login({})).cookies.find((cookie) => cookie.name === 'sol_session');
    expect(plain).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(plain?.secure).toBeFalsy();
    const secureServer = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false, trustProxy: true });
    try {
      const secureCsrf = await fetchCsrf(secureServer);
      const overTls = await secureServer.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { cookie: `sol_csrf=${secureCsrf.cookies.sol_csrf ?? ''}`, 'x-csrf-token': secureCsrf.csrfToken, 'x-forwarded-proto': 'https' },
        payload: { email, password: TEST_PASSWORD },
      });
      expect(overTls.cookies.find((cookie) => cookie.name === 'sol_session')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    } finally {
      await secureServer.close();
    }
  });

  it('sends security headers with a CSP that allows only the app itself', async () => {
    const response = await server.inject({ url: '/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('refuses a JSON body over 256 kB with a Danish 413', async () => {
    const session = await logIn(server, testDb.database, 'analyst');
    const response = await server.inject({
      method: 'PUT',
      url: '/api/snapshots/auto-freeze',
      headers: { ...session.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ enabled: true, padding: 'x'.repeat(300 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toMatch(/for stor \(højst 256 kB\)/);
  });
});

describe('the first administrator and demo users', () => {
  let testDb: TestDatabase;
  let server: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    server = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false });
  });
  afterAll(async () => {
    await server.close();
    await testDb.dispose();
  });

  it('prints a one-time token while there is no administrator, and it creates one admin, once', async () => {
    const [outcome] = await ensureAccess(testDb.database.db, null);
    if (outcome?.kind !== 'setup-token') throw new Error(`expected a setup token, got ${JSON.stringify(outcome)}`);
    const csrf = await fetchCsrf(server);
    const headers = { cookie: `sol_csrf=${csrf.cookies.sol_csrf ?? ''}`, 'x-csrf-token': csrf.csrfToken };
    expect((await server.inject({ url: '/api/auth/session', headers })).json().setupRequired).toBe(true);
    const body = { token: outcome.token, email: 'chef@kommune.test', name: 'Chef', password: 'en-lang-og-god-adgangskode' };
    const wrongToken = await server.inject({ method: 'POST', url: '/api/auth/setup', headers, payload: { ...body, token: 'forkert-engangskode' } });
    expect(wrongToken.statusCode).toBe(403);
    const created = await server.inject({ method: 'POST', url: '/api/auth/setup', headers, payload: body });
    expect(created.statusCode).toBe(200);
    expect(created.json().user).toMatchObject({ email: 'chef@kommune.test', role: 'admin' });
    const again = await server.inject({ method: 'POST', url: '/api/auth/setup', headers, payload: { ...body, email: 'anden@kommune.test' } });
    expect(again.statusCode).toBe(403);
    // With an administrator, a restart prints no token.
    expect(await ensureAccess(testDb.database.db, null)).toEqual([{ kind: 'ready' }]);
    // No demo users on a database without demo data.
    expect((await server.inject({ url: '/api/auth/session' })).json().demoUsers).toEqual([]);
    const demo = await server.inject({ method: 'POST', url: '/api/auth/demo-login', headers, payload: { role: 'admin' } });
    expect(demo.statusCode).toBe(403);
  });
});
