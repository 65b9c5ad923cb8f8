/**
 * Reviews (opfoelgninger.csv): grants are followed up roughly yearly, around each anniversary of
 * the start. Before the strategy ~63 % of the due follow-ups happen; the strategy ("vi styrker
 * sagsbehandlingen") lifts that towards 80 %. Some grants also get an early review after a few
 * months. Reviews from 2017 on are written, so K7 has a full year behind 1 January 2018.
 */
import { dayOf, formatDay } from '../dates.ts';
import { Random } from '../random.ts';
import type { CsvFileWriter } from '../write.ts';
import { strategyProgress } from './simulation.ts';
import type { GrantStore } from './store.ts';

const FIRST_REVIEW_DAY = dayOf(2017, 1, 1);
const EARLY_REVIEW_PROBABILITY = 0.25;

export function reviewProbability(day: number): number {
  return 0.63 + 0.17 * strategyProgress(day);
}

export async function writeReviews(
  writer: CsvFileWriter,
  seed: number,
  today: number,
  grants: GrantStore,
  grantId: (grant: number) => string,
): Promise<void> {
  const random = new Random(seed, 'reviews');
  for (let grant = 0; grant < grants.length; grant++) {
    const start = grants.start(grant);
    const lastActive = Math.min(grants.end(grant), today);
    const dates: number[] = [];
    const early = start + random.int(60, 120);
    if (random.chance(EARLY_REVIEW_PROBABILITY)) dates.push(early);
    for (let year = 1; start + 365 * year - 45 <= lastActive; year++) {
      const date = start + 365 * year + random.int(-45, 20);
      if (random.chance(reviewProbability(date))) dates.push(date);
    }
    for (const date of dates) {
      if (date < FIRST_REVIEW_DAY || date <= start || date > lastActive) continue;
      const pending = writer.write([grantId(grant), formatDay(date)]);
      if (pending) await pending;
    }
  }
}
