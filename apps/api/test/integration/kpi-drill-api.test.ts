/**
 * GET /api/kpis/:id/rows on the small municipality, where most groups are tiny: a cell whose count
 * the KPI answer withholds — below the threshold or secondarily, to protect another cell — gives
 * no rows; a shown cell gives exactly its records; KPIs of amounts refuse with a Danish message;
 * rows are capped; the catalogue says which KPIs can drill.
 */
import { KPI_CATALOGUE, findKpi } from '@sol/domain/kpi-catalogue.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { getKpiDrill } from '../../src/kpis/get-kpi-drill.ts';
import { getKpiContext } from '../../src/repositories/get-kpi-context.ts';
import type { KpiDrillResult } from '../../src/schemas/kpi-drill.ts';
import type { KpiResult } from '../../src/schemas/kpi-result.ts';
import { serveSmallMunicipality } from '../helpers/small-municipality-server.ts';

const app = serveSmallMunicipality();

async function getJson<T>(url: string): Promise<T> {
  const response = await app.server.inject({ url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
}

interface Cell {
  kpiId: string;
  query: string;
  group: string | null;
  point: string | null;
  row: KpiResult['rows'][number];
}

/** Every cell of every drillable KPI's answers for 2023, with and without each breakdown. */
async function cellsOf2023(): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const kpi of KPI_CATALOGUE.filter((entry) => entry.drill)) {
    for (const by of [null, ...kpi.breakdowns]) {
      const query = `year=2023${by ? `&by=${by}` : ''}`;
      const result = await getJson<KpiResult>(`/api/kpis/${kpi.id}?${query}`);
      const points = [{ key: null, rows: result.rows }, ...result.series.map((point) => ({ key: point.key, rows: point.rows }))];
      for (const { key, rows } of points) {
        for (const row of rows) {
          if ((by === null) === (row.group === null)) cells.push({ kpiId: kpi.id, query, group: row.group, point: key, row });
        }
      }
    }
  }
  return cells;
}

const drillUrl = (cell: Pick<Cell, 'kpiId' | 'query' | 'group' | 'point'>): string =>
  `/api/kpis/${cell.kpiId}/rows?${cell.query}${cell.group === null ? '' : `&group=${encodeURIComponent(cell.group)}`}${cell.point === null ? '' : `&point=${cell.point}`}`;

describe('suppression', () => {
  let cells: Cell[];
  beforeAll(async () => {
    cells = await cellsOf2023();
  });

  const drillCounts = (cell: Cell): readonly string[] => findKpi(cell.kpiId)?.drill?.counts ?? [];

  for (const reason of ['small-count', 'secondary'] as const) {
    it(`gives no rows for a cell whose count is withheld (${reason})`, async () => {
      const withheld = cells.filter((cell) => drillCounts(cell).some((measure) => cell.row.suppressed[measure] === reason));
      // The small municipality has such cells; the test is void without them.
      expect(withheld.length).toBeGreaterThan(0);
      for (const cell of withheld.slice(0, 8)) {
        const drill = await getJson<KpiDrillResult>(drillUrl(cell));
        expect(drill, drillUrl(cell)).toMatchObject({ suppressed: true, rows: [], count: null });
        expect(drill.message, drillUrl(cell)).toMatch(reason === 'small-count' ? /under 5/ : /skjult/);
      }
    });
  }

  it('lists exactly the records of a shown cell, and withholds a cell whose rows would recount a withheld count', async () => {
    let shown = 0;
    let revealing = 0;
    for (const cell of cells) {
      const kpi = findKpi(cell.kpiId);
      const drill = kpi?.drill;
      if (!drill) continue;
      const count = drill.counts.reduce((sum, measure) => sum + (cell.row.values[measure] ?? 0), 0);
      const withheld = [...drill.counts, ...drill.revealed].some((measure) => cell.row.suppressed[measure]);
      if (count === 0 || (shown >= 12 && !withheld) || (revealing >= 6 && withheld)) continue;
      const answer = await getJson<KpiDrillResult>(drillUrl(cell));
      if (withheld) {
        revealing += 1;
        expect(answer, drillUrl(cell)).toMatchObject({ suppressed: true, rows: [] });
      } else {
        shown += 1;
        expect(answer, drillUrl(cell)).toMatchObject({ suppressed: false, count, message: null, truncated: false });
        expect(answer.rows).toHaveLength(count);
        // Pseudonymous ids only: never anything shaped like a CPR number.
        for (const row of answer.rows) expect(String(row.citizenId)).not.toMatch(/^\d{6}-?\d{4}$/);
      }
    }
    expect(shown).toBeGreaterThan(5);
    expect(revealing).toBeGreaterThan(0);
  });

  it('follows the threshold setting: with 100 every small cell is withheld', async () => {
    await app.testDb.database.db.updateTable('municipality_settings').set({ suppression_threshold: 100 }).execute();
    try {
      const drill = await getJson<KpiDrillResult>('/api/kpis/recipients/rows?year=2023');
      expect(drill).toMatchObject({ suppressionThreshold: 100, suppressed: true, rows: [] });
    } finally {
      await app.testDb.database.db.updateTable('municipality_settings').set({ suppression_threshold: 5 }).execute();
    }
  });
});

describe('answers', () => {
  it('sorts the rows the same way every time and types every column', async () => {
    const first = await getJson<KpiDrillResult>('/api/kpis/recipients/rows?year=2023');
    const again = await getJson<KpiDrillResult>('/api/kpis/recipients/rows?year=2023');
    expect(first.suppressed).toBe(false);
    expect(again.rows).toEqual(first.rows);
    const ids = first.rows.map((row) => String(row.citizenId));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(first.columns.map((column) => column.key)).toEqual(['citizenId', 'targetGroup', 'ageBand', 'paragraphs']);
    expect(first.columns.every((column) => column.title.length > 0)).toBe(true);
    expect(first).toMatchObject({ kpi: { id: 'recipients', code: 'K5' }, by: null, group: null, groupLabel: 'I alt', point: null });
  });

  it('drills into one point of the series', async () => {
    const result = await getJson<KpiResult>('/api/kpis/housing?year=2023');
    const march = result.series.find((point) => point.key === '2023-03');
    const drill = await getJson<KpiDrillResult>('/api/kpis/housing/rows?year=2023&point=2023-03');
    expect(drill.period).toMatchObject({ from: '2023-03-01', to: '2023-03-31' });
    expect(drill.count).toBe(march?.rows[0]?.values.total);
    expect(drill.rows).toHaveLength(drill.suppressed ? 0 : (drill.count ?? -1));
  });

  it('caps the rows and says so', async () => {
    const kpi = findKpi('recipients');
    if (!kpi) throw new Error('recipients missing');
    const drill = await getKpiDrill(app.testDb.database.db, kpi, { year: 2023 }, await getKpiContext(app.testDb.database.db), { maxRows: 6 });
    expect(drill.count).toBeGreaterThan(6);
    expect(drill).toMatchObject({ truncated: true, maxRows: 6, suppressed: false });
    expect(drill.rows).toHaveLength(6);
    expect(drill.message).toMatch(/Viser de første 6 af/);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.server.inject({ url: '/api/kpis/reviews/rows?year=2023' });
    const again = await app.server.inject({ url: '/api/kpis/reviews/rows?year=2023', headers: { 'if-none-match': first.headers.etag as string } });
    expect(again.statusCode).toBe(304);
  });

  it('has the drill in the catalogue: every KPI of people, cases or stays, not the amounts', async () => {
    const catalogue = await getJson<{ kpis: { id: string; drill?: { columns: { title: string }[] } }[] }>('/api/kpis');
    const drillable = catalogue.kpis.filter((kpi) => kpi.drill).map((kpi) => kpi.id);
    expect(drillable).toEqual(['case-processing', 'housing', 'temporary-stays', 'recipients', 'providers', 'reviews', 'measurements']);
    expect(catalogue.kpis.find((kpi) => kpi.id === 'case-processing')?.drill?.columns[0]?.title).toBe('Sag');
  });

  it('publishes the route in OpenAPI with group and point', async () => {
    const spec = (await app.server.inject({ url: '/api/docs/json' })).json();
    const names = spec.paths['/api/kpis/{id}/rows'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(names).toEqual(expect.arrayContaining(['id', 'year', 'by', 'targetGroup', 'group', 'point']));
  });
});

describe('invalid requests', () => {
  const bad: [string, RegExp][] = [
    ['/api/kpis/expenditure/rows?year=2023', /kan ikke åbnes som enkelte poster.*case-processing/],
    ['/api/kpis/strategy-measures/rows?year=2023', /kan ikke åbnes som enkelte poster/],
    ['/api/kpis/recipients/rows?year=2023&by=targetGroup', /group mangler/],
    ['/api/kpis/recipients/rows?year=2023&group=SIND', /group bruges kun sammen med by/],
    ['/api/kpis/recipients/rows?year=2023&point=2022-03', /ikke et punkt i periodens serie/],
    ['/api/kpis/recipients/rows?year=2023&point=marts', /ugyldigt format/],
    ['/api/kpis/recipients/rows?year=2023&by=function&group=5.38.50', /kan ikke opdeles/],
    ['/api/kpis/recipients/rows?year=2023&rows=all', /Ukendt parameter: rows/],
    ['/api/kpis/nope/rows', /skal være en af/],
  ];
  for (const [url, message] of bad) {
    it(`${url} → 400`, async () => {
      const response = await app.server.inject({ url });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().message).toMatch(message);
    });
  }

  it('answers a group without records with no rows and nothing withheld', async () => {
    const drill = await getJson<KpiDrillResult>('/api/kpis/recipients/rows?year=2023&by=targetGroup&group=UDSAT-X');
    expect(drill).toMatchObject({ count: 0, suppressed: false, rows: [] });
  });
});
