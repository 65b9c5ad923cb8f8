/**
 * The demo municipality resembles the plan's figures (DESIGN §10) and tells the strategy's story
 * after 2022. Figures computed from the files with the KPI definitions of DESIGN §5–6.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  citizensByOperation,
  independentShare,
  loadDemoFiles,
  measurementAverages,
  recipients,
  recipientsPer1000,
  shareReviewed,
  shareWithinDeadline,
  spending,
  spendingByOperation,
  temporaryStayMedian,
  youngEnteringResidential,
  type DemoFiles,
} from './support/metrics.ts';
import { parseDecimal, readCsv } from './support/read-csv.ts';
import { generateToTemp, type TempOutput } from './support/temp-output.ts';

const TODAY = '2026-11-22';
const RESIDENTIAL_AND_ACTIVITY_FUNCTIONS = ['5.38.50', '5.38.51', '5.38.52', '5.38.59'];
const FULL_YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

describe('calibration against the 2018 plan', () => {
  let output: TempOutput;
  let files: DemoFiles;
  beforeAll(async () => {
    output = await generateToTemp({ today: TODAY });
    files = loadDemoFiles(output.dir);
  });
  afterAll(() => output?.cleanup());

  it('has about 37,000 inhabitants in 2018, growing ~0.7 % a year', () => {
    const in2018 = files.populationByYear.get(2018) ?? 0;
    expect(in2018).toBeGreaterThan(36_000);
    expect(in2018).toBeLessThan(38_000);
    const yearlyGrowth = Math.pow((files.populationByYear.get(2026) ?? 0) / in2018, 1 / 8) - 1;
    expect(yearlyGrowth).toBeGreaterThan(0.004);
    expect(yearlyGrowth).toBeLessThan(0.01);
  });

  it("reproduces the plan's 2017 level in 2018 within ±5 % on all eight key figures", () => {
    const index = readCsv(output.dir, 'pl_indeks.csv');
    const indexOf = (year: number): number =>
      parseDecimal(index.get(index.rows.find((row) => index.get(row, 'aar') === String(year)) ?? [], 'indeks'));
    const total = spending(files, 2018);
    const byOperation = citizensByOperation(files, 2018);
    const costByOperation = spendingByOperation(files, 2018);
    const figures: [string, number, number][] = [
      ['recipients per 1,000', recipientsPer1000(files, 2018), 34.1],
      ['spending', total, 312.5e6 * 1.045],
      ['unit cost', total / recipients(files, 2018), (253_419 * indexOf(2018)) / indexOf(2016)],
      ['internal citizens', byOperation.intern, 641],
      ['external citizens', byOperation.ekstern, 465],
      ['internal cost', costByOperation.intern, 84e6],
      ['external cost', costByOperation.ekstern, 172e6],
      ['share on 5.38.50/51/52/59', spending(files, 2018, RESIDENTIAL_AND_ACTIVITY_FUNCTIONS) / total, 0.73],
    ];
    for (const [name, value, target] of figures) {
      expect(Math.abs(value / target - 1), `${name}: ${value} vs ${target}`).toBeLessThanOrEqual(0.05);
    }
  });

  it('has 30–38 recipients per 1,000 inhabitants in every year (plan: ~34)', () => {
    for (const year of FULL_YEARS) {
      const rate = recipientsPer1000(files, year);
      expect(rate, String(year)).toBeGreaterThanOrEqual(30);
      expect(rate, String(year)).toBeLessThanOrEqual(38);
    }
  });

  it('spends 300–350 mio. kr. net in 2018 (plan: 312.5 in 2017, +4–5 % a year), growing 3–6 % a year', () => {
    const in2018 = spending(files, 2018);
    expect(in2018).toBeGreaterThanOrEqual(300e6);
    expect(in2018).toBeLessThanOrEqual(350e6);
    const yearlyGrowth = Math.pow(spending(files, 2025) / in2018, 1 / 7) - 1;
    expect(yearlyGrowth).toBeGreaterThan(0.03);
    expect(yearlyGrowth).toBeLessThan(0.06);
  });

  it('spends 65–80 % on long-term and temporary botilbud and activity offers (plan: 73 %)', () => {
    const share = spending(files, 2018, RESIDENTIAL_AND_ACTIVITY_FUNCTIONS) / spending(files, 2018);
    expect(share).toBeGreaterThanOrEqual(0.65);
    expect(share).toBeLessThanOrEqual(0.8);
  });

  it.each(FULL_YEARS)('serves ~640 citizens internally and ~465 externally in %i (±20 %)', (year) => {
    const { intern, ekstern } = citizensByOperation(files, year);
    expect(intern).toBeGreaterThanOrEqual(640 * 0.8);
    expect(intern).toBeLessThanOrEqual(640 * 1.2);
    expect(ekstern).toBeGreaterThanOrEqual(465 * 0.8);
    expect(ekstern).toBeLessThanOrEqual(465 * 1.2);
  });

  it('has about half in independent housing before the strategy, and more after it', () => {
    const before = independentShare(files, '2022-06-30').share;
    const after = independentShare(files, '2026-06-30').share;
    expect(before).toBeGreaterThan(0.45);
    expect(before).toBeLessThan(0.6);
    expect(after).toBeGreaterThan(before);
  });

  it('shortens §107 stays after 2022 (median ~1–1.5 years before)', () => {
    const before = temporaryStayMedian(files, 2018, TODAY, 2022);
    const after = temporaryStayMedian(files, 2023, TODAY, 2025);
    expect(before).not.toBeNull();
    expect(after).not.toBeNull();
    expect(before ?? 0).toBeGreaterThanOrEqual(330);
    expect(before ?? 0).toBeLessThanOrEqual(560);
    expect(after ?? 0).toBeLessThan(before ?? 0);
  });

  it('has a handful to a few dozen young people entering botilbud a year, fewer after 2022', () => {
    const average = (from: number, to: number): number => {
      let sum = 0;
      for (let year = from; year <= to; year++) sum += youngEnteringResidential(files, year);
      return sum / (to - from + 1);
    };
    const before = average(2018, 2022);
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThanOrEqual(40);
    expect(average(2023, 2025)).toBeLessThan(before);
  });

  it("improves case processing, reviews and the citizens' experience after 2022", () => {
    const within2021 = shareWithinDeadline(output.dir, 2021);
    expect(within2021).toBeGreaterThan(0.6);
    expect(within2021).toBeLessThan(0.9);
    expect(shareWithinDeadline(output.dir, 2025)).toBeGreaterThan(within2021);

    const reviewed2021 = shareReviewed(output.dir, files, '2021-06-30');
    expect(reviewed2021).toBeGreaterThan(0.5);
    expect(reviewed2021).toBeLessThan(0.75);
    expect(shareReviewed(output.dir, files, '2026-06-30')).toBeGreaterThan(reviewed2021);

    const before = measurementAverages(output.dir, 2021);
    const after = measurementAverages(output.dir, 2025);
    for (const code of ['faellesskab', 'dialog', 'effekt', 'trivsel', 'sammenhaeng']) {
      expect(after[code], code).toBeGreaterThan(before[code] ?? Number.POSITIVE_INFINITY);
    }
  });
});
