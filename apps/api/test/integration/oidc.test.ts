/**
 * Login with a work account (OIDC) against a real provider: oidc-provider on a free port of
 * 127.0.0.1 (test/helpers/oidc-test-provider.ts) and the app listening on another, both over real
 * HTTP. A small browser follows the redirects (Location) by hand and keeps each site's cookies,
 * so the whole flow runs as in a browser: start → provider → interaction → callback → the page.
 *
 * The provider is http://127.0.0.1, which openid-client allows only because it is on this machine
 * (access/oidc.ts: isLocalHttp); the configuration refuses http anywhere else.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcOptions } from '../../src/access/oidc.ts';
import { listAuditEvents } from '../../src/repositories/audit-log.ts';
import { buildServer } from '../../src/server.ts';
import { freePort } from '../../../../tests/setup/free-port.ts';
import { startTestProvider, type TestProvider } from '../helpers/oidc-test-provider.ts';
import { logIn, type TestSession } from '../helpers/sign-in.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const NO_ROLE = 'Din arbejdskonto har ingen rolle i dashboardet. Kontakt administratoren.';
const ROLE_MAP = { 'SOL.Admin': 'admin', 'SOL.Analyst': 'analyst', 'SOL.Viewer': 'viewer' } as const;

/** Follows redirects by hand, keeping cookies per site (host and port), as a browser does. */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();
  constructor(private readonly accept = 'application/json') {}

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).host)?.get(name);
  }

  async get(url: string): Promise<Response> {
    const host = new URL(url).host;
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    this.jar.set(host, cookies);
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: { accept: this.accept, ...(cookie ? { cookie } : {}) } });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || (/^\s*expires=/i.test(attribute) && Date.parse(attribute.split('=')[1] ?? '') < Date.now()));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` while `keepGoing` says so; returns the last answer and its URL. */
  async follow(url: string, keepGoing: (next: URL) => boolean): Promise<{ response: Response; url: string }> {
    let current = url;
    for (let hop = 0; hop < 20; hop += 1) {
      const response = await this.get(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current);
      if (!keepGoing(next)) return { response, url: current };
      current = next.href;
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }
}

interface AuditEvent {
  action: string;
  outcome: string;
  target: string | null;
  userEmail: string | null;
}

describe('login with a work account (OIDC)', () => {
  let testDb: TestDatabase;
  let provider: TestProvider;
  let server: FastifyInstance;
  let app: string;
  let admin: TestSession;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const port = await freePort();
    app = `http://127.0.0.1:${port}`;
    provider = await startTestProvider(`${app}/api/auth/oidc/callback`);
    provider.accounts.set('analytiker-1', { email: 'Anna.Analytiker@Kommune.test', name: 'Anna Analytiker', roles: ['SOL.Analyst', 'Andet.Program'] });
    provider.accounts.set('laeser-1', { preferred_username: 'lars.laeser@kommune.test', name: 'Lars Læser', roles: ['SOL.Viewer'] });
    provider.accounts.set('chef-1', { email: 'chef@kommune.test', name: 'Chef', roles: ['SOL.Viewer', 'SOL.Admin'] });
    provider.accounts.set('uden-rolle', { email: 'uden.rolle@kommune.test', name: 'Uden Rolle', roles: ['Andet.Program'] });
    const oidc: OidcOptions = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUrl: `${app}/api/auth/oidc/callback`,
      roleClaim: 'roles',
      roleMap: ROLE_MAP,
      label: 'Log ind med arbejdskonto',
    };
    server = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false, oidc });
    await server.listen({ port, host: '127.0.0.1' });
    admin = await logIn(server, testDb.database, 'admin');
  });
  afterAll(async () => {
    await server.close();
    await provider.close();
    await testDb.dispose();
  });

  /** Through the provider and back to the app's callback; returns the callback's answer. */
  async function logInWith(browser: Browser, subject: string | null, next = '/'): Promise<Response> {
    provider.loginAs(subject);
    const start = `${app}/api/auth/oidc/start?next=${encodeURIComponent(next)}`;
    // Keep going while on the provider, and into the callback; stop at the app's answer to it.
    const { response, url } = await browser.follow(start, (to) => to.origin === provider.issuer || to.pathname === '/api/auth/oidc/callback');
    expect(new URL(url).pathname).toBe('/api/auth/oidc/callback');
    return response;
  }

  async function sessionOf(browser: Browser): Promise<{ user: { email: string; name: string; role: string } | null; oidc: { label: string } | null }> {
    return (await browser.get(`${app}/api/auth/session`)).json() as Promise<{ user: { email: string; name: string; role: string } | null; oidc: { label: string } | null }>;
  }

  async function auditOf(email: string): Promise<AuditEvent[]> {
    const response = await server.inject({ url: `/api/admin/audit?user=${encodeURIComponent(email)}`, headers: admin.headers });
    expect(response.statusCode).toBe(200);
    return response.json<{ events: AuditEvent[] }>().events;
  }

  /** What the API leaves out: each event's details (the role, why a login was refused), newest first. */
  async function auditDetails(filter: { user?: string; action?: 'login' | 'login_failed' }): Promise<(Record<string, unknown> | null)[]> {
    return (await listAuditEvents(testDb.database.db, { ...filter, limit: 100 })).map((event) => event.details);
  }

  it('offers the button and sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const browser = new Browser();
    expect((await sessionOf(browser)).oidc).toEqual({ label: 'Log ind med arbejdskonto' });
    const start = await browser.get(`${app}/api/auth/oidc/start?next=/bolig`);
    expect(start.status).toBe(302);
    const location = new URL(start.headers.get('location') ?? '');
    expect(location.origin).toBe(provider.issuer);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: `${app}/api/auth/oidc/callback`,
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    for (const name of ['state', 'nonce', 'code_challenge']) expect(location.searchParams.get(name)?.length).toBeGreaterThanOrEqual(32);
    const setCookie = start.headers.getSetCookie().find((line) => line.startsWith('sol_oidc='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\/api\/auth\/oidc/);
    // Sealed: neither the state nor the PKCE verifier can be read from the cookie.
    expect(setCookie).not.toContain(location.searchParams.get('state') ?? 'state');
    const unknown = await browser.get(`${app}/api/auth/oidc/start?next=/&extra=1`);
    expect(unknown.status).toBe(400);
  });

  it('logs an analyst in with the role from the claim, sends them on to the page they asked for, and audits it', async () => {
    const browser = new Browser();
    const callback = await logInWith(browser, 'analytiker-1', '/bolig?aar=2024');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/bolig?aar=2024');
    expect(browser.cookie(app, 'sol_oidc')).toBeUndefined();
    const session = await sessionOf(browser);
    expect(session.user).toMatchObject({ email: 'anna.analytiker@kommune.test', name: 'Anna Analytiker', role: 'analyst' });
    // The session works on the analyst's routes.
    expect((await browser.get(`${app}/api/imports`)).status).toBe(200);
    const events = await auditOf('anna.analytiker@kommune.test');
    expect(events[0]).toMatchObject({ action: 'login', outcome: 'ok', target: 'oidc' });
    expect((await auditDetails({ user: 'anna.analytiker@kommune.test' }))[0]).toEqual({ role: 'analyst' });
    const users = (await server.inject({ url: '/api/admin/users', headers: admin.headers })).json<{ users: { email: string; oidc: boolean; hasPassword: boolean }[] }>().users;
    expect(users.find((user) => user.email === 'anna.analytiker@kommune.test')).toMatchObject({ oidc: true, hasPassword: false });
  });

  it('gives a viewer the viewer role (e-mail from preferred_username), the highest mapped role wins, and only local pages are followed', async () => {
    const viewer = new Browser();
    const callback = await logInWith(viewer, 'laeser-1', 'https://ondt.example/');
    expect(callback.headers.get('location')).toBe('/');
    expect((await sessionOf(viewer)).user).toMatchObject({ email: 'lars.laeser@kommune.test', role: 'viewer' });
    expect((await viewer.get(`${app}/api/imports`)).status).toBe(403);

    const chief = new Browser();
    expect((await logInWith(chief, 'chef-1', '//ondt.example/sti')).headers.get('location')).toBe('/');
    expect((await sessionOf(chief)).user?.role).toBe('admin');
  });

  it('lets the role follow the claim at the next login', async () => {
    provider.accounts.set('analytiker-1', { email: 'anna.analytiker@kommune.test', name: 'Anna Analytiker', roles: ['SOL.Viewer'] });
    const browser = new Browser();
    expect((await logInWith(browser, 'analytiker-1')).status).toBe(302);
    expect((await sessionOf(browser)).user?.role).toBe('viewer');
    expect((await auditOf('anna.analytiker@kommune.test'))[0]).toMatchObject({ action: 'login', target: 'oidc' });
    expect((await auditDetails({ user: 'anna.analytiker@kommune.test' }))[0]).toEqual({ role: 'viewer', previousRole: 'analyst' });

    // Back again, in the same browser (the provider remembers the login: no interaction this time).
    provider.accounts.set('analytiker-1', { email: 'anna.analytiker@kommune.test', name: 'Anna A. Analytiker', roles: ['SOL.Analyst'] });
    expect((await logInWith(browser, 'analytiker-1')).status).toBe(302);
    expect((await sessionOf(browser)).user).toMatchObject({ name: 'Anna A. Analytiker', role: 'analyst' });

    // Without a mapped role at the next login (in another browser), her session here ends as well.
    provider.accounts.set('analytiker-1', { email: 'anna.analytiker@kommune.test', name: 'Anna A. Analytiker', roles: [] });
    expect((await logInWith(new Browser(), 'analytiker-1')).status).toBe(403);
    expect((await sessionOf(browser)).user).toBeNull();
    provider.accounts.set('analytiker-1', { email: 'anna.analytiker@kommune.test', name: 'Anna A. Analytiker', roles: ['SOL.Analyst'] });
  });

  it('says so in Danish when the user cancels at the provider', async () => {
    const browser = new Browser();
    const callback = await logInWith(browser, null);
    expect(callback.status).toBe(403);
    expect(((await callback.json()) as { message: string }).message).toBe('Loginudbyderen gav ikke adgang: login blev afbrudt eller afvist. Prøv igen fra loginsiden.');
    expect((await sessionOf(browser)).user).toBeNull();
  });

  it('refuses an account without a mapped role with a Danish 403 page, no session, and a failed login in the audit log', async () => {
    const browser = new Browser('text/html,application/xhtml+xml');
    const callback = await logInWith(browser, 'uden-rolle');
    expect(callback.status).toBe(403);
    expect(callback.headers.get('content-type')).toMatch(/text\/html/);
    const page = await callback.text();
    expect(page).toContain(NO_ROLE);
    expect(page).toContain('href="/login"');
    expect(browser.cookie(app, 'sol_session')).toBeUndefined();
    expect((await sessionOf(browser)).user).toBeNull();
    const events = await auditOf('uden.rolle@kommune.test');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'login_failed', outcome: 'refused', target: 'oidc' });
    expect(String((await auditDetails({ user: 'uden.rolle@kommune.test' }))[0]?.reason)).toContain('Andet.Program');
    const users = (await server.inject({ url: '/api/admin/users', headers: admin.headers })).json<{ users: { email: string }[] }>().users;
    expect(users.map((user) => user.email)).not.toContain('uden.rolle@kommune.test');
  });

  it('refuses a forged state, a callback without its login cookie, and a disabled user', async () => {
    const browser = new Browser();
    provider.loginAs('laeser-1');
    // Through the provider, but stop before the callback: the code is real, the state is swapped.
    const { response } = await browser.follow(`${app}/api/auth/oidc/start`, (to) => to.origin === provider.issuer);
    const callback = new URL(response.headers.get('location') ?? '');
    expect(callback.pathname).toBe('/api/auth/oidc/callback');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forfalsket-state-fra-en-anden');
    const refused = await browser.get(forged.href);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ message: 'Login med arbejdskonto kunne ikke gennemføres. Prøv igen fra loginsiden.' });
    expect((await sessionOf(browser)).user).toBeNull();
    // The cookie is gone with the refusal: the real callback is refused too.
    const replay = await browser.get(callback.href);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { message: string }).message).toMatch(/udløbet eller blev startet i en anden browser/);
    expect((await sessionOf(browser)).user).toBeNull();
    const failed = (await server.inject({ url: '/api/admin/audit?action=login_failed', headers: admin.headers })).json<{ events: AuditEvent[] }>().events;
    expect(failed.slice(0, 2).map((event) => [event.target, event.outcome, event.userEmail])).toEqual([['oidc', 'refused', null], ['oidc', 'refused', null]]);
    expect((await auditDetails({ action: 'login_failed' })).slice(0, 2)).toEqual([{ reason: 'login-cookie mangler eller er udløbet' }, { reason: 'state passer ikke' }]);

    // A disabled user stays out, whatever the claim says.
    const users = (await server.inject({ url: '/api/admin/users', headers: admin.headers })).json<{ users: { id: number; email: string }[] }>().users;
    const id = users.find((user) => user.email === 'lars.laeser@kommune.test')?.id;
    const disabled = await server.inject({ method: 'PUT', url: `/api/admin/users/${id}`, headers: admin.headers, payload: { disabled: true } });
    expect(disabled.statusCode).toBe(200);
    const again = await logInWith(new Browser(), 'laeser-1');
    expect(again.status).toBe(403);
    expect(((await again.json()) as { message: string }).message).toBe('Din bruger er spærret i dashboardet. Kontakt administratoren.');
  });
});

describe('OIDC login when the provider does not answer', () => {
  let testDb: TestDatabase;
  let server: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const nobody = await freePort();
    server = await buildServer({
      database: testDb.database,
      closeDatabaseOnShutdown: false,
      oidc: {
        issuer: `http://127.0.0.1:${nobody}`,
        clientId: 'sol',
        clientSecret: 'hemmelighed-til-en-udbyder-der-ikke-svarer',
        redirectUrl: 'http://127.0.0.1:3000/api/auth/oidc/callback',
        roleClaim: 'roles',
        roleMap: ROLE_MAP,
        label: 'Log ind med arbejdskonto',
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await testDb.dispose();
  });

  it('answers 502 in Danish without details, and no OIDC routes exist without OIDC', async () => {
    const response = await server.inject({ url: '/api/auth/oidc/start?next=/bolig' });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toEqual({
      statusCode: 502,
      error: 'Loginudbyderen svarer ikke',
      message: 'Loginudbyderen svarer ikke lige nu. Prøv igen om lidt, eller log ind med e-mail og adgangskode.',
    });

    const plain = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false });
    expect(plain.routeRules.some((route) => route.url.startsWith('/api/auth/oidc/'))).toBe(false);
    expect((await plain.inject({ url: '/api/auth/session' })).json().oidc).toBeNull();
    await plain.close();
  });
});
