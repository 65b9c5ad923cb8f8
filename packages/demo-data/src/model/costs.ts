/** What a grant costs per active day — shared by the postings and the price calibration. */
import { BPA_HOURLY_RATE_2018, HOURLY_RATE_2018 } from './profiles.ts';
import { priceFactor, priceIndex } from './price-index.ts';
import type { Provider } from './providers.ts';
import { isHourly, type ServiceKind } from './services.ts';
import { NO_PROVIDER } from './store.ts';

/**
 * Who delivers a grant decides its price level (see calibration.ts): the municipality's own
 * offers, places and support bought from external providers, or support without a provider
 * (hours paid directly, BPA helpers, ambulant treatment).
 */
export type CostGroup = 'intern' | 'ekstern' | 'none';
export type PriceLevels = Readonly<Record<CostGroup, number>>;
export const COST_GROUPS: readonly CostGroup[] = ['intern', 'ekstern', 'none'];

export function costGroupOf(providers: readonly Provider[], provider: number): CostGroup {
  if (provider === NO_PROVIDER) return 'none';
  return providers[provider]?.operation ?? 'none';
}

/**
 * State refund for particularly expensive cases (særligt dyre enkeltsager): 25 % of a case's
 * cost above ~1 mio. kr. a year, settled per quarter (threshold in 2018 prices, P/L-indexed).
 */
export const REFUND_THRESHOLD_PER_QUARTER_2018 = 250_000;
export const REFUND_SHARE = 0.25;

/**
 * Cost per day in `year` prices: hours per week × hourly rate ÷ 7, or the daily rate regulated
 * with the P/L index from the grant's start year. `priceLevel` scales the hourly rate (daily rates
 * already carry the calibrated level once it is applied).
 */
export function costPerDay(
  kind: ServiceKind,
  hoursPerWeek: number,
  dailyRate: number,
  startYear: number,
  year: number,
  priceLevel: number,
): number {
  if (isHourly(kind)) {
    const hourly = (kind === '96' ? BPA_HOURLY_RATE_2018 : HOURLY_RATE_2018) * priceLevel * (priceIndex(year) / 100);
    return (hoursPerWeek * hourly) / 7;
  }
  return dailyRate * priceFactor(startYear, year);
}
