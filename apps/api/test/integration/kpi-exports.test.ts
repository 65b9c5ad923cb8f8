/**
 * The KPI exports end to end on the small municipality, where most groups are tiny: the chart
 * as PNG (valid, twice the stated size, not blank, its text drawn with the shipped font) and SVG
 * (title, subtitle, source line, æøå), the data as XLSX and CSV read back equal to the KPI's own
 * JSON, suppression holding in every format, and Danish 400s for bad parameters.
 */
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { seriesSpec, survivalSpec } from '@sol/charts/kpi-chart-specs.ts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/exports/chart-png.ts';
import { CachedChartRenderer } from '../../src/exports/cached-chart-renderer.ts';
import { ChartRenderer } from '../../src/exports/chart-renderer.ts';
import type { KpiResult, KpiResultRow } from '../../src/schemas/kpi-result.ts';
import { serveSmallMunicipality } from '../helpers/small-municipality-server.ts';

const app = serveSmallMunicipality();

// The chart worker starts on the first chart (it loads the DOM, React and recharts): started here,
// with time to spare on a busy machine, so no test pays for it.
beforeAll(async () => {
  const response = await app.server.inject({ url: '/api/kpis/housing/chart.svg?year=2023' });
  expect(response.statusCode, response.body).toBe(200);
}, 240_000);

async function get(url: string): Promise<{ body: Buffer; headers: Record<string, unknown> }> {
  const response = await app.server.inject({ url });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 500)}`).toBe(200);
  return { body: response.rawPayload, headers: response.headers };
}

async function getKpi(url: string): Promise<KpiResult> {
  const response = await app.server.inject({ url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
}

const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
const danishDate = (iso: string): string => iso.split('-').reverse().join('.');

/** Rows of the answer in export order: the period's, then each series point's. */
function answerRows(result: KpiResult): { period: string; row: KpiResultRow }[] {
  return [
    ...result.rows.map((row) => ({ period: result.period.label, row })),
    ...result.series.flatMap((point) => point.rows.map((row) => ({ period: point.label, row }))),
  ];
}

function decodePng(body: Buffer): PNG {
  expect(body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return PNG.sync.read(body);
}

function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  expect(match, 'the export svg states its size').not.toBeNull();
  return { width: Number(match?.[1]), height: Number(match?.[2]) };
}

/** Pixels darker than the light grid lines: text, axes, lines and bars. */
function darkPixels(png: PNG, from = 0, to = png.height): number {
  let count = 0;
  for (let y = from; y < to; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (y * png.width + x) * 4;
      if ((png.data[i] as number) + (png.data[i + 1] as number) + (png.data[i + 2] as number) < 300) count += 1;
    }
  }
  return count;
}

describe('GET /api/kpis/:id/chart.png and chart.svg', () => {
  it('draws a valid PNG at twice the SVG size, not blank, with its text drawn in the shipped font', async () => {
    const query = 'year=2023&measures=medianDays,p90Days';
    const svg = (await get(`/api/kpis/case-processing/chart.svg?${query}`)).body.toString('utf8');
    const { body, headers } = await get(`/api/kpis/case-processing/chart.png?${query}`);
    expect(headers['content-type']).toBe('image/png');
    const png = decodePng(body);
    const stated = svgSize(svg);
    expect(stated.width).toBe(800);
    expect({ width: png.width, height: png.height }).toEqual({ width: stated.width * 2, height: stated.height * 2 });

    // Not blank: a white background with a good share of drawn pixels, in more than one colour.
    let sum = 0;
    let sumSquares = 0;
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const grey = ((png.data[i] as number) + (png.data[i + 1] as number) + (png.data[i + 2] as number)) / 3;
      sum += grey;
      sumSquares += grey * grey;
      colours.add(((png.data[i] as number) << 16) | ((png.data[i + 1] as number) << 8) | (png.data[i + 2] as number));
      expect(png.data[i + 3], 'opaque').toBe(255);
    }
    const pixels = png.data.length / 4;
    const variance = sumSquares / pixels - (sum / pixels) ** 2;
    expect(variance).toBeGreaterThan(100);
    expect(colours.has(0x0b5cad), 'the first series colour').toBe(true);
    expect(colours.has(0xb34700), 'the second series colour').toBe(true);

    // Its text is there: the same SVG drawn without its text has far fewer dark pixels in the
    // title band (a missing font draws no text at all, and the two would be alike).
    const withoutText = PNG.sync.read(await svgToPng(svg.replace(/<text[\s\S]*?<\/text>/g, '')));
    const titleBand = [0, 120] as const;
    expect(darkPixels(png, ...titleBand)).toBeGreaterThan(darkPixels(withoutText, ...titleBand) + 2000);
    expect(darkPixels(png)).toBeGreaterThan(darkPixels(withoutText) * 1.2);
  });

  it('names the download in Danish with the date, with an ASCII fallback', async () => {
    const { headers } = await get('/api/kpis/housing/chart.png?year=2023&title=Selvstændig%20bolig%20på%20Østerbro');
    const disposition = String(headers['content-disposition']);
    expect(disposition).toContain(`filename="selvstaendig-bolig-paa-oesterbro-${TODAY}.png"`);
    expect(disposition).toContain(`filename*=UTF-8''selvst%C3%A6ndig-bolig-p%C3%A5-%C3%B8sterbro-${TODAY}.png`);
    const data = await get('/api/kpis/case-processing/data.xlsx?year=2023');
    expect(String(data.headers['content-disposition'])).toContain(`filename="sagsbehandlingstider-${TODAY}.xlsx"`);
  });

  it('has title, subtitle with period and filters, legend, source line and æøå in the SVG', async () => {
    const result = await getKpi('/api/kpis/recipients?year=2023&targetGroup=UH,SIND');
    const { body, headers } = await get('/api/kpis/recipients/chart.svg?year=2023&targetGroup=UH,SIND&measures=recipients,newRecipients');
    expect(headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = body.toString('utf8');
    expect(svg).toMatch(/^<\?xml[^>]*\?>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<title>Modtagere og modtagerandel</title>');
    expect(svg).toContain('Målgruppe: Udviklingshæmning, Sindslidelse');
    expect(svg).toContain('Nye modtagere');
    expect(svg).toContain(`${result.kpi.source} · data pr. ${danishDate(result.period.asOf)}`);
    expect(svg).toMatch(/Kilde: .+ · data pr\. \d{2}\.\d{2}\.\d{4}/);
    // The month axis of the chart component itself.
    expect(svg).toContain('recharts-surface');
    expect(svg).toContain('jan. 2023');
    // It stands alone: resvg reads it without help and finds its size.
    expect(new Resvg(svg, { font: { loadSystemFonts: false } }).width).toBe(800);
  });

  it("marks the active strategy's start on a series over years, as the dashboard does, and not on months", async () => {
    // The shipped Høje-Taastrup strategy 2023–2026 is the active one.
    const yearly = (await get('/api/kpis/housing/chart.svg?from=2021-01-01&to=2023-12-31&measures=independentShare')).body.toString('utf8');
    expect(yearly).toContain('Ny strategi 2023');
    const monthly = (await get('/api/kpis/housing/chart.svg?year=2023&measures=independentShare')).body.toString('utf8');
    expect(monthly).not.toContain('Ny strategi');
  });

  it('keeps a finished image by what it shows: the same spec gives the same PNG at once, another spec a new one', async () => {
    const result = await getKpi('/api/kpis/housing?year=2023');
    const spec = seriesSpec(result, ['independentShare']);
    const renderer = new CachedChartRenderer(new ChartRenderer());
    try {
      const first = await renderer.png(spec);
      // The very same buffer, not a second render that happens to be equal.
      expect(await renderer.png(structuredClone(spec))).toBe(first);
      const retitled = await renderer.png({ ...spec, title: `${spec.title} (kopi)` });
      expect(retitled).not.toBe(first);
      expect(retitled.equals(first)).toBe(false);
    } finally {
      await renderer.close();
    }
  }, 120_000);

  it('notes fixed prices in the source line', async () => {
    const svg = (await get('/api/kpis/expenditure/chart.svg?year=2023&prices=fixed&base=2024')).body.toString('utf8');
    expect(svg).toMatch(/data pr\. \d{2}\.\d{2}\.\d{4} · faste 2024-priser/);
  });

  it('draws a breakdown as bars, one per shown group, none for a withheld one', async () => {
    const result = await getKpi('/api/kpis/recipients?year=2023&by=targetGroup');
    const groups = result.rows.filter((row) => row.group !== null);
    const shown = groups.filter((row) => (row.values.recipients ?? 0) > 0);
    expect(groups.some((row) => row.suppressed.recipients), 'the small municipality withholds a group').toBe(true);
    const svg = (await get('/api/kpis/recipients/chart.svg?year=2023&by=targetGroup&measures=recipients')).body.toString('utf8');
    expect(svg.match(/class="recharts-rectangle"/g) ?? []).toHaveLength(shown.length);
    for (const row of groups) expect(svg, row.label).toContain(row.label);
    // On paper a withheld bar says so: its marker at the foot of the bar, and a note below.
    const markers = [...svg.matchAll(/class="export-withheld"[^>]*>([^<]*)</g)].map((match) => match[1]);
    expect(markers).toEqual(groups.filter((row) => row.suppressed.recipients).map((row) => (row.suppressed.recipients === 'small-count' ? '&lt;5' : '–')));
    expect(svg).toContain('Ikke alle værdier vises');
  });

  it('draws a series per group, and the survival curve of temporary stays', async () => {
    const byGroup = (await get('/api/kpis/recipients/chart.svg?year=2023&by=targetGroup&chart=series&measures=recipients')).body.toString('utf8');
    expect(byGroup).toContain('Udviklingshæmning');
    expect(byGroup.match(/class="recharts-curve recharts-line-curve"/g)?.length).toBeGreaterThan(1);

    // The survival curve as the worker draws it (the small municipality has too few stays).
    const curve = survivalSpec({ ...(await getKpi('/api/kpis/temporary-stays?year=2023')), survivalCurve: { stays: 40, points: [{ day: 0, survival: 1 }, { day: 120, survival: 0.7 }, { day: 400, survival: 0.35 }] } });
    expect(curve).not.toBeNull();
    const renderer = new ChartRenderer();
    const drawn = await renderer.svg(curve as ChartSpec).finally(() => renderer.close());
    expect(drawn).toContain('Dage siden start');
    expect(drawn).toContain('40 ophold');

    const query = 'from=2021-01-01&to=2024-12-31&cohort=active';
    const result = await getKpi(`/api/kpis/temporary-stays?${query}`);
    const response = await app.server.inject({ url: `/api/kpis/temporary-stays/chart.svg?${query}&chart=survival` });
    if (result.survivalCurve) {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).toContain('Dage siden start');
      expect(response.body).toContain(`${result.survivalCurve.stays} ophold`);
    } else {
      expect(response.statusCode).toBe(404);
      expect(response.json().message).toMatch(/færre end 5 ophold/);
    }
  });
});

describe('GET /api/kpis/:id/data.xlsx and data.csv', () => {
  const url = (format: string, query: string): string => `/api/kpis/case-processing/data.${format}?${query}`;
  const query = 'year=2023&by=paragraph';

  it('writes an XLSX whose cells equal the KPI answer, with Danish number formats and a header block', async () => {
    const result = await getKpi(`/api/kpis/case-processing?${query}`);
    const { body, headers } = await get(url('xlsx', query));
    expect(headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Data');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]?.[0]).toBe('Sagsbehandlingstider');
    const header = new Map(rows.slice(1, rows.findIndex((row) => row.length === 0)).map((row) => [row[0], row[1]]));
    expect(header.get('Periode')).toBe(result.period.label);
    expect(header.get('Opdeling')).toBe('Paragraf');
    expect(header.get('Kilde')).toBe('sagssystemet (ansøgninger)');
    expect(header.get('Data pr.')).toBe(danishDate(result.period.asOf));
    expect(header.get('Dataversion')).toBe(result.dataVersion);

    const tableAt = rows.findIndex((row) => row[0] === 'Periode' && row[1] === 'Gruppe');
    const titles = rows[tableAt]?.slice(2);
    expect(titles).toEqual(result.kpi.measures.map((measure) => expect.stringContaining(measure.title)));
    const expected = answerRows(result);
    const table = rows.slice(tableAt + 1);
    expect(table).toHaveLength(expected.length);
    let withheld = 0;
    expected.forEach(({ period, row }, index) => {
      const excelRow = sheet.getRow(tableAt + 2 + index);
      expect(excelRow.getCell(1).value).toBe(period);
      expect(excelRow.getCell(2).value).toBe(row.label);
      result.kpi.measures.forEach((measure, column) => {
        const cell = excelRow.getCell(column + 3);
        const reason = row.suppressed[measure.id];
        if (reason) {
          withheld += 1;
          expect(cell.value).toBe(reason === 'small-count' ? '<5' : '–');
          expect(String(cell.note)).toMatch(/vises ikke|Skjult|ikke vist/);
        } else if (row.values[measure.id] === null) {
          expect(cell.value === null || typeof cell.value === 'string').toBe(true);
        } else {
          // Real numbers, not text: the exact value the API answered.
          expect(cell.value, `${period} ${row.label} ${measure.id}`).toBe(row.values[measure.id]);
          expect(cell.numFmt).toBe(
            measure.unit === 'procent' ? (measure.decimals ? `0.${'0'.repeat(measure.decimals)} %` : '0 %') : measure.decimals ? `#,##0.${'0'.repeat(measure.decimals)}` : '#,##0',
          );
        }
      });
    });
    expect(withheld, 'the small municipality withholds cells here').toBeGreaterThan(0);
  });

  it('writes a CSV for Danish Excel: BOM, semicolons, decimal comma, CRLF, æøå, the same numbers', async () => {
    const result = await getKpi(`/api/kpis/case-processing?${query}`);
    const { body, headers } = await get(url('csv', query));
    expect(headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    const records: string[][] = parse(body, { delimiter: ';', bom: true, relax_column_count: true, skip_empty_lines: false });
    expect(records[0]).toEqual(['Nøgletal', 'Sagsbehandlingstider']);
    expect(records).toContainEqual(['Kilde', 'sagssystemet (ansøgninger)']);
    expect(records).toContainEqual(['Data pr.', danishDate(result.period.asOf)]);
    const tableAt = records.findIndex((row) => row[0] === 'Periode' && row[1] === 'Gruppe');
    expect(records[tableAt - 1]).toEqual(['']);
    const expected = answerRows(result);
    expect(records.slice(tableAt + 1)).toHaveLength(expected.length);
    expected.forEach(({ period, row }, index) => {
      const record = records[tableAt + 1 + index] as string[];
      expect(record.slice(0, 2)).toEqual([period, row.label]);
      result.kpi.measures.forEach((measure, column) => {
        const field = record[column + 2] as string;
        const value = row.values[measure.id];
        if (row.suppressed[measure.id]) expect(field).toBe(row.suppressed[measure.id] === 'small-count' ? '<5' : '–');
        else if (value === null || value === undefined) expect(field === '' || /[a-zæøå]/i.test(field)).toBe(true);
        else {
          expect(field, `${period} ${row.label} ${measure.id}`).toMatch(/^-?\d+(,\d+)?$/);
          const shown = measure.unit === 'procent' ? value * 100 : value;
          expect(Number(field.replace(',', '.'))).toBeCloseTo(shown, measure.decimals);
        }
      });
    });
    // æøå survive: measure titles and a paragraph label.
    expect(records[tableAt]).toContain('Åbne sager ved periodens slutning');
  });
});

describe('suppression holds in every export format', () => {
  it('shows no withheld count from 1 to 4 in XLSX, CSV or SVG, and "<5" where the JSON withholds', async () => {
    const query = 'year=2023&by=targetGroup';
    const result = await getKpi(`/api/kpis/recipients?${query}`);
    const threshold = result.suppressionThreshold;
    const countIds = new Set(result.kpi.measures.filter((measure) => measure.kind === 'count').map((measure) => measure.id));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await get(`/api/kpis/recipients/data.xlsx?${query}`)).body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Data');
    const csv: string[][] = parse((await get(`/api/kpis/recipients/data.csv?${query}`)).body, { delimiter: ';', bom: true, relax_column_count: true });
    const xlsxAt = (() => {
      let at = 0;
      sheet?.eachRow((row, number) => {
        if (row.getCell(1).value === 'Periode' && row.getCell(2).value === 'Gruppe') at = number;
      });
      return at;
    })();
    const csvAt = csv.findIndex((row) => row[0] === 'Periode' && row[1] === 'Gruppe');
    let checked = 0;
    answerRows(result).forEach(({ row }, index) => {
      result.kpi.measures.forEach((measure, column) => {
        const xlsxValue = sheet?.getRow(xlsxAt + 1 + index).getCell(column + 3).value;
        const csvValue = csv[csvAt + 1 + index]?.[column + 2];
        if (countIds.has(measure.id) && typeof xlsxValue === 'number') {
          expect(xlsxValue >= 1 && xlsxValue < threshold, `${row.label} ${measure.id}`).toBe(false);
        }
        if (countIds.has(measure.id) && csvValue && /^\d+$/.test(csvValue)) {
          expect(Number(csvValue) >= 1 && Number(csvValue) < threshold, `${row.label} ${measure.id}`).toBe(false);
        }
        if (row.suppressed[measure.id] === 'small-count') {
          expect(xlsxValue).toBe(`<${threshold}`);
          expect(csvValue).toBe(`<${threshold}`);
          checked += 1;
        }
      });
    });
    expect(checked).toBeGreaterThan(0);

    // The chart: bars only for the groups shown, none for the withheld ones (their labels stay).
    const svg = (await get(`/api/kpis/recipients/chart.svg?${query}`)).body.toString('utf8');
    const groups = result.rows.filter((row) => row.group !== null);
    const withheld = groups.filter((row) => row.suppressed.perThousand);
    expect(withheld.length).toBeGreaterThan(0);
    expect(svg.match(/class="recharts-rectangle"/g) ?? []).toHaveLength(groups.filter((row) => (row.values.perThousand ?? 0) > 0).length);
    expect(svg.match(/class="export-withheld"/g) ?? []).toHaveLength(withheld.length);
  });
});

describe('invalid export parameters', () => {
  const bad: [string, RegExp][] = [
    ['/api/kpis/nope/chart.png', /skal være en af/],
    ['/api/kpis/housing/chart.png?foo=1', /Ukendt parameter: foo/],
    ['/api/kpis/housing/chart.svg?year=abc', /heltal/],
    ['/api/kpis/housing/chart.png?chart=survival', /kun for temporary-stays/],
    ['/api/kpis/housing/chart.png?chart=breakdown', /kræver by/],
    ['/api/kpis/housing/chart.png?chart=pie', /skal være en af/],
    ['/api/kpis/housing/chart.png?measures=nope', /Målet nope findes ikke/],
    ['/api/kpis/case-processing/chart.png?measures=medianDays,decided', /samme enhed/],
    ['/api/kpis/recipients/chart.png?by=targetGroup&chart=series&measures=recipients,newRecipients', /ét mål ad gangen/],
    ['/api/kpis/housing/chart.png?width=100', /mindst 480/],
    ['/api/kpis/housing/chart.png?kind=pie', /line, bar/],
    ['/api/kpis/housing/data.xlsx?chart=series', /Ukendt parameter: chart/],
    ['/api/kpis/housing/data.csv?by=paragraph', /kan ikke opdeles/],
    ['/api/kpis/housing/data.xlsx?year=2023&half=3', /højst være 2/],
    ['/api/kpis/recipients/data.csv?targetGroup=XX', /Ukendt kode/],
  ];
  for (const [url, message] of bad) {
    it(`${url} → 400`, async () => {
      const response = await app.server.inject({ url });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toMatch(/json/);
      expect(response.json().message).toMatch(message);
    });
  }
});
