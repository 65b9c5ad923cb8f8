/**
 * CPR-number detection (DESIGN §4): the product holds pseudonymous ids only, so a file with a value
 * that looks like a CPR number is refused outright. "Looks like" is read conservatively, because a
 * miss is a data breach and a false alarm only costs a renamed id:
 * - DDMMYY-XXXX (six digits, a dash, four digits) anywhere in a cell, whatever the digits;
 * - ten digits in a row whose first six form a real date DDMMYY — also inside a longer id such as
 *   'B0101901234', since a prefixed CPR number is still a CPR number.
 * In amount columns (kr.) only the dashed form counts: a budget line of 2,612,851,234 kr. written
 * without separators is ten digits with a valid DDMMYY prefix, and at national scale such lines
 * are real (found by the ×100 benchmark); an amount column cannot hold an id to hide a person by.
 * The value itself is never echoed back: reports show it masked.
 */
import { isRealDate } from './parse-values.ts';

const DASHED = /(?<!\d)\d{6}-\d{4}(?!\d)/;
const TEN_DIGITS = /(?<!\d)(\d{2})(\d{2})(\d{2})\d{4}(?!\d)/g;

export function looksLikeCpr(text: string, options: { amountColumn?: boolean } = {}): boolean {
  if (text.length < 10) return false;
  if (DASHED.test(text)) return true;
  if (options.amountColumn) return false;
  for (const match of text.matchAll(TEN_DIGITS)) {
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // The two-digit year fits every century, and 2000 is a leap year, so 29 February passes.
    if (isRealDate(2000 + year, month, day)) return true;
  }
  return false;
}

/** Shows the shape of a refused value without the digits that identify a person. */
export function maskCpr(text: string): string {
  return text.replace(/\d/g, '•');
}
