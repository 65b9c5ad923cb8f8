/** The seeded randomness: even streams give each option its share, the normal quantiles are right. */
import { describe, expect, it } from 'vitest';
import { EvenStream, Random, inverseNormal, weightedAt } from '../src/random.ts';

describe('random', () => {
  it('picks by inverse CDF over the weights', () => {
    const entries = [['a', 1], ['b', 0], ['c', 3]] as const;
    expect(weightedAt(entries, 0)).toBe('a');
    expect(weightedAt(entries, 0.249)).toBe('a');
    expect(weightedAt(entries, 0.25)).toBe('c');
    expect(weightedAt(entries, 0.999)).toBe('c');
  });

  it('gives every option of an even stream its share over a short run, from any start', () => {
    for (const start of [0, 0.3, 0.999]) {
      const stream = new EvenStream(start);
      let hits = 0;
      for (let i = 0; i < 200; i++) if (stream.chance(0.05)) hits++;
      // independent draws would give 10 ± 3; the even stream is off by at most about one
      expect(Math.abs(hits - 10)).toBeLessThanOrEqual(1.5);
    }
  });

  it('has even log-normal draws with the given median', () => {
    const stream = new EvenStream(new Random(1, 'test').next());
    const values = Array.from({ length: 1001 }, () => stream.logNormal(500, 0.75)).sort((a, b) => a - b);
    expect(values[500]).toBeGreaterThan(495);
    expect(values[500]).toBeLessThan(505);
  });

  it('computes standard normal quantiles', () => {
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormal(0.01)).toBeCloseTo(-2.326348, 5);
    expect(inverseNormal(0.999)).toBeCloseTo(3.090232, 5);
  });
});
