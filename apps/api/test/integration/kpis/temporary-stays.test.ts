/**
 * K4 `temporary-stays` against hand-worked values. Stays (DESIGN §6 K4): a citizen's §107 grants
 * merge when the next starts no later than the day after the stay so far ends; built from the
 * grants as they stand on the as-of date D. Ended length = end − start + 1; a stay running on D
 * is censored at D − start + 1. Notation: "91e" ended after 91 days, "306c" censored at 306.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTemporaryStays } from '../../../src/kpis/compute/get-temporary-stays.ts';
import type { KpiRow } from '../../../src/kpis/kpi-query.ts';
import { computeOnePeriod, type OnePeriodQuery } from '../../helpers/compute-one-period.ts';
import { citizen, grant, loadKpiDataset } from '../../helpers/kpi-dataset.ts';
import { drillAllShown, expectDrillMatchesKpi } from '../../helpers/drill-check.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  await loadKpiDataset(testDb.database, {
    citizens: [
      citizen('S1', 1980, 'SIND'),
      citizen('S2', 1985, 'SIND'),
      citizen('S3', 1990, 'AUT'),
      citizen('S4', 1995, 'AUT'),
      citizen('S5', 1970, 'UH'),
      citizen('S6', 1975, 'UH'),
      citizen('S7', 1988, 'SIND'),
      citizen('S8', 1960, 'FYS'),
      citizen('S9', 1965, 'FYS'),
      citizen('S10', 1990, 'SIND'),
    ],
    providers: [
      { provider_id: 'P1', name: 'Internt bosted', operation: 'intern', paragraph: '107' },
      { provider_id: 'P2', name: 'Eksternt bosted', operation: 'ekstern', paragraph: '107' },
    ],
    grants: [
      // S1: re-grant the day after the end, at another provider → one stay 2024-01-01–03-31 = 31+29+31 = 91e, intern
      grant('S1', '107', '2024-01-01', '2024-01-31', { provider_id: 'P1' }),
      grant('S1', '107', '2024-02-01', '2024-03-31', { provider_id: 'P2' }),
      // S2: two-day gap (01-21 uncovered) → two stays: 01-10–01-20 = 11e intern; 01-22–02-10 = 10+10 = 20e ekstern
      grant('S2', '107', '2024-01-10', '2024-01-20', { provider_id: 'P1' }),
      grant('S2', '107', '2024-01-22', '2024-02-10', { provider_id: 'P2' }),
      // S3: running since 2023-06-01 → censored at D − start + 1 = 366 (to 2024-05-31) + 214 (June–Dec) = 580c, ekstern
      grant('S3', '107', '2023-06-01', null, { provider_id: 'P2' }),
      // S4: ends after D → running on D, censored at 2024-03-01…2024-12-31 = 306c; no provider → 'ukendt'
      grant('S4', '107', '2024-03-01', '2025-02-28'),
      // S5: ends on D → ended, 2024-11-01…12-31 = 61e intern; the re-grant starting after D is left out
      grant('S5', '107', '2024-11-01', '2024-12-31', { provider_id: 'P1' }),
      grant('S5', '107', '2025-01-01', null, { provider_id: 'P1' }),
      // S6: starts after D → no stay at all
      grant('S6', '107', '2025-02-01', null, { provider_id: 'P1' }),
      // S7: overlaps, a grant inside, and a re-grant the day after the running latest end (03-31, not the
      // previous grant's 02-15) → one stay 2022-01-01–2023-04-30 = 365 + 120 = 485e, intern
      grant('S7', '107', '2022-01-01', '2022-12-31', { provider_id: 'P1' }),
      grant('S7', '107', '2022-06-01', '2023-03-31', { provider_id: 'P2' }),
      grant('S7', '107', '2023-01-15', '2023-02-15', { provider_id: 'P2' }),
      grant('S7', '107', '2023-04-01', '2023-04-30', { provider_id: 'P2' }),
      // S8: running since 2021-01-01 → 365+365+365+366 = 1461c, ekstern, over 730
      grant('S8', '107', '2021-01-01', null, { provider_id: 'P2' }),
      // S9: running since 2023-01-02 → 364 + 366 = 730c, intern, not over 730
      grant('S9', '107', '2023-01-02', null, { provider_id: 'P1' }),
      // S10: §85 and §108 are not temporary stays
      grant('S10', '85', '2024-01-01', null),
      grant('S10', '108', '2024-02-01', null, { provider_id: 'P1' }),
    ],
  });
});
afterAll(async () => {
  await testDb.dispose();
});

const YEAR_2024 = { from: '2024-01-01', to: '2024-12-31' };

function staysQuery(overrides: Partial<OnePeriodQuery> = {}): OnePeriodQuery {
  return {
    period: YEAR_2024,
    asOf: '2024-12-31',
    by: null,
    filters: {},
    prices: { kind: 'current' },
    cohort: 'start',
    ...overrides,
  };
}

const temporaryStays = (query: OnePeriodQuery) => computeOnePeriod(getTemporaryStays, testDb.database, query);

interface Expected {
  stays: number;
  ended: number;
  medianDays: number | null;
  endedWithin365Share: number | null;
  meanEndedDays: number | null;
  runningOnAsOf: number;
  runningOver730: number;
}

/** Shares and means are compared to 12 decimals (products of fractions in floating point). */
function expectRows(actual: KpiRow[], expected: [string | null, Expected][]): void {
  expect(actual.map((row) => row.group)).toEqual(expected.map(([group]) => group));
  actual.forEach((row, index) => {
    const values = expected[index]?.[1];
    expect(Object.keys(row.values).sort()).toEqual(Object.keys(values ?? {}).sort());
    for (const [measure, value] of Object.entries(values ?? {})) {
      if (value === null) expect(row.values[measure], `${row.group} ${measure}`).toBeNull();
      else expect(row.values[measure], `${row.group} ${measure}`).toBeCloseTo(value, 12);
    }
  });
}

describe('temporary-stays (K4)', () => {
  it('measures the stays starting in the period (cohort=start)', async () => {
    const result = await temporaryStays(staysQuery());
    // 2024 starts: S1 91e, S2 11e and 20e, S4 306c, S5 61e → 5 stays, 4 ended
    // KM: t=11 4/5 = 0.8; t=20 ·3/4 = 0.6; t=61 ·2/3 = 0.4 → median 61; t=91 ·1/2 = 0.2; S(365) = 0.2
    // mean of ended (11+20+61+91)/4 = 45.75; running on D: S4 (306 days, not over 730)
    expectRows(result.rows, [
      [null, { stays: 5, ended: 4, medianDays: 61, endedWithin365Share: 0.8, meanEndedDays: 45.75, runningOnAsOf: 1, runningOver730: 0 }],
    ]);
    expect(result.notReached).toEqual([]);
    expect(result.survivalCurve?.stays).toBe(5);
    const points = result.survivalCurve?.points ?? [];
    expect(points.map((point) => point.day)).toEqual([0, 11, 20, 61, 91, 306]);
    [1, 0.8, 0.6, 0.4, 0.2, 0.2].forEach((survival, index) => expect(points[index]?.survival).toBeCloseTo(survival, 12));
  });

  it('measures every stay active in the period (cohort=active), censoring the running ones', async () => {
    const result = await temporaryStays(staysQuery({ cohort: 'active' }));
    // active in 2024: the five above + S3 580c, S8 1461c, S9 730c; S7 ended 2023-04-30 is not → 8 stays
    // KM: 11 → 7/8; 20 → 6/8; 61 → 5/8; 91 → 4/8 = 0.5 exactly → median 91; S(365) = 0.5
    // running: S3 S4 S8 S9 = 4; over 730: S8 (1461); S9 is exactly 730 → not over
    expectRows(result.rows, [
      [null, { stays: 8, ended: 4, medianDays: 91, endedWithin365Share: 0.5, meanEndedDays: 45.75, runningOnAsOf: 4, runningOver730: 1 }],
    ]);
  });

  it('merges overlapping grants against the running latest end into one stay', async () => {
    // 2022 starts: S7 only, one stay of 485e → median 485; S(365) = 1 → share 0
    const result = await temporaryStays(staysQuery({ period: { from: '2022-01-01', to: '2022-12-31' } }));
    expectRows(result.rows, [
      [null, { stays: 1, ended: 1, medianDays: 485, endedWithin365Share: 0, meanEndedDays: 485, runningOnAsOf: 0, runningOver730: 0 }],
    ]);
  });

  it('builds the stays as they stand on the as-of date', async () => {
    // D = 2025-01-31: S5's re-grant from 2025-01-01 now merges → one running stay, 2024-11-01…2025-01-31 = 92c;
    // S4 (ends 2025-02-28) still running → 2024-03-01…2025-01-31 = 337c; S6 (2025-02-01) still left out
    // 2024 starts: 11e 20e 91e 92c 337c → t=11 4/5; t=20 3/5; t=91 at risk 3 → 3/5·2/3 = 2/5 → median 91
    // S(365) = 2/5 → share 3/5; mean (11+20+91)/3 = 122/3; running S4 S5 = 2
    const result = await temporaryStays(staysQuery({ asOf: '2025-01-31' }));
    expectRows(result.rows, [
      [null, { stays: 5, ended: 3, medianDays: 91, endedWithin365Share: 0.6, meanEndedDays: 122 / 3, runningOnAsOf: 2, runningOver730: 0 }],
    ]);
  });

  it('breaks down by target group and lists the groups whose median is not reached', async () => {
    const result = await temporaryStays(staysQuery({ by: 'targetGroup' }));
    // AUT: S4 306c → no events: median not reached, S(365) = 1 → share 0
    // SIND: S1 91e, S2 11e 20e → t=11 2/3, t=20 1/3 → median 20; S(365) = 0 → share 1; mean 122/3
    // UH: S5 61e → median 61
    expectRows(result.rows, [
      [null, { stays: 5, ended: 4, medianDays: 61, endedWithin365Share: 0.8, meanEndedDays: 45.75, runningOnAsOf: 1, runningOver730: 0 }],
      ['AUT', { stays: 1, ended: 0, medianDays: null, endedWithin365Share: 0, meanEndedDays: null, runningOnAsOf: 1, runningOver730: 0 }],
      ['SIND', { stays: 3, ended: 3, medianDays: 20, endedWithin365Share: 1, meanEndedDays: 122 / 3, runningOnAsOf: 0, runningOver730: 0 }],
      ['UH', { stays: 1, ended: 1, medianDays: 61, endedWithin365Share: 1, meanEndedDays: 61, runningOnAsOf: 0, runningOver730: 0 }],
    ]);
    expect(result.notReached).toEqual(['AUT']);
    // the curve is always the total's
    expect(result.survivalCurve?.stays).toBe(5);
  });

  it('breaks down by the operation of the provider of the stay\'s first grant', async () => {
    const result = await temporaryStays(staysQuery({ by: 'operation' }));
    // ekstern: S2's second stay 20e (first grant at P2)
    // intern: S1 91e (first grant at P1, then P2), S2 11e, S5 61e → t=11 2/3, t=61 1/3 → median 61; mean 163/3
    // ukendt: S4 306c (no provider) → not reached
    expectRows(result.rows, [
      [null, { stays: 5, ended: 4, medianDays: 61, endedWithin365Share: 0.8, meanEndedDays: 45.75, runningOnAsOf: 1, runningOver730: 0 }],
      ['ekstern', { stays: 1, ended: 1, medianDays: 20, endedWithin365Share: 1, meanEndedDays: 20, runningOnAsOf: 0, runningOver730: 0 }],
      ['intern', { stays: 3, ended: 3, medianDays: 61, endedWithin365Share: 1, meanEndedDays: 163 / 3, runningOnAsOf: 0, runningOver730: 0 }],
      ['ukendt', { stays: 1, ended: 0, medianDays: null, endedWithin365Share: 0, meanEndedDays: null, runningOnAsOf: 1, runningOver730: 0 }],
    ]);
    expect(result.notReached).toEqual(['ukendt']);
  });

  it('breaks down by cohort year (year of the stay start)', async () => {
    const result = await temporaryStays(staysQuery({ cohort: 'active', by: 'cohortYear' }));
    // 2021: S8 1461c; 2023: S3 580c, S9 730c; 2024: the five 2024 starts (as in the start cohort)
    expectRows(result.rows, [
      [null, { stays: 8, ended: 4, medianDays: 91, endedWithin365Share: 0.5, meanEndedDays: 45.75, runningOnAsOf: 4, runningOver730: 1 }],
      ['2021', { stays: 1, ended: 0, medianDays: null, endedWithin365Share: 0, meanEndedDays: null, runningOnAsOf: 1, runningOver730: 1 }],
      ['2023', { stays: 2, ended: 0, medianDays: null, endedWithin365Share: 0, meanEndedDays: null, runningOnAsOf: 2, runningOver730: 0 }],
      ['2024', { stays: 5, ended: 4, medianDays: 61, endedWithin365Share: 0.8, meanEndedDays: 45.75, runningOnAsOf: 1, runningOver730: 0 }],
    ]);
    expect(result.notReached).toEqual(['2021', '2023']);
  });

  it('filters by target group and operation; a total median can be not reached', async () => {
    // SIND, start 2024: S1 91e, S2 11e 20e → median 20, share 1, mean 122/3
    const sind = await temporaryStays(staysQuery({ filters: { targetGroup: ['SIND'] } }));
    expectRows(sind.rows, [
      [null, { stays: 3, ended: 3, medianDays: 20, endedWithin365Share: 1, meanEndedDays: 122 / 3, runningOnAsOf: 0, runningOver730: 0 }],
    ]);

    // ekstern, active in 2024: S2's 20e, S3 580c, S8 1461c → t=20: 2/3, no more events → not reached
    // S(365) = 2/3 → share 1/3; mean 20; running S3 S8; over 730: S8
    const external = await temporaryStays(
      staysQuery({ cohort: 'active', filters: { operation: ['ekstern'] } }),
    );
    expectRows(external.rows, [
      [null, { stays: 3, ended: 1, medianDays: null, endedWithin365Share: 1 / 3, meanEndedDays: 20, runningOnAsOf: 2, runningOver730: 1 }],
    ]);
    expect(external.notReached).toEqual([null]);
    expect(external.survivalCurve?.points.map((point) => point.day)).toEqual([0, 20, 1461]);
  });

  it('gives zero counts, no statistics and no curve for a period without stays', async () => {
    const result = await temporaryStays(
      staysQuery({ period: { from: '2010-01-01', to: '2010-06-30' }, by: 'targetGroup' }),
    );
    expect(result.rows).toEqual([
      {
        group: null,
        values: { stays: 0, ended: 0, medianDays: null, endedWithin365Share: null, meanEndedDays: null, runningOnAsOf: 0, runningOver730: 0 },
      },
    ]);
    expect(result.notReached).toEqual([]);
    expect(result.survivalCurve).toEqual({ stays: 0, points: [] });
  });

  it('takes a half-year: stays active in H1 2023', async () => {
    // active in 2023-01-01…06-30: S3 (from 06-01) 580c, S7 485e (to 2023-04-30), S8 1461c, S9 730c
    // KM: t=485: at risk 4 → 3/4; no more events → not reached; S(365) = 1 → share 0
    const result = await temporaryStays(
      staysQuery({ cohort: 'active', period: { from: '2023-01-01', to: '2023-06-30' } }),
    );
    expectRows(result.rows, [
      [null, { stays: 4, ended: 1, medianDays: null, endedWithin365Share: 0, meanEndedDays: 485, runningOnAsOf: 3, runningOver730: 1 }],
    ]);
    expect(result.notReached).toEqual([null]);
  });

  it('computes a year and its twelve months in one call, empty months among them', async () => {
    const months = Array.from({ length: 12 }, (_, index) => ({
      from: `2024-${String(index + 1).padStart(2, '0')}-01`,
      to: new Date(Date.UTC(2024, index + 1, 0)).toISOString().slice(0, 10),
    }));
    const { period: year, ...rest } = staysQuery({ by: 'operation' });
    const starts = await getTemporaryStays(testDb.database.db, { ...rest, periods: [year, ...months] });
    expect(starts).toHaveLength(13);
    // the year as in the single-period case
    expectRows(starts[0]?.rows ?? [], [
      [null, { stays: 5, ended: 4, medianDays: 61, endedWithin365Share: 0.8, meanEndedDays: 45.75, runningOnAsOf: 1, runningOver730: 0 }],
      ['ekstern', { stays: 1, ended: 1, medianDays: 20, endedWithin365Share: 1, meanEndedDays: 20, runningOnAsOf: 0, runningOver730: 0 }],
      ['intern', { stays: 3, ended: 3, medianDays: 61, endedWithin365Share: 1, meanEndedDays: 163 / 3, runningOnAsOf: 0, runningOver730: 0 }],
      ['ukendt', { stays: 1, ended: 0, medianDays: null, endedWithin365Share: 0, meanEndedDays: null, runningOnAsOf: 1, runningOver730: 0 }],
    ]);
    // January: S1 91e intern, S2 11e intern and 20e ekstern → t=11 2/3, t=20 1/3 → median 20; S(365) = 0; mean 122/3
    expectRows(starts[1]?.rows ?? [], [
      [null, { stays: 3, ended: 3, medianDays: 20, endedWithin365Share: 1, meanEndedDays: 122 / 3, runningOnAsOf: 0, runningOver730: 0 }],
      ['ekstern', { stays: 1, ended: 1, medianDays: 20, endedWithin365Share: 1, meanEndedDays: 20, runningOnAsOf: 0, runningOver730: 0 }],
      ['intern', { stays: 2, ended: 2, medianDays: 11, endedWithin365Share: 1, meanEndedDays: 51, runningOnAsOf: 0, runningOver730: 0 }],
    ]);
    expect(starts[1]?.survivalCurve?.points.map((point) => point.day)).toEqual([0, 11, 20, 91]);
    // February: no stay starts → zero counts, no statistics, no curve
    expect(starts[2]).toEqual({
      rows: [
        {
          group: null,
          values: { stays: 0, ended: 0, medianDays: null, endedWithin365Share: null, meanEndedDays: null, runningOnAsOf: 0, runningOver730: 0 },
        },
      ],
      survivalCurve: { stays: 0, points: [] },
      notReached: [],
    });
    // March: S4 306c without a provider → not reached
    expectRows(starts[3]?.rows ?? [], [
      [null, { stays: 1, ended: 0, medianDays: null, endedWithin365Share: 0, meanEndedDays: null, runningOnAsOf: 1, runningOver730: 0 }],
      ['ukendt', { stays: 1, ended: 0, medianDays: null, endedWithin365Share: 0, meanEndedDays: null, runningOnAsOf: 1, runningOver730: 0 }],
    ]);
    expect(starts[3]?.notReached).toEqual([null, 'ukendt']);
    // November: S5 61e intern
    expectRows(starts[11]?.rows ?? [], [
      [null, { stays: 1, ended: 1, medianDays: 61, endedWithin365Share: 1, meanEndedDays: 61, runningOnAsOf: 0, runningOver730: 0 }],
      ['intern', { stays: 1, ended: 1, medianDays: 61, endedWithin365Share: 1, meanEndedDays: 61, runningOnAsOf: 0, runningOver730: 0 }],
    ]);

    const active = await getTemporaryStays(testDb.database.db, { ...rest, by: null, cohort: 'active', periods: months });
    // active in February: S1 91e, S2's 20e, S3 580c, S8 1461c, S9 730c (S2's 11e ended 01-20, S4 starts 03-01)
    // KM: t=20 4/5; t=91 at risk 4 → 4/5·3/4 = 3/5; then only censorings → not reached; S(365) = 3/5
    expectRows(active[1]?.rows ?? [], [
      [null, { stays: 5, ended: 2, medianDays: null, endedWithin365Share: 0.4, meanEndedDays: 55.5, runningOnAsOf: 3, runningOver730: 1 }],
    ]);
    // active in December: S3 580c, S4 306c, S5 61e, S8 1461c, S9 730c → t=61 4/5; S(365) = 4/5
    expectRows(active[11]?.rows ?? [], [
      [null, { stays: 5, ended: 1, medianDays: null, endedWithin365Share: 0.2, meanEndedDays: 61, runningOnAsOf: 4, runningOver730: 1 }],
    ]);
    expect(active[11]?.survivalCurve?.points.map((point) => point.day)).toEqual([0, 61, 1461]);
  });
});

describe('temporary-stays (K4): drill to rows', () => {
  it('lists exactly the stays of each cohort the KPI counts, merged and censored as in the KPI', async () => {
    const compared = await expectDrillMatchesKpi(testDb.database, 'temporary-stays', [
      { year: 2024, asOf: '2024-12-31' },
      { year: 2024, asOf: '2024-12-31', by: 'operation' },
      { year: 2024, asOf: '2024-12-31', cohort: 'active', by: 'cohortYear' },
      { year: 2023, half: 1, asOf: '2024-12-31', cohort: 'active', by: 'targetGroup', operation: 'intern,ekstern' },
    ]);
    expect(compared).toBeGreaterThan(15);
  });

  it('shows each stay with its start, its end or "running", its length and whether it is censored', async () => {
    const drill = await drillAllShown(testDb.database, 'temporary-stays', { year: 2024, asOf: '2024-12-31' });
    // stays starting in 2024, by start: S1, S2 twice (a two-day gap), S4, S5
    expect(drill.rows).toEqual([
      { citizenId: 'S1', targetGroup: 'Sindslidelse', operation: 'Intern', stayStart: '2024-01-01', stayEnd: '2024-03-31', days: 91, censored: false },
      { citizenId: 'S2', targetGroup: 'Sindslidelse', operation: 'Intern', stayStart: '2024-01-10', stayEnd: '2024-01-20', days: 11, censored: false },
      { citizenId: 'S2', targetGroup: 'Sindslidelse', operation: 'Ekstern', stayStart: '2024-01-22', stayEnd: '2024-02-10', days: 20, censored: false },
      { citizenId: 'S4', targetGroup: 'Autisme', operation: 'Ukendt driftsform', stayStart: '2024-03-01', stayEnd: null, days: 306, censored: true },
      { citizenId: 'S5', targetGroup: 'Udviklingshæmning', operation: 'Intern', stayStart: '2024-11-01', stayEnd: '2024-12-31', days: 61, censored: false },
    ]);
  });
});
