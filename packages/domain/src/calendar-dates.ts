/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) shared by the API and the web app, so "the same
 * period last year" means one thing in the comparison a card shows and in what the API precomputes.
 */

/** An ISO date one year earlier (29 February becomes 28 February). */
export function yearBefore(iso: string): string {
  const year = Number(iso.slice(0, 4)) - 1;
  const rest = iso.slice(4);
  return rest === '-02-29' ? `${year}-02-28` : `${year}${rest}`;
}
