/** A chart value as text: the Danish number in its unit, or the suppression marker. */
import type { Unit } from '@sol/domain/kpi-catalogue.ts';
import { formatDecimal, formatMeasureValue } from '@sol/domain/format-danish.ts';
import { suppressionMarker } from '@sol/domain/suppression-text.ts';

export function formatChartValue(
  value: number | null,
  suppressed: string | null,
  unit: Unit,
  decimals: number,
  threshold: number,
  /** Words for a missing value that has a reason other than suppression (ChartSeries.notes). */
  note: string | null = null,
): string {
  if (suppressed) return suppressionMarker(suppressed, threshold);
  if (value === null) return note ?? 'ingen data';
  return formatMeasureValue(value, unit, decimals);
}

/** Axis ticks: compact (mio. for large kr., percent with a decimal only where the step needs one). */
export function formatAxisTick(value: number, unit: Unit): string {
  switch (unit) {
    case 'procent': {
      // A zoomed-in axis steps by half a percent; whole percents only would print "64 %" twice.
      const percent = Math.round(value * 1000) / 10;
      return `${formatDecimal(percent, Number.isInteger(percent) ? 0 : 1)} %`;
    }
    case 'kr': {
      if (Math.abs(value) < 1_000_000) return formatDecimal(value, 0);
      // An axis up to a few millions steps by 0,4 mio.; whole millions only would print "2 mio." twice.
      const millions = Math.round(value / 100_000) / 10;
      return `${formatDecimal(millions, Number.isInteger(millions) ? 0 : 1)} mio.`;
    }
    default: {
      // A zoomed-in 1–5 scale steps by 0,05; one decimal would print "3,7" twice.
      const rounded = Math.round(value * 100) / 100;
      const decimals = Number.isInteger(rounded) ? 0 : Number.isInteger(Math.round(rounded * 100) / 10) ? 1 : 2;
      return formatDecimal(rounded, decimals);
    }
  }
}
