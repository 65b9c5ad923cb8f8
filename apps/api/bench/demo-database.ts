/**
 * The demo municipality on embedded PGlite with its standard results precomputed (the product's
 * steady state), for the benchmarks that time work on top of it (charts, the report). Prints the
 * machine's load first, since the figures depend on it.
 */
import { availableParallelism, loadavg } from 'node:os';
import { createDatabase, type Database } from '../src/db/create-database.ts';
import { applyKpiViews } from '../src/db/kpi-views.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDemoData } from '../src/demo/seed-demo-data.ts';
import { precomputeStandardResults } from '../src/kpis/result-store.ts';
import { getKpiContext, type KpiContext } from '../src/repositories/get-kpi-context.ts';

export async function demoDatabase(benchName: string): Promise<{ database: Database; context: KpiContext }> {
  console.log(`${benchName} — ${availableParallelism()} kerner, belastning ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  const database = await createDatabase({ kind: 'pglite', dataDir: null });
  await migrate(database);
  await applyKpiViews(database);
  const started = performance.now();
  await seedDemoData(database.db);
  const context = await getKpiContext(database.db);
  await precomputeStandardResults(database.db, context);
  console.log(`  demodata indlæst og forudberegnet på ${((performance.now() - started) / 1000).toFixed(0)} s; data pr. ${context.defaultAsOf}`);
  return { database, context };
}
