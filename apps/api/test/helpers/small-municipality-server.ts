/**
 * The API on a fresh small municipality for one test file: set up before the file's tests and
 * closed after them. Read `server` and `testDb` inside tests (they exist once setup has run).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildServer } from '../../src/server.ts';
import { loadSmallMunicipality } from './small-municipality.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { signInAs } from './sign-in.ts';

export interface SmallMunicipalityServer {
  readonly server: FastifyInstance;
  readonly testDb: TestDatabase;
}

export function serveSmallMunicipality(): SmallMunicipalityServer {
  let testDb: TestDatabase | undefined;
  let server: FastifyInstance | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    await loadSmallMunicipality(testDb.database);
    server = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false });
    await signInAs(server, testDb.database);
  });
  afterAll(async () => {
    await server?.close();
    await testDb?.dispose();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('serveSmallMunicipality: read server and testDb inside tests, after setup');
    return value;
  };
  return {
    get server() {
      return ready(server);
    },
    get testDb() {
      return ready(testDb);
    },
  };
}
