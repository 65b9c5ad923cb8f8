/**
 * Faults, on a throwaway PostgreSQL 15 cluster of this file's own (never the suite's shared one,
 * which this file stops and starts): only in the 'postgres' project (vitest.config.ts).
 *
 * (a) Under load (20 requests at a time, in a loop) the database is stopped (pg_ctl stop -m fast):
 *     /health says degraded with 503, API calls answer 503 with a Danish message, never a 500;
 *     started again, the API answers 200 by itself within 5 s (the time is printed).
 * (b) The CLI importer killed with SIGKILL in the middle of a large file leaves no partial rows:
 *     every table's row count is as before, and the import log holds nothing new.
 * (c) Malformed uploads over a real socket — a broken multipart body, a connection dropped
 *     mid-upload, binary garbage, a 10 MB line without a newline, a file over the size limit —
 *     get a Danish 4xx (or a job that fails with Danish errors), and /health stays ok.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../../../tests/setup/throwaway-postgres.ts';
import { createDatabase, type Database } from '../../src/db/create-database.ts';
import { applyKpiViews } from '../../src/db/kpi-views.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../../src/plugins/app/error-handler.ts';
import { getDataStatus } from '../../src/repositories/get-data-status.ts';
import { buildServer } from '../../src/server.ts';
import { logIn, type TestSession } from '../helpers/sign-in.ts';
import { loadSmallMunicipality } from '../helpers/small-municipality.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CONCURRENCY = 20;
const RECOVERY_LIMIT_MS = 5_000;
/** This server's IMPORT_MAX_FILE_MB: above the 10 MB line, so that reaches the importer. */
const UPLOAD_LIMIT_MB = 12;

let cluster: ThrowawayPostgres;
let databaseUrl: string;

async function createClusterDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return cluster.url.replace(/\/postgres$/, `/${name}`);
}

beforeAll(async () => {
  cluster = await startThrowawayPostgres();
  databaseUrl = await createClusterDatabase('faults');
}, 120_000);

afterAll(() => cluster?.stop());

describe('faults', () => {
  let database: Database;
  let server: FastifyInstance;
  let session: TestSession;

  beforeAll(async () => {
    database = await createDatabase({ kind: 'postgres', connectionString: databaseUrl, poolSize: 10 });
    await migrate(database);
    await applyKpiViews(database);
    await loadSmallMunicipality(database);
    server = await buildServer({ database, closeDatabaseOnShutdown: false, importMaxFileBytes: UPLOAD_LIMIT_MB * 1024 * 1024 });
    session = await logIn(server, database, 'analyst');
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('answers 503 in Danish while the database is stopped, and 200 again by itself within 5 s of its start', async () => {
    const urls = ['/api/kpis/housing?year=2023', '/api/kpis/case-processing?year=2023&by=paragraph', '/api/strategy', '/api/reference/filters', '/api/kpis/recipients?year=2024&by=targetGroup'];
    const seen = new Map<number, number>();
    const wrong: string[] = [];
    let stopAt = Number.POSITIVE_INFINITY;
    let startedAt = Number.POSITIVE_INFINITY;
    let firstOkAfterStart = Number.POSITIVE_INFINITY;
    let running = true;
    const check = (url: string, response: LightMyRequestResponse): void => {
      seen.set(response.statusCode, (seen.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode === 200) {
        if (performance.now() > startedAt) firstOkAfterStart = Math.min(firstOkAfterStart, performance.now());
        return;
      }
      const message = response.json<{ message?: string }>().message;
      if (response.statusCode !== 503 || message !== DATABASE_UNAVAILABLE_MESSAGE) wrong.push(`${url} → ${response.statusCode} ${response.body.slice(0, 200)}`);
    };
    const worker = async (index: number): Promise<void> => {
      for (let n = index; running; n += 1) {
        const url = urls[n % urls.length] as string;
        check(url, await server.inject({ url, headers: session.headers }));
      }
    };
    const workers = Array.from({ length: CONCURRENCY }, (_, index) => worker(index));
    try {
      await sleep(1_500);
      expect(seen.get(200) ?? 0, 'answers before the stop').toBeGreaterThan(0);
      stopAt = performance.now();
      await cluster.pause();
      const stopMs = performance.now() - stopAt;
      // The load goes on against the stopped database.
      await sleep(1_500);
      const health = await server.inject({ url: '/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'degraded', database: { kind: 'postgres', reachable: false } });
      const during = await server.inject({ url: '/api/kpis/housing?year=2023', headers: session.headers });
      expect(during.statusCode).toBe(503);
      expect(during.json()).toMatchObject({ statusCode: 503, message: DATABASE_UNAVAILABLE_MESSAGE });
      expect(during.headers['retry-after']).toBe('5');
      const unavailable = seen.get(503) ?? 0;

      startedAt = performance.now();
      await cluster.resume();
      const startMs = performance.now() - startedAt;
      const deadline = startedAt + RECOVERY_LIMIT_MS;
      while (firstOkAfterStart === Number.POSITIVE_INFINITY && performance.now() < deadline) await sleep(10);
      // From the start command (pg_ctl start -w returns once it sees the server up) to the first 200 under load.
      const recoveryMs = firstOkAfterStart - startedAt;
      await sleep(1_000);
      const healthAfter = await server.inject({ url: '/health' });
      running = false;
      await Promise.all(workers);
      console.log(
        `fejl (a): ${CONCURRENCY} samtidige forespørgsler; pg_ctl stop -m fast tog ${stopMs.toFixed(0)} ms, start ${startMs.toFixed(0)} ms; ` +
          `svar: ${[...seen.entries()].map(([status, n]) => `${status}: ${n}`).join(', ')} (heraf 503 mens den var stoppet: ${unavailable}); ` +
          `første 200 ${recoveryMs.toFixed(0)} ms efter startkommandoen`,
      );
      expect(wrong, 'only 200 or the Danish 503, never a 500').toEqual([]);
      expect(unavailable).toBeGreaterThan(0);
      expect(recoveryMs, 'answers 200 again by itself').toBeLessThan(RECOVERY_LIMIT_MS);
      expect(healthAfter.statusCode).toBe(200);
      expect(healthAfter.json().status).toBe('ok');
    } finally {
      running = false;
      await Promise.all(workers).catch(() => undefined);
    }
  }, 120_000);

  describe('malformed uploads over a real socket', () => {
    let base: string;
    let port = 0;

    beforeAll(async () => {
      base = await server.listen({ port: 0, host: '127.0.0.1' });
      port = Number(new URL(base).port);
    });

    const upload = (body: Buffer | string, contentType: string): Promise<{ status: number; json: { message?: string; jobId?: string } }> =>
      fetch(`${base}/api/imports`, { method: 'POST', headers: { ...session.headers, 'content-type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) }).then(async (response) => ({
        status: response.status,
        json: (await response.json()) as { message?: string; jobId?: string },
      }));

    const multipart = (fileName: string, content: Buffer | string, boundary = 'graense12345'): Buffer =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
        Buffer.isBuffer(content) ? content : Buffer.from(content),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);

    /** A job to its end: its Danish errors. */
    async function failedJob(jobId: string): Promise<string[]> {
      for (let attempt = 0; attempt < 600; attempt += 1) {
        const job = (await (await fetch(`${base}/api/imports/jobs/${jobId}`, { headers: session.headers })).json()) as {
          state: string;
          report: { ok: boolean; errors?: { message: string }[] } | null;
        };
        if (job.state !== 'running') {
          expect(job.state).toBe('failed');
          return (job.report?.errors ?? []).map((error) => error.message);
        }
        await sleep(100);
      }
      throw new Error('The import job did not end');
    }

    async function expectHealthy(): Promise<void> {
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { status: string }).status).toBe('ok');
    }

    /** A 4xx with a Danish message, or a job that fails with Danish errors; never a 5xx. */
    async function expectRefused(answer: { status: number; json: { message?: string; jobId?: string } }, what: string): Promise<string> {
      if (answer.status === 202 && answer.json.jobId) {
        const errors = await failedJob(answer.json.jobId);
        expect(errors.length, what).toBeGreaterThan(0);
        for (const message of errors) expect(message, what).toMatch(/[æøå]|linje|fil|kolonne|ugyldig|mangler/i);
        return `202, job fejlede: ${errors[0]}`;
      }
      expect(answer.status, `${what}: ${JSON.stringify(answer.json)}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, what).toBeLessThan(500);
      expect(answer.json.message ?? '', what).toMatch(/[æøå]/i);
      return `${answer.status} ${answer.json.message}`;
    }

    it('refuses each in Danish and stays up', async () => {
      const outcomes: string[] = [];
      const before = await getDataStatus(database.db);

      // A multipart body cut off after the part's header (no closing boundary).
      const cut = `--x\r\nContent-Disposition: form-data; name="files"; filename="borgere.csv"\r\nContent-Type: text/csv\r\n\r\nborger_id;foedselsaar`;
      outcomes.push(`afbrudt multipart: ${await expectRefused(await upload(cut, 'multipart/form-data; boundary=x'), 'cut multipart')}`);
      // A multipart content type without a boundary, and one whose boundary never appears.
      outcomes.push(`uden boundary: ${await expectRefused(await upload('hej', 'multipart/form-data'), 'no boundary')}`);
      outcomes.push(`forkert boundary: ${await expectRefused(await upload(multipart('borgere.csv', 'a;b\n'), 'multipart/form-data; boundary=andet'), 'wrong boundary')}`);
      await expectHealthy();

      // A connection that promises 1 MB, sends a part's header and 64 kB, then goes away.
      await new Promise<void>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            `POST /api/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${session.cookie}\r\nx-csrf-token: ${session.csrfToken}\r\n` +
              `Content-Type: multipart/form-data; boundary=zz\r\nContent-Length: 1048576\r\n\r\n` +
              `--zz\r\nContent-Disposition: form-data; name="files"; filename="posteringer.csv"\r\n\r\n${'P1;2024-01-01;5.38.50;1,00;\n'.repeat(2400)}`,
          );
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 300);
        });
        socket.on('error', reject);
      });
      await sleep(300);
      await expectHealthy();
      outcomes.push('afbrudt forbindelse midt i upload: serveren kører videre');

      // Binary garbage named as a contract file.
      const garbage = Buffer.alloc(512 * 1024);
      for (let index = 0; index < garbage.length; index += 1) garbage[index] = (index * 7919 + (index >> 3)) % 256;
      outcomes.push(`binært affald: ${await expectRefused(await upload(multipart('posteringer.csv', garbage), 'multipart/form-data; boundary=graense12345'), 'binary garbage')}`);
      await expectHealthy();

      // One 10 MB line without a newline, under the size limit: it reaches the importer.
      const header = 'posterings_id;dato;funktion;beloeb;tilbud_id\n';
      const longLine = Buffer.concat([Buffer.from(header), Buffer.alloc(10 * 1024 * 1024, 'x')]);
      outcomes.push(`10 MB-linje uden linjeskift: ${await expectRefused(await upload(multipart('posteringer.csv', longLine), 'multipart/form-data; boundary=graense12345'), '10 MB line')}`);
      await expectHealthy();

      // A file over IMPORT_MAX_FILE_MB, sent as a stream over plain http.
      const overLimit = await new Promise<{ status: number; json: { message?: string } }>((resolve, reject) => {
        const request = httpRequest(
          `${base}/api/imports`,
          { method: 'POST', headers: { ...session.headers, 'content-type': 'multipart/form-data; boundary=graense12345' } },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) as { message?: string } }));
          },
        );
        request.on('error', reject);
        request.end(multipart('posteringer.csv', header + 'P1;2024-01-01;5.38.50;1,00;\n'.repeat(Math.ceil(((UPLOAD_LIMIT_MB + 1) * 1024 * 1024) / 27))));
      });
      expect(overLimit.status, JSON.stringify(overLimit.json)).toBe(413);
      expect(overLimit.json.message).toMatch(new RegExp(`større end grænsen på ${UPLOAD_LIMIT_MB} MB`));
      outcomes.push(`over IMPORT_MAX_FILE_MB: ${overLimit.status} ${overLimit.json.message}`);

      await expectHealthy();
      expect((await getDataStatus(database.db)).counts).toEqual(before.counts);
      console.log(`fejl (c):\n  ${outcomes.join('\n  ')}`);
    }, 120_000);
  });
});

describe('the CLI importer killed mid-file', () => {
  it('leaves no partial rows and nothing new in the import log', async () => {
    const url = await createClusterDatabase('faults_import');
    const database = await createDatabase({ kind: 'postgres', connectionString: url, poolSize: 2 });
    await migrate(database);
    await applyKpiViews(database);
    await loadSmallMunicipality(database);
    const dir = mkdtempSync(join(tmpdir(), 'sol-fault-'));
    try {
      // 1,500,000 postings (about 45 MB): long enough to be killed in the middle.
      const file = join(dir, 'posteringer.csv');
      const out = createWriteStream(file);
      out.write('posterings_id;dato;funktion;beloeb;tilbud_id\n');
      const functions = ['5.38.38', '5.38.39', '5.38.50', '5.38.51', '5.38.52', '5.38.59'];
      for (let i = 0; i < 1_500_000; i += 1) {
        if (!out.write(`K${String(i).padStart(8, '0')};2024-${String((i % 12) + 1).padStart(2, '0')}-15;${functions[i % functions.length]};${(i * 7919) % 250_000},${String(i % 100).padStart(2, '0')};\n`)) {
          await once(out, 'drain');
        }
      }
      out.end();
      await once(out, 'finish');

      const before = await getDataStatus(database.db);
      const logBefore = await database.db.selectFrom('import_log').select('import_id').execute();
      const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['apps/api/src/cli/import.ts', file], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: url, INIT_CWD: REPO_ROOT },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const progress = new Promise<number>((resolve, reject) => {
        const onData = (chunk: Buffer): void => {
          output += chunk.toString();
          const percents = [...output.matchAll(/(\d+) % – posteringer\.csv/g)].map((match) => Number(match[1]));
          const last = percents.at(-1);
          if (last !== undefined && last >= 20) resolve(last);
        };
        child.stderr.on('data', onData);
        child.stdout.on('data', onData);
        child.once('exit', (code) => reject(new Error(`The importer ended (exit ${code}) before it was killed:\n${output}`)));
      });
      const killedAt = await progress;
      child.kill('SIGKILL');
      const [, signal] = (await once(child, 'exit')) as [number | null, string | null];
      expect(signal).toBe('SIGKILL');

      const after = await getDataStatus(database.db);
      expect(after.counts, 'every table as before').toEqual(before.counts);
      expect(after.dataVersion).toBe(before.dataVersion);
      const log = await database.db.selectFrom('import_log').select('import_id').execute();
      // The log only ever holds finished imports: the killed one left nothing there.
      expect(log).toEqual(logBefore);
      // A new import afterwards is not blocked by what the killed one left (locks, staging tables).
      const retry = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['apps/api/src/cli/import.ts', file], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: url, INIT_CWD: REPO_ROOT },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const [code] = (await once(retry, 'exit')) as [number | null];
      const imported = await getDataStatus(database.db);
      console.log(
        `fejl (b): importen dræbt med SIGKILL ved ${killedAt} % af 1.500.000 posteringer; rækker før ${before.counts.posting}, efter ${after.counts.posting}; ` +
          `importlog ${log.length} rækker (uændret); ny import bagefter: exit ${code}, ${imported.counts.posting} posteringer`,
      );
      expect(code).toBe(0);
      expect(imported.counts.posting).toBe(before.counts.posting + 1_500_000);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
