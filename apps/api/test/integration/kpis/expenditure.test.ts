/**
 * K2 expenditure on a hand-made dataset. Every expected value is worked out by hand in the
 * comments from the postings and budgets below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExpenditure } from '../../../src/kpis/compute/get-expenditure.ts';
import type { KpiQuery } from '../../../src/kpis/kpi-query.ts';
import { computeOnePeriod } from '../../helpers/compute-one-period.ts';
import { loadKpiDataset } from '../../helpers/kpi-dataset.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';

let testDb: TestDatabase;

let postingCounter = 0;
function posting(date: string, functionCode: string, amount: number) {
  postingCounter += 1;
  return { posting_id: `p${postingCounter}`, posting_date: date, function_code: functionCode, amount, provider_id: null };
}

function budget(year: number, functionCode: string, type: string, amount: number, reportedOn: string | null = null) {
  return { year, function_code: functionCode, budget_type: type, amount, reported_on: reportedOn };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  // The shipped P/L index (migration 0003) gives way to a round one that is easy to follow by hand.
  await testDb.database.db.deleteFrom('price_index').execute();
  await loadKpiDataset(testDb.database, {
    // P/L index: 2023 = 80, 2024 = 100
    priceIndex: [
      { year: 2023, index_value: 80 },
      { year: 2024, index_value: 100 },
    ],
    population: [
      { year: 2023, age: 30, inhabitants: 45_000 },
      { year: 2024, age: 30, inhabitants: 40_000 },
      { year: 2024, age: 70, inhabitants: 10_000 }, // 2024: 50,000 in all
    ],
    postings: [
      // 2024
      posting('2024-01-15', '5.38.50', 1_000_000),
      posting('2024-03-10', '5.38.50', 500_000),
      posting('2024-08-20', '5.38.50', -100_000), // a refund
      posting('2024-02-29', '5.38.38', 200_000),
      posting('2024-07-01', '5.38.38', 300_000),
      posting('2024-04-01', '5.38.52', 50_000),
      posting('2024-04-02', '5.38.52', -50_000), // nets to 0 but the function has postings
      // 2023
      posting('2023-02-10', '5.38.50', 800_000),
      posting('2023-09-10', '5.38.50', 400_000),
      posting('2023-02-28', '5.38.38', 250_000),
      posting('2023-05-05', '5.38.45', 40_000), // only a year earlier: in the total's growth, no row
      // 2025
      posting('2025-02-10', '5.38.38', 220_000),
    ],
    budgets: [
      budget(2023, '5.38.50', 'oprindeligt', 1_100_000),
      budget(2023, '5.38.50', 'korrigeret', 1_200_000),
      budget(2024, '5.38.50', 'oprindeligt', 1_300_000),
      budget(2024, '5.38.50', 'korrigeret', 1_400_000),
      budget(2024, '5.38.50', 'forventet', 1_350_000, '2024-03-31'),
      budget(2024, '5.38.50', 'forventet', 1_450_000, '2024-08-31'),
      budget(2024, '5.38.50', 'forventet', 1_500_000, '2025-01-31'),
      budget(2024, '5.38.38', 'oprindeligt', 450_000),
      budget(2024, '5.38.38', 'korrigeret', 480_000),
      budget(2024, '5.38.59', 'oprindeligt', 100_000), // a budget but no postings
      budget(2024, '5.38.59', 'korrigeret', 90_000),
      budget(2024, '5.38.59', 'forventet', 80_000, '2024-08-31'),
    ],
  });
});
afterAll(async () => {
  await testDb.dispose();
});

type Options = { by?: KpiQuery['by']; prices?: KpiQuery['prices'] };

function query(asOf: string, options: Options) {
  return { asOf, by: options.by ?? null, filters: {}, prices: options.prices ?? { kind: 'current' }, cohort: 'start' } as const;
}

function compute(from: string, to: string, asOf: string, options: Options = {}) {
  return computeOnePeriod(getExpenditure, testDb.database, { ...query(asOf, options), period: { from, to } });
}

const close = (value: number) => expect.closeTo(value, 9);

describe('K2 expenditure', () => {
  it('sums 2024 by function with budgets, the latest forecast, shares, growth and per inhabitant', async () => {
    const { rows } = await compute('2024-01-01', '2024-12-31', '2024-12-31', { by: 'function' });
    // 5.38.45 has postings only in 2023 and no budget: no row of its own
    expect(rows.map((row) => row.group)).toEqual([null, '5.38.38', '5.38.50', '5.38.52', '5.38.59']);
    expect(rows[0]?.values).toEqual({
      // 1,400,000 + 500,000 + 0
      amount: close(1_900_000),
      budgetOriginal: close(1_850_000), // 1,300,000 + 450,000 + 100,000
      budgetCorrected: close(1_970_000), // 1,400,000 + 480,000 + 90,000
      forecast: close(1_530_000), // 5.38.50's latest by 2024-12-31 (1,450,000) + 5.38.59's 80,000
      deviation: close(-440_000), // 1,530,000 − 1,970,000
      shareOfTotal: close(1),
      growth: close(1_900_000 / 1_490_000 - 1), // 2023: 1,200,000 + 250,000 + 40,000
      perInhabitant: close(38), // 1,900,000 / 50,000
    });
    expect(rows[1]?.values).toEqual({
      amount: close(500_000),
      budgetOriginal: close(450_000),
      budgetCorrected: close(480_000),
      forecast: null,
      deviation: null,
      shareOfTotal: close(500_000 / 1_900_000),
      growth: close(1), // 500,000 / 250,000 − 1
      perInhabitant: close(10),
    });
    expect(rows[2]?.values).toEqual({
      amount: close(1_400_000), // 1,000,000 + 500,000 − 100,000
      budgetOriginal: close(1_300_000),
      budgetCorrected: close(1_400_000),
      forecast: close(1_450_000), // reported 2024-08-31; the 2025-01-31 one is after the as-of date
      deviation: close(50_000),
      shareOfTotal: close(1_400_000 / 1_900_000),
      growth: close(1_400_000 / 1_200_000 - 1),
      perInhabitant: close(28),
    });
    expect(rows[3]?.values).toEqual({
      amount: close(0),
      budgetOriginal: null,
      budgetCorrected: null,
      forecast: null,
      deviation: null,
      shareOfTotal: close(0),
      growth: null, // no postings a year earlier
      perInhabitant: close(0),
    });
    expect(rows[4]?.values).toEqual({
      amount: close(0),
      budgetOriginal: close(100_000),
      budgetCorrected: close(90_000),
      forecast: close(80_000),
      deviation: close(-10_000),
      shareOfTotal: close(0),
      growth: null,
      perInhabitant: close(0),
    });
  });

  it('takes the latest forecast reported by the as-of date', async () => {
    const { rows } = await compute('2024-01-01', '2024-12-31', '2025-06-30', { by: 'function' });
    // 5.38.50: the forecast of 2025-01-31 now stands: 1,500,000 − 1,400,000
    expect(rows[2]?.values).toMatchObject({ forecast: close(1_500_000), deviation: close(100_000) });
    // total: 1,500,000 + 80,000 against 1,970,000
    expect(rows[0]?.values).toMatchObject({ forecast: close(1_580_000), deviation: close(-390_000) });
  });

  it('reads a half-year against the same half-year a year earlier', async () => {
    const { rows } = await compute('2024-01-01', '2024-06-30', '2024-06-30', { by: 'function' });
    expect(rows.map((row) => row.group)).toEqual([null, '5.38.38', '5.38.50', '5.38.52', '5.38.59']);
    expect(rows[0]?.values).toEqual({
      amount: close(1_700_000), // 1,500,000 + 200,000 + 0
      budgetOriginal: close(1_850_000),
      budgetCorrected: close(1_970_000),
      forecast: close(1_350_000), // only 5.38.50's forecast of 2024-03-31 exists by 2024-06-30
      deviation: close(-620_000),
      shareOfTotal: close(1),
      growth: close(1_700_000 / 1_090_000 - 1), // H1 2023: 800,000 + 250,000 + 40,000
      perInhabitant: close(34),
    });
    expect(rows[1]?.values).toMatchObject({ amount: close(200_000), growth: close(-0.2) }); // 200,000 / 250,000 − 1
    expect(rows[2]?.values).toMatchObject({
      amount: close(1_500_000),
      forecast: close(1_350_000),
      deviation: close(-50_000),
      growth: close(0.875), // 1,500,000 / 800,000 − 1
    });
    expect(rows[4]?.values).toMatchObject({ forecast: null, deviation: null });
  });

  it('converts to fixed prices with each amount’s own year (base 2024: 2023 amounts × 100/80)', async () => {
    const { rows } = await compute('2024-01-01', '2024-12-31', '2024-12-31', {
      by: 'function',
      prices: { kind: 'fixed', baseYear: 2024 },
    });
    // 2024 amounts and budgets keep factor 1; 2023: 5.38.50 1,500,000, 5.38.38 312,500, 5.38.45 50,000
    expect(rows[0]?.values).toMatchObject({ amount: close(1_900_000), growth: close(1_900_000 / 1_862_500 - 1) });
    expect(rows[1]?.values).toMatchObject({ amount: close(500_000), growth: close(0.6) }); // 500,000 / 312,500 − 1
    expect(rows[2]?.values).toMatchObject({ amount: close(1_400_000), growth: close(1_400_000 / 1_500_000 - 1) });
  });

  it('converts to fixed prices in base 2023 (2024 amounts and budgets × 80/100)', async () => {
    const { rows } = await compute('2024-01-01', '2024-12-31', '2024-12-31', {
      by: 'function',
      prices: { kind: 'fixed', baseYear: 2023 },
    });
    expect(rows[0]?.values).toEqual({
      amount: close(1_520_000), // 1,900,000 × 0.8
      budgetOriginal: close(1_480_000), // 1,850,000 × 0.8
      budgetCorrected: close(1_576_000), // 1,970,000 × 0.8
      forecast: close(1_224_000), // 1,530,000 × 0.8
      deviation: close(-352_000), // 1,224,000 − 1,576,000
      shareOfTotal: close(1),
      growth: close(1_520_000 / 1_490_000 - 1), // 2023 stays as it is
      perInhabitant: close(30.4), // 1,520,000 / 50,000
    });
    expect(rows[2]?.values).toMatchObject({
      amount: close(1_120_000),
      budgetCorrected: close(1_120_000),
      forecast: close(1_160_000),
      deviation: close(40_000),
      growth: close(1_120_000 / 1_200_000 - 1),
    });
  });

  it('compares a February with the whole February a year earlier, leap day included', async () => {
    const { rows } = await compute('2025-02-01', '2025-02-28', '2025-02-28', { by: 'function' });
    // only 5.38.38 has postings, so its row equals the total
    const onlyFunction = {
      amount: close(220_000),
      // no 2025 budgets
      budgetOriginal: null,
      budgetCorrected: null,
      forecast: null,
      deviation: null,
      shareOfTotal: close(1),
      growth: close(0.1), // 220,000 / 200,000 (posted 2024-02-29) − 1
      perInhabitant: null, // no population for 2025
    };
    expect(rows).toEqual([
      { group: null, values: onlyFunction },
      { group: '5.38.38', values: onlyFunction },
    ]);
  });

  it('computes the twelve months of 2024 and the year in one call, an empty period among them', async () => {
    const months = Array.from({ length: 12 }, (_, index) => {
      const month = String(index + 1).padStart(2, '0');
      return { from: `2024-${month}-01`, to: new Date(Date.UTC(2024, index + 1, 0)).toISOString().slice(0, 10) };
    });
    const empty = { from: '2010-01-01', to: '2010-12-31' };
    const year = { from: '2024-01-01', to: '2024-12-31' };
    const results = await getExpenditure(testDb.database.db, {
      ...query('2024-12-31', { by: 'function' }),
      periods: [...months.slice(0, 6), empty, ...months.slice(6), year],
    });
    expect(results).toHaveLength(14);
    // every 2024 period carries the year's budgets: 5.38.50 (forecast of 08-31), 5.38.38 (no forecast), 5.38.59
    const budgets = { budgetOriginal: close(1_850_000), budgetCorrected: close(1_970_000), forecast: close(1_530_000), deviation: close(-440_000) };
    const budget50 = { budgetOriginal: close(1_300_000), budgetCorrected: close(1_400_000), forecast: close(1_450_000), deviation: close(50_000) };
    const budget38 = { budgetOriginal: close(450_000), budgetCorrected: close(480_000), forecast: null, deviation: null };
    const budget59 = { budgetOriginal: close(100_000), budgetCorrected: close(90_000), forecast: close(80_000), deviation: close(-10_000) };
    // February: 5.38.38's 200,000 of 02-29 against February 2023: 5.38.38 250,000, 5.38.50 800,000
    expect(results[1]?.rows).toEqual([
      { group: null, values: { amount: close(200_000), ...budgets, shareOfTotal: close(1), growth: close(200_000 / 1_050_000 - 1), perInhabitant: close(4) } },
      { group: '5.38.38', values: { amount: close(200_000), ...budget38, shareOfTotal: close(1), growth: close(-0.2), perInhabitant: close(4) } },
      { group: '5.38.50', values: { amount: close(0), ...budget50, shareOfTotal: close(0), growth: close(-1), perInhabitant: close(0) } },
      { group: '5.38.59', values: { amount: close(0), ...budget59, shareOfTotal: close(0), growth: null, perInhabitant: close(0) } },
    ]);
    // April: 5.38.52 nets to 0, so there is no total to take shares of; nothing in April 2023
    const april = { amount: close(0), shareOfTotal: null, growth: null, perInhabitant: close(0) };
    expect(results[3]?.rows).toEqual([
      { group: null, values: { ...april, ...budgets } },
      { group: '5.38.38', values: { ...april, ...budget38 } },
      { group: '5.38.50', values: { ...april, ...budget50 } },
      { group: '5.38.52', values: { ...april, budgetOriginal: null, budgetCorrected: null, forecast: null, deviation: null } },
      { group: '5.38.59', values: { ...april, ...budget59 } },
    ]);
    // 2010 among them: no postings, budgets or population
    expect(results[6]?.rows).toEqual([
      {
        group: null,
        values: { amount: close(0), budgetOriginal: null, budgetCorrected: null, forecast: null, deviation: null, shareOfTotal: null, growth: null, perInhabitant: null },
      },
    ]);
    // August (after the empty period): 5.38.50's refund of 100,000; nothing in August 2023
    expect(results[8]?.rows[0]?.values).toEqual({ amount: close(-100_000), ...budgets, shareOfTotal: close(1), growth: null, perInhabitant: close(-2) });
    // the year as computed alone (1,900,000 in all)
    expect(results[13]?.rows[0]?.values).toMatchObject({ amount: close(1_900_000), growth: close(1_900_000 / 1_490_000 - 1) });
    expect(results[13]).toEqual(await compute('2024-01-01', '2024-12-31', '2024-12-31', { by: 'function' }));
  });

  it('gives only the total row without a breakdown, and zero or null for an empty period', async () => {
    const total = await compute('2024-01-01', '2024-12-31', '2024-12-31');
    expect(total.rows).toHaveLength(1);
    expect(total.rows[0]?.values).toMatchObject({ amount: close(1_900_000), perInhabitant: close(38) });

    const empty = await compute('2010-01-01', '2010-12-31', '2024-12-31', { by: 'function' });
    expect(empty.rows).toEqual([
      {
        group: null,
        values: {
          amount: close(0),
          budgetOriginal: null,
          budgetCorrected: null,
          forecast: null,
          deviation: null,
          shareOfTotal: null,
          growth: null,
          perInhabitant: null,
        },
      },
    ]);
  });
});
