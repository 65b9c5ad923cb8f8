/**
 * The demo municipality goes through the same importer as real data, on both engines, and its
 * 2018 figures sit near the plan's (DESIGN §10). The figures are printed for the record.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/demo/seed-demo-data.ts';
import type { ImportReport } from '../../src/import/import-report.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/test-database.ts';

let testDb: TestDatabase;
let report: ImportReport;

beforeAll(async () => {
  testDb = await createTestDatabase();
  report = await seedDemoData(testDb.database.db, { today: '2026-11-22' });
}, 600_000);
afterAll(async () => {
  await testDb.dispose();
});

interface YearFigures {
  recipients: number;
  inhabitants: number;
  spending: number;
  internal_citizens: number;
  external_citizens: number;
  internal_cost: number;
  external_cost: number;
  botilbud_activity_cost: number;
}

async function figuresFor(year: number): Promise<YearFigures> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const result = await sql<YearFigures>`
    with active as (
      select g.citizen_id, p.operation
      from service_grant g left join provider p on p.provider_id = g.provider_id
      where g.start_date <= ${to}::date and (g.end_date is null or g.end_date >= ${from}::date)
    ), spend as (
      select po.function_code, po.amount, pr.operation
      from posting po left join provider pr on pr.provider_id = po.provider_id
      where po.posting_date between ${from}::date and ${to}::date
    )
    select
      (select count(distinct citizen_id) from active)::int as recipients,
      (select sum(inhabitants) from population where year = ${year})::int as inhabitants,
      (select sum(amount) from spend)::float8 as spending,
      (select count(distinct citizen_id) from active where operation = 'intern')::int as internal_citizens,
      (select count(distinct citizen_id) from active where operation = 'ekstern')::int as external_citizens,
      (select coalesce(sum(amount), 0) from spend where operation = 'intern')::float8 as internal_cost,
      (select coalesce(sum(amount), 0) from spend where operation = 'ekstern')::float8 as external_cost,
      (select coalesce(sum(amount), 0) from spend where function_code in ('5.38.50', '5.38.51', '5.38.52', '5.38.59'))::float8 as botilbud_activity_cost
  `.execute(testDb.database.db);
  const row = result.rows[0];
  if (!row) throw new Error('no figures');
  return row;
}

describe(`demo data on ${testDatabaseKind()}`, () => {
  it('imports cleanly through the importer', () => {
    expect(report.ok ? [] : report.errors.slice(0, 10)).toEqual([]);
    expect(report.ok && report.files.map((f) => f.fileName)).toHaveLength(10);
  });

  it('resembles the plan in 2018', async () => {
    const f = await figuresFor(2018);
    const perThousand = (1000 * f.recipients) / f.inhabitants;
    const table = {
      'modtagere pr. 1.000 indbyggere': [perThousand.toFixed(1), '34,1 (2016)'],
      'udgifter, mio. kr.': [(f.spending / 1e6).toFixed(1), '312,5 (2017)'],
      'enhedsudgift, kr.': [Math.round(f.spending / f.recipients), '253.419 (2016, 2016-priser)'],
      'borgere i interne tilbud': [f.internal_citizens, '641 (2017)'],
      'borgere i eksterne tilbud': [f.external_citizens, '465 (2017)'],
      'interne tilbud, mio. kr.': [(f.internal_cost / 1e6).toFixed(1), '84 (2017)'],
      'eksterne tilbud, mio. kr.': [(f.external_cost / 1e6).toFixed(1), '172 (2017)'],
      'andel botilbud + aktivitet (5.38.50/51/52/59)': [`${((100 * f.botilbud_activity_cost) / f.spending).toFixed(1)} %`, '73 % (2017)'],
    };
    console.log(`Demodata 2018 mod planen (${testDatabaseKind()}):`);
    console.table(table);
    expect(f.inhabitants).toBeGreaterThan(50_000);
    expect(perThousand).toBeGreaterThan(28);
    expect(perThousand).toBeLessThan(40);
    expect(f.spending / 1e6).toBeGreaterThan(280);
    expect(f.spending / 1e6).toBeLessThan(370);
  });
});
