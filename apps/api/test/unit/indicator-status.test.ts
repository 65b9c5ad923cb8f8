/**
 * The strategy indicator's status and its generated sentence (rules only): baseline value →
 * latest value, what the change means against the wanted direction, and the target where the
 * strategy sets one.
 */
import { describe, expect, it } from 'vitest';
import { assessIndicator } from '../../src/strategy/indicator-status.ts';

const share = { title: 'Andel i selvstændig bolig', unit: 'procent', decimals: 0 } as const;
const count = { title: 'Unge der flytter i botilbud', unit: 'antal', decimals: 0 } as const;
const years = (values: (number | null)[]) => values.map((value, index) => ({ year: 2022 + index, value }));

describe('assessIndicator', () => {
  it('says how far the indicator has moved from the baseline year and that it is the wanted way', () => {
    const result = assessIndicator(share, 'up', 2022, 0.02, years([0.55, 0.57, 0.61]));
    expect(result.status).toBe('improved');
    expect(result.sentence.replace(/\s/gu, ' ')).toBe('Andel i selvstændig bolig er steget fra 55 % i 2022 til 61 % i 2024. Det er den vej, strategien ønsker.');
  });

  it('names the wanted direction when the change goes the other way or is within the tolerance', () => {
    expect(assessIndicator(count, 'down', 2022, 0.02, years([10, 14])).sentence).toBe(
      'Unge der flytter i botilbud er steget fra 10 i 2022 til 14 i 2023. Strategien ønsker, at tallet falder.',
    );
    const unchanged = assessIndicator(count, 'down', 2022, 0.05, years([100, 102]));
    expect(unchanged.status).toBe('unchanged');
    expect(unchanged.sentence).toContain('er stort set uændret fra 100 i 2022 til 102 i 2023. Strategien ønsker, at tallet falder.');
  });

  it('tells whether the target is reached', () => {
    expect(assessIndicator(share, 'up', 2022, 0.02, years([0.55, 0.61]), 0.6).sentence).toMatch(/Målet er 60\s%, og det er nået\.$/u);
    expect(assessIndicator(count, 'down', 2022, 0.02, years([14, 9]), 5).sentence).toMatch(/Målet er 5, og det er endnu ikke nået\.$/);
  });

  it('uses the latest year with a value when later years are withheld, and cannot judge without a baseline', () => {
    expect(assessIndicator(count, 'down', 2022, 0.02, years([14, 9, null])).sentence).toContain('til 9 i 2023');
    const unknown = assessIndicator(count, 'down', 2022, 0.02, years([null, 9]));
    expect(unknown.status).toBe('unknown');
    expect(unknown.sentence).toContain('ingen værdi for basisåret 2022');
  });
});
