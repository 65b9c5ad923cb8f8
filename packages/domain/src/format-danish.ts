/**
 * Danish number and date formats (DESIGN §9: `1.234,5`, `12,3 %`, `312,5 mio. kr.`, `31.08.2026`),
 * shared by the API's generated sentences, exports, emails and the web app so every surface
 * writes a figure the same way.
 */
import type { Unit } from './kpi-catalogue.ts';

const LOCALE = 'da-DK';
const formats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(decimals, format);
  }
  return format;
}

/** `1234.5` → `1.234,5` with the given number of decimals. */
export function formatDecimal(value: number, decimals = 0): string {
  return numberFormat(decimals).format(value);
}

/** A KPI value in its unit: shares are fractions (0.123 → `12,3 %`), kr. get a unit. */
export function formatMeasureValue(value: number, unit: Unit, decimals: number): string {
  switch (unit) {
    case 'procent':
      return `${formatDecimal(value * 100, decimals)} %`;
    case 'kr':
      return Math.abs(value) >= 1_000_000 ? `${formatDecimal(value / 1_000_000, 1)} mio. kr.` : `${formatDecimal(value, decimals)} kr.`;
    case 'dage':
      return `${formatDecimal(value, decimals)} dage`;
    case 'pr1000':
      return `${formatDecimal(value, decimals)} pr. 1.000 indbyggere`;
    case 'antal':
    case 'score':
      return formatDecimal(value, decimals);
  }
}

/** `2026-08-31` → `31.08.2026`. */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}
