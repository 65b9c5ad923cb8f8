/**
 * Budget (budget.csv) per year and function, derived from the full-year actuals so the
 * deviations are plausible: the original budget a few per cent off (usually too low — spending
 * grows), the corrected budget close, and forecasts at the budget follow-ups (end of March, end
 * of August) and at year end getting closer to the outcome. Only forecasts made by today.
 */
import { dayOf, formatDay, yearOf } from '../dates.ts';
import { formatDecimal } from '../format.ts';
import { Random } from '../random.ts';
import type { CsvFileWriter } from '../write.ts';
import type { YearFunctionTotals } from './postings.ts';
import { DATA_START } from './simulation.ts';
import { FUNCTION_CODES } from './services.ts';

const FORECASTS: readonly { month: number; day: number; sd: number }[] = [
  { month: 3, day: 31, sd: 0.03 },
  { month: 8, day: 31, sd: 0.015 },
  { month: 12, day: 31, sd: 0.004 },
];

export async function writeBudget(writer: CsvFileWriter, seed: number, today: number, totals: YearFunctionTotals): Promise<void> {
  const random = new Random(seed, 'budget');
  const thousands = (amount: number): string => formatDecimal(Math.round(amount / 1000) * 1000);
  for (let year = yearOf(DATA_START); year <= yearOf(today); year++) {
    for (const functionCode of FUNCTION_CODES) {
      const actual = totals.get(`${year}|${functionCode}`);
      if (actual === undefined) continue;
      const rows: string[][] = [
        [String(year), functionCode, 'oprindeligt', thousands(actual * (1 + random.normal(-0.015, 0.04))), ''],
        [String(year), functionCode, 'korrigeret', thousands(actual * (1 + random.normal(0, 0.02))), ''],
      ];
      for (const forecast of FORECASTS) {
        const reportedOn = dayOf(year, forecast.month, forecast.day);
        const amount = thousands(actual * (1 + random.normal(0, forecast.sd)));
        if (reportedOn <= today) rows.push([String(year), functionCode, 'forventet', amount, formatDay(reportedOn)]);
      }
      for (const row of rows) {
        const pending = writer.write(row);
        if (pending) await pending;
      }
    }
  }
}
