/**
 * Price-level calibration. The simulation decides who gets what; the plan decides what it costs
 * in total: 312.5 mio. kr. in 2017 growing ~4.5 % ⇒ ~326 mio. kr. net in 2018 (DESIGN §10).
 * With only ~100 citizens in the most expensive offers, the simulated 2018 total moves ±7 %
 * between seeds, so all rates (daily rates, the hourly rate, the price of sold places) are scaled
 * by one factor that puts 2018 on the plan's level. Growth after 2018 stays the model's own.
 */
import type { Provider } from './providers.ts';

/** Net spending 2018 at scale 1: 312.5 mio. kr. (2017, plan) + 4.3 % growth. */
export const NET_SPENDING_2018 = 326_000_000;
/** The factor never moves prices by more than this either way (a guard, not a tuning knob). */
const MAX_ADJUSTMENT = 0.25;

export interface CalibrationInput {
  /** 2018 cost of all simulated grants at the model's base prices (also grants after "today") */
  grantCost2018: number;
  providers: readonly Provider[];
  scale: number;
  /** 2018 spending that does not depend on rates (postings without grants) */
  unlinkedSpending2018: number;
  saleMarkup: number;
}

export function calibratePriceLevel(input: CalibrationInput): number {
  let saleIncome = 0;
  for (const provider of input.providers) saleIncome += provider.soldPlaces * (provider.dailyRate2018 ?? 0) * input.saleMarkup * 365;
  const rateDependent = input.grantCost2018 - saleIncome;
  if (rateDependent <= 0) return 1;
  const factor = (NET_SPENDING_2018 * input.scale - input.unlinkedSpending2018) / rateDependent;
  return Math.min(1 + MAX_ADJUSTMENT, Math.max(1 - MAX_ADJUSTMENT, factor));
}
