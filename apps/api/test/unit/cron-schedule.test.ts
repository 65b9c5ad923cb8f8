/** Cron in Danish time: the documented rules at the DST changes and the Danish errors. */
import { describe, expect, it } from 'vitest';
import { formatRunTime, nextRuns, runsBetween, validateCron } from '../../src/schedules/cron-schedule.ts';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('cron in Europe/Copenhagen', () => {
  it('keeps 07:00 on the clock across both DST changes', () => {
    expect(iso(runsBetween('0 7 * * *', new Date('2027-03-27T00:00:00Z'), new Date('2027-03-29T00:00:00Z')))).toEqual([
      '2027-03-27T06:00:00.000Z', // CET
      '2027-03-28T05:00:00.000Z', // CEST
    ]);
    expect(iso(runsBetween('0 7 * * *', new Date('2026-10-24T00:00:00Z'), new Date('2026-10-26T00:00:00Z')))).toEqual([
      '2026-10-24T05:00:00.000Z',
      '2026-10-25T06:00:00.000Z',
    ]);
  });

  it('runs a time in the skipped hour at 03:00 summer time, and a fixed time in the repeated hour once', () => {
    expect(iso(runsBetween('30 2 * * *', new Date('2027-03-28T00:00:00Z'), new Date('2027-03-28T12:00:00Z')))).toEqual(['2027-03-28T01:00:00.000Z']);
    expect(formatRunTime(new Date('2027-03-28T01:00:00.000Z'))).toBe('søndag den 28. marts 2027 kl. 03.00');
    expect(iso(runsBetween('30 2 * * *', new Date('2026-10-24T23:00:00Z'), new Date('2026-10-25T12:00:00Z')))).toEqual(['2026-10-25T00:30:00.000Z']);
    // Every half hour runs in both 02:xx hours of the fall-back night: each is a real, different instant.
    expect(runsBetween('*/30 * * * *', new Date('2026-10-24T23:45:00Z'), new Date('2026-10-25T02:15:00Z'))).toHaveLength(5);
  });

  it('explains a bad expression in Danish', () => {
    expect(() => validateCron('0 7 * *')).toThrow(/fem felter/);
    expect(() => validateCron('61 7 * * *')).toThrow(/kan ikke læses/);
    expect(() => validateCron('*/5 * * * *')).toThrow(/hvert kvarter/);
    expect(validateCron('  0  7 * * 1-5 ')).toBe('0 7 * * 1-5');
    expect(nextRuns('0 7 * * 1-5', new Date('2026-12-04T07:00:00Z'), 1)[0]?.toISOString()).toBe('2026-12-07T06:00:00.000Z');
  });
});
