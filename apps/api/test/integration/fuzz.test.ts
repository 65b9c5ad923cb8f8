/**
 * Fuzzing with fast-check on the small municipality (both engines), signed in as an administrator
 * so every route's gate lets the request through:
 *
 * 1. Every route the app registered (server.routeRules, the web app's too) gets random query
 *    strings — its own parameter names (from its schema) with plausible, edge and random values,
 *    unknown names, repeated keys, broken %-escapes, unicode, huge numbers, very long values — and
 *    every POST/PUT random bodies (shaped like its schema, any JSON, or not JSON at all), with path
 *    parameters both plausible and random. Never a 5xx; every 4xx is JSON with a Danish `message`
 *    (not empty, no stack, not one of Fastify's or Ajv's English texts).
 * 2. Suppression over random filters, periods and breakdowns for every KPI in the catalogue: no
 *    count from 1 to 4 in the JSON answer, the XLSX (read back with exceljs) or the CSV export, nor
 *    in a composed KPI email (its values and its attached workbook).
 *
 * FUZZ_RUNS scales the run counts (default 1). Totals are printed at the end.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KPI_CATALOGUE, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc, { type Arbitrary } from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getKpiContext } from '../../src/repositories/get-kpi-context.ts';
import { composeEmail } from '../../src/schedules/compose-email.ts';
import type { FilterChoices } from '../../src/schemas/filter-choices.ts';
import type { KpiResult, KpiResultRow } from '../../src/schemas/kpi-result.ts';
import { buildServer } from '../../src/server.ts';
import { percentEncode, queryString, requestBody, routeSchemas, type FuzzBody, type FuzzVocabulary } from '../helpers/fuzz-arbitraries.ts';
import { logIn, type TestSession } from '../helpers/sign-in.ts';
import { loadSmallMunicipality } from '../helpers/small-municipality.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/test-database.ts';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));
/** Query strings per API route, bodies per POST/PUT route, query strings per web-app file or page. */
const QUERY_RUNS = runs(40);
const BODY_RUNS = runs(80);
const FILE_RUNS = runs(4);
/** Random filter sets per KPI (each: JSON, XLSX and CSV), and composed emails. */
const SUPPRESSION_RUNS = runs(20);
const EMAIL_RUNS = runs(4);
const FUZZ_TIMEOUT_MS = 240_000;

/** Fastify's, Ajv's and Node's own English texts, which must never reach a user. */
const ENGLISH = new RegExp(
  [
    'must (have|be|match|NOT|equal)',
    'should (have|be|match)',
    'required property',
    'Unexpected (token|end)',
    'is not valid JSON',
    'JSON at position',
    'Body cannot be empty',
    'Unsupported Media Type',
    'Route \\S+ not found',
    'Bad Request',
    'Internal Server Error',
    'Request body is too large',
    'not a valid url component',
    'Invalid CSRF',
    'Missing csrf',
    'Rate limit exceeded',
    'Payload Too Large',
    'Not Found',
    'Unauthorized',
    'Forbidden',
  ].join('|'),
);
const STACK = /\n\s+at |\.tsx?:\d+|node_modules|Error: /;

let testDb: TestDatabase;
let server: FastifyInstance;
let admin: TestSession;
let adminId = 0;
let vocabulary: FuzzVocabulary;
let openapi: unknown;
let choices: FilterChoices;
const sent = new Map<string, number>();
const statuses = new Map<number, number>();

async function send(route: string, options: InjectOptions): Promise<LightMyRequestResponse> {
  sent.set(route, (sent.get(route) ?? 0) + 1);
  const response = await server.inject(options);
  statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
  return response;
}

/** Never a 5xx; a 4xx is JSON with a Danish message. */
function expectDanishAnswer(where: string, method: string, response: LightMyRequestResponse): void {
  expect(response.statusCode, `${where} → ${response.statusCode} ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode < 400 || method === 'HEAD') return;
  expect(response.headers['content-type'], `${where} → ${response.statusCode}`).toMatch(/^application\/json/);
  const body = response.json<{ message?: unknown; statusCode?: unknown }>();
  expect(body.statusCode, where).toBe(response.statusCode);
  expect(typeof body.message, `${where}: ${response.body.slice(0, 300)}`).toBe('string');
  const message = String(body.message);
  expect(message.trim().length, `${where}: empty message`).toBeGreaterThan(0);
  expect(message, `${where}: a stack or file path`).not.toMatch(STACK);
  expect(message, `${where}: English`).not.toMatch(ENGLISH);
}

/** Path parameters: real ids and ids that cannot be, in the forms a URL can carry them. */
function pathFor(url: string): Arbitrary<string> {
  const wild = fc.oneof(
    fc.constantFrom('0', '-1', '1.5', '99999999999999999999', '2147483648', 'abc', 'null', '%', '%zz', '%E0%A4%A', '..', '%2e%2e', 'æøå', '🙂'),
    fc.string({ minLength: 1, maxLength: 20 }).map(percentEncode),
  );
  const param = (name: string): Arbitrary<string> => {
    if (name === 'jobId') return fc.oneof(fc.uuid(), wild);
    if (url.startsWith('/api/kpis/')) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...vocabulary.kpiIds) }, { weight: 1, arbitrary: wild });
    // Never the fuzzing administrator: a random change to it would end the session the fuzzing runs on.
    if (url.startsWith('/api/admin/users/')) return fc.oneof(fc.integer({ min: adminId + 1, max: adminId + 20 }).map(String), wild);
    return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 5 }).map(String) }, { weight: 2, arbitrary: wild });
  };
  const parts = url.split(/(:\w+|\*)/).filter(Boolean);
  const pieces = parts.map((part) => {
    if (part === '*') return fc.oneof(fc.constantFrom('bolig', 'strategi', 'findes/ikke', 'index.html', 'assets/ukendt.js'), fc.string({ maxLength: 20 }).map(percentEncode));
    return part.startsWith(':') ? param(part.slice(1)) : fc.constant(part);
  });
  return fc.tuple(...pieces).map((values) => values.join(''));
}

function bodyOptions(body: FuzzBody): Pick<InjectOptions, 'payload' | 'headers'> {
  return body.kind === 'json'
    ? { payload: JSON.stringify(body.value), headers: { 'content-type': 'application/json' } }
    : { payload: body.text, headers: { 'content-type': body.contentType } };
}

/** Logout would end the fuzzing session: it is sent with the CSRF secret only. */
function headersFor(url: string): Record<string, string> {
  if (url === '/api/auth/logout') return { cookie: admin.cookie.replace(/;\s*sol_session=[^;]*/, ''), 'x-csrf-token': admin.csrfToken };
  return { ...admin.headers };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await loadSmallMunicipality(testDb.database);
  server = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false, webDistDir: existsSync(WEB_DIST) ? WEB_DIST : null });
  admin = await logIn(server, testDb.database, 'admin');
  adminId = (await server.inject({ url: '/api/auth/session', headers: admin.headers })).json<{ user: { id: number } }>().user.id;
  await server.ready();
  openapi = server.swagger();
  choices = (await server.inject({ url: '/api/reference/filters', headers: admin.headers })).json<FilterChoices>();
  vocabulary = {
    codes: [...choices.targetGroups, ...choices.paragraphs, ...choices.ageBands, ...choices.operations].map((choice) => choice.code).concat(['XX', '999', '200-300', 'intern ']),
    measures: [...new Set(KPI_CATALOGUE.flatMap((kpi) => kpi.measures.map((measure) => measure.id)))].concat(['findesIkke']),
    kpiIds: KPI_CATALOGUE.map((kpi) => kpi.id),
  };
  // Something for the id routes to find: a schedule.
  const schedule = await server.inject({
    method: 'POST',
    url: '/api/schedules',
    headers: admin.headers,
    payload: { name: 'Fuzz', cron: '0 7 * * 1', recipients: ['fuzz@kommune.test'], kpiIds: ['housing'], attachXlsx: true, enabled: false },
  });
  expect(schedule.statusCode, schedule.body).toBe(201);
}, 240_000);

afterAll(async () => {
  const total = [...sent.values()].reduce((sum, n) => sum + n, 0);
  const lines = [...sent.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([route, n]) => `  ${String(n).padStart(5)}  ${route}`);
  const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(', ');
  console.log(`fuzz (${testDatabaseKind()}): ${total} forespørgsler på ${sent.size} ruter (${byStatus})\n${lines.join('\n')}`);
  // A freeze or import the fuzzing started may still run (minutes on a busy machine): closing waits for it,
  // longer than Fastify lets a close hook take.
  await Promise.all([server?.snapshotJobs.idle(), server?.importJobs.idle()]);
  await server?.close();
  await testDb?.dispose();
});

describe('fuzzing every route', () => {
  it('answers what fuzzing found with a Danish 400, not a 500 or English', async () => {
    const found: [InjectOptions & { url: string }, RegExp][] = [
      // Ajv coerced 1e400 to Infinity, which passed `maximum` and reached SQL.
      [{ url: '/api/deliveries?scheduleId=1e400' }, /for stort/],
      [{ url: `/api/deliveries?scheduleId=${'9'.repeat(400)}` }, /for stort/],
      // PostgreSQL's text cannot hold NUL.
      [{ url: '/api/report/afrapportering.pdf?strategy=%00' }, /NUL/],
      [{ url: '/api/admin/audit?user=a%00b' }, /NUL/],
      // A broken %-escape in the path never reached the error handler (Fastify's English text).
      [{ method: 'PUT', url: '/api/admin/users/%zz', payload: {} }, /forkert %-kodning/],
      // Not JSON although it says so.
      [{ method: 'POST', url: '/api/schedules', payload: '{', headers: { 'content-type': 'application/json' } }, /ikke gyldig JSON/],
      // A freeze as of 9999 would answer every year and half until then: it ran for ever.
      [{ method: 'POST', url: '/api/snapshots', payload: { asOf: '9999-12-31' } }, /mere end et år efter de seneste data/],
      // A multipart request without a boundary was the parser's error, a 500.
      [{ method: 'POST', url: '/api/imports', payload: '', headers: { 'content-type': 'multipart/form-data' } }, /ikke en gyldig filupload/],
    ];
    for (const [options, message] of found) {
      const response = await send(`fundet ${options.method ?? 'GET'}`, { ...options, headers: { ...admin.headers, ...(options.headers ?? {}) } });
      expectDanishAnswer(`${options.method ?? 'GET'} ${options.url}`, 'GET', response);
      expect(response.statusCode, options.url).toBe(400);
      expect(response.json().message, options.url).toMatch(message);
    }
  });

  it(
    'answers random query strings on every route without a 5xx, and every 4xx in Danish',
    async () => {
      expect(server.routeRules.length).toBeGreaterThan(60);
      for (const { method, url } of server.routeRules) {
        const route = `${method} ${url}`;
        const isApi = url.startsWith('/api/') || url === '/health';
        const { query } = routeSchemas(openapi, method, url);
        await fc.assert(
          fc.asyncProperty(pathFor(url), queryString(query, vocabulary), async (path, search) => {
            const target = search ? `${path}?${search}` : path;
            const response = await send(route, { method: method as InjectOptions['method'], url: target, headers: headersFor(url) });
            expectDanishAnswer(`${method} ${target.slice(0, 300)}`, method, response);
            if (url !== '/api/auth/logout') expect(response.statusCode, `${method} ${target.slice(0, 200)}: the admin session was lost`).not.toBe(401);
          }),
          { numRuns: isApi ? QUERY_RUNS : FILE_RUNS },
        );
      }
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'answers random bodies on every POST and PUT without a 5xx, and every 4xx in Danish',
    async () => {
      const writes = server.routeRules.filter(({ method }) => method === 'POST' || method === 'PUT');
      expect(writes.length).toBeGreaterThan(10);
      for (const { method, url } of writes) {
        const route = `${method} ${url}`;
        const { body } = routeSchemas(openapi, method, url);
        await fc.assert(
          fc.asyncProperty(pathFor(url), requestBody(body, vocabulary), async (path, payload) => {
            const options = bodyOptions(payload);
            const response = await send(route, { method: method as InjectOptions['method'], url: path, ...options, headers: { ...headersFor(url), ...options.headers } });
            expectDanishAnswer(`${method} ${path} ${JSON.stringify(payload).slice(0, 300)}`, method, response);
          }),
          { numRuns: BODY_RUNS },
        );
      }
      // The session survived it all (no change to the fuzzing administrator).
      expect((await server.inject({ url: '/api/auth/session', headers: admin.headers })).json<{ user: unknown }>().user).not.toBeNull();
    },
    FUZZ_TIMEOUT_MS,
  );
});

/** A KPI request a user can make: a period, an as-of date, one breakdown, filters the KPI takes. */
function kpiQuery(kpi: KpiDefinition): Arbitrary<Record<string, string>> {
  const years = choices.years;
  const first = choices.earliestDate ?? '2021-01-01';
  const last = choices.defaultAsOf ?? '2024-12-31';
  const day = fc.date({ min: new Date(`${first}T00:00:00Z`), max: new Date(`${last}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const period = fc.oneof(
    fc.constant({}),
    fc.constantFrom(...years).map((year) => ({ year: String(year) })),
    fc.tuple(fc.constantFrom(...years), fc.constantFrom('1', '2')).map(([year, half]) => ({ year: String(year), half })),
    fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
  );
  const codes = (list: { code: string }[]) => fc.subarray(list.map((choice) => choice.code), { minLength: 1 }).map((picked) => picked.join(','));
  const filterChoices = { targetGroup: choices.targetGroups, paragraph: choices.paragraphs, ageBand: choices.ageBands, operation: choices.operations } as const;
  const filters = Object.fromEntries(kpi.filters.map((id) => [id, fc.option(codes(filterChoices[id as keyof typeof filterChoices] ?? []), { nil: undefined })]));
  return fc
    .record({
      period,
      asOf: fc.option(day, { nil: undefined, freq: 4 }),
      by: fc.option(fc.constantFrom(...(kpi.breakdowns.length ? kpi.breakdowns : ['none'])), { nil: undefined }),
      filters: fc.record(filters),
      prices: kpi.hasAmounts ? fc.option(fc.constantFrom('current', 'fixed'), { nil: undefined }) : fc.constant(undefined),
    })
    .map(({ period: chosen, asOf, by, filters: picked, prices }) => {
      const query: Record<string, string> = { ...chosen };
      if (asOf !== undefined) query.asOf = asOf;
      if (by !== undefined && by !== 'none') query.by = by;
      if (prices !== undefined) query.prices = prices;
      for (const [id, value] of Object.entries(picked)) if (typeof value === 'string') query[id] = value;
      return query;
    });
}

/**
 * No count from 1 to threshold − 1; no statistic over a base below the threshold (a base withheld
 * only as the second cell of a line, 'secondary', is at least the threshold: a statistic over it
 * stays, as kpis/suppress.ts decides); a withheld value is never shown.
 */
function expectAnswerSuppressed(result: KpiResult, rows: KpiResultRow[], where: string): void {
  const threshold = result.suppressionThreshold;
  for (const row of rows) {
    for (const measure of result.kpi.measures) {
      const value = row.values[measure.id];
      if (row.suppressed[measure.id]) expect(value, `${where} ${row.label} ${measure.id} withheld but shown`).toBeNull();
      if (value == null) continue;
      if (measure.kind === 'count') expect(value >= 1 && value < threshold, `${where} ${row.label} ${measure.id}=${value}`).toBe(false);
      if (measure.kind === 'statistic' && measure.basedOn) {
        const base = row.values[measure.basedOn];
        const reason = row.suppressed[measure.basedOn];
        if (base == null) expect(reason, `${where} ${row.label} ${measure.id} shown over a base withheld as ${reason ?? 'missing'}`).toBe('secondary');
        else expect(base, `${where} ${row.label} ${measure.id} over ${base}`).toBeGreaterThanOrEqual(threshold);
      }
    }
  }
}

/** Measures counted in persons or cases (kind 'count'): by position in the export tables. */
function countColumns(kpi: KpiDefinition): number[] {
  return kpi.measures.flatMap((measure, index) => (measure.kind === 'count' ? [index] : []));
}

/** Every numeric cell of a count column in the sheet's table: none from 1 to threshold − 1. */
function expectSheetSuppressed(sheet: ExcelJS.Worksheet, kpi: KpiDefinition, threshold: number, where: string): number {
  let tableAt = 0;
  sheet.eachRow((row, number) => {
    if (tableAt === 0 && row.getCell(1).value === 'Periode' && row.getCell(2).value === 'Gruppe') tableAt = number;
  });
  expect(tableAt, `${where}: the table's header row`).toBeGreaterThan(0);
  let cells = 0;
  for (let number = tableAt + 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    for (const column of countColumns(kpi)) {
      const value = row.getCell(column + 3).value;
      if (typeof value === 'number') {
        cells += 1;
        expect(value >= 1 && value < threshold, `${where} row ${number} ${kpi.measures[column]?.id}=${value}`).toBe(false);
      }
    }
  }
  return cells;
}

describe('suppression over random filters', () => {
  const checked = { requests: 0, answered: 0, rows: 0, xlsxCells: 0, csvCells: 0, emails: 0 };
  afterAll(() => console.log(`diskretionering (${testDatabaseKind()}): ${JSON.stringify(checked)}`));

  it(
    'shows no count from 1 to 4 in any KPI answer, XLSX or CSV, whatever the filters',
    async () => {
      for (const kpi of KPI_CATALOGUE) {
        // A user per KPI: exports are limited to 120 a minute per user and route.
        const session = await logIn(server, testDb.database, 'analyst');
        const countIds = new Set(kpi.measures.filter((measure) => measure.kind === 'count').map((measure) => measure.id));
        await fc.assert(
          fc.asyncProperty(kpiQuery(kpi), async (query) => {
            const search = new URLSearchParams(query).toString();
            const json = await send('suppression GET /api/kpis/:id', { url: `/api/kpis/${kpi.id}?${search}`, headers: session.headers });
            checked.requests += 1;
            expectDanishAnswer(`${kpi.id}?${search}`, 'GET', json);
            if (json.statusCode !== 200) return;
            checked.answered += 1;
            const result = json.json<KpiResult>();
            const rows = [...result.rows, ...result.series.flatMap((point) => point.rows)];
            checked.rows += rows.length;
            expectAnswerSuppressed(result, rows, `${kpi.id}?${search}`);
            const threshold = result.suppressionThreshold;

            const xlsx = await send('suppression GET /api/kpis/:id/data.xlsx', { url: `/api/kpis/${kpi.id}/data.xlsx?${search}`, headers: session.headers });
            expect(xlsx.statusCode, xlsx.body.slice(0, 200)).toBe(200);
            const workbook = new ExcelJS.Workbook();
            await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
            const sheet = workbook.getWorksheet('Data');
            if (!sheet) throw new Error('The XLSX has no sheet Data');
            checked.xlsxCells += expectSheetSuppressed(sheet, kpi, threshold, `${kpi.id}.xlsx?${search}`);

            const csv = await send('suppression GET /api/kpis/:id/data.csv', { url: `/api/kpis/${kpi.id}/data.csv?${search}`, headers: session.headers });
            expect(csv.statusCode, csv.body.slice(0, 200)).toBe(200);
            const records: string[][] = parse(csv.rawPayload, { delimiter: ';', bom: true, relax_column_count: true });
            const tableAt = records.findIndex((record) => record[0] === 'Periode' && record[1] === 'Gruppe');
            expect(tableAt).toBeGreaterThan(0);
            for (const record of records.slice(tableAt + 1)) {
              kpi.measures.forEach((measure, column) => {
                const field = record[column + 2] ?? '';
                if (!countIds.has(measure.id) || !/^\d+$/.test(field)) return;
                checked.csvCells += 1;
                expect(Number(field) >= 1 && Number(field) < threshold, `${kpi.id}.csv?${search} ${record[1]} ${measure.id}=${field}`).toBe(false);
              });
            }
          }),
          { numRuns: SUPPRESSION_RUNS },
        );
      }
      // Most random requests are ones the dashboard could make, and are answered.
      expect(checked.answered).toBeGreaterThan(checked.requests / 2);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'shows no count from 1 to 4 in a KPI email: its values and its attached workbook',
    async () => {
      const context = await getKpiContext(testDb.database.db);
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray(KPI_CATALOGUE.map((kpi) => kpi.id), { minLength: 1 }), fc.constantFrom('scheduled', 'test', 'alert') as Arbitrary<'scheduled' | 'test' | 'alert'>, async (kpiIds, kind) => {
          const email = await composeEmail(
            { db: testDb.database.db, context, charts: server.chartRenderer, publicUrl: 'http://localhost:3000', onStoreMiss: () => undefined },
            { scheduleName: 'Fuzz', kpiIds, attachXlsx: true, kind, slotAt: new Date(), late: false, previousValues: null, images: 'cid', ...(kind === 'alert' ? { alertText: 'en tærskel' } : {}) },
          );
          checked.emails += 1;
          for (const id of kpiIds) {
            const kpi = KPI_CATALOGUE.find((candidate) => candidate.id === id) as KpiDefinition;
            const shown = email.values[id];
            const measure = kpi.measures.find((candidate) => candidate.id === shown?.measureId);
            if (measure?.kind === 'count' && shown?.value != null) {
              expect(shown.value >= 1 && shown.value < context.suppressionThreshold, `email ${id} ${measure.id}=${shown.value}`).toBe(false);
            }
          }
          const attachment = email.attachments.find((file) => file.filename.endsWith('.xlsx'));
          expect(attachment, 'the email carries its workbook').toBeDefined();
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(attachment?.content as unknown as ArrayBuffer);
          expect(workbook.worksheets).toHaveLength(kpiIds.length);
          workbook.worksheets.forEach((sheet, index) => {
            const kpi = KPI_CATALOGUE.find((candidate) => candidate.id === kpiIds[index]) as KpiDefinition;
            checked.xlsxCells += expectSheetSuppressed(sheet, kpi, context.suppressionThreshold, `email sheet ${sheet.name}`);
          });
        }),
        { numRuns: EMAIL_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
