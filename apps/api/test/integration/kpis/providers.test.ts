/**
 * K6 providers on a hand-built dataset. Expected values are worked out by hand in the comments.
 * Main period: H1 2024 = 2024-01-01 … 2024-06-30 = 31+29+31+30+31+30 = 182 days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProviders } from '../../../src/kpis/compute/get-providers.ts';
import { citizen, clearKpiDataset, grant, loadKpiDataset } from '../../helpers/kpi-dataset.ts';
import { drillAllShown, expectDrillMatchesKpi } from '../../helpers/drill-check.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { computePeriodRows, computeRows, H1_2024, yearAndMonths } from './compute-rows.ts';

let testDb: TestDatabase;

const compute = computeRows(getProviders, () => testDb.database);
const computePeriods = computePeriodRows(getProviders, () => testDb.database);

beforeAll(async () => {
  testDb = await createTestDatabase();
  // The shipped default P/L index gives way to round hand-made values.
  await clearKpiDataset(testDb.database);
  await loadKpiDataset(testDb.database, {
    priceIndex: [
      { year: 2023, index_value: 100 },
      { year: 2024, index_value: 110 },
    ],
    providers: [
      { provider_id: 'T1', name: 'Intern med pladser', operation: 'intern', paragraph: null, target_group: null, places: 2 },
      { provider_id: 'T2', name: 'Ekstern med pladser', operation: 'ekstern', paragraph: null, target_group: null, places: 1 },
      { provider_id: 'T3', name: 'Intern uden pladser', operation: 'intern', paragraph: null, target_group: null, places: null },
      { provider_id: 'T4', name: 'Ekstern med 0 pladser', operation: 'ekstern', paragraph: null, target_group: null, places: 0 },
    ],
    citizens: [
      citizen('C1', 1994, 'SIND'), // age 30 on 2024-06-30 (30-49), 29 in 2023 (25-29)
      citizen('C2', 1950, 'UH'), // 74: 65+
      citizen('C3', 1980, 'SIND'), // 44: 30-49
      citizen('C4', 2000, 'AUT'), // 24: 18-24
      citizen('C5', 1985, 'MISBRUG'),
    ],
    grants: [
      // C1 at T1: two overlapping grants → one run 2024-01-01 … 2024-02-10 = 31 + 10 = 41 days,
      // then a new run 2024-03-01 … 2024-06-30 = 31+30+31+30 = 122 days. 163 place-days.
      grant('C1', '108', '2023-06-01', '2024-01-31', { provider_id: 'T1' }),
      grant('C1', '108', '2024-01-15', '2024-02-10', { provider_id: 'T1' }),
      grant('C1', '108', '2024-03-01', null, { provider_id: 'T1' }),
      // C1 also at external T2, starting on the period's last day: 1 place-day.
      grant('C1', '107', '2024-06-30', '2024-12-31', { provider_id: 'T2' }),
      // C2 at T1: the §85 grant lies inside the §108 one → 2024-06-01 … 06-30 = 30 place-days.
      grant('C2', '108', '2024-06-01', null, { provider_id: 'T1' }),
      grant('C2', '85', '2024-06-10', '2024-06-20', { provider_id: 'T1' }),
      // C3 at T2: a grant ending the day before the period (not active) and a one-day grant on the
      // period's first day: 1 place-day.
      grant('C3', '107', '2023-01-01', '2023-12-31', { provider_id: 'T2' }),
      grant('C3', '107', '2024-01-01', '2024-01-01', { provider_id: 'T2' }),
      // C4: a grant without a provider (not part of K6) and one at T3 (internal, no places).
      grant('C4', '85', '2024-01-01', null),
      grant('C4', '104', '2024-02-01', '2024-02-29', { provider_id: 'T3' }),
      // C5 starts after the period: not active.
      grant('C5', '108', '2024-07-01', null, { provider_id: 'T4' }),
    ],
    postings: [
      { posting_id: 'P1', posting_date: '2024-01-15', function_code: '5.38.50', amount: 1000, provider_id: 'T1' },
      { posting_id: 'P2', posting_date: '2024-06-30', function_code: '5.38.50', amount: 500, provider_id: 'T1' },
      { posting_id: 'P3', posting_date: '2024-07-01', function_code: '5.38.50', amount: 9999, provider_id: 'T1' },
      { posting_id: 'P4', posting_date: '2023-12-31', function_code: '5.38.52', amount: 8888, provider_id: 'T2' },
      { posting_id: 'P5', posting_date: '2024-03-01', function_code: '5.38.52', amount: 2000, provider_id: 'T2' },
      { posting_id: 'P6', posting_date: '2024-04-01', function_code: '5.38.52', amount: -300, provider_id: 'T2' },
      { posting_id: 'P7', posting_date: '2024-02-01', function_code: '5.38.38', amount: 777, provider_id: null },
      { posting_id: 'P8', posting_date: '2024-05-05', function_code: '5.38.51', amount: 400, provider_id: 'T4' },
    ],
  });
});
afterAll(async () => {
  await testDb.dispose();
});

describe('K6 providers', () => {
  it('counts citizens at providers, internal ones and expenditure in H1 2024', async () => {
    // Citizens at a provider: C1, C2, C3, C4 = 4 (C4's grant without provider does not count,
    // C5 is not active). Internal: C1 (T1), C2 (T1), C4 (T3) = 3 → 3/4.
    // Expenditure: P1 1000 + P2 500 + P5 2000 + P6 −300 + P8 400 = 3600 (P3 after, P4 before,
    // P7 without provider).
    expect(await compute(...H1_2024)).toEqual([
      {
        group: null,
        values: { citizens: 4, expenditure: 3600, places: null, occupancy: null, internalCitizens: 3, internalShare: 0.75 },
      },
    ]);
  });

  it('breaks down by operation; a citizen at both kinds counts in both groups', async () => {
    // intern: C1, C2, C4 = 3, all internal; 1000 + 500 = 1500 kr.
    // ekstern: C1 (T2 on 06-30), C3 = 2, none internal; 2000 − 300 + 400 = 2100 kr.
    expect(await compute(...H1_2024, { by: 'operation' })).toEqual([
      { group: null, values: { citizens: 4, expenditure: 3600, places: null, occupancy: null, internalCitizens: 3, internalShare: 0.75 } },
      { group: 'ekstern', values: { citizens: 2, expenditure: 2100, places: null, occupancy: null, internalCitizens: 0, internalShare: 0 } },
      { group: 'intern', values: { citizens: 3, expenditure: 1500, places: null, occupancy: null, internalCitizens: 3, internalShare: 1 } },
    ]);
  });

  it('breaks down by provider with places and occupancy (overlapping grants are one place)', async () => {
    expect(await compute(...H1_2024, { by: 'provider' })).toEqual([
      { group: null, values: { citizens: 4, expenditure: 3600, places: null, occupancy: null, internalCitizens: 3, internalShare: 0.75 } },
      // T1: C1 163 + C2 30 = 193 place-days of 2 × 182 = 364.
      {
        group: 'T1',
        values: { citizens: 2, expenditure: 1500, places: 2, occupancy: expect.closeTo(193 / 364, 12), internalCitizens: 2, internalShare: 1 },
      },
      // T2: C1 1 + C3 1 = 2 place-days of 1 × 182.
      {
        group: 'T2',
        values: { citizens: 2, expenditure: 1700, places: 1, occupancy: expect.closeTo(2 / 182, 12), internalCitizens: 0, internalShare: 0 },
      },
      // T3 has no places: no occupancy; no postings: 0 kr.
      { group: 'T3', values: { citizens: 1, expenditure: 0, places: null, occupancy: null, internalCitizens: 1, internalShare: 1 } },
      // T4 occurs through its posting only; 0 places: no occupancy; no citizens: no share.
      { group: 'T4', values: { citizens: 0, expenditure: 400, places: 0, occupancy: null, internalCitizens: 0, internalShare: null } },
    ]);
  });

  it('filters by paragraph: only those grants count, also in occupancy; expenditure cannot be split', async () => {
    // §85 at a provider: only C2 at T1, 2024-06-10 … 06-20 = 11 place-days of 364.
    expect(await compute(...H1_2024, { by: 'provider', filters: { paragraph: ['85'] } })).toEqual([
      { group: null, values: { citizens: 1, expenditure: null, places: null, occupancy: null, internalCitizens: 1, internalShare: 1 } },
      {
        group: 'T1',
        values: { citizens: 1, expenditure: null, places: 2, occupancy: expect.closeTo(11 / 364, 12), internalCitizens: 1, internalShare: 1 },
      },
    ]);
  });

  it('filters by target group', async () => {
    // SIND: C1 (T1 intern, T2 ekstern), C3 (T2) = 2; internal C1 = 1 → 0.5.
    expect(await compute(...H1_2024, { filters: { targetGroup: ['SIND'] } })).toEqual([
      { group: null, values: { citizens: 2, expenditure: null, places: null, occupancy: null, internalCitizens: 1, internalShare: 0.5 } },
    ]);
  });

  it('filters by operation, for citizens and expenditure alike', async () => {
    // ekstern: C1, C3; postings at T2 and T4: 2000 − 300 + 400 = 2100.
    expect(await compute(...H1_2024, { filters: { operation: ['ekstern'] } })).toEqual([
      { group: null, values: { citizens: 2, expenditure: 2100, places: null, occupancy: null, internalCitizens: 0, internalShare: 0 } },
    ]);
  });

  it('filters by age band, with the age on the period end', async () => {
    // On 2024-06-30: C1 30, C3 44 → 30-49; C2 74 → 65+.
    const thirties = await compute(...H1_2024, { filters: { ageBand: ['30-49'] } });
    expect(thirties[0]?.values).toMatchObject({ citizens: 2, internalCitizens: 1, expenditure: null });
    const older = await compute(...H1_2024, { filters: { ageBand: ['65+'] } });
    expect(older[0]?.values).toMatchObject({ citizens: 1, internalCitizens: 1 });
    // 2023-07-01 … 2024-06-30: C1 is 29 on the first day but 30 on the last, so not 25-29.
    const twenties = await compute('2023-07-01', '2024-06-30', { filters: { ageBand: ['25-29'] } });
    expect(twenties[0]?.values).toMatchObject({ citizens: 0, internalCitizens: 0, internalShare: null });
  });

  it('converts expenditure to fixed prices year by year', async () => {
    // 2023-07-01 … 2024-06-30, base 2023 (index 2023 = 100, 2024 = 110):
    // ekstern: P4 8888 (2023, × 1) + (2000 − 300 + 400) × 100/110 = 8888 + 1909.0909…
    // intern: 1500 × 100/110 = 1363.6363…; total 8888 + 3600 × 100/110.
    const rows = await compute('2023-07-01', '2024-06-30', { by: 'operation', prices: { kind: 'fixed', baseYear: 2023 } });
    expect(rows.map((row) => [row.group, row.values.expenditure])).toEqual([
      [null, expect.closeTo(8888 + (3600 * 100) / 110, 6)],
      ['ekstern', expect.closeTo(8888 + (2100 * 100) / 110, 6)],
      ['intern', expect.closeTo((1500 * 100) / 110, 6)],
    ]);
    // C3's 2023 grant now counts too: ekstern still C1 and C3.
    expect(rows[1]?.values.citizens).toBe(2);
  });

  it('gives zero counts, 0 kr. and no shares for a period without data', async () => {
    expect(await compute('2020-01-01', '2020-12-31', { by: 'provider' })).toEqual([
      { group: null, values: { citizens: 0, expenditure: 0, places: null, occupancy: null, internalCitizens: 0, internalShare: null } },
    ]);
  });

  it('computes 2024, its months and an empty year in between in one call', async () => {
    // 2024, January … June, 2015 (no data), July … December.
    const months = yearAndMonths(2024);
    const periods = [...months.slice(0, 7), { from: '2015-01-01', to: '2015-12-31' }, ...months.slice(7)];
    const results = await computePeriods(periods, { by: 'provider' });
    expect(results).toHaveLength(14);
    const total = (citizens: number, expenditure: number, internalCitizens: number) => ({
      group: null,
      values: { citizens, expenditure, places: null, occupancy: null, internalCitizens, internalShare: internalCitizens / citizens },
    });
    // 2024 (366 days): C1–C5 at a provider, C1, C2, C4 internal. Postings P1 P2 P3 P5 P6 P8 = 13599 kr.
    // T1: C1 01-01 … 02-10 (41 days) and 03-01 … 12-31 (306) + C2 06-01 … 12-31 (214) = 561 of 2 × 366.
    // T2: C1 06-30 … 12-31 (185) + C3 01-01 (1) = 186 of 366. T4 (0 places): C5 from 07-01, P8 400 kr.
    expect(results[0]).toEqual([
      total(5, 13599, 3),
      { group: 'T1', values: { citizens: 2, expenditure: 11499, places: 2, occupancy: expect.closeTo(561 / 732, 12), internalCitizens: 2, internalShare: 1 } },
      { group: 'T2', values: { citizens: 2, expenditure: 1700, places: 1, occupancy: expect.closeTo(186 / 366, 12), internalCitizens: 0, internalShare: 0 } },
      { group: 'T3', values: { citizens: 1, expenditure: 0, places: null, occupancy: null, internalCitizens: 1, internalShare: 1 } },
      { group: 'T4', values: { citizens: 1, expenditure: 400, places: 0, occupancy: null, internalCitizens: 0, internalShare: 0 } },
    ]);
    // February (29 days): C1 at T1 02-01 … 02-10 = 10 place-days of 2 × 29; C4 at T3. No postings.
    expect(results[2]).toEqual([
      total(2, 0, 2),
      { group: 'T1', values: { citizens: 1, expenditure: 0, places: 2, occupancy: expect.closeTo(10 / 58, 12), internalCitizens: 1, internalShare: 1 } },
      { group: 'T3', values: { citizens: 1, expenditure: 0, places: null, occupancy: null, internalCitizens: 1, internalShare: 1 } },
    ]);
    // March: C1 at T1 all 31 days of 62; T2 only through P5: no citizens, an occupancy of 0.
    expect(results[3]).toEqual([
      total(1, 2000, 1),
      { group: 'T1', values: { citizens: 1, expenditure: 0, places: 2, occupancy: 0.5, internalCitizens: 1, internalShare: 1 } },
      { group: 'T2', values: { citizens: 0, expenditure: 2000, places: 1, occupancy: 0, internalCitizens: 0, internalShare: null } },
    ]);
    expect(results[7]).toEqual([
      { group: null, values: { citizens: 0, expenditure: 0, places: null, occupancy: null, internalCitizens: 0, internalShare: null } },
    ]);
    // December: T1 full with C1 and C2, T2 full with C1, C5 at T4; internal C1, C2 of 3.
    expect(results[13]).toEqual([
      total(3, 0, 2),
      { group: 'T1', values: { citizens: 2, expenditure: 0, places: 2, occupancy: 1, internalCitizens: 2, internalShare: 1 } },
      { group: 'T2', values: { citizens: 1, expenditure: 0, places: 1, occupancy: 1, internalCitizens: 0, internalShare: 0 } },
      { group: 'T4', values: { citizens: 1, expenditure: 0, places: 0, occupancy: null, internalCitizens: 0, internalShare: 0 } },
    ]);
  });
});

describe('K6 drill to rows', () => {
  it('lists exactly the citizens the KPI counts, in total, per operation and per provider', async () => {
    const compared = await expectDrillMatchesKpi(testDb.database, 'providers', [
      { year: 2024, half: 1, asOf: '2024-12-31' },
      { year: 2024, half: 1, asOf: '2024-12-31', by: 'operation' },
      { year: 2024, asOf: '2024-12-31', by: 'provider' },
      { year: 2024, half: 1, asOf: '2024-12-31', by: 'provider', paragraph: '108' },
      { year: 2024, half: 1, asOf: '2024-12-31', ageBand: '30-49,65+', operation: 'intern' },
    ]);
    expect(compared).toBeGreaterThan(20);
  });

  it('shows each citizen once with every provider she used in the period', async () => {
    const drill = await drillAllShown(testDb.database, 'providers', { year: 2024, half: 1, asOf: '2024-12-31' });
    expect(drill.rows).toEqual([
      { citizenId: 'C1', targetGroup: 'Sindslidelse', providers: 'Intern med pladser, Ekstern med pladser', operation: 'Ekstern, Intern' },
      { citizenId: 'C2', targetGroup: 'Udviklingshæmning', providers: 'Intern med pladser', operation: 'Intern' },
      { citizenId: 'C3', targetGroup: 'Sindslidelse', providers: 'Ekstern med pladser', operation: 'Ekstern' },
      { citizenId: 'C4', targetGroup: 'Autisme', providers: 'Intern uden pladser', operation: 'Intern' },
    ]);
  });
});
