/**
 * One test command, three projects: unit tests; the integration suite on embedded PGlite; and the
 * same integration suite on a real PostgreSQL 15 started as a throwaway cluster (with the fault
 * tests, which start a cluster of their own).
 */
import { defineConfig } from 'vitest/config';

const integration = ['apps/api/test/integration/**/*.test.ts'];
/** Fault tests stop and start a PostgreSQL cluster of their own: on the real database only. */
const faults = ['apps/api/test/faults/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'apps/*/test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: integration,
          env: { TEST_DATABASE: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...integration, ...faults],
          env: { TEST_DATABASE: 'postgres' },
          globalSetup: ['tests/setup/postgres-cluster.ts'],
        },
      },
    ],
  },
});
