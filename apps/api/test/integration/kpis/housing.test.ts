/**
 * K3 `housing` against hand-worked values. Boform on D (DESIGN §5): botilbud if any 105/107/108
 * grant is active on D, otherwise selvstændig bolig if any 85 grant is, otherwise not counted.
 * Age = year(D) − birth year. Young entering: aged 18–24 (year of start − birth year) on the start
 * of the earliest-ever 105/107/108 grant, which starts in the period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHousing } from '../../../src/kpis/compute/get-housing.ts';
import { computeOnePeriod, type OnePeriodQuery } from '../../helpers/compute-one-period.ts';
import { citizen, clearKpiDataset, grant, loadKpiDataset } from '../../helpers/kpi-dataset.ts';
import { drillAllShown, expectDrillMatchesKpi } from '../../helpers/drill-check.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.dispose();
});

function housingQuery(overrides: Partial<OnePeriodQuery> = {}): OnePeriodQuery {
  return {
    period: { from: '2024-01-01', to: '2024-06-30' },
    asOf: '2024-06-30',
    by: null,
    filters: {},
    prices: { kind: 'current' },
    cohort: 'start',
    ...overrides,
  };
}

const housing = (query: OnePeriodQuery) => computeOnePeriod(getHousing, testDb.database, query);

const row = (independent: number, residential: number, youngEntering: number) => ({
  independent,
  residential,
  total: independent + residential,
  independentShare: independent + residential === 0 ? null : independent / (independent + residential),
  youngEntering,
});

/*
 * D = 2024-06-30 (H1 2024). Per citizen: grants → boform on D, age on D (band), young entering?
 * A  1990 SIND    85 2023-01-01–open, 108 2024-03-01–open     → botilbud (85 and 108: botilbud only), 34 (30-49);
 *                                                               entry 2024-03-01 at 34 → no
 * B  2000 AUT     85 2024-01-01–2024-06-30 (end = D: active)   → selvstændig, 24 (18-24)
 * C  1960 UH      107 2024-01-01–2024-06-29 (ends day before D), 85 2023-05-01–open
 *                                                             → selvstændig, 64 (50-64); entry at 64 → no
 * E  2000 SIND    105 2024-06-30–open (start = D: active)      → botilbud, 24 (18-24); entry D at 24 → young
 * F  1950 FYS     85 2022-01-01–2024-06-29, 101 2024-01-01–open → not counted (101 is no boform)
 * G  2001 UDSAT   107 2023-11-01–2024-02-15, 108 2024-03-01–open → botilbud, 23 (18-24); entry 2023-11-01 → no
 * H  2002 MISBRUG 107 2024-02-01–2024-04-30                    → not counted on D; entry at 22 → young
 * I  2006 SIND    85 2024-06-01–open                           → selvstændig, 18 by year only (18-24)
 * J  2007 SIND    85 2024-06-01–open                           → selvstændig, 17 (0-17)
 * K  2006 AUT     107 2024-01-15–2024-03-31, 85 2024-04-01–open → selvstændig, 18 (18-24); entry at 18 → young
 * L  1999 SIND    105 2024-05-01–open                          → botilbud, 25 (25-29); entry at 25 → no
 * M  2000 UH      108 2023-12-31–open                          → botilbud, 24 (18-24); entry before the period → no
 * N  2004 SIND    107 2024-07-01–open                          → not counted (starts after D); entry after → no
 * Total: selvstændig B C I J K = 5, botilbud A E G L M = 5, young E H K = 3.
 */
const grants = [
  grant('A', '85', '2023-01-01', null),
  grant('A', '108', '2024-03-01', null),
  grant('B', '85', '2024-01-01', '2024-06-30'),
  grant('C', '107', '2024-01-01', '2024-06-29'),
  grant('C', '85', '2023-05-01', null),
  grant('E', '105', '2024-06-30', null),
  grant('F', '85', '2022-01-01', '2024-06-29'),
  grant('F', '101', '2024-01-01', null),
  grant('G', '107', '2023-11-01', '2024-02-15'),
  grant('G', '108', '2024-03-01', null),
  grant('H', '107', '2024-02-01', '2024-04-30'),
  grant('I', '85', '2024-06-01', null),
  grant('J', '85', '2024-06-01', null),
  grant('K', '107', '2024-01-15', '2024-03-31'),
  grant('K', '85', '2024-04-01', null),
  grant('L', '105', '2024-05-01', null),
  grant('M', '108', '2023-12-31', null),
  grant('N', '107', '2024-07-01', null),
];
const citizens = [
  citizen('A', 1990, 'SIND'),
  citizen('B', 2000, 'AUT'),
  citizen('C', 1960, 'UH'),
  citizen('E', 2000, 'SIND'),
  citizen('F', 1950, 'FYS'),
  citizen('G', 2001, 'UDSAT'),
  citizen('H', 2002, 'MISBRUG'),
  citizen('I', 2006, 'SIND'),
  citizen('J', 2007, 'SIND'),
  citizen('K', 2006, 'AUT'),
  citizen('L', 1999, 'SIND'),
  citizen('M', 2000, 'UH'),
  citizen('N', 2004, 'SIND'),
];

describe('housing (K3)', () => {
  beforeAll(async () => {
    await loadKpiDataset(testDb.database, { citizens, grants });
  });

  it('counts citizens by boform on the period end and the young entering botilbud', async () => {
    const result = await housing(housingQuery());
    // 5 selvstændig, 5 botilbud → total 10, share 5/10; young E H K
    expect(result.rows).toEqual([{ group: null, values: row(5, 5, 3) }]);
    expect(result.rows[0]?.values.independentShare).toBe(0.5);
  });

  it('reads the stock on a month-end with the grants active then', async () => {
    // D = 2024-03-31: A botilbud (108 from 03-01), B selvstændig, C botilbud (107 active), E none (105 from 06-30),
    // F selvstændig (85 to 06-29), G botilbud, H botilbud (107 to 04-30), I J none (from 06-01),
    // K botilbud (107 ends on D), L none, M botilbud, N none
    // → selvstændig B F = 2, botilbud A C G H K M = 6, share 2/8; young: first-ever entries in March: A at 34 → 0
    const result = await housing(housingQuery({ period: { from: '2024-03-01', to: '2024-03-31' } }));
    expect(result.rows).toEqual([{ group: null, values: row(2, 6, 0) }]);
    expect(result.rows[0]?.values.independentShare).toBe(0.25);
  });

  it('reads the stock on a day that is not a month-end', async () => {
    // D = 2024-06-29: C's 107 and F's 85 end on D (active); B's 85 runs to 06-30; E's 105 starts 06-30 → not yet
    // → selvstændig B F I J K = 5, botilbud A C G L M = 5; young: nobody's first entry in 06-01…06-29 (E's is 06-30)
    const june = await housing(housingQuery({ period: { from: '2024-06-01', to: '2024-06-29' }, asOf: '2024-06-29' }));
    expect(june.rows).toEqual([{ group: null, values: row(5, 5, 0) }]);

    // D = 2022-01-15: only F's 85 (from 2022-01-01) → selvstændig 1
    const early = await housing(housingQuery({ period: { from: '2022-01-01', to: '2022-01-15' } }));
    expect(early.rows).toEqual([{ group: null, values: row(1, 0, 0) }]);

    // D = 2025-03-15, long after the last change (N from 2024-07-01, B's end 06-30): the stock of July 2024 —
    // selvstændig C I J K = 4, botilbud A E G L M N = 6
    const later = await housing(housingQuery({ period: { from: '2025-03-01', to: '2025-03-15' }, asOf: '2025-03-15' }));
    expect(later.rows).toEqual([{ group: null, values: row(4, 6, 0) }]);
  });

  it('breaks down by target group, leaving out groups with nobody counted', async () => {
    const result = await housing(housingQuery({ by: 'targetGroup' }));
    expect(result.rows).toEqual([
      { group: null, values: row(5, 5, 3) },
      { group: 'AUT', values: row(2, 0, 1) }, // B K selvstændig; young K
      // FYS: F is not counted → no row
      { group: 'MISBRUG', values: row(0, 0, 1) }, // young H only; total 0 → share null
      { group: 'SIND', values: row(2, 3, 1) }, // I J selvstændig, A E L botilbud → 2/5; young E
      { group: 'UDSAT', values: row(0, 1, 0) }, // G botilbud → share 0
      { group: 'UH', values: row(1, 1, 0) }, // C selvstændig, M botilbud → 1/2
    ]);
    expect(result.rows[2]?.values.independentShare).toBeNull();
    expect(result.rows[3]?.values.independentShare).toBe(0.4);
  });

  it('breaks down by age band on D; the young entering by their age on the start date', async () => {
    const result = await housing(housingQuery({ by: 'ageBand' }));
    expect(result.rows).toEqual([
      { group: null, values: row(5, 5, 3) },
      { group: '0-17', values: row(1, 0, 0) }, // J (17)
      { group: '18-24', values: row(3, 3, 3) }, // B I K selvstændig, E G M botilbud; young E H K
      { group: '25-29', values: row(0, 1, 0) }, // L (25)
      { group: '30-49', values: row(0, 1, 0) }, // A (34)
      { group: '50-64', values: row(1, 0, 0) }, // C (64)
    ]);
  });

  it('filters by target group and by age band', async () => {
    // SIND + AUT: selvstændig B I J K = 4, botilbud A E L = 3 → 4/7; young E K = 2
    const byGroup = await housing(housingQuery({ filters: { targetGroup: ['SIND', 'AUT'] } }));
    expect(byGroup.rows).toEqual([{ group: null, values: row(4, 3, 2) }]);
    expect(byGroup.rows[0]?.values.independentShare).toBeCloseTo(4 / 7, 12);

    const young = await housing(housingQuery({ filters: { ageBand: ['18-24'] } }));
    expect(young.rows).toEqual([{ group: null, values: row(3, 3, 3) }]);

    // 25-29: L botilbud; nobody enters at 25-29 (young entering are 18-24 on the start date by definition)
    const older = await housing(housingQuery({ filters: { ageBand: ['25-29'] }, by: 'targetGroup' }));
    expect(older.rows).toEqual([
      { group: null, values: row(0, 1, 0) },
      { group: 'SIND', values: row(0, 1, 0) },
    ]);
  });

  it('gives zero counts and no share for a period before any grant', async () => {
    const result = await housing(
      housingQuery({ period: { from: '2010-01-01', to: '2010-12-31' }, by: 'targetGroup' }),
    );
    expect(result.rows).toEqual([{ group: null, values: { independent: 0, residential: 0, total: 0, independentShare: null, youngEntering: 0 } }]);
  });

  it('computes a year and its twelve months in one call, an empty period among them', async () => {
    const months = Array.from({ length: 12 }, (_, index) => ({
      from: `2024-${String(index + 1).padStart(2, '0')}-01`,
      to: new Date(Date.UTC(2024, index + 1, 0)).toISOString().slice(0, 10),
    }));
    // H1 2024 (the single-period case) last, the year first, 2010 between June and July
    const { period: firstHalf, ...rest } = housingQuery({ asOf: '2024-12-31', by: 'targetGroup' });
    const periods = [{ from: '2024-01-01', to: '2024-12-31' }, ...months.slice(0, 6), { from: '2010-01-01', to: '2010-12-31' }, ...months.slice(6), firstHalf];
    const results = await getHousing(testDb.database.db, { ...rest, periods });
    expect(results).toHaveLength(15);
    const totals = results.map((result) => result.rows[0]);
    // 2024 on 12-31: selvstændig C I J K, botilbud A E G L M N (107 from 07-01); young E H K N (G M entered in 2023)
    expect(totals[0]).toEqual({ group: null, values: row(4, 6, 4) });
    // January on 01-31: selvstændig A B F, botilbud C G K M; young K (18 on 01-15)
    expect(totals[1]).toEqual({ group: null, values: row(3, 4, 1) });
    // February on 02-29: G is between grants (107 to 02-15, 108 from 03-01) → not counted; H (107 from 02-01) botilbud;
    // selvstændig A B F, botilbud C H K M; young H (22 on 02-01)
    expect(totals[2]).toEqual({ group: null, values: row(3, 4, 1) });
    // March as in the single-period case
    expect(totals[3]).toEqual({ group: null, values: row(2, 6, 0) });
    // 2010, between June and July: nothing at all
    expect(results[7]?.rows).toEqual([{ group: null, values: row(0, 0, 0) }]);
    // July on 07-31: B's 85 ended 06-30, F's on 06-29, H's 107 on 04-30; C selvstændig again (107 ended 06-29);
    // N botilbud from 07-01 and young (20 on 07-01)
    expect(results[8]?.rows).toEqual([
      { group: null, values: row(4, 6, 1) },
      { group: 'AUT', values: row(1, 0, 0) }, // K
      { group: 'SIND', values: row(2, 4, 1) }, // I J selvstændig, A E L N botilbud; young N
      { group: 'UDSAT', values: row(0, 1, 0) }, // G
      { group: 'UH', values: row(1, 1, 0) }, // C selvstændig, M botilbud
    ]);
    // August and December: the same stock as July, nobody entering
    expect(totals[9]).toEqual({ group: null, values: row(4, 6, 0) });
    expect(totals[13]).toEqual({ group: null, values: row(4, 6, 0) });
    expect(totals[14]).toEqual({ group: null, values: row(5, 5, 3) });
  });
});

describe('housing (K3): drill to rows', () => {
  // Runs on the dataset above, before the next block replaces it.
  it('lists exactly the citizens the KPI counts by boform, on the period end and every month-end', async () => {
    const compared = await expectDrillMatchesKpi(testDb.database, 'housing', [
      { year: 2024, half: 1, asOf: '2024-06-30' },
      { year: 2024, asOf: '2024-12-31', by: 'targetGroup' },
      { year: 2024, half: 1, asOf: '2024-06-30', by: 'ageBand', targetGroup: 'SIND,AUT' },
      { from: '2024-01-01', to: '2024-06-15', asOf: '2024-06-30', ageBand: '18-24' },
    ]);
    expect(compared).toBeGreaterThan(20);
  });

  it('shows the boform of each citizen with the grants it rests on: botilbud before selvstændig bolig', async () => {
    const drill = await drillAllShown(testDb.database, 'housing', { year: 2024, half: 1, asOf: '2024-06-30' });
    expect(drill.rows.map((row) => [row.citizenId, row.boform])).toEqual([
      ['A', 'Botilbud'], ['B', 'Selvstændig bolig'], ['C', 'Selvstændig bolig'], ['E', 'Botilbud'], ['G', 'Botilbud'],
      ['I', 'Selvstændig bolig'], ['J', 'Selvstændig bolig'], ['K', 'Selvstændig bolig'], ['L', 'Botilbud'], ['M', 'Botilbud'],
    ]);
    expect(drill.rows[0]).toEqual({ citizenId: 'A', targetGroup: 'Sindslidelse', ageBand: '30–49 år', boform: 'Botilbud', paragraphs: '108, 85' });
  });
});

describe('housing (K3): young entering over a period longer than a year', () => {
  beforeAll(async () => {
    await clearKpiDataset(testDb.database);
    await loadKpiDataset(testDb.database, {
      citizens: [citizen('P', 1999, 'SIND'), citizen('Q', 2006, 'AUT'), citizen('R', 2000, 'UH')],
      grants: [
        // P: entry 2023-03-01 at 24 → young (18-24); on D = 2024-06-30 aged 25 with 85 → selvstændig, 25-29
        grant('P', '107', '2023-03-01', '2023-05-31'),
        grant('P', '85', '2023-06-01', null),
        // Q: entry 2023-02-01 at 17 → not young, though 18 on D; 108 active on D → botilbud, 18-24
        grant('Q', '108', '2023-02-01', null),
        // R: 107 entry 2024-01-10 at 24 → young; a later 105 is not an entry; ended before D → not in the stock
        grant('R', '107', '2024-01-10', '2024-02-10'),
        grant('R', '105', '2024-03-01', '2024-05-31'),
      ],
    });
  });

  it('uses the age on the start date, not on D', async () => {
    const period = { from: '2023-01-01', to: '2024-06-30' };
    const total = await housing(housingQuery({ period }));
    // selvstændig P, botilbud Q → 1/2; young P R = 2
    expect(total.rows).toEqual([{ group: null, values: row(1, 1, 2) }]);

    const byAge = await housing(housingQuery({ period, by: 'ageBand' }));
    expect(byAge.rows).toEqual([
      { group: null, values: row(1, 1, 2) },
      { group: '18-24', values: row(0, 1, 2) }, // Q (18 on D) botilbud; young P and R (24 on their start dates)
      { group: '25-29', values: row(1, 0, 0) }, // P (25 on D)
    ]);

    const filtered = await housing(housingQuery({ period, filters: { ageBand: ['25-29'] } }));
    expect(filtered.rows).toEqual([{ group: null, values: row(1, 0, 0) }]);
  });

  it('counts an entry only in the period of the earliest-ever botilbud grant', async () => {
    // 2024 H1: R's first-ever 105/107/108 grant starts 2024-01-10 → young 1; P's 2023 entry is outside
    const result = await housing(housingQuery());
    expect(result.rows[0]?.values.youngEntering).toBe(1);
    // 2024-03: R's 105 starts then, but it is not R's first → 0
    const march = await housing(housingQuery({ period: { from: '2024-03-01', to: '2024-03-31' } }));
    expect(march.rows[0]?.values).toEqual(row(1, 2, 0)); // on 03-31: P selvstændig, Q and R (105) botilbud
  });
});
