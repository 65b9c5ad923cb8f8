/**
 * The result store serves exactly what a live computation gives, for every KPI and breakdown,
 * and only for the data version it was computed for.
 */
import { KPI_CATALOGUE } from '@sol/domain/kpi-catalogue.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeKpi } from '../../src/kpis/compute-kpi.ts';
import { getKpiResult } from '../../src/kpis/get-kpi-result.ts';
import type { KpiQuery } from '../../src/kpis/kpi-query.ts';
import { expectedStoredResults, isStoreComplete, precomputeStandardResults, readStoredResults, standardPeriods } from '../../src/kpis/result-store.ts';
import { getKpiContext, type KpiContext } from '../../src/repositories/get-kpi-context.ts';
import { loadSmallMunicipality } from '../helpers/small-municipality.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

let testDb: TestDatabase;
let context: KpiContext;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await loadSmallMunicipality(testDb.database);
  context = await getKpiContext(testDb.database.db);
});
afterAll(async () => {
  await testDb.dispose();
});

describe('standard periods', () => {
  it('are every year, half-year and month a year or half-year request can ask for, clipped to the as-of date, the same spans a year earlier and the whole span', () => {
    const periods = standardPeriods('2021-03-05', '2022-08-31');
    const keys = periods.map((period) => `${period.from}/${period.to}`);
    // 2 years (2022 clipped), 4 half-years (2022 H2 clipped), 20 months (the 2021 series starts in
    // January); a year before the clipped 2022 and 2022 H2: 2021 to 31 August and 1 July–31 August
    // 2021; the whole span 2021-01-01–2022-08-31 (20 months, so its points are the months above).
    expect(periods).toHaveLength(29);
    expect(keys).toContain('2021-01-01/2021-08-31');
    expect(keys).toContain('2021-07-01/2021-08-31');
    expect(keys).toContain('2021-01-01/2022-08-31');
    expect(keys).toContain('2021-01-01/2021-12-31');
    expect(keys).toContain('2022-01-01/2022-08-31');
    expect(keys).toContain('2022-07-01/2022-08-31');
    expect(keys).toContain('2021-01-01/2021-01-31');
    expect(keys).toContain('2022-08-01/2022-08-31');
    expect(keys).not.toContain('2022-09-01/2022-09-30');
  });
});

describe('precomputed results', () => {
  it('are missing before the precompute and equal to live results after it, for every KPI and breakdown', async () => {
    const { db } = testDb.database;
    const asOf = context.defaultAsOf as string;
    const periods = [{ from: '2023-01-01', to: '2023-12-31' }, { from: '2023-02-01', to: '2023-02-28' }, { from: '2022-07-01', to: '2022-12-31' }];
    const queryFor = (by: KpiQuery['by']): KpiQuery => ({ periods, asOf, by, filters: {}, prices: { kind: 'current' }, cohort: 'start' });
    const kpi = KPI_CATALOGUE[0];
    if (!kpi) throw new Error('empty catalogue');
    expect(await readStoredResults(db, kpi, queryFor(null), context)).toBeNull();
    expect(await isStoreComplete(db, context)).toBe(false);

    const report = await precomputeStandardResults(db, context);
    expect(report.periods).toBe(standardPeriods(context.earliestDate as string, asOf).length);
    expect(report.results).toBeGreaterThan(report.periods * KPI_CATALOGUE.length);
    // What a later store miss checks before starting a second precompute.
    expect(report.results).toBe(expectedStoredResults(context));
    expect(await isStoreComplete(db, context)).toBe(true);

    for (const entry of KPI_CATALOGUE) {
      for (const by of [null, ...entry.breakdowns]) {
        const stored = await readStoredResults(db, entry, queryFor(by), context);
        expect(stored, `${entry.id} by ${by}`).not.toBeNull();
        expect(stored, `${entry.id} by ${by}`).toEqual(await computeKpi(entry.id, db, queryFor(by)));
      }
    }
  });

  it('answer the API identically to a live computation, fixed prices included', async () => {
    const { db } = testDb.database;
    const expenditure = KPI_CATALOGUE.find((kpi) => kpi.id === 'expenditure');
    if (!expenditure) throw new Error('expenditure missing');
    const fromStore = await getKpiResult(db, expenditure, { year: 2023, prices: 'fixed' }, context);
    let missed = 0;
    // Another as-of date is never precomputed: the same figures come from a live computation.
    const live = await getKpiResult(db, expenditure, { year: 2023, prices: 'fixed', asOf: context.defaultAsOf as string }, {
      ...context,
      defaultAsOf: '2099-12-31',
    }, { onStoreMiss: () => (missed += 1) });
    expect(missed).toBe(0);
    expect(fromStore.rows).toEqual(live.rows);
    expect(fromStore.series).toEqual(live.series);
  });

  it('are not served for another data version', async () => {
    const { db } = testDb.database;
    const kpi = KPI_CATALOGUE[0];
    if (!kpi) throw new Error('empty catalogue');
    const query: KpiQuery = {
      periods: [{ from: '2023-01-01', to: '2023-12-31' }],
      asOf: context.defaultAsOf as string,
      by: null,
      filters: {},
      prices: { kind: 'current' },
      cohort: 'start',
    };
    expect(await readStoredResults(db, kpi, query, context)).not.toBeNull();
    expect(await readStoredResults(db, kpi, query, { ...context, version: 'another-version' })).toBeNull();
    expect(await readStoredResults(db, kpi, { ...query, filters: { targetGroup: ['UH'] } }, context)).toBeNull();
  });
});
