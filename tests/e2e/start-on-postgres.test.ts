/**
 * The same start on a real PostgreSQL 15 through DATABASE_URL: migrations, demo data through the
 * importer, and the very same row counts as on PGlite (the generator is deterministic per day).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../setup/throwaway-postgres.ts';
import { startApp, type RunningApp } from './app-process.ts';

let cluster: ThrowawayPostgres;
let onPostgres: RunningApp;
let onPglite: RunningApp;
const dataDir = mkdtempSync(join(tmpdir(), 'sol-e2e-pg-'));

beforeAll(async () => {
  cluster = await startThrowawayPostgres();
  [onPostgres, onPglite] = await Promise.all([
    startApp({ DATABASE_URL: cluster.url }),
    startApp({ DATA_DIR: dataDir, DATABASE_URL: '' }),
  ]);
  console.log(`første start på PostgreSQL: ${(onPostgres.startupMs / 1000).toFixed(1)} s`);
});

afterAll(async () => {
  await Promise.all([onPostgres?.stop(), onPglite?.stop()]);
  cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Health {
  database: { kind: string; reachable: boolean };
  counts: Record<string, number>;
}

async function getHealth(app: RunningApp): Promise<Health> {
  return (await (await fetch(`${app.url}/health`)).json()) as Health;
}

describe('first start with DATABASE_URL', () => {
  it('serves the demo data from PostgreSQL with the same counts as the embedded database', async () => {
    const health = await getHealth(onPostgres);
    expect(health.database).toEqual({ kind: 'postgres', reachable: true });
    expect(health.counts.posting).toBeGreaterThan(10_000);
    const embedded = await getHealth(onPglite);
    expect(embedded.database.kind).toBe('pglite');
    expect(health.counts).toEqual(embedded.counts);
  });
});
