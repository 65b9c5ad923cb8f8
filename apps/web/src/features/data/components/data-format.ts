/** Danish wording of the Data page's figures: rows, bytes, durations and lists of files. */
import { formatDecimal } from '@sol/domain/format-danish.ts';
import { formatNumber } from '../../../shared/format.ts';

/** 1 → "Én række", 1234 → "1.234 rækker" (the number word, as a sentence starts). */
export function rowsSentenceStart(count: number): string {
  if (count === 0) return 'Ingen rækker';
  if (count === 1) return 'Én række';
  return `${formatNumber(count)} rækker`;
}

/** 1 → "1 række", 1234 → "1.234 rækker" (inside a sentence or a table). */
export function rowsText(count: number): string {
  return `${formatNumber(count)} ${count === 1 ? 'række' : 'rækker'}`;
}

/** 1 → "1 fejl" (the word is the same in the plural). */
export function errorsText(count: number): string {
  return `${formatNumber(count)} fejl`;
}

/** 2_516_582 → "2,4 MB", 1_500 → "1,5 kB", 12 → "12 bytes" (1 kB = 1.024 bytes, as file managers show it). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return `${formatDecimal(kilobytes, kilobytes < 10 ? 1 : 0)} kB`;
  const megabytes = kilobytes / 1024;
  return `${formatDecimal(megabytes, megabytes < 10 ? 1 : 0)} MB`;
}

/** 830 → "0,8 s", 75_000 → "1 min 15 s" (SI symbols: no period to clash with a sentence's). */
export function formatDuration(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  if (seconds < 0.1) return 'under 0,1 s';
  if (seconds < 60) return `${formatDecimal(seconds, seconds < 10 ? 1 : 0)} s`;
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${formatNumber(minutes)} min` : `${formatNumber(minutes)} min ${rest} s`;
}

/** ["a", "b", "c"] → "a, b og c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} og ${items.at(-1) ?? ''}`;
}

/** A share as a whole percentage, for a progress bar: never 100 before the work is done. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(99, Math.floor((done / total) * 100));
}
