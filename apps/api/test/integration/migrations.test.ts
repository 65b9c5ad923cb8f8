import { cp, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate } from '../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase({ migrated: false });
});
afterAll(async () => {
  await testDb.dispose();
});

describe('migrations', () => {
  it('build every table on an empty database, once', async () => {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    const first = await migrate(testDb.database);
    expect(first.applied).toEqual(files);
    const second = await migrate(testDb.database);
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });

    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(testDb.database.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      [
        'account_function', 'application', 'budget', 'citizen', 'import_log', 'measurement', 'municipality_settings',
        'paragraph', 'plan_effect', 'plan_effect_realized', 'plan_expenditure_figure', 'plan_key_figure', 'plan_offer',
        'population', 'posting', 'price_index', 'processing_deadline', 'provider', 'review',
        'schema_migration', 'service_grant', 'strategy', 'strategy_indicator', 'strategy_theme',
      ],
    );
    const functions = await testDb.database.db.selectFrom('account_function').select('code').execute();
    expect(functions).toHaveLength(12);
    const deadline = await testDb.database.db.selectFrom('processing_deadline').select('deadline_days').where('paragraph', '=', '85').executeTakeFirstOrThrow();
    expect(deadline.deadline_days).toBe(56);
    const settings = await testDb.database.db.selectFrom('municipality_settings').select('active_strategy_id').executeTakeFirstOrThrow();
    expect(settings.active_strategy_id).toBe('hoeje-taastrup-2023-2026');
    const indexYears = await testDb.database.db.selectFrom('price_index').select('year').orderBy('year').execute();
    expect(indexYears.map((row) => row.year)).toEqual(Array.from({ length: 14 }, (_, i) => 2014 + i));
  });

  it('refuse a migration that was changed after it ran', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sol-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await writeFile(join(dir, '0002_reference_data.sql'), '-- changed\nSELECT 1;');
    await expect(migrate(testDb.database, dir)).rejects.toThrow(/er ændret/);
  });

  it('apply a new migration and record it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sol-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await writeFile(join(dir, '9999_test_addition.sql'), 'CREATE TABLE test_addition (id int PRIMARY KEY);\nINSERT INTO test_addition VALUES (1), (2);');
    const result = await migrate(testDb.database, dir);
    expect(result.applied).toEqual(['9999_test_addition.sql']);
    const rows = await sql<{ n: number }>`select count(*)::int as n from test_addition`.execute(testDb.database.db);
    expect(rows.rows[0]?.n).toBe(2);
  });

  it('roll back a failing migration completely', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sol-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await writeFile(join(dir, '9999_test_addition.sql'), 'CREATE TABLE test_addition (id int PRIMARY KEY);\nINSERT INTO test_addition VALUES (1), (2);');
    await writeFile(join(dir, '9998_broken.sql'), 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;');
    await expect(migrate(testDb.database, dir)).rejects.toThrow();
    const halfDone = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(testDb.database.db);
    expect(halfDone.rows[0]?.n).toBe(0);
  });
});
