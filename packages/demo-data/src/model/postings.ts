/**
 * Postings (posteringer.csv) from the finance system, streamed month by month:
 * - one posting per grant, month and function: daily rate × active days, or hours per week ×
 *   hourly rate × weeks, indexed with the P/L index (rates are regulated every year);
 * - credit notes from external providers, state refunds for particularly expensive cases and the
 *   income from places sold to other municipalities (negative amounts);
 * - spending without grants in the case system: counselling (5.38.40), alcohol treatment
 *   (5.38.44), anonymous drug treatment (5.38.45), and settlements with other municipalities for
 *   citizens they act for while this municipality pays (mellemkommunal refusion, retssikkerheds-
 *   loven § 9, stk. 7) — bills without a provider and without a grant here, mostly for §108.
 * Months up to the end of today's year are computed (for the budget's full-year figures), but only
 * postings dated on or before today are written.
 */
import { dayOf, endOfMonth, endOfYear, formatDay, yearOf } from '../dates.ts';
import { formatDecimal, idWidth, makeId } from '../format.ts';
import { Random } from '../random.ts';
import type { CsvFileWriter } from '../write.ts';
import { REFUND_SHARE, REFUND_THRESHOLD_PER_QUARTER_2018, costGroupOf, costPerDay, type PriceLevels } from './costs.ts';
import { priceIndex } from './price-index.ts';
import type { Provider } from './providers.ts';
import { FUNCTION_SPLIT, serviceAt } from './services.ts';
import { DATA_START } from './simulation.ts';
import { NO_PROVIDER, type GrantStore } from './store.ts';

/**
 * Spending without grants, per year at scale 1 in 2018 prices, and postings a month. Each month
 * gets exactly its twelfth (indexed), spread over the postings at random.
 */
export const UNLINKED_SPENDING: readonly { functionCode: string; perYear2018: number; postingsPerMonth: number }[] = [
  // mellemkommunal refusion for support and BPA
  { functionCode: '5.38.38', perYear2018: 3_000_000, postingsPerMonth: 4 },
  // counselling
  { functionCode: '5.38.40', perYear2018: 5_000_000, postingsPerMonth: 6 },
  // alcohol treatment
  { functionCode: '5.38.44', perYear2018: 6_000_000, postingsPerMonth: 12 },
  // anonymous drug treatment
  { functionCode: '5.38.45', perYear2018: 1_500_000, postingsPerMonth: 3 },
  // mellemkommunal refusion for long-term and temporary botilbud
  { functionCode: '5.38.50', perYear2018: 14_500_000, postingsPerMonth: 8 },
  { functionCode: '5.38.52', perYear2018: 4_500_000, postingsPerMonth: 3 },
];

const CREDIT_NOTE_PROBABILITY = 0.008;
/** a credit note takes back 10–60 % of a month */
const CREDIT_NOTE_SHARE: readonly [number, number] = [0.1, 0.6];
/** Expected share of the external cost taken back by credit notes (for the calibration). */
export const EXPECTED_CREDIT_NOTE_SHARE = (CREDIT_NOTE_PROBABILITY * (CREDIT_NOTE_SHARE[0] + CREDIT_NOTE_SHARE[1])) / 2;
/** Sold places are sold at the provider's rate plus a small overhead. */
export const SALE_MARKUP = 1.05;

/**
 * Places an internal provider sells to other municipalities in a year: the plan's number give or
 * take one or two. Drawn from its own stream per provider and year, so the calibration can count
 * the 2018 income before the postings are written.
 */
export function soldPlacesIn(seed: number, provider: Provider, year: number): number {
  if (provider.soldPlaces <= 0) return 0;
  const random = new Random(seed, `sold-places:${provider.index}:${year}`);
  return Math.max(0, provider.soldPlaces + Math.round(random.normal(0, 0.8)));
}

/** Net amount by `${year}|${function}` — full years, including months after today. */
export type YearFunctionTotals = Map<string, number>;

export interface PostingContext {
  seed: number;
  scale: number;
  today: number;
  grants: GrantStore;
  providers: readonly Provider[];
  /** calibrated price levels (see calibration.ts); daily rates in the grant store already carry them */
  priceLevels: PriceLevels;
}

export async function writePostings(writer: CsvFileWriter, context: PostingContext): Promise<YearFunctionTotals> {
  const { grants, providers, today } = context;
  const random = new Random(context.seed, 'postings');
  const lastDay = endOfYear(yearOf(today));
  const totals: YearFunctionTotals = new Map();
  const width = idWidth(estimatePostings(context, lastDay) * 2, 8);
  let sequence = 0;

  const post = async (day: number, functionCode: string, amount: number, provider: number): Promise<void> => {
    const rounded = Math.round(amount * 100) / 100;
    const key = `${yearOf(day)}|${functionCode}`;
    totals.set(key, (totals.get(key) ?? 0) + rounded);
    if (day > today || rounded === 0) return;
    sequence++;
    const pending = writer.write([
      makeId('P', sequence, width),
      formatDay(day),
      functionCode,
      formatDecimal(rounded),
      provider === NO_PROVIDER ? '' : (providers[provider]?.id ?? ''),
    ]);
    if (pending) await pending;
  };

  // --- grants
  for (let grant = 0; grant < grants.length; grant++) {
    const kind = serviceAt(grants.service(grant));
    const start = grants.start(grant);
    const end = grants.end(grant);
    const provider = grants.provider(grant);
    const hours = grants.hoursPerWeek(grant);
    const rate = grants.dailyRate(grant);
    const startYear = yearOf(start);
    const group = costGroupOf(providers, provider);
    const isExternal = group === 'ekstern';
    const hourlyLevel = context.priceLevels[group];
    const split = FUNCTION_SPLIT[kind];
    const firstFunction = split[0]?.[0] ?? '5.38.38';
    const from = Math.max(start, DATA_START);
    const to = Math.min(end, lastDay);
    let quarterCost = 0;
    let { year, month } = yearMonthOf(from);
    for (;;) {
      const monthStart = dayOf(year, month, 1);
      if (monthStart > to) break;
      const monthEnd = endOfMonth(year, month);
      const days = Math.min(to, monthEnd) - Math.max(from, monthStart) + 1;
      const cost = costPerDay(kind, hours, rate, startYear, year, hourlyLevel) * days;
      for (const [functionCode, share] of split) await post(monthEnd, functionCode, cost * share, provider);
      if (isExternal && random.chance(CREDIT_NOTE_PROBABILITY)) {
        await post(monthEnd, firstFunction, -cost * random.uniform(CREDIT_NOTE_SHARE[0], CREDIT_NOTE_SHARE[1]), provider);
      }
      quarterCost += cost;
      const quarterEnds = month % 3 === 0 || monthEnd >= to;
      if (quarterEnds) {
        const threshold = REFUND_THRESHOLD_PER_QUARTER_2018 * (priceIndex(year) / 100);
        if (quarterCost > threshold) {
          const quarterEnd = endOfMonth(year, Math.ceil(month / 3) * 3);
          await post(quarterEnd, firstFunction, -REFUND_SHARE * (quarterCost - threshold), NO_PROVIDER);
        }
        quarterCost = 0;
      }
      month++;
      if (month > 12) {
        month = 1;
        year++;
      }
    }
  }

  // --- places sold to other municipalities: monthly income on the internal provider
  for (const provider of providers) {
    if (provider.soldPlaces <= 0 || provider.dailyRate2018 === null) continue;
    const functionCode = FUNCTION_SPLIT[provider.service][0]?.[0] ?? '5.38.51';
    for (let year = yearOf(DATA_START); year <= yearOf(lastDay); year++) {
      const sold = soldPlacesIn(context.seed, provider, year);
      for (let month = 1; month <= 12; month++) {
        const monthEnd = endOfMonth(year, month);
        const days = monthEnd - dayOf(year, month, 1) + 1;
        const income = sold * provider.dailyRate2018 * context.priceLevels.intern * SALE_MARKUP * (priceIndex(year) / 100) * days;
        await post(monthEnd, functionCode, -income, provider.index);
      }
    }
  }

  // --- spending not linked to grants: the month's amount spread over a few postings
  const weights: number[] = [];
  for (const line of UNLINKED_SPENDING) {
    const count = Math.max(1, Math.round(line.postingsPerMonth * context.scale));
    for (let year = yearOf(DATA_START); year <= yearOf(lastDay); year++) {
      const monthly = (line.perYear2018 * context.scale * (priceIndex(year) / 100)) / 12;
      for (let month = 1; month <= 12; month++) {
        weights.length = 0;
        let weightTotal = 0;
        for (let i = 0; i < count; i++) {
          const weight = random.logNormal(1, 0.35);
          weights.push(weight);
          weightTotal += weight;
        }
        for (const weight of weights) {
          const day = dayOf(year, month, random.int(1, 28));
          await post(day, line.functionCode, (monthly * weight) / weightTotal, NO_PROVIDER);
        }
      }
    }
  }
  return totals;
}

function yearMonthOf(day: number): { year: number; month: number } {
  const year = yearOf(day);
  let month = 1;
  while (month < 12 && endOfMonth(year, month) < day) month++;
  return { year, month };
}

/** Rough number of postings, only to choose a fixed id width. */
function estimatePostings(context: PostingContext, lastDay: number): number {
  let months = 0;
  for (let grant = 0; grant < context.grants.length; grant++) {
    const from = Math.max(context.grants.start(grant), DATA_START);
    const to = Math.min(context.grants.end(grant), lastDay);
    if (to >= from) months += Math.floor((to - from) / 30) + 2;
  }
  return months * 2 + 1000 * context.scale;
}
