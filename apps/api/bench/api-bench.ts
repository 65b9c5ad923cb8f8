/**
 * `pnpm bench:api`: every KPI endpoint on a real PostgreSQL 15 with the demo data, loaded with
 * autocannon (20 connections), against the bare `pg` driver running the very statements the
 * endpoint runs (captured from Kysely) with the same concurrency. Prints p50/p99 of both and their
 * ratios, at municipal scale and at national scale (×100 citizens and postings), and the growth
 * from one to the other. Each KPI is measured twice: a standard request (a year, served from the
 * precomputed result store, the product's steady state — after its first request the API sends
 * the finished answer from its in-memory answer cache, checking the data version in the database
 * on every request; the bare side runs the result-store read) and the same year as of the month
 * before (not precomputed and never cached, so computed live in one multi-period statement). The
 * API runs in a child process of its own (bench-server.ts), as in production. Figures only:
 * nothing here passes or fails on speed.
 *
 * BENCH_SCALES (default "1,100"), BENCH_SECONDS per endpoint (default 10).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { KPI_CATALOGUE } from '@sol/domain/kpi-catalogue.ts';
import { startThrowawayPostgres } from '../../../tests/setup/throwaway-postgres.ts';
import { createDatabase, type Database } from '../src/db/create-database.ts';
import { applyKpiViews } from '../src/db/kpi-views.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDemoData } from '../src/demo/seed-demo-data.ts';
import { getKpiResult } from '../src/kpis/get-kpi-result.ts';
import { precomputeStandardResults } from '../src/kpis/result-store.ts';
import { lastDayOfMonth } from '../src/kpis/resolve-period.ts';
import { getKpiContext } from '../src/repositories/get-kpi-context.ts';
import { createBenchUser, logInHttp, type BenchSession } from './bench-login.ts';

const SCALES = (process.env.BENCH_SCALES ?? '1,100').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const TODAY = '2026-11-22';

interface Latency {
  p50: number;
  p99: number;
  requests: number;
}

interface Row {
  endpoint: string;
  bare: Latency;
  api: Latency;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** The captured statements of one request, run back to back per connection, 20 connections. */
async function benchBare(url: string, statements: { sql: string; parameters: readonly unknown[] }[], seconds = SECONDS): Promise<Latency> {
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      // the same session settings as the API's pool (create-database.ts)
      const client = new pg.Client({ connectionString: url, options: '-c jit=off' });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < until) {
        const started = performance.now();
        for (const statement of statements) await client.query(statement.sql, [...statement.parameters]);
        latencies.push(performance.now() - started);
      }
    }),
  );
  await Promise.all(clients.map((client) => client.end()));
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests: latencies.length };
}

/** Live statements at national scale take seconds; a request is only given up after this long. */
const REQUEST_TIMEOUT_SECONDS = 120;

/**
 * Requests for `seconds`; for a statement that takes longer than a tenth of that (live requests
 * at national scale), a fixed three requests per connection instead, so the percentiles rest on
 * finished requests rather than on the few that fit in the time.
 */
async function benchApi(url: string, session: BenchSession, seconds = SECONDS, bareP50 = 0): Promise<Latency> {
  const length = bareP50 > (seconds * 1000) / 10 ? { amount: CONNECTIONS * 3 } : { duration: seconds };
  // Logged in (a viewer's session cookie), as every dashboard request is.
  const result = await autocannon({ url, headers: { cookie: session.cookie }, connections: CONNECTIONS, ...length, timeout: REQUEST_TIMEOUT_SECONDS });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  // Requests still running when the time is up are not in the latencies; with none finished there is no figure.
  if (result.requests.total === 0) throw new Error(`${url}: no request finished within ${seconds} s`);
  return { p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}

/** The API in a child process of its own (bench-server.ts), as in production. */
async function startServerProcess(databaseUrl: string): Promise<{ address: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./bench-server.ts', import.meta.url))], {
    env: { ...process.env, DATABASE_URL: databaseUrl, POOL_SIZE: String(CONNECTIONS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`bench-server stopped (exit ${code}) before listening`)));
  });
  return {
    address,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function benchScale(adminUrl: string, scale: number): Promise<Row[]> {
  const name = `bench_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);

  const database: Database = await createDatabase({ kind: 'postgres', connectionString: url, poolSize: CONNECTIONS });
  await migrate(database);
  await applyKpiViews(database);
  const seedStarted = performance.now();
  let lastPercent = -10;
  const report = await seedDemoData(database.db, {
    today: TODAY,
    scale,
    onProgress: (progress) => {
      const percent = Math.floor((100 * progress.bytesRead) / Math.max(1, progress.totalBytes));
      if (percent >= lastPercent + 10) {
        lastPercent = percent;
        process.stdout.write(`  indlæser ${percent} % (${progress.fileName})\n`);
      }
    },
  });
  if (!report.ok) throw new Error(`demo data failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  console.log(
    `Skala ×${scale}: ${report.totalRows.toLocaleString('da-DK')} rækker indlæst og views opdateret på ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`,
  );

  const context = await getKpiContext(database.db);
  const precompute = await precomputeStandardResults(database.db, context);
  console.log(
    `  forudberegnet: ${precompute.results.toLocaleString('da-DK')} resultater for ${precompute.periods} perioder på ${(precompute.durationMs / 1000).toFixed(0)} s`,
  );
  const defaultAsOf = context.defaultAsOf ?? TODAY;
  const year = Number(defaultAsOf.slice(0, 4)) - 1;
  const month = Number(defaultAsOf.slice(5, 7));
  const previousMonthEnd =
    month === 1 ? lastDayOfMonth(Number(defaultAsOf.slice(0, 4)) - 1, 12) : lastDayOfMonth(Number(defaultAsOf.slice(0, 4)), month - 1);

  const viewer = await createBenchUser(database.db, 'viewer');
  const server = await startServerProcess(url);
  const address = server.address;
  const session = await logInHttp(address, viewer);
  const rows: Row[] = [];
  const variants = KPI_CATALOGUE.flatMap((kpi) => [
    { kpi, query: { year } },
    { kpi, query: { year, asOf: previousMonthEnd } },
  ]);
  for (const { kpi, query } of variants) {
    const path = `/api/kpis/${kpi.id}?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
    // Capture the statements one request runs, from a Kysely instance that reports them.
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const recorder = await createDatabase({ kind: 'postgres', connectionString: url, poolSize: 1, onQuery: (q) => statements.push(q) });
    const recorderContext = await getKpiContext(recorder.db);
    // Only the KPI's own statements: the API reads its context from a cache after one check.
    statements.length = 0;
    await getKpiResult(recorder.db, kpi, query, recorderContext);
    await recorder.close();
    // One warm-up second each (plans cached, JIT warm, pools filled), then the measured run.
    await benchBare(url, statements, 1);
    const bare = await benchBare(url, statements);
    await benchApi(`${address}${path}`, session, 1, bare.p50);
    const api = await benchApi(`${address}${path}`, session, SECONDS, bare.p50);
    rows.push({ endpoint: path, bare, api });
    console.log(
      `  ${path.padEnd(62)} bar p50 ${bare.p50.toFixed(1).padStart(7)} ms  p99 ${bare.p99.toFixed(1).padStart(7)} ms | API p50 ${api.p50.toFixed(1).padStart(7)} ms  p99 ${api.p99.toFixed(1).padStart(7)} ms | p50 ×${(api.p50 / bare.p50).toFixed(2)}  p99 ×${(api.p99 / bare.p99).toFixed(2)}  (${statements.length} sætninger)`,
    );
  }
  await server.stop();
  await database.close();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await cleanup.end();
  return rows;
}

console.log(`bench:api — ${CONNECTIONS} forbindelser, ${SECONDS} s pr. endpoint, skalaer ${SCALES.map((s) => `×${s}`).join(', ')}`);
const cluster = await startThrowawayPostgres();
try {
  const results = new Map<number, Row[]>();
  for (const scale of SCALES) results.set(scale, await benchScale(cluster.url, scale));
  const [small, large] = [SCALES[0], SCALES.at(-1)] as [number, number];
  if (SCALES.length > 1) {
    console.log(`\nVækst fra ×${small} til ×${large} (API p50 og p99):`);
    for (const [index, row] of (results.get(small) ?? []).entries()) {
      const big = results.get(large)?.[index];
      if (!big) continue;
      console.log(
        `  ${row.endpoint.padEnd(62)} p50 ×${(big.api.p50 / row.api.p50).toFixed(2)}  p99 ×${(big.api.p99 / row.api.p99).toFixed(2)}`,
      );
    }
  }
} finally {
  cluster.stop();
}
