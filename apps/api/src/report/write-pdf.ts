/**
 * The Afrapportering as PDF (pdfkit), from the same document model as the Word file. Roboto is
 * embedded from the npm package the charts already use, so æøå render on every reader; each
 * indicator starts on a new page when it would not fit whole on the current one, so a chart is
 * never cut across a page break nor parted from its table; every page says "Side N af M".
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { CHART_FONT_FILES } from '../exports/chart-fonts.ts';
import type { ReportIndicator, ReportModel } from './build-report.ts';
import { HEADER_FILL, MUTED_COLOUR, STATUS_COLOURS } from './report-style.ts';

const require = createRequire(import.meta.url);

const FONTS = {
  regular: CHART_FONT_FILES.regular,
  semibold: CHART_FONT_FILES.semibold,
  bold: require.resolve('@expo-google-fonts/roboto/700Bold/Roboto_700Bold.ttf'),
} as const;

const MARGIN = { top: 56, bottom: 64, left: 62, right: 62 };
const TEXT = '#1B1B1B';
const BODY = 10.5;
const SMALL = 8.5;
const TABLE_PADDING = 4;

type Doc = PDFKit.PDFDocument;

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN.bottom;
}

function heading(doc: Doc, text: string, size: number, gapAfter = 8): void {
  doc.font('semibold').fontSize(size).fillColor(TEXT).text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(gapAfter / size);
}

function paragraph(doc: Doc, text: string, options: { size?: number; colour?: string; gapAfter?: number } = {}): void {
  const size = options.size ?? BODY;
  doc.font('regular').fontSize(size).fillColor(options.colour ?? TEXT).text(text, MARGIN.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.moveDown((options.gapAfter ?? 6) / size);
}

/** "Label: value" with the label in bold. */
function fact(doc: Doc, label: string, value: string, size = BODY): void {
  doc.font('semibold').fontSize(size).fillColor(TEXT).text(`${label}: `, MARGIN.left, doc.y, { continued: true, width: contentWidth(doc) });
  doc.font('regular').text(value, { lineGap: 1.5 });
}

function factsHeight(doc: Doc, facts: [string, string][], size = BODY): number {
  doc.font('regular').fontSize(size);
  return facts.reduce((sum, [label, value]) => sum + doc.heightOfString(`${label}: ${value}`, { width: contentWidth(doc), lineGap: 1.5 }), 0);
}

function chartSize(doc: Doc, indicator: ReportIndicator): { width: number; height: number } {
  const width = contentWidth(doc);
  return { width, height: (indicator.chart.height * width) / indicator.chart.width };
}

function tableRowHeight(doc: Doc): number {
  doc.font('regular').fontSize(9);
  return doc.currentLineHeight(true) + 2 * TABLE_PADDING + 2;
}

/** The height the whole indicator takes, measured with the fonts it is drawn in. */
function indicatorHeight(doc: Doc, indicator: ReportIndicator): number {
  const width = contentWidth(doc);
  doc.font('semibold').fontSize(13);
  let height = doc.heightOfString(indicator.wording, { width }) + 8;
  doc.font('semibold').fontSize(BODY);
  height += doc.heightOfString('Status', { width }) + 6;
  doc.font('regular').fontSize(11.5);
  height += doc.heightOfString(indicator.sentence, { width, lineGap: 2 }) + 8;
  height += factsHeight(doc, indicator.facts) + 8;
  height += chartSize(doc, indicator).height + 8;
  height += 2 * tableRowHeight(doc) + 6;
  doc.font('regular').fontSize(SMALL);
  for (const note of indicator.notes) height += doc.heightOfString(note, { width });
  return height + 24;
}

function valuesTable(doc: Doc, indicator: ReportIndicator): void {
  const { years, values } = indicator.table;
  const header = { backgroundColor: HEADER_FILL, font: { src: 'semibold' } } as const;
  doc.font('regular').fontSize(9).fillColor(TEXT);
  doc.table({
    position: { x: MARGIN.left, y: doc.y },
    maxWidth: contentWidth(doc),
    columnStyles: (column) => (column === 0 ? { width: 70 } : { width: '*', align: { x: 'right', y: 'center' } }),
    defaultStyle: { border: 0.5, borderColor: '#9AA5B1', padding: TABLE_PADDING },
    data: [
      [{ text: 'År', type: 'TH', ...header }, ...years.map((year) => ({ text: year, type: 'TH' as const, ...header }))],
      [{ text: 'Værdi', type: 'TH', ...header }, ...values],
    ],
  });
}

function drawIndicator(doc: Doc, indicator: ReportIndicator): void {
  // Start a new page unless the whole indicator fits on this one (and never part a chart from its
  // table: the block is drawn in one go once it is known to fit).
  const top = doc.page.margins.top;
  if (doc.y + indicatorHeight(doc, indicator) > bottom(doc) && doc.y > top + 1) doc.addPage();
  heading(doc, indicator.wording, 13);
  doc.font('semibold').fontSize(BODY).fillColor(TEXT).text('Status: ', MARGIN.left, doc.y, { continued: true });
  doc.fillColor(STATUS_COLOURS[indicator.status]).text(indicator.statusLabel);
  doc.moveDown(0.5);
  paragraph(doc, indicator.sentence, { size: 11.5, gapAfter: 8 });
  for (const [label, value] of indicator.facts) fact(doc, label, value);
  doc.moveDown(0.6);
  const size = chartSize(doc, indicator);
  const y = doc.y;
  doc.image(indicator.chart.png, MARGIN.left, y, size);
  doc.y = y + size.height + 8;
  valuesTable(doc, indicator);
  doc.moveDown(0.3);
  for (const note of indicator.notes) paragraph(doc, note, { size: SMALL, colour: MUTED_COLOUR, gapAfter: 1 });
  doc.moveDown(1.5);
}

function titlePage(doc: Doc, model: ReportModel): void {
  doc.y = 200;
  doc.font('bold').fontSize(30).fillColor(TEXT).text(model.title, MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  heading(doc, model.strategyTitle, 16, 24);
  for (const [label, value] of model.facts) fact(doc, label, value, 11);
}

function summary(doc: Doc, model: ReportModel): void {
  doc.addPage();
  heading(doc, 'Sammenfatning', 18, 10);
  for (const text of model.intro) paragraph(doc, text, { gapAfter: 8 });
  doc.moveDown(0.5);
  const header = { backgroundColor: HEADER_FILL, font: { src: 'semibold' }, type: 'TH' } as const;
  doc.font('regular').fontSize(9).fillColor(TEXT);
  doc.table({
    position: { x: MARGIN.left, y: doc.y },
    maxWidth: contentWidth(doc),
    columnStyles: [150, '*', 80],
    defaultStyle: { border: 0.5, borderColor: '#9AA5B1', padding: TABLE_PADDING },
    data: [
      [
        { text: 'Tema', ...header },
        { text: 'Indikator', ...header },
        { text: 'Status', ...header },
      ],
      ...model.overview.map((row) => [row.theme, row.wording, row.statusLabel]),
    ],
  });
}

/** "Side N af M" on every page, written once the number of pages is known. */
function pageNumbers(doc: Doc, model: ReportModel): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Text below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(SMALL)
      .fillColor(MUTED_COLOUR)
      .text(`${model.title} · Side ${index + 1} af ${range.count}`, MARGIN.left, doc.page.height - 40, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = MARGIN.bottom;
  }
}

export function writePdf(model: ReportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'da-DK',
    displayTitle: true,
    info: { Title: `${model.title} – ${model.strategyTitle}`, Author: model.municipality, Subject: model.strategyTitle },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  titlePage(doc, model);
  summary(doc, model);
  for (const theme of model.themes) {
    doc.addPage();
    heading(doc, theme.heading, 18, 12);
    for (const indicator of theme.indicators) drawIndicator(doc, indicator);
  }
  pageNumbers(doc, model);
  doc.end();
  return done;
}
