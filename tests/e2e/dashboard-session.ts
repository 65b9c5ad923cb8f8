/**
 * The dashboard's end-to-end session, shared by the test files that drive it: the web app built
 * once and served from a copy, the real app started on fresh demo data (one per file), Chromium in
 * Danish with reduced motion, logged in as a demo user (analyst unless the file asks for another
 * role); and the helpers every such test uses — open a page and wait until it has settled, ask the
 * API (with the context's login), run axe, read the focused element, format a card's value.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { APIResponse, Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { formatMeasureValue } from '../../packages/domain/src/format-danish.ts';
import { findKpi } from '../../packages/domain/src/kpi-catalogue.ts';
import { REPO_ROOT, startApp, type RunningApp } from './app-process.ts';
import { launchChromium } from './browser.ts';
import { WEB_DIST, buildWebApp } from './build-web.ts';
import { demoLogin, type Role } from './login.ts';

export const artifacts = join(REPO_ROOT, 'test-results');
export const screenshots = join(artifacts, 'screenshots');
/** The demo data is big and the machine shared: waiting for a page is generous, never a timing assertion. */
export const SETTLE_MS = 180_000;

/** Placeholders a page shows while numbers or charts are on their way (all with role=status). */
const PENDING = /Henter|Tegner grafen|Indlæser/;

export interface KpiRow {
  group: string | null;
  values: Record<string, number | null>;
  suppressed: Record<string, string | null>;
  notReached: string[];
}
export interface KpiAnswer {
  suppressionThreshold: number;
  rows: KpiRow[];
  series: { key: string; label: string; from: string; to: string; rows: KpiRow[] }[];
}
export interface FilterChoices {
  defaultAsOf: string | null;
  years: number[];
  targetGroups: { code: string; label: string }[];
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions (a CSP violation is a console error). */
  errors: string[];
  requests: string[];
}

/** The console errors among `errors` that are Content Security Policy violations. */
export function cspViolations(errors: readonly string[]): string[] {
  return errors.filter((error) => /Content Security Policy/i.test(error));
}

export interface DashboardSession {
  readonly app: RunningApp;
  readonly context: BrowserContext;
  /** GET on the app's API with the context's login; the status must be 200. */
  getJson<T>(path: string, params?: Record<string, string | number>): Promise<T>;
  /** GET with the context's login (its cookies), any status: for files and refusals. */
  get(pathOrUrl: string): Promise<APIResponse>;
  /** Opens a fresh browser context (same web app, not logged in), e.g. for a second user. */
  newContext(): Promise<BrowserContext>;
  /** A new page at `path`, settled, with its console errors and the requests it made. */
  openPage(path: string, viewport?: { width: number; height: number }): Promise<OpenedPage>;
}

/**
 * Registers the file's beforeAll/afterAll: build, browser, app on a fresh data folder (named after
 * `name`), and a browser context that serves the web app from a copy of the build made here —
 * apps/web/dist is shared, and a rebuild there while the file runs (another test file, a
 * developer) would swap the files under a page. The API is the app's own; start-and-shell covers
 * static serving.
 */
export interface SessionOptions {
  /** More environment for the app, read as it starts (so it can name a server an earlier beforeAll started). */
  env?: () => Record<string, string>;
  /** The demo user the context logs in as; default analyst (the role that may do all but administration). null: not logged in. */
  role?: Role | null;
}

export function dashboardSession(name: string, options: SessionOptions = {}): DashboardSession {
  const dataDir = mkdtempSync(join(tmpdir(), `sol-e2e-${name}-`));
  const webSnapshot = mkdtempSync(join(tmpdir(), `sol-e2e-${name}-web-`));
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} er ikke startet (beforeAll)`);
    return value;
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    await buildWebApp();
    browser = await launchChromium();
    cpSync(WEB_DIST, webSnapshot, { recursive: true });
    const running = await startApp({ ...options.env?.(), DATA_DIR: dataDir });
    app = running;
    console.log(`appen klar efter ${(running.startupMs / 1000).toFixed(1)} s`);
    context = await openContext();
    const role = options.role === undefined ? 'analyst' : options.role;
    if (role) await demoLogin(context, running.url, role);
  });

  /**
   * A context that serves the web app from the copy. Reduced motion: the charts draw at once (as
   * for a reader who asks for it), so a screenshot never catches a line half-way through its animation.
   */
  const openContext = async (): Promise<BrowserContext> => {
    const running = started(app, 'Appen');
    const created = await started(browser, 'Browseren').newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', reducedMotion: 'reduce' });
    extraContexts.push(created);
    await created.route(`${running.url}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/health' || path.startsWith('/api/')) return route.continue();
      const file = join(webSnapshot, /\.[a-z0-9]+$/i.test(path) ? decodeURIComponent(path) : 'index.html');
      if (!existsSync(file)) return route.continue();
      if (route.request().resourceType() !== 'document') return route.fulfill({ path: file });
      // A page: the app's own answer — its security headers (the CSP the page must keep to), or
      // the redirect to /login without a session — with the copy's index.html as the body.
      const answer = await route.fetch({ maxRedirects: 0 });
      if (answer.status() !== 200) return route.fulfill({ response: answer });
      const headers = Object.fromEntries(
        Object.entries(answer.headers()).filter(([name]) => !['content-length', 'content-encoding', 'etag', 'last-modified', 'transfer-encoding'].includes(name)),
      );
      return route.fulfill({ status: 200, headers, path: file });
    });
    return created;
  };
  const extraContexts: BrowserContext[] = [];

  afterAll(async () => {
    for (const opened of extraContexts) await opened.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webSnapshot, { recursive: true, force: true });
  });

  return {
    get app() {
      return started(app, 'Appen');
    },
    get context() {
      return started(context, 'Browseren');
    },
    async getJson<T>(path: string, params: Record<string, string | number> = {}): Promise<T> {
      const search = new URLSearchParams(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]))).toString();
      const response = await started(context, 'Browseren').request.get(`${started(app, 'Appen').url}${path}${search ? `?${search}` : ''}`);
      expect(response.status(), `${path}?${search}`).toBe(200);
      return (await response.json()) as T;
    },
    get(pathOrUrl: string): Promise<APIResponse> {
      return started(context, 'Browseren').request.get(new URL(pathOrUrl, started(app, 'Appen').url).toString());
    },
    newContext: openContext,
    async openPage(path: string, viewport = { width: 1280, height: 900 }): Promise<OpenedPage> {
      const page = await started(context, 'Browseren').newPage();
      await page.setViewportSize(viewport);
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('request', (request: Request) => requests.push(request.url()));
      await page.goto(`${started(app, 'Appen').url}${path}`);
      await settle(page);
      return { page, errors, requests };
    },
  };
}

/** The screenshot's name: the path, and "overblik" for the front page. */
export function slug(path: string): string {
  return path === '/' ? 'overblik' : path.slice(1);
}

/** The value the KPI card shows for an answer: the total row's measure in its unit, da-DK. */
export function cardText(answer: KpiAnswer, kpiId: string, measureId: string): string {
  const measure = findKpi(kpiId)?.measures.find((candidate) => candidate.id === measureId);
  if (!measure) throw new Error(`${kpiId}/${measureId} findes ikke i kataloget`);
  const row = answer.rows.find((candidate) => candidate.group === null);
  const value = row?.values[measureId];
  if (value === null || value === undefined || row?.suppressed[measureId]) throw new Error(`${kpiId}/${measureId} har ingen værdi at sammenligne med`);
  return formatMeasureValue(value, measure.unit, measure.decimals);
}

/** Waits until the page has its heading and no placeholder says it is still fetching or drawing. */
export async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ timeout: SETTLE_MS });
  await expect
    .poll(async () => (await page.locator('main [role="status"]').allInnerTexts()).filter((text) => PENDING.test(text)), {
      timeout: SETTLE_MS,
      message: 'siden viser stadig "Henter …"/"Tegner grafen …"',
    })
    .toEqual([]);
}

/**
 * recharts draws bars and lines in an animation of up to 1.5 s; a picture or a print taken at once
 * shows empty axes. A pause, not a measurement: nothing is asserted about time.
 */
export async function chartAnimationsDone(page: Page): Promise<void> {
  if ((await chartCount(page)) > 0) await page.waitForTimeout(2_000);
}

export async function chartCount(page: Page): Promise<number> {
  return page.locator('main .recharts-surface').count();
}

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the app's CSP allows no inline scripts, and rightly so.
  await page.evaluate(axe.source);
  const results = (await page.evaluate(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return results.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    ${JSON.stringify(node.target)}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`)
        .join('\n');
      return `${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/** The text of the focused element and where it sits, read in the page. */
export async function focused(page: Page): Promise<{ id: string; text: string; className: string; inNav: boolean; inMain: boolean }> {
  return (await page.evaluate(`(() => {
    const element = document.activeElement;
    return {
      id: element?.id ?? '',
      text: (element?.textContent ?? '').trim(),
      className: typeof element?.className === 'string' ? element.className : '',
      inNav: Boolean(element?.closest('nav[aria-label="Hovedmenu"]')),
      inMain: Boolean(element?.closest('main')),
    };
  })()`)) as { id: string; text: string; className: string; inNav: boolean; inMain: boolean };
}
