import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/import-files.ts';
import { buildServer } from '../../src/server.ts';
import { VALID_FILES, writeImportFiles } from '../helpers/import-fixtures.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/test-database.ts';
import { signInAs } from '../helpers/sign-in.ts';

let testDb: TestDatabase;
let server: FastifyInstance;

beforeAll(async () => {
  testDb = await createTestDatabase();
  server = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false });
  await signInAs(server, testDb.database);
});
afterAll(async () => {
  await server.close();
  await testDb.dispose();
});

describe('GET /health', () => {
  it('reports the database kind and zero rows before any import', async () => {
    const response = await server.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ok');
    expect(body.database).toEqual({ kind: testDatabaseKind(), reachable: true });
    expect(body.dataVersion).toBeNull();
    expect(body.counts.citizen).toBe(0);
  });

  it('reports row counts and the data version after an import', async () => {
    const report = await importFiles(testDb.database.db, await writeImportFiles(VALID_FILES), { source: 'api' });
    expect(report.ok).toBe(true);
    const body = (await server.inject({ method: 'GET', url: '/health' })).json();
    expect(body.counts).toEqual({
      citizen: 3,
      provider: 2,
      application: 3,
      service_grant: 3,
      review: 2,
      posting: 2,
      budget: 4,
      population: 2,
      measurement: 2,
      // the shipped default index covers 2014–2027; the import's three years replace three of them
      price_index: 14,
    });
    expect(body.dataVersion).toBe(report.ok ? report.importId : -1);
    expect(Date.parse(body.lastImportAt)).not.toBeNaN();
    expect(body.municipality).toBe('Demokommune');
  });
});

describe('GET /api/imports', () => {
  it('lists the import log newest first', async () => {
    const response = await server.inject({ method: 'GET', url: '/api/imports?limit=5' });
    expect(response.statusCode).toBe(200);
    const [latest] = response.json().imports;
    expect(latest.source).toBe('api');
    expect(latest.totalRows).toBe(26);
    expect(latest.files.map((f: { fileName: string }) => f.fileName)).toContain('posteringer.csv');
  });

  it.each([
    ['/api/imports?limit=0', /limit/],
    ['/api/imports?limit=abc', /limit/],
    ['/api/imports?unknown=1', /unknown|additional/i],
  ])('answers %s with 400 and a Danish message', async (url, detail) => {
    const response = await server.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe('Ugyldig forespørgsel');
    expect(body.message).toMatch(detail);
  });
});

describe('errors', () => {
  it('answers an unknown address with a Danish 404', async () => {
    const response = await server.inject({ method: 'GET', url: '/api/findes-ikke' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ statusCode: 404, error: 'Ikke fundet', message: 'Adressen GET /api/findes-ikke findes ikke' });
  });

  it('answers 503 from /health and never leaks details when the database is gone', async () => {
    const gone = await createTestDatabase();
    const failing = await buildServer({ database: gone.database, closeDatabaseOnShutdown: false });
    await gone.dispose();
    const response = await failing.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'degraded', database: { reachable: false }, counts: null });
    await failing.close();
  });
});
