/** Value formatting of the import format (DESIGN §4): decimal comma, no thousands separator. */

/** e.g. 1234.5 → "1234,5", -12 → "-12"; at most `decimals` decimals, trailing zeros dropped. */
export function formatDecimal(value: number, decimals = 2): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  if (rounded === 0) return '0';
  let text = rounded.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text.replace('.', ',');
}

/** Pseudonymous id: a letter prefix and a zero-padded sequence number, e.g. B000123. */
export function makeId(prefix: string, sequence: number, width: number): string {
  return prefix + String(sequence).padStart(width, '0');
}

/** Digits needed for ids up to `count`, never below `minimum`. */
export function idWidth(count: number, minimum: number): number {
  return Math.max(minimum, String(Math.max(1, count)).length);
}
