/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC calendar). The model works in
 * integers so intervals and comparisons are cheap; strings are only made when a row is written.
 */

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Civil date of a day number (civil_from_days). */
export function civilOf(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOf(dayNumber: number): number {
  return civilOf(dayNumber).year;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): number {
  const match = ISO_DATE.exec(text);
  if (!match) throw new Error(`Ugyldig dato "${text}" (forventet ÅÅÅÅ-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = dayOf(year, month, day);
  const back = civilOf(dayNumber);
  if (back.year !== year || back.month !== month || back.day !== day) {
    throw new Error(`Ugyldig dato "${text}"`);
  }
  return dayNumber;
}

// Formatting tens of millions of posting dates: cache the strings of the days in use.
const formatCache = new Map<number, string>();

export function formatDay(dayNumber: number): string {
  let text = formatCache.get(dayNumber);
  if (text === undefined) {
    const { year, month, day } = civilOf(dayNumber);
    text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    formatCache.set(dayNumber, text);
  }
  return text;
}

export function startOfYear(year: number): number {
  return dayOf(year, 1, 1);
}

export function endOfYear(year: number): number {
  return dayOf(year, 12, 31);
}

/** Last day of a month (month 1–12). */
export function endOfMonth(year: number, month: number): number {
  return month === 12 ? dayOf(year, 12, 31) : dayOf(year, month + 1, 1) - 1;
}

/** Fractional year of a day, e.g. 2022.5 in early July 2022 — used for smooth trends. */
export function fractionalYear(dayNumber: number): number {
  const year = yearOf(dayNumber);
  const start = startOfYear(year);
  return year + (dayNumber - start) / (startOfYear(year + 1) - start);
}
