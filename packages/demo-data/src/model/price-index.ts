/**
 * The pay-and-price (P/L) index, base 2018 = 100. Growth follows the shape of the real KL/OIS
 * series: calm until 2021, the inflation spike of 2022–2023, then a little under 3 %.
 * Grant rates and hourly rates are indexed with it, so nominal spending grows with prices.
 */

const BASE_YEAR = 2018;

/** Growth from the previous year to the given year. */
const GROWTH_BY_YEAR: Readonly<Record<number, number>> = {
  2016: 0.016,
  2017: 0.015,
  2018: 0.016,
  2019: 0.017,
  2020: 0.018,
  2021: 0.019,
  2022: 0.041,
  2023: 0.043,
  2024: 0.029,
  2025: 0.027,
  2026: 0.026,
};
/** Before 2016 and after 2026 the index moves by a steady rate. */
const GROWTH_BEFORE = 0.02;
const GROWTH_AFTER = 0.025;

function growthInto(year: number): number {
  return GROWTH_BY_YEAR[year] ?? (year < BASE_YEAR ? GROWTH_BEFORE : GROWTH_AFTER);
}

const cache = new Map<number, number>();

/** Index of a year, rounded to one decimal as the published series is (2018 = 100). */
export function priceIndex(year: number): number {
  const cached = cache.get(year);
  if (cached !== undefined) return cached;
  let value = 100;
  if (year > BASE_YEAR) for (let y = BASE_YEAR + 1; y <= year; y++) value *= 1 + growthInto(y);
  if (year < BASE_YEAR) for (let y = BASE_YEAR; y > year; y--) value /= 1 + growthInto(y);
  const rounded = Math.round(value * 10) / 10;
  cache.set(year, rounded);
  return rounded;
}

/** Factor converting an amount in `fromYear` prices to `toYear` prices. */
export function priceFactor(fromYear: number, toYear: number): number {
  return priceIndex(toYear) / priceIndex(fromYear);
}
