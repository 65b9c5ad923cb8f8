/** Axis ticks in kroner: millions with a decimal where whole millions would repeat a tick. */
import { describe, expect, it } from 'vitest';
import { formatAxisTick } from '../src/format-value.ts';

describe('formatAxisTick for kr.', () => {
  it('writes steps of 0,4 mio. apart and whole millions without a decimal', () => {
    expect([0, 800_000, 1_600_000, 2_400_000, 3_200_000].map((value) => formatAxisTick(value, 'kr'))).toEqual([
      '0',
      '800.000',
      '1,6 mio.',
      '2,4 mio.',
      '3,2 mio.',
    ]);
    expect(formatAxisTick(300_000_000, 'kr')).toBe('300 mio.');
  });
});
