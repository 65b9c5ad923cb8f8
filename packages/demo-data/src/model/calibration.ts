/**
 * Price-level calibration. The simulation decides who gets what; the plan decides what it costs.
 * The plan (shared/data/plan-2018/udgifter-2017.csv) quotes 2017: 312.5 mio. kr. net, of which
 * 84 mio. kr. on the municipality's own bo- og dagtilbud and 172 mio. kr. on bought ones. The
 * first demo year 2018 stands in for that level: the total is 2017 plus the plan's ~4.5 % yearly
 * growth, the two provider amounts are 2017 plus ~2.4 % (prices rose, the places did not). Taking
 * the provider amounts at exactly 2017 would leave too little room beside the grown total for the
 * offers' spending outside 5.38.50/51/52/59 (outreach teams, §103, shelters) and push the plan's
 * 73 % share down; this way all of the plan's figures land within a few per cent.
 *
 * With only ~100 citizens in the most expensive offers, the simulated 2018 amounts move several
 * per cent between seeds, so the rates are scaled by three factors — one for the own offers
 * (daily rates, the outreach teams' hours and the price of sold places), one for bought places and
 * support, and one for support without a provider (hours, BPA helpers, ambulant treatment) — that
 * put 2018 on the plan's level: own offers and bought offers on their targets, the rest making up
 * the total after the state refunds. Growth after 2018 stays the model's own.
 */
import { REFUND_SHARE, REFUND_THRESHOLD_PER_QUARTER_2018, type CostGroup, type PriceLevels } from './costs.ts';

export type { CostGroup, PriceLevels } from './costs.ts';

/** Net spending 2018 at scale 1: 312.5 mio. kr. (2017, plan) + 4.5 % growth. */
export const NET_SPENDING_2018 = 312_500_000 * 1.045;
/** Postings linked to the municipality's own offers in 2018, net of sold places (plan 2017: 84 mio. kr.). */
export const INTERNAL_SPENDING_2018 = 86_000_000;
/** Postings linked to external providers in 2018 (plan 2017: 172 mio. kr.). */
export const EXTERNAL_SPENDING_2018 = 176_000_000;
/** A factor never moves prices by more than this either way (a guard, not a tuning knob). */
export const MAX_PRICE_ADJUSTMENT = 0.25;

/** One grant's cost in one quarter of 2018 at base prices. */
export interface QuarterCost {
  group: CostGroup;
  cost: number;
}

export interface CalibrationInput {
  /** 2018 cost of all simulated grants at the model's base prices (also grants after "today") */
  grantCost2018: Readonly<Record<CostGroup, number>>;
  /** the 2018 quarters of grants that may pass the refund threshold (base prices) */
  refundableQuarters2018: readonly QuarterCost[];
  /** 2018 income from places sold to other municipalities, at base prices */
  saleIncome2018: number;
  scale: number;
  /** 2018 spending that does not depend on rates (postings without grants) */
  unlinkedSpending2018: number;
  /** expected share of external cost credited back by credit notes */
  creditNoteShare: number;
}

export function calibratePriceLevels(input: CalibrationInput): PriceLevels {
  const { grantCost2018: cost, scale } = input;
  const internalBase = cost.intern - input.saleIncome2018;
  const intern = internalBase > 0 ? bounded((INTERNAL_SPENDING_2018 * scale) / internalBase) : 1;
  const externalBase = cost.ekstern * (1 - input.creditNoteShare);
  const ekstern = externalBase > 0 ? bounded((EXTERNAL_SPENDING_2018 * scale) / externalBase) : 1;

  // the refunds are booked without a provider and depend on all three levels: a few rounds settle them
  const linked = intern * internalBase + ekstern * externalBase;
  let none = 1;
  for (let round = 0; round < 4 && cost.none > 0; round++) {
    const levels: PriceLevels = { intern, ekstern, none };
    let refunds = 0;
    for (const quarter of input.refundableQuarters2018) {
      refunds += REFUND_SHARE * Math.max(0, quarter.cost * levels[quarter.group] - REFUND_THRESHOLD_PER_QUARTER_2018);
    }
    none = bounded((NET_SPENDING_2018 * scale - input.unlinkedSpending2018 - linked + refunds) / cost.none);
  }
  return { intern, ekstern, none };
}

function bounded(factor: number): number {
  return Math.min(1 + MAX_PRICE_ADJUSTMENT, Math.max(1 - MAX_PRICE_ADJUSTMENT, factor));
}
