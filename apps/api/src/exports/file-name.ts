/**
 * Download names in Danish with the date, e.g. "sagsbehandlingstider-2026-12-05.png": a UTF-8
 * name (filename*) for browsers, and an ASCII one (æ→ae, ø→oe, å→aa) for clients that know no
 * other; the header itself is written by the content-disposition package.
 */
import contentDisposition from 'content-disposition';

const ASCII_LETTERS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', é: 'e', ü: 'u', ö: 'o', ä: 'a' };

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The Content-Disposition header for a download named after `title` and `date` (ISO). */
export function downloadDisposition(title: string, date: string, extension: string): string {
  const name = `${slug(title)}-${date}.${extension}`;
  const ascii = name.replace(/[^\x20-\x7e]/g, (letter) => ASCII_LETTERS[letter] ?? '-');
  return contentDisposition(name, { fallback: ascii });
}
