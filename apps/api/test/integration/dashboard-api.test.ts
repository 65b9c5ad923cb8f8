/**
 * What the dashboard needs from the API besides the KPIs themselves: the filter choices, the
 * in-memory answer cache of standard requests (same bytes as a fresh computation, and a settings
 * change is seen at once), and the web app's client-side routes served as the app.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findKpi } from '@sol/domain/kpi-catalogue.ts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getKpiResult } from '../../src/kpis/get-kpi-result.ts';
import { getKpiContext } from '../../src/repositories/get-kpi-context.ts';
import { getStrategyProgress } from '../../src/strategy/get-strategy-progress.ts';
import { buildServer } from '../../src/server.ts';
import { loadSmallMunicipality } from '../helpers/small-municipality.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { signInAs } from '../helpers/sign-in.ts';

let testDb: TestDatabase;
let server: FastifyInstance;
const webDist = mkdtempSync(join(tmpdir(), 'sol-web-dist-'));

beforeAll(async () => {
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><html lang="da"><title>app</title><div id="root"></div></html>');
  testDb = await createTestDatabase();
  await loadSmallMunicipality(testDb.database);
  server = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false, webDistDir: webDist });
  await signInAs(server, testDb.database);
});
afterAll(async () => {
  await server.close();
  await testDb.dispose();
  rmSync(webDist, { recursive: true, force: true });
});

describe('GET /api/reference/filters', () => {
  it('lists the years from the first data to the as-of date and the codes with Danish labels', async () => {
    const response = await server.inject({ url: '/api/reference/filters' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const context = await getKpiContext(testDb.database.db);
    expect(body.defaultAsOf).toBe(context.defaultAsOf);
    const first = Number(String(context.earliestDate).slice(0, 4));
    const last = Number(String(context.defaultAsOf).slice(0, 4));
    expect(body.years).toEqual(Array.from({ length: last - first + 1 }, (_, index) => first + index));
    expect(body.targetGroups).toContainEqual({ code: 'UH', label: 'Udviklingshæmning' });
    expect(body.ageBands).toContainEqual({ code: '65+', label: '65 år og derover' });
    expect(body.operations.map((choice: { code: string }) => choice.code)).toEqual(['intern', 'ekstern']);
    expect(body.paragraphs.length).toBeGreaterThan(0);
    for (const paragraph of body.paragraphs) expect(paragraph.label).toMatch(/^§ /);
  });
});

describe('answer cache of standard requests', () => {
  it('sends exactly what a fresh computation gives, and sees a settings change at once', async () => {
    const url = '/api/kpis/housing?year=2024&by=targetGroup';
    const first = await server.inject({ url });
    const second = await server.inject({ url });
    expect(first.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    // The same parameters in another order share the entry and the answer.
    const reordered = await server.inject({ url: '/api/kpis/housing?by=targetGroup&year=2024' });
    expect(reordered.body).toBe(first.body);

    const context = await getKpiContext(testDb.database.db);
    const housing = findKpi('housing');
    if (!housing) throw new Error('housing missing from the catalogue');
    const fresh = await getKpiResult(testDb.database.db, housing, { year: 2024, by: 'targetGroup' }, context);
    expect(first.json()).toEqual(JSON.parse(JSON.stringify(fresh)));

    await sql`UPDATE municipality_settings SET suppression_threshold = 10`.execute(testDb.database.db);
    try {
      const after = await server.inject({ url });
      expect(after.statusCode).toBe(200);
      expect(after.json().suppressionThreshold).toBe(10);
      expect(after.body).not.toBe(first.body);
    } finally {
      await sql`UPDATE municipality_settings SET suppression_threshold = 5`.execute(testDb.database.db);
    }
  });

  it('keeps the strategy answer per data version: the same as a fresh computation, and a settings change is seen at once', async () => {
    const first = await server.inject({ url: '/api/strategy' });
    const second = await server.inject({ url: '/api/strategy' });
    expect(first.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    const context = await getKpiContext(testDb.database.db);
    const fresh = await getStrategyProgress(testDb.database.db, context, {});
    expect(first.json()).toEqual(JSON.parse(JSON.stringify(fresh)));
    await sql`UPDATE municipality_settings SET suppression_threshold = 10`.execute(testDb.database.db);
    try {
      const after = await server.inject({ url: '/api/strategy' });
      expect(after.json().suppressionThreshold).toBe(10);
    } finally {
      await sql`UPDATE municipality_settings SET suppression_threshold = 5`.execute(testDb.database.db);
    }
  });

  it('never caches filtered requests: they follow the data version like any answer', async () => {
    const url = '/api/kpis/housing?year=2024&targetGroup=UH';
    const response = await server.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.json().query.filters).toEqual({ targetGroup: ['UH'] });
  });
});

describe('the web app behind client-side routes', () => {
  it('answers a page path with the app and keeps API paths as JSON 404s', async () => {
    const page = await server.inject({ url: '/bolig?year=2024&targetGroup=UH' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<div id="root">');

    const missingApi = await server.inject({ url: '/api/findes-ikke' });
    expect(missingApi.statusCode).toBe(404);
    expect(missingApi.json().message).toContain('findes ikke');

    const missingAsset = await server.inject({ url: '/assets/findes-ikke.js' });
    expect(missingAsset.statusCode).toBe(404);
  });
});
