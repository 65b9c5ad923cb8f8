/**
 * The demo municipality goes through the same importer as real data, on both engines, and its
 * 2018 figures — the first demo year, standing in for the plan's 2017 level — reproduce the plan's
 * key figures within ±5 % (DESIGN §10, shared/data/plan-2018). The figures are printed for the record.
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
  /** P/L index of the year and of 2016 (the plan's unit cost is in 2016 prices) */
  price_index: number;
  price_index_2016: number;
}

/** Deviation allowed between each demo figure and its target. */
const TOLERANCE = 0.05;

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
      (select coalesce(sum(amount), 0) from spend where function_code in ('5.38.50', '5.38.51', '5.38.52', '5.38.59'))::float8 as botilbud_activity_cost,
      (select index_value from price_index where year = ${year})::float8 as price_index,
      (select index_value from price_index where year = 2016)::float8 as price_index_2016
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

  it("reproduces the plan's 2017 level in 2018 within ±5 %", async () => {
    const f = await figuresFor(2018);
    // [figure, demo value, target, how the target follows from the plan, decimals shown]
    const rows: [string, number, number, string, number][] = [
      ['modtagere pr. 1.000 indbyggere', (1000 * f.recipients) / f.inhabitants, 34.1, '34,1 (2016)', 1],
      ['udgifter, mio. kr.', f.spending / 1e6, 312.5 * 1.045, '312,5 (2017) + 4,5 %', 1],
      [
        'enhedsudgift, kr.',
        f.spending / f.recipients,
        (253_419 * f.price_index) / f.price_index_2016,
        `253.419 (2016-priser) × ${f.price_index}/${f.price_index_2016} (P/L)`,
        0,
      ],
      ['borgere i interne tilbud', f.internal_citizens, 641, '641 (2017)', 0],
      ['borgere i eksterne tilbud', f.external_citizens, 465, '465 (2017)', 0],
      ['interne tilbud, mio. kr.', f.internal_cost / 1e6, 84, '84 (2017)', 1],
      ['eksterne tilbud, mio. kr.', f.external_cost / 1e6, 172, '172 (2017)', 1],
      ['andel botilbud + aktivitet (5.38.50/51/52/59), %', (100 * f.botilbud_activity_cost) / f.spending, 73, '73 (2017)', 1],
    ];
    const deviation = (value: number, target: number): number => value / target - 1;
    const table = Object.fromEntries(
      rows.map(([figure, value, target, source, decimals]) => [
        figure,
        {
          'demo 2018': value.toFixed(decimals),
          mål: target.toFixed(decimals),
          'afvigelse %': `${deviation(value, target) >= 0 ? '+' : ''}${(100 * deviation(value, target)).toFixed(1)}`,
          'mål fra planen': source,
        },
      ]),
    );
    console.log(
      `Demodata 2018 mod planens 2017-niveau (${testDatabaseKind()}), tolerance ±${100 * TOLERANCE} %, ` +
        `${f.inhabitants} indbyggere, ${f.recipients} modtagere:`,
    );
    console.table(table);
    const outside = rows
      .filter(([, value, target]) => !(Math.abs(deviation(value, target)) <= TOLERANCE))
      .map(([figure, value, target]) => `${figure}: ${value} mod ${target}`);
    expect(outside).toEqual([]);
    expect(f.inhabitants).toBeGreaterThan(36_000);
    expect(f.inhabitants).toBeLessThan(38_000);
  });
});
