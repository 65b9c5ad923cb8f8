/** What a grant costs per active day — shared by the postings and the price calibration. */
import { BPA_HOURLY_RATE_2018, HOURLY_RATE_2018 } from './profiles.ts';
import { priceFactor, priceIndex } from './price-index.ts';
import { isHourly, type ServiceKind } from './services.ts';

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
