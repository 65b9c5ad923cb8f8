/**
 * `pnpm import` as a user runs it: a child process against the configured database (an on-disk
 * PGlite folder, or DATABASE_URL in the PostgreSQL project), exit codes 0 / 1 / 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/create-database.ts';
import { VALID_FILES, writeImportFiles } from '../helpers/import-fixtures.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/test-database.ts';

const API_DIR = fileURLToPath(new URL('../../', import.meta.url));
let testDb: TestDatabase | null = null;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sol-cli-'));
  if (testDatabaseKind() === 'postgres') {
    testDb = await createTestDatabase({ migrated: false });
    env = { DATABASE_URL: testDb.connectionString ?? '' };
  } else {
    env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  }
});
afterAll(async () => {
  await testDb?.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

function runImport(args: string[]) {
  const result = spawnSync(join(API_DIR, '../../node_modules/.bin/tsx'), ['src/cli/import.ts', ...args], {
    cwd: API_DIR,
    env: { ...process.env, ...env, INIT_CWD: API_DIR },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function countCitizens(): Promise<number> {
  const database: Database = testDb
    ? testDb.database
    : await createDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
  try {
    const rows = await database.db.selectFrom('citizen').select('citizen_id').execute();
    return rows.length;
  } finally {
    if (!testDb) await database.close();
  }
}

describe('pnpm import', () => {
  it('imports a folder, migrating the database first, and exits 0', async () => {
    const inputs = await writeImportFiles(VALID_FILES);
    const folder = dirname(inputs[0]?.path ?? '');
    const result = runImport([folder]);
    expect(result.stderr).not.toMatch(/afvist/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('borgere.csv: 3 rækker (utf-8, skilletegn ";")');
    expect(result.stdout).toMatch(/Indlæst på .* s \(indlæsning nr\. 1\)/);
    expect(await countCitizens()).toBe(3);
  });

  it('refuses bad files with every error listed and exit code 1, database unchanged', async () => {
    const inputs = await writeImportFiles({
      'borgere.csv': 'borger_id;foedselsaar;maalgruppe\nB500;1990;UH\nB501;19x0;UH\n010190-1234;1990;UH',
    });
    const result = runImport(inputs.map((i) => i.path));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Filerne blev afvist – databasen er uændret. 2 fejl:');
    expect(result.stderr).toContain('borgere.csv, linje 3, kolonne foedselsaar: Ugyldigt heltal (værdi: "19x0")');
    expect(result.stderr).toContain('borgere.csv, linje 4, kolonne borger_id');
    expect(result.stderr).not.toContain('010190');
    expect(await countCitizens()).toBe(3);
  });

  it('explains its usage and exits 2 without arguments', () => {
    const result = runImport([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Brug: pnpm import');
  });
});
