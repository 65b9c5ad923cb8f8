/**
 * K5 recipients on a hand-made dataset. Every expected value is worked out by hand in the
 * comments from the citizens, grants, population and postings below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRecipients } from '../../../src/kpis/compute/get-recipients.ts';
import type { KpiFilters, KpiQuery } from '../../../src/kpis/kpi-query.ts';
import { computeOnePeriod } from '../../helpers/compute-one-period.ts';
import { citizen, grant, loadKpiDataset } from '../../helpers/kpi-dataset.ts';
import { drillAllShown, expectDrillMatchesKpi } from '../../helpers/drill-check.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  // The shipped P/L index (migration 0003) gives way to a round one that is easy to follow by hand.
  await testDb.database.db.deleteFrom('price_index').execute();
  await loadKpiDataset(testDb.database, {
    priceIndex: [
      { year: 2023, index_value: 80 },
      { year: 2024, index_value: 100 },
      { year: 2025, index_value: 104 },
    ],
    // 1 January: 2023 = 1,000 inhabitants, 2024 = 2,000; none for 2025
    population: [
      { year: 2023, age: 40, inhabitants: 1_000 },
      { year: 2024, age: 10, inhabitants: 1_500 },
      { year: 2024, age: 40, inhabitants: 500 },
    ],
    citizens: [
      citizen('r1', 1990, 'SIND'),
      citizen('r2', 2000, 'UH'),
      citizen('r3', 1955, 'AUT'),
      citizen('r4', 1980, 'SIND'),
      citizen('r5', 1995, 'UH'),
      citizen('r6', 1970, 'SIND'),
      citizen('r7', 1985, 'HJERNE'),
      citizen('r8', 1975, 'MISBRUG'),
      citizen('r9', 1999, 'FYS'),
    ],
    grants: [
      grant('r1', '85', '2022-03-01', null), // throughout
      grant('r2', '107', '2024-02-01', '2024-05-31'), // first-ever grant; ends one grant ...
      grant('r2', '108', '2024-06-01', null), // ... and starts another: never ended
      grant('r3', '85', '2023-01-01', '2024-04-30'), // her last grant
      grant('r3', '97', '2023-06-01', '2024-03-31'),
      grant('r4', '85', '2024-08-01', '2024-10-31'), // new and ended in H2 2024
      grant('r5', '110', '2023-05-01', '2024-01-15'),
      grant('r5', '110', '2024-09-01', '2024-09-30'), // comes back: not ended in H1 2024
      grant('r6', '85', '2024-03-01', '2024-06-30'),
      grant('r6', '85', '2025-03-01', null), // exists only as of 2025-03-01 or later
      grant('r7', '101', '2021-01-01', '2023-12-31'), // ended the day before 2024
      grant('r9', '85', '2023-06-01', '2023-12-31'),
      // r8 has no grants
    ],
    postings: [
      { posting_id: 'p1', posting_date: '2023-12-31', function_code: '5.38.50', amount: 8_000, provider_id: null },
      { posting_id: 'p2', posting_date: '2024-03-15', function_code: '5.38.50', amount: 100_000, provider_id: null },
      { posting_id: 'p3', posting_date: '2024-09-10', function_code: '5.38.38', amount: 60_000, provider_id: null },
      { posting_id: 'p4', posting_date: '2024-11-01', function_code: '5.38.52', amount: -10_000, provider_id: null },
      { posting_id: 'p5', posting_date: '2025-02-01', function_code: '5.38.38', amount: 30_000, provider_id: null },
    ],
  });
});
afterAll(async () => {
  await testDb.dispose();
});

interface Options {
  by?: KpiQuery['by'];
  filters?: KpiFilters;
  asOf?: string;
  prices?: KpiQuery['prices'];
}

function query(options: Options) {
  return {
    asOf: options.asOf ?? '2024-12-31',
    by: options.by ?? null,
    filters: options.filters ?? {},
    prices: options.prices ?? { kind: 'current' },
    cohort: 'start',
  } as const;
}

function compute(from: string, to: string, options: Options = {}) {
  return computeOnePeriod(getRecipients, testDb.database, { ...query(options), period: { from, to } });
}

const close = (value: number) => expect.closeTo(value, 9);

/** A group row: per 1,000 is over all 2,000 inhabitants of 2024, and there is no unit cost. */
function group2024(group: string, recipients: number, newRecipients: number, endedRecipients: number) {
  return { group, values: { recipients, perThousand: close(recipients / 2), newRecipients, endedRecipients, unitCost: null } };
}

describe('K5 recipients', () => {
  it('counts H1 2024: recipients, per 1,000, new, ended and unit cost', async () => {
    const { rows } = await compute('2024-01-01', '2024-06-30');
    expect(rows).toEqual([
      {
        group: null,
        values: {
          // r1, r2, r3, r5 (until 01-15), r6; not r4 (starts 08-01), r7, r9 (ended 2023-12-31)
          recipients: 5,
          perThousand: close(2.5), // 5 × 1,000 / 2,000
          // r2 (first grant 2024-02-01), r6 (2024-03-01)
          newRecipients: 2,
          // r3 (last grant ended 04-30); r6 (06-30: her 2025 grant starts after the as-of date);
          // not r2 (108 runs on), not r5 (a later grant ends 09-30)
          endedRecipients: 2,
          unitCost: close(20_000), // 100,000 / 5
        },
      },
    ]);
  });

  it('reads the grants as they stand on the as-of date', async () => {
    // as of 2025-06-30, r6's grant from 2025-03-01 exists, so her last grant no longer ended in H1 2024
    const { rows } = await compute('2024-01-01', '2024-06-30', { asOf: '2025-06-30' });
    expect(rows[0]?.values).toMatchObject({ recipients: 5, newRecipients: 2, endedRecipients: 1 });
  });

  it('counts H2 2024 and the whole of 2024', async () => {
    const h2 = await compute('2024-07-01', '2024-12-31');
    expect(h2.rows[0]?.values).toEqual({
      recipients: 4, // r1, r2, r4, r5
      perThousand: close(2),
      newRecipients: 1, // r4
      endedRecipients: 2, // r4 (10-31), r5 (09-30)
      unitCost: close(12_500), // (60,000 − 10,000) / 4
    });
    const year = await compute('2024-01-01', '2024-12-31');
    expect(year.rows[0]?.values).toEqual({
      recipients: 6, // r1 … r6
      perThousand: close(3),
      newRecipients: 3, // r2, r4, r6
      endedRecipients: 4, // r3, r4, r5, r6
      unitCost: close(25_000), // 150,000 / 6
    });
  });

  it('takes the unit cost in fixed prices by each posting’s own year', async () => {
    // base 2025: 2024 postings × 104/100 → 156,000 / 6
    const year = await compute('2024-01-01', '2024-12-31', { prices: { kind: 'fixed', baseYear: 2025 } });
    expect(year.rows[0]?.values.unitCost).toEqual(close(26_000));
    // across the turn of the year: 8,000 × 104/80 + 100,000 × 104/100 = 10,400 + 104,000, over 7 recipients
    const span = await compute('2023-07-01', '2024-06-30', { prices: { kind: 'fixed', baseYear: 2025 } });
    expect(span.rows[0]?.values.unitCost).toEqual(close(114_400 / 7));
  });

  it('uses the population on 1 January of the year of the period end for per 1,000', async () => {
    // 2023-07-01 to 2024-06-30: r1, r2, r3, r5, r6, r7, r9 = 7 over 2024's 2,000 (not 2023's 1,000)
    const span = await compute('2023-07-01', '2024-06-30');
    expect(span.rows[0]?.values).toEqual({
      recipients: 7,
      perThousand: close(3.5),
      newRecipients: 2, // r2, r6 (r9's first grant started 2023-06-01)
      endedRecipients: 4, // r3 (2024-04-30), r6 (2024-06-30), r7, r9 (2023-12-31)
      unitCost: close(108_000 / 7), // 8,000 + 100,000
    });
    // 2023: r1, r3, r5, r7, r9 over 2023's 1,000
    const year2023 = await compute('2023-01-01', '2023-12-31');
    expect(year2023.rows[0]?.values).toEqual({
      recipients: 5,
      perThousand: close(5),
      newRecipients: 3, // r3, r5, r9
      endedRecipients: 2, // r7, r9
      unitCost: close(1_600), // 8,000 / 5
    });
    // no population for 2025: r1, r2, r6 (from 2025-03-01)
    const h1of2025 = await compute('2025-01-01', '2025-06-30', { asOf: '2025-06-30' });
    expect(h1of2025.rows[0]?.values).toEqual({
      recipients: 3,
      perThousand: null,
      newRecipients: 0,
      endedRecipients: 0,
      unitCost: close(10_000), // 30,000 / 3
    });
  });

  it('breaks down by target group, with per 1,000 over all inhabitants and no unit cost in the groups', async () => {
    const { rows } = await compute('2024-01-01', '2024-06-30', { by: 'targetGroup' });
    expect(rows).toEqual([
      { group: null, values: { recipients: 5, perThousand: close(2.5), newRecipients: 2, endedRecipients: 2, unitCost: close(20_000) } },
      group2024('AUT', 1, 0, 1), // r3
      group2024('SIND', 2, 1, 1), // r1, r6
      group2024('UH', 2, 1, 0), // r2, r5
    ]);
  });

  it('breaks down by age band on the period end', async () => {
    const h1 = await compute('2024-01-01', '2024-06-30', { by: 'ageBand' });
    expect(h1.rows.slice(1)).toEqual([
      group2024('18-24', 1, 1, 0), // r2, 24
      group2024('25-29', 1, 0, 0), // r5, 29
      group2024('30-49', 1, 0, 0), // r1, 34
      group2024('50-64', 1, 1, 1), // r6, 54
      group2024('65+', 1, 0, 1), // r3, 69
    ]);
    // r9 (born 1999) is 24 in 2023 ...
    const year2023 = await compute('2023-01-01', '2023-12-31', { by: 'ageBand' });
    expect(year2023.rows.map((row) => [row.group, row.values.recipients])).toEqual([
      [null, 5],
      ['18-24', 1], // r9
      ['25-29', 1], // r5, 28
      ['30-49', 2], // r1, 33; r7, 38
      ['65+', 1], // r3, 68
    ]);
    // ... and 25 at the end of a period ending in 2024, though her grant ended in 2023
    const span = await compute('2023-07-01', '2024-06-30', { by: 'ageBand' });
    expect(span.rows.map((row) => [row.group, row.values.recipients])).toEqual([
      [null, 7],
      ['18-24', 1], // r2
      ['25-29', 2], // r5, r9
      ['30-49', 2], // r1, r7
      ['50-64', 1], // r6
      ['65+', 1], // r3
    ]);
  });

  it('counts a citizen under every paragraph she has an active grant under', async () => {
    const { rows } = await compute('2024-01-01', '2024-06-30', { by: 'paragraph' });
    expect(rows).toEqual([
      // 5 citizens, although the groups add up to 7
      { group: null, values: { recipients: 5, perThousand: close(2.5), newRecipients: 2, endedRecipients: 2, unitCost: close(20_000) } },
      group2024('107', 1, 1, 0), // r2
      group2024('108', 1, 1, 0), // r2
      group2024('110', 1, 0, 0), // r5
      group2024('85', 3, 1, 2), // r1, r3, r6: new r6; ended r3, r6
      group2024('97', 1, 0, 1), // r3
    ]);
  });

  it('filters on paragraph, target group and age band, without a unit cost', async () => {
    const only85 = await compute('2024-01-01', '2024-06-30', { filters: { paragraph: ['85'] } });
    expect(only85.rows).toEqual([
      { group: null, values: { recipients: 3, perThousand: close(1.5), newRecipients: 1, endedRecipients: 2, unitCost: null } },
    ]);
    // r2 under § 108: new in H1 because her first-ever grant (§ 107, 2024-02-01) is; not new in H2
    const only108H1 = await compute('2024-01-01', '2024-06-30', { filters: { paragraph: ['108'] } });
    expect(only108H1.rows[0]?.values).toMatchObject({ recipients: 1, newRecipients: 1, endedRecipients: 0 });
    const only108H2 = await compute('2024-07-01', '2024-12-31', { filters: { paragraph: ['108'] } });
    expect(only108H2.rows[0]?.values).toMatchObject({ recipients: 1, newRecipients: 0, endedRecipients: 0 });

    const uhByParagraph = await compute('2024-01-01', '2024-06-30', { by: 'paragraph', filters: { targetGroup: ['UH'] } });
    expect(uhByParagraph.rows).toEqual([
      { group: null, values: { recipients: 2, perThousand: close(1), newRecipients: 1, endedRecipients: 0, unitCost: null } },
      group2024('107', 1, 1, 0),
      group2024('108', 1, 1, 0),
      group2024('110', 1, 0, 0),
    ]);
    const oldest = await compute('2024-01-01', '2024-06-30', { filters: { ageBand: ['65+'] } });
    expect(oldest.rows[0]?.values).toEqual({ recipients: 1, perThousand: close(0.5), newRecipients: 0, endedRecipients: 1, unitCost: null });
  });

  it('computes the twelve months of 2024 and the year in one call, empty months among them', async () => {
    const months = Array.from({ length: 12 }, (_, index) => {
      const month = String(index + 1).padStart(2, '0');
      return { from: `2024-${month}-01`, to: new Date(Date.UTC(2024, index + 1, 0)).toISOString().slice(0, 10) };
    });
    const periods = [...months, { from: '2024-01-01', to: '2024-12-31' }];
    const total = (recipients: number, newRecipients: number, endedRecipients: number, unitCost: number) => [
      { group: null, values: { recipients, perThousand: close(recipients / 2), newRecipients, endedRecipients, unitCost: close(unitCost) } },
    ];
    const all = await getRecipients(testDb.database.db, { ...query({}), periods });
    expect(all.map((result) => result.rows)).toEqual([
      total(3, 0, 0, 0), // January: r1, r3, r5 (until 01-15); no postings
      total(3, 1, 0, 0), // February: r1, r2 (new), r3
      total(4, 1, 0, 25_000), // March: and r6 (new); 100,000 / 4; r3's § 97 ends 03-31, her § 85 runs on
      total(4, 0, 1, 0), // April: r3's last grant ends 04-30
      total(3, 0, 0, 0), // May: r1, r2, r6; r2's § 107 ends 05-31 and her § 108 starts 06-01
      total(3, 0, 1, 0), // June: r6 ends 06-30 (her 2025 grant does not exist as of 2024-12-31)
      total(2, 0, 0, 0), // July: r1, r2
      total(3, 1, 0, 0), // August: and r4 (new)
      total(4, 0, 1, 15_000), // September: r5 is back until 09-30; 60,000 / 4
      total(3, 0, 1, 0), // October: r4 ends 10-31
      total(2, 0, 0, -5_000), // November: −10,000 / 2
      total(2, 0, 0, 0), // December
      total(6, 3, 4, 25_000), // the year, as computed alone
    ]);
    expect(all[12]).toEqual(await compute('2024-01-01', '2024-12-31'));

    // r3 (AUT) alone: § 85 until 04-30, § 97 until 03-31; nobody from May on, over 2024's 2,000 inhabitants
    const aut = await getRecipients(testDb.database.db, { ...query({ by: 'paragraph', filters: { targetGroup: ['AUT'] } }), periods });
    const r3 = (endedRecipients: number) => ({ recipients: 1, perThousand: close(0.5), newRecipients: 0, endedRecipients, unitCost: null });
    for (const index of [0, 1, 2]) {
      expect(aut[index]?.rows).toEqual([
        { group: null, values: r3(0) },
        { group: '85', values: r3(0) },
        { group: '97', values: r3(0) },
      ]);
    }
    expect(aut[3]?.rows).toEqual([
      { group: null, values: r3(1) },
      { group: '85', values: r3(1) },
    ]);
    for (const index of [4, 5, 6, 7, 8, 9, 10, 11]) {
      expect(aut[index]?.rows).toEqual([
        { group: null, values: { recipients: 0, perThousand: close(0), newRecipients: 0, endedRecipients: 0, unitCost: null } },
      ]);
    }
    expect(aut[12]?.rows).toEqual([
      { group: null, values: r3(1) },
      { group: '85', values: r3(1) },
      { group: '97', values: r3(1) },
    ]);
  });

  it('gives zero counts when nobody passes, and null rates without population or recipients', async () => {
    // r8 (MISBRUG) has no grants
    const nobody = await compute('2024-01-01', '2024-06-30', { by: 'targetGroup', filters: { targetGroup: ['MISBRUG'] } });
    expect(nobody.rows).toEqual([
      { group: null, values: { recipients: 0, perThousand: close(0), newRecipients: 0, endedRecipients: 0, unitCost: null } },
    ]);
    const empty = await compute('2010-01-01', '2010-12-31');
    expect(empty.rows).toEqual([
      { group: null, values: { recipients: 0, perThousand: null, newRecipients: 0, endedRecipients: 0, unitCost: null } },
    ]);
  });
});

describe('K5 drill to rows', () => {
  it('lists exactly the recipients the KPI counts, also under each paragraph and with filters', async () => {
    const compared = await expectDrillMatchesKpi(testDb.database, 'recipients', [
      { year: 2024, half: 1, asOf: '2024-12-31' },
      { year: 2024, asOf: '2024-12-31', by: 'paragraph' },
      { year: 2024, half: 2, asOf: '2024-12-31', by: 'ageBand', paragraph: '85,110' },
      { year: 2024, half: 1, asOf: '2025-06-30', by: 'targetGroup' },
    ]);
    expect(compared).toBeGreaterThan(20);
  });

  it('shows each recipient with the paragraphs of her grants active in the period', async () => {
    const drill = await drillAllShown(testDb.database, 'recipients', { year: 2024, half: 1, asOf: '2024-12-31' });
    expect(drill.rows).toEqual([
      { citizenId: 'r1', targetGroup: 'Sindslidelse', ageBand: '30–49 år', paragraphs: '85' },
      { citizenId: 'r2', targetGroup: 'Udviklingshæmning', ageBand: '18–24 år', paragraphs: '107, 108' },
      { citizenId: 'r3', targetGroup: 'Autisme', ageBand: '65 år og derover', paragraphs: '85, 97' },
      { citizenId: 'r5', targetGroup: 'Udviklingshæmning', ageBand: '25–29 år', paragraphs: '110' },
      { citizenId: 'r6', targetGroup: 'Sindslidelse', ageBand: '50–64 år', paragraphs: '85' },
    ]);
  });
});
