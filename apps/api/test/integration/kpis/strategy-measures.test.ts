/**
 * The strategy measures outside K1–K8 on a hand-built dataset. Main period H1 2024 =
 * 2024-01-01 … 2024-06-30 (182 days); P/L index 2022 = 100, 2023 = 110, 2024 = 125.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStrategyMeasures } from '../../../src/kpis/compute/get-strategy-measures.ts';
import { citizen, clearKpiDataset, grant, loadKpiDataset } from '../../helpers/kpi-dataset.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { computePeriodRows, computeRows, H1_2024, yearAndMonths } from './compute-rows.ts';

let testDb: TestDatabase;

const compute = computeRows(getStrategyMeasures, () => testDb.database);
const computePeriods = computePeriodRows(getStrategyMeasures, () => testDb.database);

beforeAll(async () => {
  testDb = await createTestDatabase();
  // The shipped default P/L index gives way to round hand-made values.
  await clearKpiDataset(testDb.database);
  await loadKpiDataset(testDb.database, {
    priceIndex: [
      { year: 2022, index_value: 100 },
      { year: 2023, index_value: 110 },
      { year: 2024, index_value: 125 },
    ],
    providers: [
      { provider_id: 'TI', name: 'Internt', operation: 'intern', paragraph: null, target_group: null, places: 10 },
      { provider_id: 'TE', name: 'Eksternt', operation: 'ekstern', paragraph: null, target_group: null, places: null },
    ],
    citizens: [
      // Young formerly placed, §110 (age on the grant's start date):
      citizen('Y1', 2000, 'UDSAT', true), // two §110 starts in H1 at 24: counted once
      citizen('Y2', 1995, 'UDSAT', true), // starts 2024-01-01 at 29: counts
      citizen('Y3', 1994, 'UDSAT', true), // starts 2024-02-01 at 30: no
      citizen('Y4', 2006, 'UDSAT', true), // starts 2024-06-30 at 18: counts
      citizen('Y5', 2007, 'UDSAT', true), // 17: no
      citizen('Y6', 2000, 'UDSAT', false), // not formerly placed: no
      citizen('Y7', 2000, 'MISBRUG', null), // unknown: no
      citizen('Y8', 2000, 'UDSAT', true), // §110 started 2023-12-31 (23): not in H1
      citizen('Y9', 1994, 'UDSAT', true), // §110 2023-12-01 at 29, 30 in 2024
      // Older recipients (age on the period end):
      citizen('O1', 1959, 'SIND'), // 65 in 2024, 64 in 2023; internal
      citizen('O2', 1950, 'SIND'), // external in H1 2024; internal grant ended 2023-12-31
      citizen('O3', 1960, 'UH'), // 64: not older
      citizen('O4', 1940, 'UH'), // grant without a provider: not counted
      citizen('O5', 1945, 'UH'), // external and internal: counted once, internal
      citizen('O6', 1950, 'SIND'), // starts after H1
      citizen('N1', 1990, 'SIND'),
      citizen('N2', 1985, 'UH'),
    ],
    grants: [
      grant('Y1', '110', '2024-03-01', '2024-04-30'),
      grant('Y1', '110', '2024-05-01', null),
      grant('Y2', '110', '2024-01-01', null),
      grant('Y3', '110', '2024-02-01', null),
      grant('Y4', '110', '2024-06-30', null),
      grant('Y5', '110', '2024-04-01', null),
      grant('Y6', '110', '2024-03-01', null),
      grant('Y7', '110', '2024-03-01', null),
      grant('Y8', '110', '2023-12-31', null),
      grant('Y8', '85', '2024-02-01', null),
      grant('Y9', '110', '2023-12-01', '2023-12-20'),
      // Daily rates: H1 days in brackets.
      grant('O1', '108', '2020-01-01', null, { provider_id: 'TI', daily_rate: 1000 }), // [182]
      grant('O2', '108', '2024-02-01', '2024-02-10', { provider_id: 'TE', daily_rate: 3000 }), // [10]
      grant('O2', '108', '2019-01-01', '2023-12-31', { provider_id: 'TI', daily_rate: 9999 }), // not in H1
      grant('O3', '108', '2024-01-01', '2024-01-31', { provider_id: 'TI', daily_rate: 0 }), // [31], rate 0 counts
      grant('O4', '85', '2023-01-01', null),
      grant('O5', '104', '2023-05-01', null, { provider_id: 'TE' }), // no rate
      grant('O5', '108', '2024-06-21', null, { provider_id: 'TI', daily_rate: 2000 }), // [10]
      grant('O6', '108', '2024-07-01', null, { provider_id: 'TI', daily_rate: 5000 }),
      grant('N1', '82a', '2024-01-01', '2024-01-01'),
      grant('N1', '82a', '2023-06-01', null),
      grant('N1', '82a', '2024-07-01', null),
      grant('N2', '82a', '2024-06-30', null),
    ],
  });
});
afterAll(async () => {
  await testDb.dispose();
});

describe('strategy measures', () => {
  // Zero counts and no statistics: what a group or period without any of the events shows.
  const nothing = {
    youngFormerlyPlacedHomeless: 0, olderRecipients: 0, olderInternal: 0, olderInternalShare: null,
    grantsWithRate: 0, averageDailyRate: null, newGrants: 0, newGrants82a: 0, newGrants82aShare: null,
  };
  // Rate: (1000·182 + 3000·10 + 0·31 + 2000·10) / (182 + 10 + 31 + 10) = 232000 / 233.
  // New grants in H1: Y1 ×2, Y2, Y3, Y4, Y5, Y6, Y7, Y8 §85, O2 TE, O3, O5 TI, N1 (01-01), N2 (06-30)
  // = 14, of which §82a: N1, N2 = 2.
  const h1Total = {
    youngFormerlyPlacedHomeless: 3, // Y1, Y2, Y4
    olderRecipients: 3, // O1, O2, O5
    olderInternal: 2, // O1, O5
    olderInternalShare: expect.closeTo(2 / 3, 12),
    grantsWithRate: 4,
    averageDailyRate: expect.closeTo(232000 / 233, 9),
    newGrants: 14,
    newGrants82a: 2,
    newGrants82aShare: expect.closeTo(2 / 14, 12),
  };

  it('computes every measure for H1 2024 in current prices', async () => {
    expect(await compute(...H1_2024)).toEqual([{ group: null, values: h1Total }]);
  });

  it('converts the average daily rate with the factor of the period end year', async () => {
    // Base 2022: × index(2022) / index(2024) = 100 / 125.
    const rows = await compute(...H1_2024, { prices: { kind: 'fixed', baseYear: 2022 } });
    expect(rows).toEqual([{ group: null, values: { ...h1Total, averageDailyRate: expect.closeTo((232000 / 233) * 0.8, 9) } }]);
    // H2 2023 (184 days): O1 1000 and O2's internal 9999 → (1000 + 9999) / 2 = 5499.5 in 2023 prices,
    // × 100 / 110 in 2022 prices.
    const h2 = await compute('2023-07-01', '2023-12-31', { prices: { kind: 'fixed', baseYear: 2022 } });
    expect(h2[0]?.values.averageDailyRate).toBeCloseTo((5499.5 * 100) / 110, 9);
    expect(h2[0]?.values.grantsWithRate).toBe(2);
  });

  it('breaks down by target group', async () => {
    expect(await compute(...H1_2024, { by: 'targetGroup' })).toEqual([
      { group: null, values: h1Total },
      // MISBRUG: Y7's §110 is new; Y7 is not formerly placed.
      { group: 'MISBRUG', values: { ...nothing, newGrants: 1, newGrants82aShare: 0 } },
      // SIND: older O1 (internal), O2; rates O1 1000·182, O2 3000·10 → 212000 / 192;
      // new O2 TE, N1 §82a → 1/2.
      {
        group: 'SIND',
        values: {
          youngFormerlyPlacedHomeless: 0, olderRecipients: 2, olderInternal: 1, olderInternalShare: 0.5,
          grantsWithRate: 2, averageDailyRate: expect.closeTo(212000 / 192, 9), newGrants: 2, newGrants82a: 1, newGrants82aShare: 0.5,
        },
      },
      // UDSAT: Y1, Y2, Y4 young; new Y1 ×2, Y2, Y3, Y4, Y5, Y6, Y8 §85 = 8.
      { group: 'UDSAT', values: { ...nothing, youngFormerlyPlacedHomeless: 3, newGrants: 8, newGrants82aShare: 0 } },
      // UH: older O5 (internal); rates O3 0·31, O5 2000·10 → 20000 / 41; new O3, O5 TI, N2 §82a → 1/3.
      {
        group: 'UH',
        values: {
          youngFormerlyPlacedHomeless: 0, olderRecipients: 1, olderInternal: 1, olderInternalShare: 1,
          grantsWithRate: 2, averageDailyRate: expect.closeTo(20000 / 41, 9), newGrants: 3, newGrants82a: 1,
          newGrants82aShare: expect.closeTo(1 / 3, 12),
        },
      },
    ]);
  });

  it('filters by target group', async () => {
    // The total under the filter is the UDSAT group of the breakdown.
    expect(await compute(...H1_2024, { filters: { targetGroup: ['UDSAT'] } })).toEqual([
      { group: null, values: { ...nothing, youngFormerlyPlacedHomeless: 3, newGrants: 8, newGrants82aShare: 0 } },
    ]);
  });

  it('takes the age at the §110 start for the young and on the period end for the older', async () => {
    // 2023-07-01 … 2024-06-30: young also Y8 (23 on 2023-12-31) and Y9 (29 on 2023-12-01) → 5.
    const year = await compute('2023-07-01', '2024-06-30');
    expect(year[0]?.values).toMatchObject({ youngFormerlyPlacedHomeless: 5 });
    // H2 2023: O1 is 64 on 2023-12-31, so older are O2 (internal grant until 2023-12-31) and O5
    // (external only; the internal grant starts 2024-06-21) → 1 of 2.
    const h2 = await compute('2023-07-01', '2023-12-31');
    expect(h2[0]?.values).toMatchObject({ olderRecipients: 2, olderInternal: 1, olderInternalShare: 0.5 });
  });

  it('gives zero counts and no statistics for a period without grants', async () => {
    expect(await compute('2010-01-01', '2010-12-31', { by: 'targetGroup' })).toEqual([{ group: null, values: nothing }]);
  });

  it('computes 2024, its months and an empty year in between in one call', async () => {
    // 2024, January … June, 2010 (no grants), July … December.
    const months = yearAndMonths(2024);
    const periods = [...months.slice(0, 7), { from: '2010-01-01', to: '2010-12-31' }, ...months.slice(7)];
    const results = await computePeriods(periods);
    // 2024 (366 days), ages on 2024-12-31: young Y1, Y2, Y4. Older at a provider: O1 (TI), O2 (TE),
    // O5 (TE, TI), O6 (TI from 07-01); internal O1, O5, O6. Rates: O1 1000·366, O2 3000·10, O3 0·31,
    // O5 2000·194 (06-21 … 12-31), O6 5000·184 (07-01 … 12-31). New: H1's 14 + O6 and N1 §82a on
    // 07-01 = 16, §82a: N1 ×2, N2 = 3.
    expect(results[0]).toEqual([
      {
        group: null,
        values: {
          youngFormerlyPlacedHomeless: 3, olderRecipients: 4, olderInternal: 3, olderInternalShare: 0.75,
          grantsWithRate: 5, averageDailyRate: expect.closeTo(1704000 / 785, 9),
          newGrants: 16, newGrants82a: 3, newGrants82aShare: expect.closeTo(3 / 16, 12),
        },
      },
    ]);
    // February (29 days): older O1 (TI), O2 (TE 02-01 … 02-10), O5 (TE); rates O1 1000·29, O2 3000·10;
    // new Y3 (30: not young), Y8 §85, O2 TE.
    expect(results[2]).toEqual([
      {
        group: null,
        values: {
          youngFormerlyPlacedHomeless: 0, olderRecipients: 3, olderInternal: 1, olderInternalShare: expect.closeTo(1 / 3, 12),
          grantsWithRate: 2, averageDailyRate: expect.closeTo(59000 / 39, 9), newGrants: 3, newGrants82a: 0, newGrants82aShare: 0,
        },
      },
    ]);
    expect(results[7]).toEqual([{ group: null, values: nothing }]);
    // July (31 days): older O1, O5, O6, all internal; rates O1 1000, O5 2000, O6 5000 for 31 days
    // each → 8000 / 3; new O6 and N1 §82a.
    expect(results[8]).toEqual([
      {
        group: null,
        values: {
          youngFormerlyPlacedHomeless: 0, olderRecipients: 3, olderInternal: 3, olderInternalShare: 1,
          grantsWithRate: 3, averageDailyRate: expect.closeTo(8000 / 3, 9), newGrants: 2, newGrants82a: 1, newGrants82aShare: 0.5,
        },
      },
    ]);
  });
});
