/**
 * Cron expressions read in Danish time (Europe/Copenhagen), through croner. The rules at the
 * daylight-saving changes are croner's, and they are the product's documented rules
 * (docs/udsendelser.md, tested in schedules-cron.test.ts):
 * - spring forward (last Sunday of March, 02:00 → 03:00): a time in the skipped hour, e.g. 02:30,
 *   runs once that day, at 03:00 summer time;
 * - fall back (last Sunday of October, 03:00 → 02:00): a fixed time in the repeated hour, e.g.
 *   02:30, runs once, at its first occurrence (summer time); an expression with a stepped or
 *   wildcard hour ("every 30 minutes") runs at every instant it matches, so it runs in both hours.
 * A slot is the instant croner gives, so two instances, or a restart, agree on every slot.
 */
import { Cron } from 'croner';
import { BadRequestError } from '../schemas/bad-request.ts';

export const SCHEDULE_TIME_ZONE = 'Europe/Copenhagen' as const;

/** Runs closer together than this would flood the steering group's inboxes. */
const MIN_INTERVAL_MS = 15 * 60 * 1000;

function parse(expression: string): Cron {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new BadRequestError(
      `Cron-udtrykket skal have fem felter (minut time dag måned ugedag), fx "0 7 * * 1-5" for hverdage kl. 07.00; "${expression}" har ${fields.length}`,
    );
  }
  try {
    // paused: the object only computes times; the product's own loop sends (see scheduler.ts).
    return new Cron(fields.join(' '), { timezone: SCHEDULE_TIME_ZONE, paused: true, mode: '5-part' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BadRequestError(`Cron-udtrykket "${expression}" kan ikke læses (${reason}). Eksempel: "0 7 * * 1-5" = hverdage kl. 07.00`);
  }
}

/** The expression, normalised, or a Danish 400 that says what is wrong. */
export function validateCron(expression: string): string {
  const cron = parse(expression);
  const runs = cron.nextRuns(4, new Date());
  if (runs.length === 0) throw new BadRequestError(`Cron-udtrykket "${expression}" kører aldrig`);
  for (let index = 1; index < runs.length; index += 1) {
    const gap = (runs[index] as Date).getTime() - (runs[index - 1] as Date).getTime();
    if (gap < MIN_INTERVAL_MS) {
      throw new BadRequestError(`Cron-udtrykket "${expression}" kører oftere end hvert kvarter; det er for ofte til en mail`);
    }
  }
  return expression.trim().split(/\s+/).join(' ');
}

/** The next `count` runs strictly after `after`. */
export function nextRuns(expression: string, after: Date, count: number): Date[] {
  return parse(expression).nextRuns(count, after);
}

/** Every run in (after, until], oldest first, at most `limit` (the newest kept). */
export function runsBetween(expression: string, after: Date, until: Date, limit = 1000): Date[] {
  const cron = parse(expression);
  const runs: Date[] = [];
  let cursor = after;
  for (;;) {
    const next = cron.nextRun(cursor);
    if (!next || next.getTime() > until.getTime()) break;
    runs.push(next);
    if (runs.length > limit) runs.shift();
    cursor = next;
  }
  return runs;
}

const runText = new Intl.DateTimeFormat('da-DK', {
  timeZone: SCHEDULE_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "mandag den 7. december 2026 kl. 07.00" in Danish time. */
export function formatRunTime(at: Date): string {
  return runText.format(at);
}

const dateText = new Intl.DateTimeFormat('da-DK', { timeZone: SCHEDULE_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });

/** "7. december 2026" in Danish time. */
export function formatDanishDate(at: Date): string {
  return dateText.format(at);
}

const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone: SCHEDULE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Denmark at an instant, as YYYY-MM-DD. */
export function danishIsoDate(at: Date): string {
  return isoDate.format(at);
}
