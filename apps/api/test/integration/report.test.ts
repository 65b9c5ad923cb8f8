/**
 * Afrapportering 2026 end to end on the small municipality, where many values are withheld: the
 * .docx unzips with every indicator's wording, sentence, status and a chart image each, and its
 * value tables equal the strategy answer (withheld values as "<5"/"–", never the count); the PDF
 * has a title page, a summary and one page per indicator, every sentence and "Side 1 af N"; both
 * are named in Danish with the date; bad parameters are Danish 400s.
 */
import { formatMeasureValue } from '@sol/domain/format-danish.ts';
import type { Unit } from '@sol/domain/kpi-catalogue.ts';
import { suppressionMarker } from '@sol/domain/suppression-text.ts';
import { strFromU8, unzipSync } from 'fflate';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StrategyProgress } from '../../src/schemas/strategy.ts';
import { serveSmallMunicipality } from '../helpers/small-municipality-server.ts';

const app = serveSmallMunicipality();
const AS_OF = '2024-12-31';
const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());

let progress: StrategyProgress;
let docx: { body: Buffer; headers: Record<string, unknown> };
let pdf: { body: Buffer; headers: Record<string, unknown> };

async function get(url: string): Promise<{ body: Buffer; headers: Record<string, unknown> }> {
  const response = await app.server.inject({ url });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 500)}`).toBe(200);
  return { body: response.rawPayload, headers: response.headers };
}

/** Every kind of space as one plain space: Danish number formats use no-break spaces. */
const normalise = (text: string): string => text.replace(/\s+/gu, ' ').trim();

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The text of each paragraph-run of a piece of WordprocessingML, entities decoded. */
function runTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) =>
    (match[1] ?? '').replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => XML_ENTITIES[entity] ?? entity),
  );
}

/** Each table of the document as rows of cell texts. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => normalise(runTexts(cell[1] ?? '').join(''))),
    ),
  );
}

const indicators = () => progress.themes.flatMap((theme) => theme.indicators);

/** The table row the report must show for an indicator: the API's values, withheld ones as their marker. */
function expectedValues(indicator: StrategyProgress['themes'][number]['indicators'][number]): string[] {
  const shown = indicator.values.map((point) => {
    if (point.suppressed) return suppressionMarker(point.suppressed, progress.suppressionThreshold);
    if (point.value === null) return 'ingen data';
    return normalise(formatMeasureValue(point.value, indicator.measure.unit as Unit, indicator.measure.decimals));
  });
  const last = indicator.values.at(-1)?.year ?? indicator.baselineYear - 1;
  for (let year = last + 1; year <= progress.strategy.lastYear; year += 1) shown.push('ikke opgjort');
  return shown;
}

// Every chart of the report is drawn by the chart worker, which starts on the first one: time to
// spare on a busy machine.
beforeAll(async () => {
  progress = (await app.server.inject({ url: `/api/strategy?asOf=${AS_OF}` })).json();
  docx = await get(`/api/report/afrapportering.docx?asOf=${AS_OF}`);
  pdf = await get(`/api/report/afrapportering.pdf?asOf=${AS_OF}`);
}, 240_000);

describe('GET /api/report/afrapportering.docx', () => {
  it('is a Word document named in Danish with the date', () => {
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(docx.headers['content-disposition'])).toContain(`filename="afrapportering-2026-${TODAY}.docx"`);
  });

  it('unzips with every indicator’s wording, sentence and status, the title page facts and a chart image per indicator', () => {
    const files = unzipSync(new Uint8Array(docx.body));
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    const text = normalise(runTexts(xml).join(' '));
    expect(text).toContain('Afrapportering 2026');
    expect(text).toContain(progress.strategy.title);
    expect(text).toContain(progress.strategy.municipality);
    expect(text).toContain('31.12.2024');
    expect(text).toContain(`Dataversion: ${progress.dataVersion}`);
    for (const theme of progress.themes) expect(text).toContain(theme.title);
    expect(indicators().length).toBeGreaterThan(5);
    for (const indicator of indicators()) {
      expect(text).toContain(normalise(indicator.wording));
      expect(text).toContain(normalise(indicator.sentence));
    }
    const images = Object.entries(files).filter(([name]) => /^word\/media\/.+\.png$/.test(name));
    expect(images).toHaveLength(indicators().length);
    for (const [, png] of images) expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG');
    // The footer numbers the pages in Danish.
    const footers = Object.entries(files).filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers.map(([, footer]) => strFromU8(footer)).join('')).toMatch(/Side[\s\S]*PAGE[\s\S]*af[\s\S]*NUMPAGES/);
  });

  it('shows each indicator’s yearly values as the API gives them: withheld values as "<5" or "–", never the count', () => {
    const xml = strFromU8(unzipSync(new Uint8Array(docx.body))['word/document.xml'] ?? new Uint8Array());
    // The summary table first, then one values table per indicator in report order.
    const valueTables = tables(xml).slice(1);
    expect(valueTables).toHaveLength(indicators().length);
    let withheld = 0;
    indicators().forEach((indicator, index) => {
      const [years, values] = valueTables[index] ?? [];
      expect(years?.[0]).toBe('År');
      expect(years?.slice(1, 1 + indicator.values.length).map((year) => year.replace('*', ''))).toEqual(indicator.values.map((point) => String(point.year)));
      expect(values?.slice(1), indicator.indicatorId).toEqual(expectedValues(indicator));
      withheld += indicator.values.filter((point) => point.suppressed).length;
    });
    // The small municipality must exercise suppression, or this test proves nothing.
    expect(withheld).toBeGreaterThan(0);
    expect(normalise(runTexts(xml).join(' '))).toContain('Færre end 5 borgere');
  });
});

describe('GET /api/report/afrapportering.pdf', () => {
  it('is a PDF named in Danish with the date, with a title page, a summary, a page per indicator and "Side N af M"', async () => {
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain(`filename="afrapportering-2026-${TODAY}.pdf"`);
    const parser = new PDFParse({ data: new Uint8Array(pdf.body) });
    try {
      const result = await parser.getText();
      // Each indicator (heading, sentence, facts, a chart of ~250 pt and its table) takes more than
      // half an A4 page and is never split, so each has a page of its own.
      expect(result.total).toBe(2 + indicators().length);
      const pages = result.pages.map((page) => normalise(page.text));
      expect(pages[0]).toContain('Afrapportering 2026');
      expect(pages[0]).toContain(progress.strategy.title);
      expect(pages[0]).toContain('Side 1 af ' + result.total);
      expect(pages[1]).toContain('Sammenfatning');
      pages.forEach((page, index) => expect(page).toContain(`Side ${index + 1} af ${result.total}`));
      for (const indicator of indicators()) {
        // Sentence and wording on one page: the indicator is not cut across a page break.
        const page = pages.find((candidate) => candidate.includes(normalise(indicator.sentence)));
        expect(page, indicator.sentence).toBeDefined();
        expect(page).toContain(normalise(indicator.wording));
        // Its values row, withheld values as their marker.
        expect(page).toContain(['Værdi', ...expectedValues(indicator)].join(' '));
      }
      expect(pages.join(' ')).toContain('æ');
    } finally {
      await parser.destroy();
    }
  });
});

describe('bad parameters', () => {
  const bad: [string, RegExp][] = [
    ['/api/report/afrapportering.docx?strategy=nope', /findes ikke/],
    ['/api/report/afrapportering.pdf?asOf=2023-02-31', /ikke en gyldig dato/],
    ['/api/report/afrapportering.pdf?asOf=igår', /asOf/],
    ['/api/report/afrapportering.docx?year=2024', /Ukendt parameter: year/],
  ];
  for (const [url, message] of bad) {
    it(`${url} → 400 in Danish`, async () => {
      const response = await app.server.inject({ url });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ error: 'Ugyldig forespørgsel' });
      expect(response.json().message).toMatch(message);
    });
  }
});
