/**
 * The Kaplan–Meier product-limit estimator (DESIGN §6 K4), written once. Stays still running on
 * the as-of date are censored: they count as at risk up to their censoring time and never as
 * ended, so the median is not biased down the way an average over ended stays alone is.
 */
import type { SurvivalPoint } from './kpi-query.ts';

export interface SurvivalObservation {
  /** Days observed: the length of an ended stay, or the days run so far of a censored one. */
  days: number;
  /** true = the stay ended after `days` (an event); false = still running (censored). */
  ended: boolean;
}

/**
 * S(t) is a product of fractions such as 3/4 · 2/3; in floating point that product can land a
 * hair above 0.5 when it is exactly one half, and the median must then still be found.
 */
const HALF_TOLERANCE = 1e-9;

/**
 * The step curve: S(t) = ∏ over event times tᵢ ≤ t of (1 − dᵢ/nᵢ), where dᵢ stays ended at tᵢ and
 * nᵢ were at risk (observed for at least tᵢ days). A stay censored at the same time as events is
 * still at risk at that time (events come first, the standard convention).
 *
 * Points: day 0 with S = 1, one point per event time, and — when the longest observation is a
 * censoring after the last event — a final point there with S unchanged, so a chart of the curve
 * runs to the end of follow-up. Empty input gives no points.
 */
export function kaplanMeier(observations: readonly SurvivalObservation[]): SurvivalPoint[] {
  if (observations.length === 0) return [];
  const tallies = new Map<number, { ended: number; censored: number }>();
  for (const { days, ended } of observations) {
    const tally = tallies.get(days) ?? { ended: 0, censored: 0 };
    if (ended) tally.ended += 1;
    else tally.censored += 1;
    tallies.set(days, tally);
  }
  const days = [...tallies.keys()].sort((a, b) => a - b);

  const points: SurvivalPoint[] = [];
  let atRisk = observations.length;
  let survival = 1;
  for (const day of days) {
    const { ended, censored } = tallies.get(day) ?? { ended: 0, censored: 0 };
    if (ended > 0) {
      survival *= (atRisk - ended) / atRisk;
      points.push({ day, survival });
    }
    atRisk -= ended + censored;
  }

  if (points[0]?.day !== 0) points.unshift({ day: 0, survival: 1 });
  const lastDay = days[days.length - 1] ?? 0;
  if (lastDay > (points[points.length - 1]?.day ?? 0)) points.push({ day: lastDay, survival });
  return points;
}

/** S(t) at any t ≥ 0: the value of the step curve at the last point on or before t. */
export function survivalAt(curve: readonly SurvivalPoint[], day: number): number {
  let survival = 1;
  for (const point of curve) {
    if (point.day > day) break;
    survival = point.survival;
  }
  return survival;
}

/** The median: the smallest t with S(t) ≤ 0.5, or null when the curve stays above 0.5 ("not reached"). */
export function medianSurvival(curve: readonly SurvivalPoint[]): number | null {
  return curve.find((point) => point.survival <= 0.5 + HALF_TOLERANCE)?.day ?? null;
}
