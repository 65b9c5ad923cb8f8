/**
 * README command 1, end to end: an empty data folder → migrations, demo data through the importer,
 * the API and the built shell page, checked in a real Chromium; then a restart keeps the data and
 * seeds nothing.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startApp, type RunningApp } from './app-process.ts';
import { launchChromium } from './browser.ts';
import { buildWebApp } from './build-web.ts';
import { demoLogin } from './login.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sol-e2e-'));
const artifacts = join(REPO_ROOT, 'test-results');
let app: RunningApp;
let browser: Browser;

interface Health {
  status: string;
  database: { kind: string };
  dataVersion: number;
  counts: Record<string, number>;
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  await buildWebApp();
  browser = await launchChromium();
  app = await startApp({ DATA_DIR: dataDir });
  console.log(`første start (tom datamappe → klar): ${(app.startupMs / 1000).toFixed(1)} s`);
});

afterAll(async () => {
  await app?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('first start on an empty data folder', () => {
  let health: Health;

  it('seeds the demo data through the importer and reports it on /health', async () => {
    expect(app.output).toContain('Tom database: genererer og indlæser demodata');
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    health = (await response.json()) as Health;
    expect(health.status).toBe('ok');
    expect(health.database.kind).toBe('pglite');
    expect(health.dataVersion).toBe(1);
    expect(health.counts.citizen).toBeGreaterThan(1000);
    expect(health.counts.posting).toBeGreaterThan(10_000);
    for (const table of Object.keys(health.counts)) expect(health.counts[table], table).toBeGreaterThan(0);
  });

  it('serves the Danish data page with the same counts, formatted da-DK (logged in as the demo analyst)', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    // The Data page is for analysts; on demo data a demo analyst logs in without a password.
    await demoLogin(context, app.url, 'analyst');
    const page = await context.newPage();
    // The status panel with the row counts lives on the Data page.
    await page.goto(`${app.url}/data`);
    await expect.poll(() => page.getByText('Indlejret database (PGlite)').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    const citizens = new Intl.NumberFormat('da-DK').format(health.counts.citizen ?? -1);
    const postings = new Intl.NumberFormat('da-DK').format(health.counts.posting ?? -1);
    const text = await page.locator('main').innerText();
    expect(text).toContain(citizens);
    expect(text).toContain(postings);
    await page.screenshot({ path: join(artifacts, 'shell-page.png'), fullPage: true });
    await context.close();
  });

  it('restarts on the same data folder without seeding again', async () => {
    await app.stop();
    app = await startApp({ DATA_DIR: dataDir });
    console.log(`genstart: ${(app.startupMs / 1000).toFixed(1)} s`);
    expect(app.output).not.toContain('Tom database');
    const again = (await (await fetch(`${app.url}/health`)).json()) as Health;
    expect(again.counts).toEqual(health.counts);
    expect(again.dataVersion).toBe(health.dataVersion);
  });
});
