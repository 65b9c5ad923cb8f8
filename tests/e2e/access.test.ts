/**
 * Logins and roles in a real Chromium against the real app on fresh demo data (issue 7): a page
 * opened without a login lands on /login (without asking for any numbers) and comes back after the
 * demo login; a viewer sees no downloads, no rows, no Data, Udsendelser or Administration, and a
 * Danish message on a page the role may not open; an ended session sends the browser to /login;
 * an analyst sees "Hent"; an admin creates a user with a password, who then logs in through the
 * form (after a wrong password, answered in Danish); the audit log shows the failed login and
 * filters by action in the URL, with the CSV link on the same filters; the first administrator is
 * created on /opsaetning with the token from the server's log, and cannot take away their own
 * role. /login, /opsaetning and /administration pass axe, and no page logs a CSP violation.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SETTLE_MS, cspViolations, dashboardSession, describeViolations, runAxe, screenshots, settle } from './dashboard-session.ts';
import { DEMO_BUTTONS, demoLogin } from './login.ts';

// Not logged in: each test logs its own context in, as the role it is about.
const session = dashboardSession('access', { role: null });

const NEW_USER = { name: 'E2E Analytiker', email: 'e2e.analytiker@kommune.example', password: 'korrekt hest batteri klips' };
const NO_ACCESS = 'Din rolle giver ikke adgang til denne side';

interface Watched {
  page: Page;
  errors: string[];
  requests: string[];
}

/** A new page in `context` that collects console errors and the requests it makes. */
async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  return { page, errors, requests };
}

async function goto(page: Page, path: string): Promise<void> {
  await page.goto(`${session.app.url}${path}`);
  await settle(page);
}

function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

async function menuTitles(page: Page): Promise<string[]> {
  return (await page.locator('nav[aria-label="Hovedmenu"] a').allInnerTexts()).map((text) => text.trim());
}

async function expectAxeClean(page: Page): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** The login form on /login: e-mail, password, "Log ind". */
async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Adgangskode').fill(password);
  await form.getByRole('button', { name: 'Log ind' }).click();
}

async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-box').getByRole('button', { name: 'Log ud' }).click();
  await expect.poll(() => new URL(page.url()).pathname, { timeout: SETTLE_MS }).toBe('/login');
  await settle(page);
}

describe('login', () => {
  it('/bolig without a login lands on /login (no numbers asked for, axe clean); the demo login as læser comes back to /bolig', async () => {
    const { page, errors, requests } = await watchedPage(session.context);
    try {
      await goto(page, '/bolig');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/bolig');
      expect(await page.locator('main h1').innerText()).toBe('Log ind');
      expect(await page.title()).toContain('Log ind');
      // The login page asks for the session only: no KPI, reference or snapshot requests, no menu, no filters.
      const asked = requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/api/'));
      expect(asked.filter((path) => path !== '/api/auth/session')).toEqual([]);
      expect(await page.locator('nav[aria-label="Hovedmenu"]').count()).toBe(0);
      expect(await page.locator('.filters-region').count()).toBe(0);

      const demo = page.getByTestId('demo-logins');
      expect(await demo.getByRole('heading').innerText()).toBe('Demodata – kun til afprøvning');
      expect((await demo.getByRole('button').allInnerTexts()).map((text) => text.trim())).toEqual(Object.values(DEMO_BUTTONS));
      await expectAxeClean(page);
      await page.screenshot({ path: join(screenshots, 'login.png'), fullPage: true });

      await demo.getByRole('button', { name: DEMO_BUTTONS.viewer }).click();
      await expect.poll(() => pathOf(page), { timeout: SETTLE_MS }).toBe('/bolig');
      await settle(page);
      expect(await page.locator('main h1').innerText()).toBe('Bolig');
      expect(await page.getByTestId('user-box').innerText()).toContain('Demo-læser (Læser');
      expect(cspViolations(errors), errors.join('\n')).toEqual([]);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a viewer sees no Hent, no rows, no Data, Udsendelser or Administration, and the no-access message on /data', async () => {
    // The session's context is the viewer now (the test before logged it in).
    const { page, errors } = await watchedPage(session.context);
    try {
      await goto(page, '/');
      const menu = await menuTitles(page);
      expect(menu).toContain('Overblik');
      expect(menu).toContain('Strategi 2023–2026');
      expect(menu).toContain('Afrapportering 2026');
      expect(menu).toContain('Budgetopfølgning');
      for (const hidden of ['Data', 'Udsendelser', 'Administration']) expect(menu, hidden).not.toContain(hidden);
      await expect.poll(() => page.locator('main .recharts-surface').count(), { timeout: SETTLE_MS }).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: /^Hent/ }).count()).toBe(0);

      // No drill: the charts offer no rows, and neither does "Vis som tabel".
      await goto(page, '/bolig');
      expect(await page.getByText('Klik på en søjle eller et punkt').count()).toBe(0);
      const panel = page.getByTestId('chart-housing-target-group-counts');
      await panel.getByRole('button', { name: 'Vis som tabel' }).click();
      await expect.poll(() => panel.locator('table tbody tr').count(), { timeout: SETTLE_MS }).toBeGreaterThan(0);
      expect(await panel.getByRole('button', { name: /Vis rækker/ }).count()).toBe(0);

      // Afrapportering: the preview, without the downloads.
      await goto(page, '/afrapportering');
      expect(await page.getByTestId('report-download-docx').count()).toBe(0);
      expect(await page.getByTestId('report-preview-only').innerText()).toContain('hentes af en analytiker');

      // Budgetopfølgning: the list and the dates, without freezing or changing the dates.
      await goto(page, '/budgetopfoelgning');
      expect(await page.getByTestId('snapshot-create-form').count()).toBe(0);
      expect(await page.getByTestId('follow-up-form').count()).toBe(0);
      expect(await page.getByTestId('follow-up-next').count()).toBe(1);
      expect(await page.locator('main').innerText()).toContain('Sammenlign');

      for (const path of ['/data', '/udsendelser', '/administration']) {
        await goto(page, path);
        expect(await page.getByTestId('no-access').innerText(), path).toContain(NO_ACCESS);
      }
      await page.screenshot({ path: join(screenshots, 'ingen-adgang.png'), fullPage: true });
      expect(cspViolations(errors), errors.join('\n')).toEqual([]);
      // The pages that would answer 403 were never asked.
      expect(errors.filter((error) => /403/.test(error)), errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an ended session sends the browser to /login with the page to come back to', async () => {
    const context = await session.newContext();
    await demoLogin(context, session.app.url, 'viewer');
    const { page } = await watchedPage(context);
    try {
      await goto(page, '/');
      await context.clearCookies();
      // A page switch in the app asks the API, which answers 401: the client goes to the login page.
      await page.locator('nav[aria-label="Hovedmenu"]').getByRole('link', { name: 'Sagsbehandling' }).click();
      await expect.poll(() => new URL(page.url()).pathname, { timeout: SETTLE_MS }).toBe('/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/sagsbehandling');
    } finally {
      await context.close();
    }
  });

  it('an analyst sees Hent, Data and Udsendelser, but not Administration', async () => {
    const context = await session.newContext();
    await demoLogin(context, session.app.url, 'analyst');
    const { page, errors } = await watchedPage(context);
    try {
      await goto(page, '/');
      expect(await page.getByTestId('user-box').innerText()).toContain('(Analytiker');
      const menu = await menuTitles(page);
      expect(menu).toContain('Data');
      expect(menu).toContain('Udsendelser');
      expect(menu).not.toContain('Administration');
      await page.getByTestId('trend-housing-independentShare').getByRole('button', { name: /^Hent/ }).waitFor({ timeout: SETTLE_MS });
      await goto(page, '/administration');
      expect(await page.getByTestId('no-access').innerText()).toContain(NO_ACCESS);
      expect(cspViolations(errors), errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('Administration', () => {
  it('an admin creates a user with a password; the user logs in through the form after a wrong password', async () => {
    const context = await session.newContext();
    const { page, errors } = await watchedPage(context);
    try {
      // Through the UI's demo button, with the page to come back to.
      await goto(page, '/login?next=%2Fadministration');
      await page.getByRole('button', { name: DEMO_BUTTONS.admin }).click();
      await expect.poll(() => pathOf(page), { timeout: SETTLE_MS }).toBe('/administration');
      await settle(page);
      expect(await menuTitles(page)).toContain('Administration');
      const users = page.getByTestId('users-table');
      await users.waitFor({ timeout: SETTLE_MS });
      expect(await page.getByTestId('user-row-demo-viewer@demo.invalid').innerText()).toContain('Demobruger');
      await expectAxeClean(page);

      const form = page.getByTestId('create-user-form');
      await form.getByLabel('Navn').fill(NEW_USER.name);
      await form.getByLabel('E-mail').fill(NEW_USER.email);
      await form.getByLabel('Rolle').selectOption('analyst');
      // Too short: said at the field, nothing sent.
      await form.getByLabel('Adgangskode (valgfri)').fill('kort');
      await form.getByRole('button', { name: 'Opret bruger' }).click();
      await expect.poll(() => form.locator('.error-summary').innerText()).toContain('mindst 12 tegn');
      await form.getByLabel('Adgangskode (valgfri)').fill(NEW_USER.password);
      await form.getByRole('button', { name: 'Opret bruger' }).click();
      await expect.poll(() => form.getByRole('status').innerText(), { timeout: SETTLE_MS }).toContain(`${NEW_USER.name} (${NEW_USER.email}) er oprettet som analytiker`);
      const row = page.getByTestId(`user-row-${NEW_USER.email}`);
      await row.waitFor({ timeout: SETTLE_MS });
      const cells = await row.locator('th, td').allInnerTexts();
      expect(cells.slice(0, 6)).toEqual([NEW_USER.name, NEW_USER.email, 'Analytiker', 'Adgangskode', 'Aktiv', 'Aldrig']);

      // The same e-mail again: the API's Danish 409.
      await form.getByLabel('Navn').fill('Dublet');
      await form.getByLabel('E-mail').fill(NEW_USER.email);
      await form.getByRole('button', { name: 'Opret bruger' }).click();
      await expect.poll(() => page.getByTestId('create-user-error').innerText(), { timeout: SETTLE_MS }).toContain('Der findes allerede en bruger');
      await page.screenshot({ path: join(screenshots, 'administration.png'), fullPage: true });

      await logOut(page);
      await submitLogin(page, NEW_USER.email, 'forkert adgangskode her');
      await expect.poll(() => page.getByTestId('login-error').innerText(), { timeout: SETTLE_MS }).toContain('Forkert e-mail eller adgangskode.');
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.screenshot({ path: join(screenshots, 'login-forkert.png'), fullPage: true });

      await submitLogin(page, NEW_USER.email, NEW_USER.password);
      await expect.poll(() => pathOf(page), { timeout: SETTLE_MS }).toBe('/');
      await settle(page);
      expect(await page.getByTestId('user-box').innerText()).toContain(`${NEW_USER.name} (Analytiker)`);
      expect(cspViolations(errors), errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the audit log shows the failed login, filters by action in the URL, links the CSV on the same filters, and disables a user after asking', async () => {
    const context = await session.newContext();
    await demoLogin(context, session.app.url, 'admin');
    const { page, errors } = await watchedPage(context);
    try {
      await goto(page, '/administration');
      const table = page.getByTestId('audit-table');
      await table.waitFor({ timeout: SETTLE_MS });
      const failed = table.locator('tr', { hasText: 'Mislykket login' }).filter({ hasText: NEW_USER.email });
      expect(await failed.count()).toBe(1);
      const cells = await failed.locator('td').allInnerTexts();
      expect(cells[0]).toMatch(/^\d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2}$/);
      expect(cells[4]).toBe('Afvist');

      const filters = page.getByTestId('audit-filters');
      await filters.getByLabel('Handling').selectOption({ label: 'Mislykket login' });
      await filters.getByRole('button', { name: 'Vis' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('login_failed');
      await expect.poll(async () => new Set(await table.locator('tbody tr td:nth-child(3)').allInnerTexts())).toEqual(new Set(['Mislykket login']));
      const csv = new URL(String(await page.getByTestId('audit-csv').getAttribute('href')), session.app.url);
      expect(csv.pathname).toBe('/api/admin/audit.csv');
      expect(csv.searchParams.get('action')).toBe('login_failed');
      const file = await context.request.get(csv.toString());
      expect(file.status()).toBe(200);
      expect((await file.text())).toContain(NEW_USER.email);

      // Opened from the link, the filter is in the fields; Back restores the whole list.
      await goto(page, `/administration?action=login_failed&user=${encodeURIComponent('e2e.')}`);
      expect(await page.getByTestId('audit-filters').getByLabel('Bruger (del af e-mail)').inputValue()).toBe('e2e.');
      await expect.poll(() => page.getByTestId('audit-count').innerText(), { timeout: SETTLE_MS }).toContain('1 hændelse');
      await expectAxeClean(page);

      // Disabling asks first; Fortryd changes nothing, Ja disables.
      await page.getByTestId(`user-row-${NEW_USER.email}`).getByRole('button', { name: /^Ret/ }).click();
      const editor = page.getByTestId('user-editor');
      await editor.getByRole('button', { name: 'Spær brugeren' }).click();
      const dialog = page.getByTestId('confirm-disable');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await dialog.getByRole('button', { name: 'Fortryd' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await editor.getByRole('button', { name: 'Spær brugeren' }).click();
      await dialog.getByRole('button', { name: 'Ja, spær brugeren' }).click();
      await expect.poll(() => page.getByTestId(`user-row-${NEW_USER.email}`).innerText(), { timeout: SETTLE_MS }).toContain('Spærret');
      expect(cspViolations(errors), errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('/opsaetning creates the first administrator with the token from the log, who cannot take away their own role', async () => {
    const token = /\/opsaetning#([\w-]+)/.exec(session.app.output)?.[1];
    expect(token, 'serverens log har intet opsætningslink').toBeDefined();
    const context = await session.newContext();
    const { page, errors } = await watchedPage(context);
    try {
      await goto(page, '/opsaetning');
      expect(await page.getByTestId('setup-no-token').innerText()).toContain('mangler engangskoden');

      await goto(page, `/opsaetning#${token}`);
      const form = page.getByTestId('setup-form');
      await expectAxeClean(page);
      await page.screenshot({ path: join(screenshots, 'opsaetning.png'), fullPage: true });
      await form.getByLabel('Navn').fill('E2E Administrator');
      await form.getByLabel('E-mail').fill('e2e.admin@kommune.example');
      await form.getByLabel('Adgangskode').fill('e2e.admin er her 123');
      await form.getByRole('button', { name: 'Opret administrator og log ind' }).click();
      // Long enough for the form; the API refuses a password holding the e-mail's name, in Danish.
      await expect.poll(() => page.getByTestId('setup-error').innerText(), { timeout: SETTLE_MS }).toContain('Adgangskoden må ikke indeholde e-mailadressens navn');
      await form.getByLabel('Adgangskode').fill('lang og god adgangskode');
      await form.getByRole('button', { name: 'Opret administrator og log ind' }).click();
      await expect.poll(() => pathOf(page), { timeout: SETTLE_MS }).toBe('/administration');
      await settle(page);
      expect(await page.getByTestId('user-box').innerText()).toContain('E2E Administrator (Administrator)');

      // The only (non-demo) administrator cannot make themselves a læser.
      await page.getByTestId('user-row-e2e.admin@kommune.example').getByRole('button', { name: /^Ret/ }).click();
      const editor = page.getByTestId('user-editor');
      await editor.getByLabel('Rolle', { exact: true }).selectOption('viewer');
      await editor.getByRole('button', { name: 'Gem rollen' }).click();
      await expect.poll(() => page.getByTestId('user-editor-error').innerText(), { timeout: SETTLE_MS }).toContain('Det er den sidste administrator');

      // The link works once.
      const again = await context.newPage();
      await again.goto(`${session.app.url}/opsaetning#${token}`);
      await settle(again);
      expect(await again.getByTestId('setup-done').innerText()).toContain('Der er allerede en administrator');
      await again.close();
      expect(cspViolations(errors), errors.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
