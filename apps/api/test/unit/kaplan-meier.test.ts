/**
 * Kaplan–Meier against curves worked out by hand. Notation: "11e" = ended after 11 days,
 * "306c" = censored (still running) after 306 days; S(t) = ∏ (1 − d/n) over event times ≤ t.
 */
import { describe, expect, it } from 'vitest';
import { kaplanMeier, medianSurvival, survivalAt, type SurvivalObservation } from '../../src/kpis/kaplan-meier.ts';
import type { SurvivalPoint } from '../../src/kpis/kpi-query.ts';

const e = (days: number): SurvivalObservation => ({ days, ended: true });
const c = (days: number): SurvivalObservation => ({ days, ended: false });

function expectCurve(actual: SurvivalPoint[], expected: [number, number][]): void {
  expect(actual.map((point) => point.day)).toEqual(expected.map(([day]) => day));
  actual.forEach((point, index) => expect(point.survival).toBeCloseTo(expected[index]?.[1] ?? Number.NaN, 12));
}

describe('kaplanMeier', () => {
  it('without censoring is the share still running after each length', () => {
    // 10e 20e 30e 40e: n=4 → S(10)=3/4, S(20)=3/4·2/3=1/2, S(30)=1/2·1/2=1/4, S(40)=1/4·0=0
    const curve = kaplanMeier([e(40), e(10), e(30), e(20)]);
    expectCurve(curve, [[0, 1], [10, 0.75], [20, 0.5], [30, 0.25], [40, 0]]);
    // S(20) is exactly one half (3/4 · 2/3 in floating point): the median is 20
    expect(medianSurvival(curve)).toBe(20);
  });

  it('keeps a stay censored at an event time at risk at that time (events first)', () => {
    // 5e 5c 8e 8e 12c 15e, n=6
    // t=5: at risk 6 (the 5c too), 1 ended → S = 5/6; then 5e and 5c leave → 4 at risk
    // t=8: at risk 4, 2 ended → S = 5/6 · 2/4 = 5/12; 8e 8e leave → 2 at risk
    // t=12: censoring only, S unchanged; 1 at risk
    // t=15: at risk 1, 1 ended → S = 0
    // (censoring first would give S(5) = 4/5 instead)
    const curve = kaplanMeier([e(5), c(5), e(8), e(8), c(12), e(15)]);
    expectCurve(curve, [[0, 1], [5, 5 / 6], [8, 5 / 12], [15, 0]]);
    expect(medianSurvival(curve)).toBe(8);
    expect(survivalAt(curve, 12)).toBeCloseTo(5 / 12, 12);
  });

  it('reaches the median exactly at 0.5 from tied events', () => {
    // 10e 10e 20c 30c: t=10: at risk 4, 2 ended → S = 1/2 → median 10 (S ≤ 0.5 includes equality)
    const curve = kaplanMeier([e(10), e(10), c(20), c(30)]);
    expectCurve(curve, [[0, 1], [10, 0.5], [30, 0.5]]);
    expect(medianSurvival(curve)).toBe(10);
  });

  it('reaches exactly 0.5 through a four-factor product', () => {
    // 11e 20e 61e 91e and four censored later: n=8
    // S = 7/8 → ·6/7 = 6/8 → ·5/6 = 5/8 → ·4/5 = 4/8 = 1/2 at t=91 → median 91
    const curve = kaplanMeier([e(11), e(20), e(61), e(91), c(306), c(580), c(730), c(1461)]);
    expectCurve(curve, [[0, 1], [11, 7 / 8], [20, 6 / 8], [61, 5 / 8], [91, 0.5], [1461, 0.5]]);
    expect(medianSurvival(curve)).toBe(91);
  });

  it('counts censoring before the first event in the risk set only until it leaves', () => {
    // 2c 4e 6e 8e: t=4: at risk 3 → S = 2/3; t=6: at risk 2 → S = 1/3; t=8: at risk 1 → 0
    const curve = kaplanMeier([c(2), e(4), e(6), e(8)]);
    expectCurve(curve, [[0, 1], [4, 2 / 3], [6, 1 / 3], [8, 0]]);
    expect(medianSurvival(curve)).toBe(6);
  });

  it('stays at 1 when every stay is censored: median not reached', () => {
    // 3c 7c: no events → S(t) = 1 for all t; the curve runs to the last observation
    const curve = kaplanMeier([c(7), c(3)]);
    expectCurve(curve, [[0, 1], [7, 1]]);
    expect(medianSurvival(curve)).toBeNull();
    expect(1 - survivalAt(curve, 365)).toBe(0);
  });

  it('reports "not reached" when the curve stays above 0.5', () => {
    // 10e 20c 30c: S(10) = 2/3, then only censoring
    const curve = kaplanMeier([e(10), c(20), c(30)]);
    expectCurve(curve, [[0, 1], [10, 2 / 3], [30, 2 / 3]]);
    expect(medianSurvival(curve)).toBeNull();
  });

  it('has no curve and no median without observations', () => {
    expect(kaplanMeier([])).toEqual([]);
    expect(medianSurvival([])).toBeNull();
  });
});

describe('survivalAt', () => {
  // 11e 20e 61e 91e 306c: S(11)=4/5, S(20)=4/5·3/4=3/5, S(61)=3/5·2/3=2/5, S(91)=2/5·1/2=1/5
  const curve = kaplanMeier([e(11), e(20), e(61), e(91), c(306)]);

  it.each([
    [0, 1],
    [10, 1],
    [11, 4 / 5],
    [19, 4 / 5],
    [20, 3 / 5],
    [61, 2 / 5],
    [90, 2 / 5],
    [91, 1 / 5],
    [365, 1 / 5],
    [10_000, 1 / 5],
  ])('S(%i) = %f', (day, expected) => {
    expect(survivalAt(curve, day)).toBeCloseTo(expected, 12);
  });

  it('gives the median 61, the first t with S(t) ≤ 0.5', () => {
    expect(medianSurvival(curve)).toBe(61);
  });
});
