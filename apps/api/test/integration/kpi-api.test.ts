/**
 * The KPI routes end to end on a small municipality where most groups are tiny: every KPI, every
 * breakdown and a spread of filters must come out suppressed (no count from 1 to 4, no statistic
 * over fewer than 5), invalid parameters are 400s with Danish messages, ETags work, fixed prices
 * follow the index, and the strategy follows the municipality settings.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KPI_CATALOGUE } from '@sol/domain/kpi-catalogue.ts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPUTE_BY_KPI } from '../../src/kpis/compute-kpi.ts';
import type { KpiResult } from '../../src/schemas/kpi-result.ts';
import { buildServer } from '../../src/server.ts';
import { expectSuppressed } from '../helpers/expect-suppressed.ts';
import { loadSmallMunicipality } from '../helpers/small-municipality.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { signInAs } from '../helpers/sign-in.ts';

let testDb: TestDatabase;
let server: FastifyInstance;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await loadSmallMunicipality(testDb.database);
  server = await buildServer({ database: testDb.database, closeDatabaseOnShutdown: false });
  await signInAs(server, testDb.database);
});
afterAll(async () => {
  await server.close();
  await testDb.dispose();
});

async function getKpi(url: string): Promise<KpiResult> {
  const response = await server.inject({ url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
}

describe('GET /api/kpis', () => {
  it('serves the catalogue, and every entry has its computation', async () => {
    const response = await server.inject({ url: '/api/kpis' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.kpis.map((kpi: { id: string }) => kpi.id)).toEqual(KPI_CATALOGUE.map((kpi) => kpi.id));
    expect(Object.keys(COMPUTE_BY_KPI).sort()).toEqual(KPI_CATALOGUE.map((kpi) => kpi.id).sort());
    for (const kpi of body.kpis) expect(kpi.definition.length, kpi.id).toBeGreaterThan(40);
  });
});

describe('suppression on every path', () => {
  const filterSets = ['', '&targetGroup=SIND', '&targetGroup=FYS', '&ageBand=65%2B', '&paragraph=85', '&operation=intern'];
  for (const kpi of KPI_CATALOGUE) {
    it(`${kpi.id}: no breakdown or filter shows a count under 5 or a statistic over fewer than 5`, async () => {
      let checked = 0;
      for (const by of [null, ...kpi.breakdowns]) {
        for (const filters of filterSets) {
          const filterName = filters.slice(1).split('=')[0];
          if (filterName && !(kpi.filters as readonly string[]).includes(filterName)) continue;
          const url = `/api/kpis/${kpi.id}?year=2023${by ? `&by=${by}` : ''}${filters}`;
          const result = await getKpi(url);
          expectSuppressed(result, result.rows, url);
          for (const point of result.series) expectSuppressed(result, point.rows, `${url} ${point.key}`);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('withholds something in this small municipality (the test data exercises the rule)', async () => {
    const result = await getKpi('/api/kpis/recipients?year=2023&by=targetGroup');
    const withheld = result.rows.flatMap((row) => Object.values(row.suppressed));
    expect(withheld).toContain('small-count');
    expect(result.rows.some((row) => row.group !== null && (row.values.recipients ?? 0) >= 5)).toBe(true);
  });

  it('follows the threshold setting', async () => {
    const before = await getKpi('/api/kpis/recipients?year=2023&by=targetGroup');
    await testDb.database.db.updateTable('municipality_settings').set({ suppression_threshold: 100 }).execute();
    try {
      const after = await getKpi('/api/kpis/recipients?year=2023&by=targetGroup');
      expect(after.suppressionThreshold).toBe(100);
      expect(after.rows.filter((row) => row.group !== null).every((row) => row.values.recipients === null || row.values.recipients === 0)).toBe(true);
      expect(before.rows.some((row) => row.group !== null && (row.values.recipients ?? 0) >= 5)).toBe(true);
    } finally {
      await testDb.database.db.updateTable('municipality_settings').set({ suppression_threshold: 5 }).execute();
    }
  });
});

describe('periods, prices and caching', () => {
  it('answers a half-year with a six-month series and clips a period to the as-of date', async () => {
    const half = await getKpi('/api/kpis/recipients?year=2023&half=2');
    expect(half.period).toMatchObject({ from: '2023-07-01', to: '2023-12-31', label: '2. halvår 2023' });
    expect(half.series.map((point) => point.key)).toEqual(['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12']);
    const clipped = await getKpi('/api/kpis/housing?year=2023&asOf=2023-05-15');
    expect(clipped.period).toMatchObject({ to: '2023-05-15', clippedToAsOf: true });
    expect(clipped.series.at(-1)).toMatchObject({ key: '2023-05', to: '2023-05-15' });
  });

  it('converts amounts with the P/L index: fixed = current × index(base) / index(year)', async () => {
    const current = await getKpi('/api/kpis/expenditure?year=2022');
    const fixed = await getKpi('/api/kpis/expenditure?year=2022&prices=fixed&base=2024');
    // The shipped default index: 2022 = 109.8, 2024 = 117.9.
    expect(fixed.query.prices).toEqual({ kind: 'fixed', baseYear: 2024 });
    expect(fixed.rows[0]?.values.amount).toBeCloseTo(((current.rows[0]?.values.amount as number) * 117.9) / 109.8, 2);
    // Without base: prices of the as-of date's year, not the index's last (budget) year 2027.
    const byDefault = await getKpi('/api/kpis/expenditure?year=2022&prices=fixed');
    expect(byDefault.query.prices.baseYear).toBe(Number(byDefault.period.asOf.slice(0, 4)));
    expect(byDefault.query.prices.baseYear).toBeLessThan(2027);
  });

  it('answers 304 to a matching If-None-Match and a new ETag after the data changes', async () => {
    const first = await server.inject({ url: '/api/kpis/reviews?year=2023' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await server.inject({ url: '/api/kpis/reviews?year=2023', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await testDb.database.db.updateTable('municipality_settings').set({ fixed_price_base_year: 2023 }).execute();
    const changed = await server.inject({ url: '/api/kpis/reviews?year=2023', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });
});

describe('invalid parameters', () => {
  const bad: [string, RegExp][] = [
    ['/api/kpis/nope', /skal være en af/],
    ['/api/kpis/housing?foo=1', /Ukendt parameter: foo/],
    ['/api/kpis/housing?year=abc', /heltal/],
    ['/api/kpis/housing?year=2023&half=3', /højst være 2/],
    ['/api/kpis/housing?half=1', /half kræver year/],
    ['/api/kpis/housing?year=2023&from=2023-01-01&to=2023-02-01', /enten year/],
    ['/api/kpis/housing?from=2023-01-01', /sammen/],
    ['/api/kpis/housing?from=2023-05-01&to=2023-04-01', /ligger efter/],
    ['/api/kpis/housing?from=2023-02-30&to=2023-03-01', /ikke en gyldig dato/],
    ['/api/kpis/housing?asOf=2023-13-01', /ikke en gyldig dato/],
    ['/api/kpis/housing?year=2023&asOf=2022-06-30', /efter opgørelsesdatoen/],
    ['/api/kpis/housing?by=paragraph', /kan ikke opdeles/],
    ['/api/kpis/housing?by=everything', /skal være en af/],
    ['/api/kpis/expenditure?targetGroup=UH', /ingen filtre/],
    ['/api/kpis/recipients?targetGroup=XX', /Ukendt kode/],
    ['/api/kpis/recipients?paragraph=999', /Ukendt kode/],
    ['/api/kpis/recipients?targetGroup=', /tomt|mindst 1 tegn/],
    ['/api/kpis/recipients?prices=real', /current, fixed/],
    ['/api/kpis/recipients?prices=fixed&base=1995', /P\/L-indekset mangler/],
    ['/api/kpis/recipients?base=2024', /prices=fixed/],
    ['/api/kpis/housing?cohort=start', /cohort gælder kun/],
    ["/api/kpis/housing?targetGroup=UH';DROP TABLE citizen;--", /format|Ukendt/],
    ['/api/strategy?strategy=nope', /findes ikke/],
    ['/api/strategy?asOf=2023-02-31', /ikke en gyldig dato/],
  ];
  for (const [url, message] of bad) {
    it(`${url} → 400`, async () => {
      const response = await server.inject({ url });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().message).toMatch(message);
    });
  }
});

describe('GET /api/strategy', () => {
  it('follows the municipality settings: switching the active strategy switches the page', async () => {
    const hoejeTaastrup = (await server.inject({ url: '/api/strategy?asOf=2024-12-31' })).json();
    expect(hoejeTaastrup.strategy.strategyId).toBe('hoeje-taastrup-2023-2026');
    expect(hoejeTaastrup.themes).toHaveLength(3);
    // The page shows withheld values as "<threshold>" with the threshold the API applied.
    expect(hoejeTaastrup.suppressionThreshold).toBe(5);
    const indicator = hoejeTaastrup.themes[1].indicators[0];
    expect(indicator).toMatchObject({ kpiId: 'housing', direction: 'up', baselineYear: 2022 });
    expect(indicator.values.map((value: { year: number }) => value.year)).toEqual([2022, 2023, 2024]);
    expect(indicator.sentence).toMatch(/\.$/);

    await testDb.database.db.updateTable('municipality_settings').set({ active_strategy_id: 'halsnaes-2023-2026' }).execute();
    try {
      const halsnaes = (await server.inject({ url: '/api/strategy?asOf=2024-12-31' })).json();
      expect(halsnaes.strategy.municipality).toBe('Halsnæs Kommune');
      expect(halsnaes.themes.flatMap((theme: { indicators: { kpiId: string }[] }) => theme.indicators.map((i) => i.kpiId))).toEqual([
        'housing',
        'providers',
        'reviews',
        'strategy-measures',
      ]);
    } finally {
      await testDb.database.db.updateTable('municipality_settings').set({ active_strategy_id: 'hoeje-taastrup-2023-2026' }).execute();
    }
  });
});

describe('GET /api/reference', () => {
  const planDir = fileURLToPath(new URL('../../../../../shared/data/plan-2018/', import.meta.url));
  const readPlanCsv = (name: string): string[][] =>
    readFileSync(`${planDir}${name}`, 'utf8').trim().split('\n').slice(1).map((line) => line.split(';'));

  it('serves the plan figures exactly as published in shared/data/plan-2018', async () => {
    const plan = (await server.inject({ url: '/api/reference/plan' })).json();
    const keyFigures = readPlanCsv('noegletal-2014-2016.csv');
    expect(plan.keyFigures).toEqual(
      keyFigures.map(([year, unitCost, rank, perThousand]) => ({
        year: Number(year),
        unitCost2016Prices: Number(unitCost),
        rankOf29: Number(rank),
        recipientsPer1000: Number(perThousand?.replace(',', '.')),
      })),
    );
    expect(plan.offers).toHaveLength(readPlanCsv('tilbud-2017.csv').length);
    expect(plan.expenditure.map((figure: { value: number }) => figure.value)).toEqual(
      readPlanCsv('udgifter-2017.csv').map(([, value]) => Number(value?.replace(',', '.'))),
    );
    const effects = readPlanCsv('planeffekt-2014-2022.csv');
    expect(plan.plannedEffect).toHaveLength(effects.length * 5);
  });

  it('stores the realised effect of a plan area and refuses an unknown area', async () => {
    const area = 'Mere effekt i indsatsen vedr. borgere i de tilbud kommunen selv driver';
    const saved = await server.inject({
      method: 'PUT',
      url: '/api/reference/plan/realized-effect',
      payload: { area, year: 2019, amountThousandKr: -15000, note: 'Regnskab 2019' },
    });
    expect(saved.statusCode).toBe(204);
    const plan = (await server.inject({ url: '/api/reference/plan' })).json();
    expect(plan.realizedEffect).toMatchObject([{ area, year: 2019, amountThousandKr: -15000, note: 'Regnskab 2019' }]);
    const unknown = await server.inject({
      method: 'PUT',
      url: '/api/reference/plan/realized-effect',
      payload: { area: 'Noget andet', year: 2019, amountThousandKr: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/ikke et af planens effektområder/);
  });

  it('serves functions, deadlines, the price index with its source, and the strategies', async () => {
    const functions = (await server.inject({ url: '/api/reference/functions' })).json();
    expect(functions.functions).toHaveLength(12);
    const deadlines = (await server.inject({ url: '/api/reference/deadlines' })).json();
    expect(deadlines.deadlines.find((d: { paragraph: string }) => d.paragraph === '85')).toMatchObject({ deadlineDays: 56 });
    const index = (await server.inject({ url: '/api/reference/price-index' })).json();
    expect(index.source).toMatch(/KL/);
    expect(index.index.find((row: { year: number }) => row.year === 2018)).toEqual({ year: 2018, index: 100 });
    const strategies = (await server.inject({ url: '/api/reference/strategies' })).json();
    expect(strategies.strategies.filter((s: { active: boolean }) => s.active)).toHaveLength(1);
  });

  it('publishes OpenAPI with every KPI route and its parameters', async () => {
    const response = await server.inject({ url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    const kpiRoute = spec.paths['/api/kpis/{id}'].get;
    const parameterNames = kpiRoute.parameters.map((parameter: { name: string }) => parameter.name);
    for (const name of ['year', 'half', 'from', 'to', 'asOf', 'by', 'targetGroup', 'prices', 'base', 'id']) {
      expect(parameterNames).toContain(name);
    }
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/strategy', '/api/reference/plan', '/api/kpis']));
  });
});
