/**
 * A fresh, migrated database for one test file: in-memory PGlite in the 'pglite' project, a new
 * database in the throwaway cluster in the 'postgres' project. Same tests, both engines.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type Database } from '../../src/db/create-database.ts';
import { applyKpiViews } from '../../src/db/kpi-views.ts';
import { migrate } from '../../src/db/migrate.ts';

export interface TestDatabase {
  database: Database;
  connectionString: string | null;
  dispose(): Promise<void>;
}

export function testDatabaseKind(): 'pglite' | 'postgres' {
  const kind = process.env.TEST_DATABASE;
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error('TEST_DATABASE skal være pglite eller postgres');
  return kind;
}

export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  let result: TestDatabase;
  if (testDatabaseKind() === 'pglite') {
    const database = await createDatabase({ kind: 'pglite', dataDir: null });
    result = { database, connectionString: null, dispose: () => database.close() };
  } else {
    const adminUrl = inject('postgresUrl');
    const name = `test_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const connectionString = adminUrl.replace(/\/postgres$/, `/${name}`);
    const database = await createDatabase({ kind: 'postgres', connectionString, poolSize: 4 });
    result = {
      database,
      connectionString,
      async dispose() {
        await database.close();
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  if (options.migrated ?? true) {
    await migrate(result.database);
    await applyKpiViews(result.database);
  }
  return result;
}
