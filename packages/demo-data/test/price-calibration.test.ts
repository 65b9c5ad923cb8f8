/** The three price levels put the 2018 amounts on the plan's targets, refunds included. */
import { describe, expect, it } from 'vitest';
import {
  EXTERNAL_SPENDING_2018,
  INTERNAL_SPENDING_2018,
  MAX_PRICE_ADJUSTMENT,
  NET_SPENDING_2018,
  calibratePriceLevels,
} from '../src/model/calibration.ts';
import { REFUND_SHARE, REFUND_THRESHOLD_PER_QUARTER_2018 } from '../src/model/costs.ts';

describe('price calibration', () => {
  const base = {
    grantCost2018: { intern: 120e6, ekstern: 180e6, none: 40e6 },
    refundableQuarters2018: [
      { group: 'ekstern', cost: 300_000 },
      { group: 'none', cost: 280_000 },
    ] as const,
    saleIncome2018: 36e6,
    scale: 1,
    unlinkedSpending2018: 30e6,
    creditNoteShare: 0.003,
  };

  it('hits the internal, external and total targets', () => {
    const levels = calibratePriceLevels(base);
    const internal = levels.intern * (120e6 - 36e6);
    const external = levels.ekstern * 180e6 * (1 - 0.003);
    const refunds =
      REFUND_SHARE * (Math.max(0, 300_000 * levels.ekstern - REFUND_THRESHOLD_PER_QUARTER_2018) +
        Math.max(0, 280_000 * levels.none - REFUND_THRESHOLD_PER_QUARTER_2018));
    const total = internal + external + levels.none * 40e6 + 30e6 - refunds;
    expect(internal).toBeCloseTo(INTERNAL_SPENDING_2018, -2);
    expect(external).toBeCloseTo(EXTERNAL_SPENDING_2018, -2);
    expect(total / NET_SPENDING_2018).toBeCloseTo(1, 6);
  });

  it('scales with the municipality and never moves a price by more than the guard', () => {
    const double = calibratePriceLevels({
      ...base,
      grantCost2018: { intern: 240e6, ekstern: 360e6, none: 80e6 },
      saleIncome2018: 72e6,
      unlinkedSpending2018: 60e6,
      scale: 2,
    });
    expect(double.intern).toBeCloseTo(calibratePriceLevels(base).intern, 9);
    const extreme = calibratePriceLevels({ ...base, grantCost2018: { intern: 40e6, ekstern: 500e6, none: 1e6 } });
    expect(extreme.intern).toBe(1 + MAX_PRICE_ADJUSTMENT);
    expect(extreme.ekstern).toBe(1 - MAX_PRICE_ADJUSTMENT);
    expect(extreme.none).toBe(1 - MAX_PRICE_ADJUSTMENT);
  });
});
