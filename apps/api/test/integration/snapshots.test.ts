/**
 * Frozen snapshots (DESIGN §7) end to end: the database refuses to change them, their answers are
 * the live answers at the time of freezing and stay suppressed, a correction re-imported later
 * changes the live numbers but not the snapshot's, and the comparison shows what moved.
 */
import { KPI_CATALOGUE } from '@sol/domain/kpi-catalogue.ts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/import-files.ts';
import { getKpiContext } from '../../src/repositories/get-kpi-context.ts';
import type { KpiResult } from '../../src/schemas/kpi-result.ts';
import type { SnapshotComparison } from '../../src/schemas/snapshot.ts';
import { buildServer } from '../../src/server.ts';
import { freezeSnapshot, planSnapshot } from '../../src/snapshots/snapshots.ts';
import { expectSuppressed } from '../helpers/expect-suppressed.ts';
import { VALID_FILES, writeImportFiles } from '../helpers/import-fixtures.ts';
import { serveSmallMunicipality } from '../helpers/small-municipality-server.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { signInAs } from '../helpers/sign-in.ts';

async function getJson<T>(server: FastifyInstance, url: string): Promise<T> {
  const response = await server.inject({ url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json<T>();
}

interface SnapshotSummary {
  id: number;
  name: string;
  asOf: string;
  createdBy: string;
  dataVersion: number;
  kpiAnswers: number;
}

/** POST /api/snapshots starts a job; poll it until the snapshot is there. */
async function createSnapshot(server: FastifyInstance, body: Record<string, string> = {}): Promise<SnapshotSummary> {
  const started = await server.inject({ method: 'POST', url: '/api/snapshots', payload: body });
  expect(started.statusCode, started.body).toBe(202);
  const { jobId } = started.json<{ jobId: string }>();
  for (;;) {
    const job = await getJson<{ state: string; snapshot: SnapshotSummary | null; progress: { done: number; total: number } }>(
      server,
      `/api/snapshots/jobs/${jobId}`,
    );
    if (job.state === 'succeeded' && job.snapshot) {
      expect(job.progress.done).toBe(job.progress.total);
      return job.snapshot;
    }
    expect(job.state).toBe('running');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A live answer and a frozen one are the same apart from the snapshot marker. */
function withoutMarker<T extends { snapshot: unknown }>({ snapshot: _snapshot, ...rest }: T): Omit<T, 'snapshot'> {
  return rest;
}

describe('snapshots of a small municipality', () => {
  const app = serveSmallMunicipality();
  let snapshotId: number;
  let asOf: string;

  beforeAll(async () => {
    const snapshot = await createSnapshot(app.server, { createdBy: 'Analytiker A' });
    snapshotId = snapshot.id;
    asOf = snapshot.asOf;
    expect(snapshot.createdBy).toBe('Analytiker A');
    expect(snapshot.kpiAnswers).toBeGreaterThan(100);
  });

  it('answers every KPI, breakdown and standard period exactly as the live API did when frozen', async () => {
    const lastYear = Number(asOf.slice(0, 4));
    let compared = 0;
    for (const kpi of KPI_CATALOGUE) {
      for (const by of [null, ...kpi.breakdowns]) {
        for (const period of [`year=${lastYear}`, `year=${lastYear - 1}`, `year=${lastYear - 1}&half=2`, '']) {
          const query = [period, by ? `by=${by}` : ''].filter(Boolean).join('&');
          const live = await getJson<KpiResult>(app.server, `/api/kpis/${kpi.id}?${query}`);
          const frozen = await getJson<KpiResult>(app.server, `/api/kpis/${kpi.id}?${query}&snapshot=${snapshotId}`);
          expect(live.snapshot).toBeNull();
          expect(frozen.snapshot).toMatchObject({ id: snapshotId, asOf, dataVersion: live.dataVersion });
          expect(withoutMarker(frozen), `${kpi.id}?${query}`).toEqual(withoutMarker(live));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(80);
    const fixed = await getJson<KpiResult>(app.server, `/api/kpis/expenditure?prices=fixed&snapshot=${snapshotId}`);
    expect(fixed.query.prices.kind).toBe('fixed');
  });

  it('freezes the strategy page as served', async () => {
    const live = await getJson<{ snapshot: unknown }>(app.server, '/api/strategy');
    const frozen = await getJson<{ snapshot: { id: number } }>(app.server, `/api/strategy?snapshot=${snapshotId}`);
    expect(live.snapshot).toBeNull();
    expect(frozen.snapshot.id).toBe(snapshotId);
    expect(withoutMarker(frozen)).toEqual(withoutMarker(live));
  });

  it('holds only suppressed answers: no count from 1 to 4 in anything frozen', async () => {
    const { rows } = await sql<{ answer: KpiResult }>`
      SELECT answer FROM snapshots.kpi_answer WHERE snapshot_id = ${snapshotId}`.execute(app.testDb.database.db);
    expect(rows.length).toBeGreaterThan(100);
    for (const { answer } of rows) {
      const where = `${answer.kpi.id} ${answer.query.by ?? ''} ${answer.period.label}`;
      expectSuppressed(answer, answer.rows, where);
      for (const point of answer.series) expectSuppressed(answer, point.rows, `${where} ${point.key}`);
    }
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    const db = app.testDb.database.db;
    for (const statement of [
      sql`UPDATE snapshots.snapshot SET name = 'ændret' WHERE snapshot_id = ${snapshotId}`,
      sql`DELETE FROM snapshots.snapshot WHERE snapshot_id = ${snapshotId}`,
      sql`UPDATE snapshots.kpi_answer SET answer = '{}'::jsonb WHERE snapshot_id = ${snapshotId}`,
      sql`DELETE FROM snapshots.kpi_answer WHERE snapshot_id = ${snapshotId}`,
      sql`TRUNCATE snapshots.kpi_answer`,
    ]) {
      await expect(statement.execute(db)).rejects.toThrow(/kan ikke ændres eller slettes/);
    }
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM snapshots.kpi_answer WHERE snapshot_id = ${snapshotId}`.execute(db);
    expect(rows[0]?.n).toBeGreaterThan(100);
  });

  it('lists and shows snapshots with the requests they hold', async () => {
    const list = await getJson<{ snapshots: { id: number; name: string }[] }>(app.server, '/api/snapshots');
    expect(list.snapshots.map((snapshot) => snapshot.id)).toContain(snapshotId);
    const detail = await getJson<{ name: string; requests: { kpiId: string; by: string | null }[] }>(app.server, `/api/snapshots/${snapshotId}`);
    expect(detail.name).toMatch(/^(Øjebliksbillede|Budgetopfølgning \d – \d{4}) \(pr\. \d\d\.\d\d\.\d{4}\)$/);
    expect(new Set(detail.requests.map((request) => request.kpiId))).toEqual(new Set(KPI_CATALOGUE.map((kpi) => kpi.id)));
  });

  it('exports the frozen answer, marked with the snapshot', async () => {
    const csv = await app.server.inject({ url: `/api/kpis/housing/data.csv?snapshot=${snapshotId}` });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('Øjebliksbillede');
    const svg = await app.server.inject({ url: `/api/kpis/housing/chart.svg?snapshot=${snapshotId}` });
    expect(svg.statusCode, svg.body).toBe(200);
    expect(svg.body).toContain('Øjebliksbillede');
  });

  it('answers bad ids and requests a snapshot does not hold with Danish 400s and 404s', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/kpis/housing?snapshot=99999', 404, /Øjebliksbillede 99999 findes ikke/],
      ['/api/kpis/housing/data.xlsx?snapshot=99999', 404, /findes ikke/],
      ['/api/strategy?snapshot=99999', 404, /findes ikke/],
      ['/api/snapshots/99999', 404, /findes ikke/],
      ['/api/snapshots/compare?a=99999&b=live', 404, /findes ikke/],
      ['/api/kpis/housing?snapshot=abc', 400, /snapshot/],
      ['/api/snapshots/abc', 400, /id/],
      ['/api/snapshots/compare?a=1&b=nu', 400, /b/],
      ['/api/snapshots/jobs/00000000-0000-0000-0000-000000000000', 404, /Jobbet findes ikke/],
    ];
    for (const [url, status, message] of cases) {
      const response = await app.server.inject({ url });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
      expect(response.json().message, url).toMatch(message);
    }
    const missing = [
      `/api/kpis/housing?targetGroup=SIND&snapshot=${snapshotId}`,
      `/api/kpis/housing?asOf=2022-12-31&snapshot=${snapshotId}`,
      `/api/kpis/housing?from=2022-02-01&to=2022-03-31&snapshot=${snapshotId}`,
      `/api/strategy?asOf=2022-12-31&snapshot=${snapshotId}`,
    ];
    for (const url of missing) {
      const response = await app.server.inject({ url });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(response.json().message, url).toMatch(/^Øjebliksbilledet indeholder ikke dette udtræk/);
    }
    const badBody = await app.server.inject({ method: 'POST', url: '/api/snapshots', payload: { asOf: '2024-02-30' } });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().message).toMatch(/ikke en gyldig dato/);
    const tooEarly = await app.server.inject({ method: 'POST', url: '/api/snapshots', payload: { asOf: '1999-12-31' } });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().message).toMatch(/før de første data/);
  });

  it('freezes one snapshot at a time', async () => {
    const first = await app.server.inject({ method: 'POST', url: '/api/snapshots', payload: { name: 'Første' } });
    const second = await app.server.inject({ method: 'POST', url: '/api/snapshots', payload: { name: 'Anden' } });
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/allerede et øjebliksbillede under oprettelse/);
    let job = await getJson<{ state: string; snapshot: SnapshotSummary | null }>(app.server, `/api/snapshots/jobs/${first.json().jobId}`);
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = await getJson(app.server, `/api/snapshots/jobs/${first.json().jobId}`);
    }
    expect(job).toMatchObject({ state: 'succeeded', snapshot: { name: 'Første', createdBy: 'ukendt' } });
  });
});

describe('a snapshot across a data correction', () => {
  let testDb: TestDatabase;
  let server: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const report = await importFiles(testDb.database.db, await writeImportFiles(VALID_FILES), { source: 'cli' });
    expect(report.ok).toBe(true);
    server = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false });
    await signInAs(server, testDb.database);
  });
  afterAll(async () => {
    await server.close();
    await testDb.dispose();
  });

  const expenditure2024 = async (query: string): Promise<{ result: KpiResult; amount: number | null | undefined }> => {
    const result = await getJson<KpiResult>(server, `/api/kpis/expenditure?year=2024${query}`);
    return { result, amount: result.rows.find((row) => row.group === null)?.values.amount };
  };

  it('keeps the old numbers after a corrected file is re-imported, and compare shows the difference', async () => {
    const before = await createSnapshot(server, { name: 'Budgetopfølgning 1 – 2024 (pr. 31.03.2024)', createdBy: 'Økonomi' });
    const liveBefore = await expenditure2024('');
    const frozenBefore = await expenditure2024(`&snapshot=${before.id}`);
    expect(liveBefore.amount).toBe(91465.5 - 1234.5);
    expect(withoutMarker(frozenBefore.result)).toEqual(withoutMarker(liveBefore.result));

    // The finance system corrects posting P1 by 100.000 kr.; the whole extract is imported again.
    const corrected = { ...VALID_FILES, 'posteringer.csv': (VALID_FILES['posteringer.csv'] as string).replace('91.465,50', '191.465,50') };
    const staleContext = await getKpiContext(testDb.database.db);
    const report = await importFiles(testDb.database.db, await writeImportFiles(corrected), { source: 'cli' });
    expect(report.ok).toBe(true);
    // A freeze that began before the import would mix two data versions: it is refused.
    await expect(freezeSnapshot(testDb.database.db, staleContext, planSnapshot(staleContext, {}, []))).rejects.toThrow(/blev ændret, mens/);

    const liveAfter = await expenditure2024('');
    const frozenAfter = await expenditure2024(`&snapshot=${before.id}`);
    expect(liveAfter.amount).toBe(191465.5 - 1234.5);
    expect(liveAfter.result.dataVersion).toBeGreaterThan(before.dataVersion);
    expect(frozenAfter.amount).toBe(91465.5 - 1234.5);
    expect(frozenAfter.result.dataVersion).toBe(before.dataVersion);
    expect(frozenAfter.result).toEqual(frozenBefore.result);
    // The exports of the snapshot keep the old amount too; live exports have the corrected one.
    const csvFrozen = await server.inject({ url: `/api/kpis/expenditure/data.csv?year=2024&snapshot=${before.id}` });
    const csvLive = await server.inject({ url: '/api/kpis/expenditure/data.csv?year=2024' });
    expect(csvFrozen.body).toMatch(/\b90231\b/);
    expect(csvFrozen.body).not.toMatch(/190231/);
    expect(csvLive.body).toMatch(/\b190231\b/);

    const withLive = await getJson<SnapshotComparison>(server, `/api/snapshots/compare?a=${before.id}&b=live`);
    const moved = withLive.kpis.find((kpi) => kpi.kpiId === 'expenditure');
    expect(moved).toMatchObject({ a: { value: 90231 }, b: { value: 190231 }, difference: 100000, moved: true });
    expect(moved?.sentence).toMatch(/steget med 100\.000 kr\./);
    expect(withLive.b.snapshot).toBeNull();

    const after = await createSnapshot(server, { createdBy: 'Økonomi' });
    const between = await getJson<SnapshotComparison>(server, `/api/snapshots/compare?a=${before.id}&b=${after.id}`);
    expect(between.b.snapshot?.id).toBe(after.id);
    expect(between.kpis.find((kpi) => kpi.kpiId === 'expenditure')).toMatchObject({ difference: 100000, moved: true });
    expect(between.kpis.filter((kpi) => kpi.moved).map((kpi) => kpi.kpiId)).toEqual(['expenditure']);
  });
});

describe('suggested follow-up dates', () => {
  const app = serveSmallMunicipality();

  it('default to the end of March and August, can be edited, and name a snapshot taken on them', async () => {
    const defaults = await getJson<{ dates: { followUp: number; month: number; day: number; next: string; name: string }[] }>(
      app.server,
      '/api/snapshots/follow-up-dates',
    );
    expect(defaults.dates.map(({ followUp, month, day }) => [followUp, month, day])).toEqual([[1, 3, 31], [2, 8, 31]]);
    expect(defaults.dates[1]?.name).toMatch(/^Budgetopfølgning 2 – \d{4} \(pr\. 31\.08\.\d{4}\)$/);

    const edited = await app.server.inject({ method: 'PUT', url: '/api/snapshots/follow-up-dates', payload: { dates: [{ month: 4, day: 30 }, { month: 9, day: 30 }] } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().dates.map((date: { month: number; day: number }) => [date.month, date.day])).toEqual([[4, 30], [9, 30]]);

    const snapshot = await createSnapshot(app.server, { asOf: '2023-09-30' });
    expect(snapshot.name).toBe('Budgetopfølgning 2 – 2023 (pr. 30.09.2023)');

    const invalid = await app.server.inject({ method: 'PUT', url: '/api/snapshots/follow-up-dates', payload: { dates: [{ month: 4, day: 31 }] } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().message).toMatch(/Datoen 31\.4\. findes ikke/);
  });
});
