/**
 * Value parsers for the import contract (DESIGN §4). Each returns the parsed value or a Danish
 * reason; the importer turns reasons into report lines with file, line, column and value.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DANISH_DATE = /^(\d{2})[-.](\d{2})[-.](\d{4})$/;

/** Accepts YYYY-MM-DD, DD-MM-YYYY and DD.MM.YYYY; returns YYYY-MM-DD. */
export function parseDate(text: string): Parsed<string> {
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_DATE.exec(text);
  const danish = iso ? null : DANISH_DATE.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (danish && text[2] === text[5]) {
    [day, month, year] = [Number(danish[1]), Number(danish[2]), Number(danish[3])];
  } else {
    return fail('Ugyldig dato: brug ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ eller DD.MM.ÅÅÅÅ');
  }
  if (!isRealDate(year, month, day)) return fail('Datoen findes ikke i kalenderen');
  if (year < 1900 || year > 2100) return fail('Datoen skal ligge mellem år 1900 og 2100');
  return ok(`${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`);
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

const PLAIN_INTEGER = /^-?\d+$/;
const COMMA_DECIMAL = /^-?\d+,\d+$/;
const DOTTED_THOUSANDS = /^-?\d{1,3}(\.\d{3})+$/;
const DOTTED_THOUSANDS_COMMA_DECIMAL = /^-?\d{1,3}(\.\d{3})+,\d+$/;
const DOT_DECIMAL = /^-?\d+\.\d+$/;

/**
 * Decimal numbers in the formats of DESIGN §4: `1234,5`, `1.234,5` and `1234.5` (plus plain
 * integers). A single dot followed by exactly three digits and no comma (`12.345`) is refused as
 * ambiguous: in a Danish file it is twelve thousand, in an English one twelve — we do not guess
 * with numbers that end up in council papers. Several groups (`1.234.567`) can only be thousands.
 */
export function parseDecimal(text: string): Parsed<number> {
  let normalised: string;
  if (PLAIN_INTEGER.test(text)) normalised = text;
  else if (COMMA_DECIMAL.test(text)) normalised = text.replace(',', '.');
  else if (DOTTED_THOUSANDS_COMMA_DECIMAL.test(text)) normalised = text.replaceAll('.', '').replace(',', '.');
  else if (DOTTED_THOUSANDS.test(text)) {
    if (text.split('.').length === 2) {
      return fail('Tvetydigt tal: punktum med tre cifre efter kan være tusindtalsskilletegn eller decimaltegn; skriv fx 12345 eller 12,345');
    }
    normalised = text.replaceAll('.', '');
  } else if (DOT_DECIMAL.test(text)) normalised = text;
  else return fail('Ugyldigt tal: brug fx 1234,5, 1.234,5 eller 1234.5');
  const value = Number(normalised);
  if (!Number.isFinite(value)) return fail('Tallet er for stort');
  if (Math.abs(value) >= 1e12) return fail('Tallet er for stort (højst 999.999.999.999)');
  return ok(value);
}

/** Whole numbers; `1.234` is thousands here, since a whole-number column has no decimals. */
export function parseInteger(text: string, min: number, max: number): Parsed<number> {
  let normalised: string;
  if (PLAIN_INTEGER.test(text)) normalised = text;
  else if (DOTTED_THOUSANDS.test(text)) normalised = text.replaceAll('.', '');
  else return fail('Ugyldigt heltal');
  const value = Number(normalised);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    return fail(`Tallet skal ligge mellem ${formatInteger(min)} og ${formatInteger(max)}`);
  }
  return ok(value);
}

// 'min2' groups only from five digits: 1900 stays a year, 10.000.000 gets its dots.
const integerFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0, useGrouping: 'min2' });
const formatInteger = (n: number): string => integerFormat.format(n);
