/**
 * `pnpm bench:email`: one scheduled KPI email with every KPI of the catalogue, on the demo
 * municipality (embedded PGlite, standard results precomputed), sent to a local SMTP server
 * (smtp-server) through the real outbox. Prints the time from the slot's tick to the message
 * accepted — values, charts drawn and checked, HTML, XLSX, SMTP — for a first email (chart worker
 * starting) and the median of BENCH_EMAIL_RUNS more (default 5), and the message size.
 * With BENCH_EMAIL_OUT=dir the last message's HTML is written there. Figures only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KPI_CATALOGUE } from '@sol/domain/kpi-catalogue.ts';
import { SMTPServer } from 'smtp-server';
import { buildServer } from '../src/server.ts';
import { benchAdminInject } from './bench-login.ts';
import { demoDatabase } from './demo-database.ts';

process.env.NODE_ENV ??= 'production';
const RUNS = Number(process.env.BENCH_EMAIL_RUNS ?? 5);
const OUT = process.env.BENCH_EMAIL_OUT;

const received: { bytes: number; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      received.push({ bytes: raw.length, raw: raw.toString('utf8') });
      callback();
    });
  },
});
const port = await new Promise<number>((resolve) => {
  smtp.listen(0, '127.0.0.1', () => {
    const address = smtp.server.address();
    resolve(typeof address === 'object' && address ? address.port : 0);
  });
});

let now = new Date('2030-01-07T05:00:00Z');
const { database } = await demoDatabase('bench:email');
const server = await buildServer({
  database,
  closeDatabaseOnShutdown: false,
  mail: { smtpUrl: `smtp://127.0.0.1:${port}`, publicUrl: 'http://localhost:3000', clock: () => now },
});
try {
  const created = await server.inject({
    method: 'POST',
    url: '/api/schedules',
    headers: { ...(await benchAdminInject(server, database.db)) },
    payload: {
      name: 'Benchmark',
      cron: '0 7 * * *',
      recipients: ['styregruppe@kommune.test'],
      kpiIds: KPI_CATALOGUE.map((kpi) => kpi.id),
      attachXlsx: true,
      enabled: true,
    },
  });
  if (created.statusCode !== 201) throw new Error(`POST /api/schedules: ${created.statusCode} ${created.body}`);
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    // The next day's 07:00 slot (06:00 UTC in winter), ticked 10 s after it.
    now = new Date(Date.UTC(2030, 0, 7 + run, 6, 0, 10));
    const started = performance.now();
    const report = await server.scheduler.tick();
    if (report.sent !== 1) throw new Error(`Tick ${run}: ${JSON.stringify(report)}`);
    times.push(performance.now() - started);
  }
  const [first, ...rest] = times;
  const sorted = rest.sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const last = received.at(-1);
  console.log(
    `  Mail med ${KPI_CATALOGUE.length} nøgletal, grafer og Excel-ark: første ${first?.toFixed(0)} ms (starter grafarbejderen), ` +
      `derefter median ${median.toFixed(0)} ms over ${RUNS} (${sorted.map((time) => time.toFixed(0)).join(', ')} ms); ` +
      `${((last?.bytes ?? 0) / 1024).toFixed(0)} kB pr. mail`,
  );
  if (OUT && last) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'mail.eml'), last.raw);
  }
} finally {
  await server.close();
  await database.close();
  smtp.close();
}
