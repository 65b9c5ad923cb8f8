/**
 * `pnpm bench:import`: imports a posteringer.csv of 1,000,000 rows (BENCH_ROWS to change) into
 * embedded PGlite (on disk) and into a throwaway PostgreSQL 15, and prints rows/s and peak memory.
 * Figures only: nothing here passes or fails on speed.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startThrowawayPostgres } from '../../../tests/setup/throwaway-postgres.ts';
import { createDatabase, type DatabaseConfig } from '../src/db/create-database.ts';
import { migrate } from '../src/db/migrate.ts';
import { importFiles } from '../src/import/import-files.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const FUNCTIONS = ['5.38.38', '5.38.39', '5.38.50', '5.38.51', '5.38.52', '5.38.59'];

async function writePostings(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('posterings_id;dato;funktion;beloeb;tilbud_id\n');
  for (let i = 0; i < ROWS; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const amount = `${(i * 7919) % 250_000},${String(i % 100).padStart(2, '0')}`;
    if (!out.write(`P${String(i).padStart(8, '0')};2024-${month}-15;${FUNCTIONS[i % FUNCTIONS.length]};${amount};\n`)) {
      await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

async function measure(label: string, config: DatabaseConfig, file: string): Promise<void> {
  const database = await createDatabase(config);
  await migrate(database);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const report = await importFiles(database.db, [{ path: file }], { source: 'cli' });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await database.close();
  if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  const rate = Math.round(report.totalRows / seconds).toLocaleString('da-DK');
  console.log(
    `${label.padEnd(10)} ${report.totalRows.toLocaleString('da-DK')} rækker på ${seconds.toFixed(1)} s = ${rate} rækker/s, maks. RSS ${Math.round(peakRss / 2 ** 20)} MiB`,
  );
}

const dir = await mkdtemp(join(tmpdir(), 'sol-bench-'));
const file = join(dir, 'posteringer.csv');
await writePostings(file);
console.log(`bench:import — ${ROWS.toLocaleString('da-DK')} posteringer`);
try {
  await measure('PGlite', { kind: 'pglite', dataDir: join(dir, 'pglite') }, file);
  const cluster = await startThrowawayPostgres();
  try {
    await measure('PostgreSQL', { kind: 'postgres', connectionString: cluster.url }, file);
  } finally {
    cluster.stop();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
