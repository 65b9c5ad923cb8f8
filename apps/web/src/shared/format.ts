/**
 * Danish formatting for the UI (DESIGN §9): numbers as `1.234,5`, dates as `31.08.2026`, times as
 * `kl. 14.05`. Times are always shown in Danish time, whatever the time zone of the device.
 */

const LOCALE = 'da-DK';
const TIME_ZONE = 'Europe/Copenhagen';

const integerFormat = new Intl.NumberFormat(LOCALE);

const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `1234` → `1.234`. */
export function formatNumber(value: number): string {
  return integerFormat.format(value);
}

/**
 * An ISO timestamp → `31.08.2026 kl. 14.05` (Danish time). Returns null for a value that is not a
 * valid date, so the caller can say so instead of printing "Invalid Date".
 */
export function formatDateTime(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Assembled from parts: the locale's own pattern varies between ICU versions ("31.08.2026 14.05",
  // "31.08.2026, 14.05"), and the product uses one fixed form.
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of dateTimeFormat.formatToParts(date)) parts[part.type] = part.value;
  const { day, month, year, hour, minute } = parts;
  if (!day || !month || !year || !hour || !minute) return null;
  return `${day}.${month}.${year} kl. ${hour}.${minute}`;
}

/**
 * A change or deviation with its sign written out: `+1.234`, `−1.234` (a real minus sign, which
 * screen readers say as "minus"), `0`. `format` writes the absolute value.
 */
export function formatSigned(value: number, format: (absolute: number) => string): string {
  if (value > 0) return `+${format(value)}`;
  if (value < 0) return `−${format(-value)}`;
  return format(0);
}
