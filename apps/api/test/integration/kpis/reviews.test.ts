/**
 * K7 reviews on a hand-built dataset, read on D = the period end 2024-06-30. 2024 is a leap year,
 * so D − 365 = 2023-07-01 (due if started then) and D − 364 = 2023-07-02 (first day a review counts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReviews } from '../../../src/kpis/compute/get-reviews.ts';
import { citizen, grant, loadKpiDataset } from '../../helpers/kpi-dataset.ts';
import { drillAllShown, expectDrillMatchesKpi } from '../../helpers/drill-check.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { computePeriodRows, computeRows, H1_2024, yearAndMonths } from './compute-rows.ts';

let testDb: TestDatabase;

const compute = computeRows(getReviews, () => testDb.database);
const computePeriods = computePeriodRows(getReviews, () => testDb.database);

const r1 = grant('A', '85', '2023-07-01', null); // start = D − 365: due; reviewed D − 364
const r2 = grant('A', '85', '2023-07-02', null); // start = D − 364: not yet due
const r3 = grant('B', '108', '2020-01-01', null); // due; review on D − 365 is too old
const r4 = grant('B', '108', '2021-01-01', '2024-06-30'); // ends on D: active; review after D
const r5 = grant('C', '108', '2019-05-05', null); // due; reviewed exactly on D
const r6 = grant('C', '85', '2018-01-01', '2024-06-29'); // ended the day before D: not active
const r7 = grant('C', '110', '2024-07-01', null); // starts after D: not active
const r8 = grant('A', '85', '2024-06-30', null); // starts on D: not yet due
const r9 = grant('D', '107', '2022-02-02', null); // due; two reviews in the year, counted once

beforeAll(async () => {
  testDb = await createTestDatabase();
  await loadKpiDataset(testDb.database, {
    citizens: [
      citizen('A', 1994, 'SIND'), // 30 in 2024 (30-49), 29 in 2023
      citizen('B', 1950, 'UH'), // 74: 65+
      citizen('C', 1980, 'SIND'), // 44: 30-49
      citizen('D', 2001, 'AUT'), // 23: 18-24
    ],
    grants: [r1, r2, r3, r4, r5, r6, r7, r8, r9],
    reviews: [
      { grant_id: r1.grant_id, review_date: '2023-07-02' },
      { grant_id: r2.grant_id, review_date: '2024-01-01' },
      { grant_id: r3.grant_id, review_date: '2023-07-01' },
      { grant_id: r4.grant_id, review_date: '2024-07-01' },
      { grant_id: r5.grant_id, review_date: '2022-01-01' },
      { grant_id: r5.grant_id, review_date: '2024-06-30' },
      { grant_id: r6.grant_id, review_date: '2024-03-01' },
      { grant_id: r9.grant_id, review_date: '2023-08-01' },
      { grant_id: r9.grant_id, review_date: '2024-02-01' },
    ],
  });
});
afterAll(async () => {
  await testDb.dispose();
});

describe('K7 reviews', () => {
  it('counts due, reviewed and not-yet-due grants on the period end, with exact boundaries', async () => {
    // Active on D: r1 r2 r3 r4 r5 r8 r9. Due (start ≤ 2023-07-01): r1 r3 r4 r5 r9 = 5.
    // Reviewed in 2023-07-02 … 2024-06-30: r1 (07-02), r5 (on D), r9 (twice, once) = 3 → 3/5.
    // Not yet due: r2, r8 = 2.
    expect(await compute(...H1_2024)).toEqual([
      { group: null, values: { due: 5, reviewed: 3, reviewedShare: 0.6, notYetDue: 2 } },
    ]);
  });

  it('breaks down by paragraph, groups sorted by code', async () => {
    // 107: r9 → 1/1. 108: r3 r4 r5 due, r5 reviewed → 1/3. 85: r1 due and reviewed; r2 r8 not yet due.
    expect(await compute(...H1_2024, { by: 'paragraph' })).toEqual([
      { group: null, values: { due: 5, reviewed: 3, reviewedShare: 0.6, notYetDue: 2 } },
      { group: '107', values: { due: 1, reviewed: 1, reviewedShare: 1, notYetDue: 0 } },
      { group: '108', values: { due: 3, reviewed: 1, reviewedShare: expect.closeTo(1 / 3, 12), notYetDue: 0 } },
      { group: '85', values: { due: 1, reviewed: 1, reviewedShare: 1, notYetDue: 2 } },
    ]);
  });

  it('filters by target group and paragraph', async () => {
    // UH = B: r3, r4 due, neither reviewed in the year.
    expect(await compute(...H1_2024, { filters: { targetGroup: ['UH'] } })).toEqual([
      { group: null, values: { due: 2, reviewed: 0, reviewedShare: 0, notYetDue: 0 } },
    ]);
    expect(await compute(...H1_2024, { filters: { paragraph: ['85', '107'] } })).toEqual([
      { group: null, values: { due: 2, reviewed: 2, reviewedShare: 1, notYetDue: 2 } },
    ]);
  });

  it('filters by age band with the age on D', async () => {
    // 30-49 on 2024-06-30: A (30) and C (44): r1 r5 due and reviewed; r2 r8 not yet due.
    expect(await compute('2023-07-01', '2024-06-30', { filters: { ageBand: ['30-49'] } })).toEqual([
      { group: null, values: { due: 2, reviewed: 2, reviewedShare: 1, notYetDue: 2 } },
    ]);
    // A is 29 in 2023 but 30 on D: nobody is 25-29.
    expect(await compute('2023-07-01', '2024-06-30', { filters: { ageBand: ['25-29'] } })).toEqual([
      { group: null, values: { due: 0, reviewed: 0, reviewedShare: null, notYetDue: 0 } },
    ]);
  });

  it('moves with D: on 2024-06-29 r6 is still active and r8 not yet started', async () => {
    // D = 2024-06-29 (D − 365 = 2023-06-30, D − 364 = 2023-07-01). Active: r1 r2 r3 r4 r5 r6 r9.
    // Due: r3 r4 r5 r6 r9 (r1, r2 start after 2023-06-30). Reviewed 2023-07-01 … 2024-06-29:
    // r3 (07-01 now counts), r6 (2024-03-01), r9; r5's review on 2024-06-30 is after D → 3/5.
    // Not yet due: r1, r2.
    expect(await compute('2024-06-01', '2024-06-29')).toEqual([
      { group: null, values: { due: 5, reviewed: 3, reviewedShare: 0.6, notYetDue: 2 } },
    ]);
  });

  it('gives zeros and no share when nothing is active on D', async () => {
    expect(await compute('2015-01-01', '2015-12-31', { by: 'paragraph' })).toEqual([
      { group: null, values: { due: 0, reviewed: 0, reviewedShare: null, notYetDue: 0 } },
    ]);
  });

  it('reads 2024 and its month ends in one call, with an empty year in between', async () => {
    // 2024, January … June, 2015 (nothing active), July … December.
    const months = yearAndMonths(2024);
    const periods = [...months.slice(0, 7), { from: '2015-01-01', to: '2015-12-31' }, ...months.slice(7)];
    const results = await computePeriods(periods, { by: 'paragraph' });
    // 2024 = D 2024-12-31 (D − 365 = 2024-01-01, D − 364 = 2024-01-02). Active: r1 r2 r3 r5 r7 r8 r9.
    // Due: r1 r2 (85), r3 r5 (108), r9 (107); reviewed in 2024-01-02 … 12-31: r5 (06-30), r9
    // (02-01) — r2's review on 2024-01-01 is one day too early. Not yet due: r7 (110), r8 (85).
    expect(results[0]).toEqual([
      { group: null, values: { due: 5, reviewed: 2, reviewedShare: 0.4, notYetDue: 2 } },
      { group: '107', values: { due: 1, reviewed: 1, reviewedShare: 1, notYetDue: 0 } },
      { group: '108', values: { due: 2, reviewed: 1, reviewedShare: 0.5, notYetDue: 0 } },
      { group: '110', values: { due: 0, reviewed: 0, reviewedShare: null, notYetDue: 1 } },
      { group: '85', values: { due: 2, reviewed: 0, reviewedShare: 0, notYetDue: 1 } },
    ]);
    // January = D 2024-01-31 (D − 365 = 2023-01-31). Active: r1 r2 r3 r4 r5 r6 r9; due r3 r4 r5 r6
    // r9, reviewed since 2023-02-01: r3 (2023-07-01), r9 (2023-08-01); not yet due r1, r2.
    expect(results[1]?.[0]).toEqual({ group: null, values: { due: 5, reviewed: 2, reviewedShare: 0.4, notYetDue: 2 } });
    // June = D 2024-06-30, as in the first case.
    expect(results[6]?.[0]).toEqual({ group: null, values: { due: 5, reviewed: 3, reviewedShare: 0.6, notYetDue: 2 } });
    expect(results[7]).toEqual([{ group: null, values: { due: 0, reviewed: 0, reviewedShare: null, notYetDue: 0 } }]);
    // December = D 2024-12-31, the same as the year.
    expect(results[13]).toEqual(results[0]);
  });
});

describe('K7 drill to rows', () => {
  it('lists exactly the grants the KPI counts as due and not yet due, on the period end and every month-end', async () => {
    const compared = await expectDrillMatchesKpi(testDb.database, 'reviews', [
      { year: 2024, half: 1, asOf: '2024-06-30' },
      { year: 2024, asOf: '2024-12-31', by: 'paragraph' },
      { year: 2024, half: 1, asOf: '2024-06-30', by: 'paragraph', targetGroup: 'SIND', ageBand: '30-49' },
    ]);
    expect(compared).toBeGreaterThan(15);
  });

  it('shows each grant with its latest review up to D, its status and whether it was reviewed in time', async () => {
    const drill = await drillAllShown(testDb.database, 'reviews', { year: 2024, half: 1, asOf: '2024-06-30' });
    const due = (grantId: string, citizenId: string, paragraph: string, start: string, latestReview: string | null, reviewed: boolean) =>
      ({ grantId, citizenId, paragraph, start, latestReview, status: 'Forfalden', reviewed });
    const notYetDue = (grantId: string, citizenId: string, start: string, latestReview: string | null) =>
      ({ grantId, citizenId, paragraph: '85', start, latestReview, status: 'Endnu ikke forfalden', reviewed: null });
    // by citizen, then start
    expect(drill.rows).toEqual([
      due(r1.grant_id, 'A', '85', '2023-07-01', '2023-07-02', true),
      notYetDue(r2.grant_id, 'A', '2023-07-02', '2024-01-01'),
      notYetDue(r8.grant_id, 'A', '2024-06-30', null),
      due(r3.grant_id, 'B', '108', '2020-01-01', '2023-07-01', false), // reviewed on D − 365: one day too early
      due(r4.grant_id, 'B', '108', '2021-01-01', null, false), // its review lies after D
      due(r5.grant_id, 'C', '108', '2019-05-05', '2024-06-30', true),
      due(r9.grant_id, 'D', '107', '2022-02-02', '2024-02-01', true),
    ]);
  });
});
