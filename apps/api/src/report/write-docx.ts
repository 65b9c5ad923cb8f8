/**
 * The Afrapportering as Word (.docx, the `docx` package): council papers are written in Word, so
 * the report uses Word's own headings (the navigation pane and a table of contents work) and
 * keeps each indicator's chart with its table (keep-with-next, rows that do not split).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportIndicator, ReportModel } from './build-report.ts';
import { HEADER_FILL, MUTED_COLOUR, STATUS_COLOURS } from './report-style.ts';

/** Width of the chart in the text column (A4 with Word's standard margins is about 600 px at 96 dpi). */
const IMAGE_WIDTH = 600;
/** docx wants colours without the '#'. */
const GREY = MUTED_COLOUR.slice(1);
const HEADER_SHADE = HEADER_FILL.slice(1);

function label(text: string, value: string, keepNext = true): Paragraph {
  return new Paragraph({ keepNext, spacing: { after: 60 }, children: [new TextRun({ text: `${text}: `, bold: true }), new TextRun(value)] });
}

function cell(text: string, options: { header?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): TableCell {
  return new TableCell({
    ...(options.header ? { shading: { type: ShadingType.CLEAR, fill: HEADER_SHADE, color: 'auto' } } : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        keepNext: true,
        alignment: options.align ?? AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.header ?? false, size: 20 })],
      }),
    ],
  });
}

function valuesTable(indicator: ReportIndicator): Table {
  const { years, values } = indicator.table;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: [cell('År', { header: true }), ...years.map((year) => cell(year, { header: true, align: AlignmentType.RIGHT }))] }),
      new TableRow({ cantSplit: true, children: [cell('Værdi', { header: true }), ...values.map((value) => cell(value, { align: AlignmentType.RIGHT }))] }),
    ],
  });
}

function indicatorParagraphs(indicator: ReportIndicator): (Paragraph | Table)[] {
  const { chart } = indicator;
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(indicator.wording)] }),
    new Paragraph({
      keepNext: true,
      spacing: { after: 120 },
      children: [
        new TextRun({ text: 'Status: ', bold: true }),
        new TextRun({ text: indicator.statusLabel, bold: true, color: STATUS_COLOURS[indicator.status].slice(1) }),
      ],
    }),
    new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [new TextRun({ text: indicator.sentence, size: 24 })] }),
    ...indicator.facts.map(([text, value]) => label(text, value)),
    new Paragraph({
      keepNext: true,
      spacing: { before: 120, after: 120 },
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width: IMAGE_WIDTH, height: Math.round((chart.height * IMAGE_WIDTH) / chart.width) },
          altText: { name: indicator.wording, title: indicator.wording, description: indicator.sentence },
        }),
      ],
    }),
    valuesTable(indicator),
    ...indicator.notes.map(
      (note) => new Paragraph({ keepNext: true, spacing: { before: 60 }, children: [new TextRun({ text: note, size: 18, color: GREY })] }),
    ),
    new Paragraph({ spacing: { after: 240 }, children: [] }),
  ];
}

function overviewTable(model: ReportModel): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { insideVertical: { style: BorderStyle.NONE, size: 0, color: 'auto' } },
    rows: [
      new TableRow({ tableHeader: true, children: [cell('Tema', { header: true }), cell('Indikator', { header: true }), cell('Status', { header: true })] }),
      ...model.overview.map((row) => new TableRow({ cantSplit: true, children: [cell(row.theme), cell(row.wording), cell(row.statusLabel)] })),
    ],
  });
}

export async function writeDocx(model: ReportModel): Promise<Buffer> {
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [`${model.title} · Side `, PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES], size: 18, color: GREY })],
      }),
    ],
  });
  const document = new Document({
    creator: model.municipality,
    title: `${model.title} – ${model.strategyTitle}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        footers: { default: footer },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400 }, children: [new TextRun(model.title)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(model.strategyTitle)] }),
          ...model.facts.map(([text, value]) => label(text, value, false)),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Sammenfatning')] }),
          ...model.intro.map((text) => new Paragraph({ spacing: { after: 160 }, children: [new TextRun(text)] })),
          overviewTable(model),
          ...model.themes.flatMap((theme) => [
            new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(theme.heading)] }),
            ...theme.indicators.flatMap(indicatorParagraphs),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
