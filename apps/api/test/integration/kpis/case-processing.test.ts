/**
 * K1 case-processing on a hand-made dataset. Every expected value is worked out by hand in the
 * comments from the rows below (days = afgjort − modtaget in calendar days; percentile_cont at
 * position p·(n − 1) of the sorted days, interpolating linearly between neighbours).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCaseProcessing } from '../../../src/kpis/compute/get-case-processing.ts';
import type { KpiFilters, KpiQuery, ResolvedPeriod } from '../../../src/kpis/kpi-query.ts';
import { computeOnePeriod } from '../../helpers/compute-one-period.ts';
import { citizen, loadKpiDataset } from '../../helpers/kpi-dataset.ts';
import { drillAllShown, drillCell, expectDrillMatchesKpi } from '../../helpers/drill-check.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';

let testDb: TestDatabase;

function application(id: string, citizenId: string, paragraph: string, received: string, decided: string | null, decision: string | null) {
  return { application_id: id, citizen_id: citizenId, paragraph, received, decided, decision };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await loadKpiDataset(testDb.database, {
    citizens: [
      citizen('c1', 1990, 'UH'), // 34 in 2024, 35 in 2025: 30-49
      citizen('c2', 2000, 'SIND'), // 24 in 2024 (18-24), 25 in 2025 (25-29)
      citizen('c3', 1960, 'AUT'), // 64 in 2024 (50-64), 65 in 2025 (65+)
    ],
    // Shipped deadlines (migration 0002, valid from 2000-01-01): 85 = 56, 97 = 42, 101 = 14, 110 = 2.
    // § 85 gets a shorter deadline from 2024-03-01; § 83 has no deadline at all.
    deadlines: [{ paragraph: '85', valid_from: '2024-03-01', deadline_days: 30 }],
    applications: [
      // decided in H1 2024
      application('a1', 'c1', '85', '2024-01-10', '2024-02-09', 'bevilget'), // 30 days, deadline 56 → within
      application('a2', 'c1', '85', '2024-02-20', '2024-04-05', 'bevilget'), // 10 + 31 + 4 = 45 days, received before the change: 56 → within
      application('a3', 'c2', '85', '2024-03-05', '2024-04-10', 'bevilget'), // 26 + 10 = 36 days, new deadline 30 → not within
      application('a4', 'c2', '85', '2024-03-01', '2024-04-10', 'afslag'), // 31 + 9 = 40 days, received on valid_from: 30 → not within
      application('a5', 'c3', '83', '2024-01-05', '2024-01-15', 'afslag'), // 10 days, no deadline
      application('a6', 'c3', '101', '2024-06-01', '2024-06-15', 'henlagt'), // 14 days, deadline 14 → within (≤)
      // open at 2024-06-30
      application('a7', 'c1', '110', '2024-06-20', '2024-07-05', 'bevilget'), // decided after the end: open, 10 > 2 → past
      application('a8', 'c2', '97', '2024-05-01', null, null), // open, 30 + 30 = 60 > 42 → past
      application('a9', 'c3', '85', '2024-06-10', null, null), // open, 20 ≤ 30 → not past
      application('a12', 'c1', '83', '2024-01-20', null, null), // open, no deadline → never past
      application('a13', 'c3', '101', '2024-06-16', null, null), // open, 14 = 14, not > 14 → not past
      // outside H1 2024
      application('a10', 'c1', '85', '2023-11-01', '2023-12-15', 'bevilget'), // decided before the period
      application('a11', 'c1', '85', '2024-07-10', null, null), // received after the period end
      // decided in 2025, for the age on the decision date
      application('a14', 'c2', '85', '2024-12-01', '2025-01-20', 'bevilget'), // 30 + 20 = 50 days, deadline 30 → not within
      application('a15', 'c3', '85', '2024-12-20', '2025-01-10', 'bevilget'), // 12 + 9 = 21 days → within
    ],
  });
});
afterAll(async () => {
  await testDb.dispose();
});

type Options = { by?: KpiQuery['by']; filters?: KpiFilters };

function query(options: Options) {
  return { asOf: '2025-06-30', by: options.by ?? null, filters: options.filters ?? {}, prices: { kind: 'current' }, cohort: 'start' } as const;
}

function compute(from: string, to: string, options: Options = {}) {
  return computeOnePeriod(getCaseProcessing, testDb.database, { ...query(options), period: { from, to } });
}

function computeMany(periods: ResolvedPeriod[], options: Options = {}) {
  return getCaseProcessing(testDb.database.db, { ...query(options), periods });
}

const close = (value: number) => expect.closeTo(value, 9);

const NOTHING_DECIDED = { decided: 0, medianDays: null, p90Days: null, decidedWithDeadline: 0, withinDeadline: 0, withinDeadlineShare: null };

describe('K1 case-processing', () => {
  it('counts H1 2024: decided, percentiles, share within the deadline in force on modtaget, open and past deadline', async () => {
    const { rows } = await compute('2024-01-01', '2024-06-30');
    expect(rows).toEqual([
      {
        group: null,
        values: {
          // a1..a6 decided; sorted days 10, 14, 30, 36, 40, 45
          decided: 6,
          // position 0.5 · 5 = 2.5 → (30 + 36) / 2
          medianDays: close(33),
          // position 0.9 · 5 = 4.5 → 40 + 0.5 · (45 − 40)
          p90Days: close(42.5),
          // a5 (§ 83) has no deadline
          decidedWithDeadline: 5,
          // a1, a2 (old deadline 56), a6; not a3 (36 > 30), a4 (40 > 30)
          withinDeadline: 3,
          withinDeadlineShare: close(3 / 5),
          // a7 (decided after the end), a8, a9, a12, a13; not a11 (received later)
          openAtEnd: 5,
          // a7 (10 > 2), a8 (60 > 42)
          openPastDeadline: 2,
        },
      },
    ]);
  });

  it('breaks down by decision with the open applications as "uafgjort"', async () => {
    const { rows } = await compute('2024-01-01', '2024-06-30', { by: 'decision' });
    expect(rows.map((row) => row.group)).toEqual([null, 'afslag', 'bevilget', 'henlagt', 'uafgjort']);
    expect(rows[1]?.values).toEqual({
      // a5 (10), a4 (40): median 25, p90 at 0.9 → 10 + 0.9 · 30
      decided: 2, medianDays: close(25), p90Days: close(37),
      decidedWithDeadline: 1, withinDeadline: 0, withinDeadlineShare: close(0), openAtEnd: 0, openPastDeadline: 0,
    });
    expect(rows[2]?.values).toEqual({
      // a1 (30), a2 (45), a3 (36): sorted 30, 36, 45; p90 at 1.8 → 36 + 0.8 · 9
      decided: 3, medianDays: close(36), p90Days: close(43.2),
      decidedWithDeadline: 3, withinDeadline: 2, withinDeadlineShare: close(2 / 3), openAtEnd: 0, openPastDeadline: 0,
    });
    expect(rows[3]?.values).toEqual({
      decided: 1, medianDays: close(14), p90Days: close(14),
      decidedWithDeadline: 1, withinDeadline: 1, withinDeadlineShare: close(1), openAtEnd: 0, openPastDeadline: 0,
    });
    // a7 is open at the period end although it is later granted
    expect(rows[4]?.values).toEqual({ ...NOTHING_DECIDED, openAtEnd: 5, openPastDeadline: 2 });
  });

  it('breaks down by paragraph, including paragraphs with only open applications', async () => {
    const { rows } = await compute('2024-01-01', '2024-06-30', { by: 'paragraph' });
    expect(rows.map((row) => row.group)).toEqual([null, '101', '110', '83', '85', '97']);
    expect(rows[1]?.values).toEqual({
      // a6 decided (14 ≤ 14), a13 open but not past
      decided: 1, medianDays: close(14), p90Days: close(14),
      decidedWithDeadline: 1, withinDeadline: 1, withinDeadlineShare: close(1), openAtEnd: 1, openPastDeadline: 0,
    });
    expect(rows[2]?.values).toEqual({ ...NOTHING_DECIDED, openAtEnd: 1, openPastDeadline: 1 });
    // § 83 has no deadline: decided but neither with deadline nor past it
    expect(rows[3]?.values).toEqual({
      decided: 1, medianDays: close(10), p90Days: close(10),
      decidedWithDeadline: 0, withinDeadline: 0, withinDeadlineShare: null, openAtEnd: 1, openPastDeadline: 0,
    });
    expect(rows[4]?.values).toEqual({
      // a1 30, a3 36, a4 40, a2 45: median at 1.5 → 38; p90 at 2.7 → 40 + 0.7 · 5
      decided: 4, medianDays: close(38), p90Days: close(43.5),
      decidedWithDeadline: 4, withinDeadline: 2, withinDeadlineShare: close(2 / 4), openAtEnd: 1, openPastDeadline: 0,
    });
    expect(rows[5]?.values).toEqual({ ...NOTHING_DECIDED, openAtEnd: 1, openPastDeadline: 1 });
  });

  it('filters on target group and paragraph', async () => {
    const sind = await compute('2024-01-01', '2024-06-30', { filters: { targetGroup: ['SIND'] } });
    expect(sind.rows).toEqual([
      {
        group: null,
        values: {
          // c2: a3 (36), a4 (40) decided, neither within 30; p90 at 0.9 → 36 + 0.9 · 4; a8 open and past
          decided: 2, medianDays: close(38), p90Days: close(39.6),
          decidedWithDeadline: 2, withinDeadline: 0, withinDeadlineShare: close(0), openAtEnd: 1, openPastDeadline: 1,
        },
      },
    ]);
    const paragraphs = await compute('2024-01-01', '2024-06-30', { filters: { paragraph: ['85', '101'] } });
    expect(paragraphs.rows[0]?.values).toEqual({
      // 14, 30, 36, 40, 45: median 36; p90 at 3.6 → 40 + 0.6 · 5; open a9 and a13, neither past
      decided: 5, medianDays: close(36), p90Days: close(43),
      decidedWithDeadline: 5, withinDeadline: 3, withinDeadlineShare: close(3 / 5), openAtEnd: 2, openPastDeadline: 0,
    });
  });

  it('filters on the age on the decision date, and for open applications on the period end', async () => {
    // H1 2024: c2 is 24 → a3, a4 decided, a8 open
    const young2024 = await compute('2024-01-01', '2024-06-30', { filters: { ageBand: ['18-24'] } });
    expect(young2024.rows[0]?.values).toMatchObject({ decided: 2, openAtEnd: 1 });
    // H1 2025: c2 is 25, so a14 (received at 24, decided at 25) is not 18-24 ...
    const young2025 = await compute('2025-01-01', '2025-06-30', { filters: { ageBand: ['18-24'] } });
    expect(young2025.rows[0]?.values).toEqual({ ...NOTHING_DECIDED, openAtEnd: 0, openPastDeadline: 0 });
    // ... but 25-29, together with her open a8 (2024-05-01 to 2025-06-30 = 425 days > 42)
    const older2025 = await compute('2025-01-01', '2025-06-30', { filters: { ageBand: ['25-29'] } });
    expect(older2025.rows[0]?.values).toEqual({
      decided: 1, medianDays: close(50), p90Days: close(50),
      decidedWithDeadline: 1, withinDeadline: 0, withinDeadlineShare: close(0), openAtEnd: 1, openPastDeadline: 1,
    });
  });

  it('counts H1 2025 over applications received in earlier years', async () => {
    const { rows } = await compute('2025-01-01', '2025-06-30');
    expect(rows[0]?.values).toEqual({
      // a15 (21), a14 (50): median 35.5; p90 at 0.9 → 21 + 0.9 · 29
      decided: 2, medianDays: close(35.5), p90Days: close(47.1),
      // deadline 30 for both (received after 2024-03-01): a15 within, a14 not
      decidedWithDeadline: 2, withinDeadline: 1, withinDeadlineShare: close(1 / 2),
      // a8, a9, a11, a12, a13 still open; past: a8 (425 > 42), a9 (385 > 30), a11 (355 > 30), a13 (379 > 14)
      openAtEnd: 5, openPastDeadline: 4,
    });
  });

  it('reads a month: February 2024 (leap year)', async () => {
    const { rows } = await compute('2024-02-01', '2024-02-29');
    expect(rows[0]?.values).toEqual({
      // a1 decided 2024-02-09 after 30 days
      decided: 1, medianDays: close(30), p90Days: close(30),
      decidedWithDeadline: 1, withinDeadline: 1, withinDeadlineShare: close(1),
      // a2 (received 02-20, 9 days ≤ 56) and a12 (§ 83) open at 02-29
      openAtEnd: 2, openPastDeadline: 0,
    });
  });

  it('computes the twelve months of 2024 and the year in one call, empty months among them', async () => {
    const months = Array.from({ length: 12 }, (_, index) => {
      const month = String(index + 1).padStart(2, '0');
      return { from: `2024-${month}-01`, to: new Date(Date.UTC(2024, index + 1, 0)).toISOString().slice(0, 10) };
    });
    // c3 (AUT) alone: a5 decided 01-15, a6 decided 06-15, a9 open from 06-10, a13 from 06-16, a15 from 12-20
    const results = await computeMany([...months, { from: '2024-01-01', to: '2024-12-31' }], { by: 'paragraph', filters: { targetGroup: ['AUT'] } });
    expect(results).toHaveLength(13);
    const nothingOpen = { ...NOTHING_DECIDED, openAtEnd: 0, openPastDeadline: 0 };
    const a5 = { decided: 1, medianDays: close(10), p90Days: close(10), decidedWithDeadline: 0, withinDeadline: 0, withinDeadlineShare: null };
    // January: a5 (10 days, § 83 without a deadline); nothing open at 01-31
    expect(results[0]?.rows).toEqual([
      { group: null, values: { ...a5, openAtEnd: 0, openPastDeadline: 0 } },
      { group: '83', values: { ...a5, openAtEnd: 0, openPastDeadline: 0 } },
    ]);
    // February to May: nothing decided, nothing open — only the zero total row
    for (const index of [1, 2, 3, 4]) expect(results[index]?.rows).toEqual([{ group: null, values: nothingOpen }]);
    // June: a6 decided after 14 days (≤ 14); open at 06-30: a9 (20 ≤ 30) and a13 (14 ≤ 14), neither past
    const a6 = { decided: 1, medianDays: close(14), p90Days: close(14), decidedWithDeadline: 1, withinDeadline: 1, withinDeadlineShare: close(1) };
    expect(results[5]?.rows).toEqual([
      { group: null, values: { ...a6, openAtEnd: 2, openPastDeadline: 0 } },
      { group: '101', values: { ...a6, openAtEnd: 1, openPastDeadline: 0 } },
      { group: '85', values: { ...NOTHING_DECIDED, openAtEnd: 1, openPastDeadline: 0 } },
    ]);
    // July: nothing decided; at 07-31 a9 (51 > 30) and a13 (45 > 14) are past their deadlines
    expect(results[6]?.rows).toEqual([
      { group: null, values: { ...NOTHING_DECIDED, openAtEnd: 2, openPastDeadline: 2 } },
      { group: '101', values: { ...NOTHING_DECIDED, openAtEnd: 1, openPastDeadline: 1 } },
      { group: '85', values: { ...NOTHING_DECIDED, openAtEnd: 1, openPastDeadline: 1 } },
    ]);
    // December: a15 (received 12-20, 11 ≤ 30) joins them, not past
    expect(results[11]?.rows[0]?.values).toEqual({ ...NOTHING_DECIDED, openAtEnd: 3, openPastDeadline: 2 });
    // the year: a5 (10), a6 (14): median 12, p90 at 0.9 → 10 + 0.9 · 4; open at 12-31 as in December
    expect(results[12]?.rows).toEqual([
      {
        group: null,
        values: {
          decided: 2, medianDays: close(12), p90Days: close(13.6),
          decidedWithDeadline: 1, withinDeadline: 1, withinDeadlineShare: close(1), openAtEnd: 3, openPastDeadline: 2,
        },
      },
      // a13 open 198 days > 14
      { group: '101', values: { ...a6, openAtEnd: 1, openPastDeadline: 1 } },
      { group: '83', values: { ...a5, openAtEnd: 0, openPastDeadline: 0 } },
      // a9 (204 > 30) past, a15 (11) not
      { group: '85', values: { ...NOTHING_DECIDED, openAtEnd: 2, openPastDeadline: 1 } },
    ]);
    // each period as if computed alone
    expect(results[1]).toEqual(await compute('2024-02-01', '2024-02-29', { by: 'paragraph', filters: { targetGroup: ['AUT'] } }));
    expect(results[12]).toEqual(await compute('2024-01-01', '2024-12-31', { by: 'paragraph', filters: { targetGroup: ['AUT'] } }));
  });

  it('gives zero counts and null statistics for an empty period', async () => {
    const { rows } = await compute('2010-01-01', '2010-12-31', { by: 'paragraph' });
    expect(rows).toEqual([{ group: null, values: { ...NOTHING_DECIDED, openAtEnd: 0, openPastDeadline: 0 } }]);
  });
});

describe('K1 drill to rows', () => {
  const H1 = { year: 2024, half: 1, asOf: '2025-06-30' } as const;

  it('lists exactly the applications the KPI counts, in every cell of the period and its series', async () => {
    const compared = await expectDrillMatchesKpi(testDb.database, 'case-processing', [
      H1,
      { ...H1, by: 'decision' },
      { year: 2024, asOf: '2025-06-30', by: 'paragraph', targetGroup: 'UH,AUT' },
      { year: 2025, half: 1, asOf: '2025-06-30', ageBand: '25-29,65+' },
    ]);
    expect(compared).toBeGreaterThan(20);
  });

  it('shows why each application counts: decided in the period or open at its end, days and deadline', async () => {
    const drill = await drillAllShown(testDb.database, 'case-processing', H1);
    // decided a1..a6 and open a7 a8 a9 a12 a13, by date received
    expect(drill.rows.map((row) => row.applicationId)).toEqual(['a5', 'a1', 'a12', 'a2', 'a4', 'a3', 'a8', 'a6', 'a9', 'a13', 'a7']);
    const byId = new Map(drill.rows.map((row) => [row.applicationId, row]));
    expect(byId.get('a3')).toEqual({
      applicationId: 'a3', citizenId: 'c2', paragraph: '85', status: 'Afgjort i perioden', received: '2024-03-05',
      decided: '2024-04-10', decision: 'Bevilget', processingDays: 36, deadlineDays: 30, withinDeadline: false,
    });
    // § 83 has no deadline
    expect(byId.get('a5')).toMatchObject({ decision: 'Afslag', processingDays: 10, deadlineDays: null, withinDeadline: null });
    // decided after the period end: open at it, 10 days so far, past its 2-day deadline
    expect(byId.get('a7')).toEqual({
      applicationId: 'a7', citizenId: 'c1', paragraph: '110', status: 'Åben ved periodens slutning', received: '2024-06-20',
      decided: null, decision: null, processingDays: 10, deadlineDays: 2, withinDeadline: false,
    });
    // open 14 days with a 14-day deadline: not past it
    expect(byId.get('a13')).toMatchObject({ processingDays: 14, deadlineDays: 14, withinDeadline: true });
  });

  it('withholds the rows when a count they make readable is withheld (within the deadline: 3)', async () => {
    const drill = await drillCell(testDb.database, 'case-processing', H1);
    expect(drill).toMatchObject({ count: 11, suppressed: true, rows: [] });
    expect(drill.message).toMatch(/Afgjort inden for fristen er under 5/);
  });
});
