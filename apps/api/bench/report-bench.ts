/**
 * `pnpm bench:report`: how long the whole Afrapportering takes as Word and as PDF on the demo
 * municipality (embedded PGlite, standard results precomputed: the product's steady state).
 * Times the full request GET /api/report/afrapportering.docx|.pdf — strategy answer, every
 * indicator's chart drawn and the file written — as the median of BENCH_REPORT_RUNS runs
 * (default 3) after one warm-up run that also starts the chart worker. With BENCH_REPORT_OUT=dir
 * the two files are written there to be looked at. Figures only: nothing passes or fails on speed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer } from '../src/server.ts';
import { benchAdminInject } from './bench-login.ts';
import { demoDatabase } from './demo-database.ts';

// The chart worker inherits this environment: React's production build, as deployed.
process.env.NODE_ENV ??= 'production';
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 3);
const OUT = process.env.BENCH_REPORT_OUT;

const { database } = await demoDatabase('bench:report');
const server = await buildServer({ database, closeDatabaseOnShutdown: false });
const headers = { ...(await benchAdminInject(server, database.db)) };
try {
  for (const extension of ['docx', 'pdf'] as const) {
    const times: number[] = [];
    let size = 0;
    for (let run = 0; run <= RUNS; run += 1) {
      const runStarted = performance.now();
      const response = await server.inject({ url: `/api/report/afrapportering.${extension}`, headers });
      if (response.statusCode !== 200) throw new Error(`${extension}: ${response.statusCode} ${response.body}`);
      // Run 0 warms up (the chart worker starts on the first chart).
      if (run > 0) times.push(performance.now() - runStarted);
      size = response.rawPayload.length;
      if (OUT && run === RUNS) {
        mkdirSync(OUT, { recursive: true });
        writeFileSync(join(OUT, `afrapportering.${extension}`), response.rawPayload);
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    console.log(
      `  Afrapportering som ${extension.toUpperCase().padEnd(4)} median ${median.toFixed(0).padStart(6)} ms over ${RUNS} kørsler ` +
        `(${sorted.map((time) => time.toFixed(0)).join(', ')} ms), ${(size / 1024).toFixed(0)} kB`,
    );
  }
} finally {
  await server.close();
  await database.close();
}
