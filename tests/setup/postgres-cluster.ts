/**
 * vitest global setup of the 'postgres' project: one throwaway PostgreSQL 15 cluster for the run;
 * each test file creates its own database in it (apps/api/test/helpers/test-database.ts).
 */
import type { TestProject } from 'vitest/node';
import type {} from './provided-context.ts';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startThrowawayPostgres();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
