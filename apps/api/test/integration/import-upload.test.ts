/**
 * POST /api/imports over real HTTP with multipart bodies built from Node's own FormData and Blob,
 * as a browser sends them: the upload becomes a background job whose progress and report are
 * polled; a bad file, a wrong name and an oversized file import nothing; a second upload while one
 * runs is refused with 409.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../src/import/import-jobs.ts';
import { buildServer } from '../../src/server.ts';
import { VALID_FILES, databaseFingerprint } from '../helpers/import-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { signInAs, type TestSession } from '../helpers/sign-in.ts';

/** Small, so an oversized file is cheap to send; the product's default is 200 MB. */
const MAX_FILE_BYTES = 1024 * 1024;

let testDb: TestDatabase;
let server: FastifyInstance;
let baseUrl: string;
let session: TestSession;
const db = () => testDb.database.db;

beforeAll(async () => {
  testDb = await createTestDatabase();
  server = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false, importMaxFileBytes: MAX_FILE_BYTES });
  session = await signInAs(server, testDb.database);
  await server.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  await testDb.dispose();
});

function form(files: Record<string, string>): FormData {
  const body = new FormData();
  for (const [name, text] of Object.entries(files)) body.append('filer', new Blob([text], { type: 'text/csv' }), name);
  return body;
}

/** The body of a 202 (jobId) or of an error (error, message). */
interface Answer {
  jobId?: string;
  error?: string;
  message?: string;
}

async function upload(body: FormData): Promise<{ status: number; json: Answer }> {
  const response = await fetch(`${baseUrl}/api/imports`, { method: 'POST', body, headers: session.headers });
  return { status: response.status, json: (await response.json()) as Answer };
}

async function getJob(jobId: string): Promise<ImportJob> {
  const response = await fetch(`${baseUrl}/api/imports/jobs/${jobId}`, { headers: session.headers });
  expect(response.status).toBe(200);
  return (await response.json()) as ImportJob;
}

async function finished(jobId: string): Promise<ImportJob> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await getJob(jobId);
    if (job.state !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still running`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A valid borgere.csv of `count` citizens with ids `prefix`0…, about 20 bytes a line. */
function citizens(prefix: string, count: number): string {
  const lines = ['borger_id;foedselsaar;maalgruppe'];
  for (let i = 0; i < count; i += 1) lines.push(`${prefix}${i};${1940 + (i % 60)};${i % 2 === 0 ? 'UH' : 'SIND'}`);
  return lines.join('\n');
}

describe('POST /api/imports', () => {
  it('imports every file of a valid upload in the background and reports the counts', async () => {
    const { status, json } = await upload(form(VALID_FILES));
    expect(status, JSON.stringify(json)).toBe(202);
    const job = await finished(json.jobId as string);
    expect(job.state, JSON.stringify(job.report)).toBe('succeeded');
    expect(job.report).toMatchObject({ ok: true, totalRows: 26 });
    if (!job.report?.ok) return;
    expect(job.report.files.map((file) => [file.fileName, file.rows])).toContainEqual(['indsatser.csv', 3]);
    expect(job.progress.bytesRead).toBe(job.progress.totalBytes);
    expect(job.progress.totalBytes).toBe(Object.values(VALID_FILES).reduce((sum, text) => sum + Buffer.byteLength(text), 0));
    expect(job.finishedAt).not.toBeNull();
    const log = await db().selectFrom('import_log').select(['source', 'total_rows']).execute();
    expect(log).toEqual([{ source: 'api', total_rows: 26 }]);
    expect(await db().selectFrom('service_grant').select('grant_id').execute()).toHaveLength(3);
  });

  it('refuses a file with an error: the report lists file, line and column, and nothing is imported', async () => {
    const before = await databaseFingerprint(db());
    const bad = ['borger_id;foedselsaar;maalgruppe', 'N1;1990;UH', 'N2;nitten;UH', 'N3;1985;XYZ'].join('\n');
    const { status, json } = await upload(form({ 'borgere.csv': bad }));
    expect(status).toBe(202);
    const job = await finished(json.jobId as string);
    expect(job.state).toBe('failed');
    expect(job.report).toMatchObject({ ok: false, errorCount: 2 });
    if (job.report?.ok !== false) return;
    expect(job.report.errors.map(({ file, line, column }) => ({ file, line, column }))).toEqual([
      { file: 'borgere.csv', line: 3, column: 'foedselsaar' },
      { file: 'borgere.csv', line: 4, column: 'maalgruppe' },
    ]);
    expect(job.report.errors[0]?.message).toMatch(/^borgere\.csv, linje 3, kolonne foedselsaar: .+ \(værdi: "nitten"\)$/);
    expect(job.report.errors[1]?.reason).toMatch(/Ukendt kode/);
    expect(await databaseFingerprint(db())).toEqual(before);
  });

  it('refuses a file whose name is not in the import contract, before importing anything', async () => {
    const before = await databaseFingerprint(db());
    const { status, json } = await upload(form({ 'citizens.csv': citizens('W', 3), 'borgere.csv': citizens('W', 3) }));
    expect(status).toBe(400);
    expect(json.message).toMatch(/^citizens\.csv: Ukendt filnavn\. Filen skal hedde en af: .*borgere\.csv.*Intet er indlæst\.$/);
    expect(await databaseFingerprint(db())).toEqual(before);
  });

  it('refuses a file over the size limit with 413, importing nothing, also from the files before it', async () => {
    const before = await databaseFingerprint(db());
    const oversized = citizens('X', 70_000);
    expect(Buffer.byteLength(oversized)).toBeGreaterThan(MAX_FILE_BYTES);
    const { status, json } = await upload(form({ 'tilbud.csv': 'tilbud_id;navn;driftsform\nT9;Nyt tilbud;intern', 'borgere.csv': oversized }));
    expect(status).toBe(413);
    expect(json).toMatchObject({ error: 'For stor', message: 'borgere.csv er større end grænsen på 1 MB pr. fil. Intet er indlæst.' });
    expect(await databaseFingerprint(db())).toEqual(before);
  });

  it('runs one import at a time: a second upload while one runs gets 409, and the slot frees when it ends', async () => {
    const first = await upload(form({ 'borgere.csv': citizens('C', 20_000) }));
    expect(first.status).toBe(202);
    const second = await upload(form({ 'borgere.csv': citizens('D', 3) }));
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({ error: 'Konflikt', message: 'En indlæsning kører allerede. Vent, til den er færdig, og prøv igen.' });

    const running = await getJob(first.json.jobId as string);
    expect(running.progress.totalBytes).toBeGreaterThan(300_000);
    expect(running.progress.fileName).toBe('borgere.csv');
    const done = await finished(first.json.jobId as string);
    expect(done.report).toMatchObject({ ok: true, totalRows: 20_000 });

    const third = await upload(form({ 'borgere.csv': citizens('D', 3) }));
    expect(third.status).toBe(202);
    expect((await finished(third.json.jobId as string)).state).toBe('succeeded');
    expect(await db().selectFrom('citizen').select('citizen_id').where('citizen_id', 'like', 'D%').execute()).toHaveLength(3);
  });

  it('answers a request that is not multipart, a field that is not a file and an unknown job in Danish', async () => {
    const json = await fetch(`${baseUrl}/api/imports`, { method: 'POST', headers: { ...session.headers, 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect(((await json.json()) as Answer).message).toMatch(/multipart\/form-data/);

    const withField = new FormData();
    withField.append('kommentar', 'hej');
    const field = await upload(withField);
    expect(field).toMatchObject({ status: 400, json: { message: expect.stringMatching(/Feltet "kommentar" er ikke en fil/) } });

    const empty = await upload(new FormData());
    expect(empty.status).toBe(400);

    const unknown = await fetch(`${baseUrl}/api/imports/jobs/00000000-0000-0000-0000-000000000000`, { headers: session.headers });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Answer).message).toMatch(/Indlæsningsjobbet findes ikke/);
  });
});
