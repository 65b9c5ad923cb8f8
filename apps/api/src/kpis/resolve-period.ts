/**
 * Turns the period part of a query into inclusive dates, checked and clipped to the as-of date.
 * Every invalid combination is a BadRequestError with a Danish message, never a 500.
 */
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { BadRequestError } from '../schemas/bad-request.ts';
import type { PeriodQuery } from '../schemas/period-query.ts';

export interface Period {
  from: string;
  to: string;
  asOf: string;
  label: string;
  clippedToAsOf: boolean;
}

const MONTHS = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];

export function isValidIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}


export function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function resolvePeriod(query: PeriodQuery, defaultAsOf: string): Period {
  for (const [name, value] of [['from', query.from], ['to', query.to], ['asOf', query.asOf]] as const) {
    if (value !== undefined && !isValidIsoDate(value)) {
      throw new BadRequestError(`${name}=${value} er ikke en gyldig dato (brug ÅÅÅÅ-MM-DD)`);
    }
  }
  const asOf = query.asOf ?? defaultAsOf;
  const explicit = query.from !== undefined || query.to !== undefined;
  if (explicit && (query.year !== undefined || query.half !== undefined)) {
    throw new BadRequestError('Angiv enten year (og evt. half) eller from og to, ikke begge');
  }
  if (query.half !== undefined && query.year === undefined) {
    throw new BadRequestError('half kræver year, fx year=2026&half=1');
  }
  if (explicit && (query.from === undefined || query.to === undefined)) {
    throw new BadRequestError('from og to skal angives sammen');
  }

  let from: string;
  let to: string;
  let label: string;
  if (query.from !== undefined && query.to !== undefined) {
    if (query.from > query.to) throw new BadRequestError(`from (${query.from}) ligger efter to (${query.to})`);
    ({ from, to } = query as { from: string; to: string });
    label = `${formatIsoDate(from)}–${formatIsoDate(to)}`;
  } else {
    const year = query.year ?? Number(asOf.slice(0, 4));
    if (query.half === 1) [from, to, label] = [`${year}-01-01`, `${year}-06-30`, `1. halvår ${year}`];
    else if (query.half === 2) [from, to, label] = [`${year}-07-01`, `${year}-12-31`, `2. halvår ${year}`];
    else [from, to, label] = [`${year}-01-01`, `${year}-12-31`, String(year)];
  }
  if (from > asOf) {
    throw new BadRequestError(
      `Perioden begynder ${formatIsoDate(from)}, efter opgørelsesdatoen ${formatIsoDate(asOf)}; der er ingen data at vise`,
    );
  }
  const clippedToAsOf = to > asOf;
  if (clippedToAsOf) {
    to = asOf;
    label = `${label} (til ${formatIsoDate(asOf)})`;
  }
  return { from, to, asOf, label, clippedToAsOf };
}

/**
 * The points of a period's time series: months for periods up to two years, otherwise years,
 * each clipped to the period.
 */
export function seriesPeriods(period: Period): { key: string; label: string; from: string; to: string }[] {
  const startYear = Number(period.from.slice(0, 4));
  const startMonth = Number(period.from.slice(5, 7));
  const endYear = Number(period.to.slice(0, 4));
  const endMonth = Number(period.to.slice(5, 7));
  const months = (endYear - startYear) * 12 + (endMonth - startMonth) + 1;
  const points: { key: string; label: string; from: string; to: string }[] = [];
  const clip = (from: string, to: string): [string, string] => [from < period.from ? period.from : from, to > period.to ? period.to : to];
  if (months <= 24) {
    for (let index = 0; index < months; index += 1) {
      const year = startYear + Math.floor((startMonth - 1 + index) / 12);
      const month = ((startMonth - 1 + index) % 12) + 1;
      const [from, to] = clip(`${year}-${String(month).padStart(2, '0')}-01`, lastDayOfMonth(year, month));
      points.push({ key: `${year}-${String(month).padStart(2, '0')}`, label: `${MONTHS[month - 1]} ${year}`, from, to });
    }
  } else {
    for (let year = startYear; year <= endYear; year += 1) {
      const [from, to] = clip(`${year}-01-01`, `${year}-12-31`);
      points.push({ key: String(year), label: String(year), from, to });
    }
  }
  return points;
}
