/** The demo extract's default last day: the end of the month before today. */
import { describe, expect, it } from 'vitest';
import { previousMonthEnd } from '../../src/demo/seed-demo-data.ts';

describe('previousMonthEnd', () => {
  it.each([
    ['2026-12-05', '2026-11-30'],
    ['2026-12-01', '2026-11-30'],
    ['2026-11-30', '2026-10-31'],
    ['2026-03-15', '2026-02-28'],
    ['2024-03-01', '2024-02-29'],
    ['2026-01-10', '2025-12-31'],
  ])('%s → %s', (today, expected) => {
    expect(previousMonthEnd(today)).toBe(expected);
  });
});
