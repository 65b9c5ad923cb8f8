/**
 * A chart as a picture that can be pasted into a council paper as is: the one chart component's
 * `<svg>` inside a frame with a white background, the title, the subtitle (period, filters, price
 * basis), the legend drawn into the image (recharts draws its legend as HTML beside the svg),
 * notes on withheld values, and the source line. Runs in the chart worker (chart-worker.ts).
 */
import { seriesColour, seriesDash, type ChartSpec } from '@sol/charts/chart-spec.ts';
import type { Unit } from '@sol/domain/kpi-catalogue.ts';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CHART_FONT_FAMILY } from './chart-fonts.ts';
import { renderChartSvgElement } from './render-chart-dom.ts';
import { textWidth, wrapText } from './text-measure.ts';

export interface ChartImageOptions {
  /** Width of the image in CSS px; the PNG has twice as many pixels. */
  width?: number;
  /** Height of the chart itself (axes and plot), without title, legend and notes. */
  chartHeight?: number;
  /** Words added to the source line, e.g. "faste 2024-priser". */
  sourceNote?: string;
}

const DEFAULT_CHART_WIDTH = 800;
const DEFAULT_CHART_HEIGHT = 360;

const PAD = 24;
const TEXT = '#1b1b1b';
/** Secondary text: still 8.6:1 against white. */
const MUTED = '#4a4a4a';
const TITLE = { size: 20, line: 26 };
const SUBTITLE = { size: 13, line: 18 };
const LEGEND = { size: 13, line: 22, gap: 8, itemGap: 20 };
const NOTE = { size: 12, line: 16 };
/** KpiChart's right margin: a caption under the axis ends where the axis does. */
const AXIS_RIGHT = 24;

/** What the value axis counts, where its ticks do not say it themselves ("12 %" does). */
const UNIT_CAPTIONS: Record<Unit, string | null> = {
  antal: 'Antal',
  dage: 'Dage',
  kr: 'Kr.',
  pr1000: 'Pr. 1.000 indbyggere',
  score: 'Gennemsnit på skalaen 1–5',
  procent: null,
};

interface LegendItem {
  name: string;
  index: number;
  x: number;
  y: number;
}

/** A bar's colour block is a square; a line's mark is long enough to show its dash pattern. */
function swatchWidth(kind: ChartSpec['kind']): number {
  return kind === 'bar' ? 14 : 28;
}

/** Legend items left to right, wrapping to a new row when the next one would not fit. */
function layoutLegend(spec: ChartSpec, width: number): { items: LegendItem[]; height: number } {
  // As on screen: one series needs no legend, the title names it.
  if (spec.series.length < 2) return { items: [], height: 0 };
  const items: LegendItem[] = [];
  let x = 0;
  let row = 0;
  spec.series.forEach((series, index) => {
    // A series with nothing to draw stays in the legend, saying why it has no line or bars.
    const withheld = series.values.every((value) => value === null) && series.suppressed.some((reason) => reason !== null);
    const name = withheld ? `${series.name} (vises ikke)` : series.name;
    const itemWidth = swatchWidth(spec.kind) + LEGEND.gap + textWidth(name, LEGEND.size);
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    items.push({ name, index, x, y: row * LEGEND.line });
    x += itemWidth + LEGEND.itemGap;
  });
  return { items, height: (row + 1) * LEGEND.line };
}

/** The legend's mark: a bar's colour block, or a line with its dash so it reads without colour. */
function Swatch({ kind, index }: { kind: ChartSpec['kind']; index: number }): ReactElement {
  if (kind === 'bar') return <rect x={0} y={-11} width={swatchWidth(kind)} height={14} fill={seriesColour(index)} />;
  return <line x1={0} y1={-4} x2={swatchWidth(kind)} y2={-4} stroke={seriesColour(index)} strokeWidth={2.5} strokeDasharray={seriesDash(index) || undefined} />;
}

function TextLines({ lines, x, y, size, line, fill, weight }: { lines: string[]; x: number; y: number; size: number; line: number; fill: string; weight?: number }): ReactElement {
  return (
    <text x={x} y={y} fontSize={size} fill={fill} fontWeight={weight}>
      {lines.map((text, index) => (
        <tspan key={index} x={x} dy={index === 0 ? 0 : line}>
          {text}
        </tspan>
      ))}
    </text>
  );
}

/**
 * Sideways bars get the height their groups need: a category name may wrap to two lines, and each
 * series is a bar of its own, so fourteen paragraphs do not crowd into the default height.
 */
function defaultChartHeight(spec: ChartSpec): number {
  if (spec.kind !== 'bar' || spec.horizontal !== true) return DEFAULT_CHART_HEIGHT;
  const perCategory = Math.max(44, 14 * spec.series.length + 16);
  return Math.min(1400, Math.max(DEFAULT_CHART_HEIGHT, 48 + spec.categories.length * perCategory));
}

/** Notes under the chart for values a reader will look for and not find. */
function notesOf(spec: ChartSpec): string[] {
  const notes: string[] = [];
  const withheld = spec.series.some((series) => series.suppressed.some((reason) => reason !== null));
  if (withheld) {
    notes.push(
      `Ikke alle værdier vises: tal under ${spec.suppressionThreshold} og værdier beregnet på færre end ${spec.suppressionThreshold} borgere eller sager er udeladt, så ingen kan genkendes.`,
    );
  }
  const notReached = spec.series.some((series) => series.notes?.some((note) => note !== null));
  if (notReached) notes.push('Hvor medianen ikke er nået, løber over halvdelen af opholdene stadig, og der er intet punkt at vise.');
  return notes;
}

/** The export SVG: a standalone document with white background, text in the shipped font. */
export function chartImageSvg(spec: ChartSpec, options: ChartImageOptions = {}): string {
  const width = options.width ?? DEFAULT_CHART_WIDTH;
  const chartHeight = options.chartHeight ?? defaultChartHeight(spec);
  const inner = width - 2 * PAD;
  const chart = renderChartSvgElement(spec, inner, chartHeight);

  const title = wrapText(spec.title, TITLE.size, inner, true);
  const subtitle = spec.subtitle ? wrapText(spec.subtitle, SUBTITLE.size, inner) : [];
  const legend = layoutLegend(spec, inner);
  // The value axis is at the left, except for sideways bars, whose values run along the bottom;
  // the day axis of a survival curve needs its words too.
  const horizontal = spec.kind === 'bar' && spec.horizontal === true;
  const unitCaption = horizontal ? null : UNIT_CAPTIONS[spec.unit];
  const axisCaption = horizontal ? UNIT_CAPTIONS[spec.unit] : spec.kind === 'step' ? spec.categoryTitle : null;
  const notes = notesOf(spec).flatMap((note) => wrapText(note, NOTE.size, inner));
  const source = wrapText([spec.source, options.sourceNote].filter(Boolean).join(' · '), NOTE.size, inner);

  // Top to bottom; each block's y is its first baseline (text) or its top (legend, chart).
  let y = PAD + TITLE.size;
  const titleY = y;
  y += (title.length - 1) * TITLE.line;
  const subtitleY = y + SUBTITLE.line + 2;
  if (subtitle.length > 0) y = subtitleY + (subtitle.length - 1) * SUBTITLE.line;
  const legendY = y + 14 + LEGEND.size;
  if (legend.items.length > 0) y = legendY + legend.height - LEGEND.line;
  const unitY = y + 12 + NOTE.size + 4;
  if (unitCaption) y = unitY;
  const chartY = y + 8;
  y = chartY + chartHeight;
  const axisY = y + NOTE.line;
  if (axisCaption) y = axisY;
  const notesY = y + 12 + NOTE.size;
  if (notes.length > 0) y = notesY + (notes.length - 1) * NOTE.line;
  const sourceY = y + (notes.length > 0 ? NOTE.line + 4 : 12 + NOTE.size);
  const height = Math.ceil(sourceY + (source.length - 1) * NOTE.line + PAD);

  const image = (
    <svg xmlns="http://www.w3.org/2000/svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} fontFamily={CHART_FONT_FAMILY}>
      <title>{spec.title}</title>
      <desc>{spec.subtitle}</desc>
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      <TextLines lines={title} x={PAD} y={titleY} size={TITLE.size} line={TITLE.line} fill={TEXT} weight={600} />
      <TextLines lines={subtitle} x={PAD} y={subtitleY} size={SUBTITLE.size} line={SUBTITLE.line} fill={MUTED} />
      {legend.items.map((item) => (
        <g key={item.index} transform={`translate(${PAD + item.x} ${legendY + item.y})`}>
          <Swatch kind={spec.kind} index={item.index} />
          <text x={swatchWidth(spec.kind) + LEGEND.gap} y={0} fontSize={LEGEND.size} fill={TEXT}>
            {item.name}
          </text>
        </g>
      ))}
      {unitCaption ? (
        <text x={PAD} y={unitY} fontSize={NOTE.size} fill={MUTED}>
          {unitCaption}
        </text>
      ) : null}
      <g transform={`translate(${PAD} ${chartY})`} dangerouslySetInnerHTML={{ __html: chart }} />
      {axisCaption ? (
        <text x={PAD + inner - AXIS_RIGHT} y={axisY} fontSize={NOTE.size} fill={MUTED} textAnchor="end">
          {axisCaption}
        </text>
      ) : null}
      <TextLines lines={notes} x={PAD} y={notesY} size={NOTE.size} line={NOTE.line} fill={MUTED} />
      <TextLines lines={source} x={PAD} y={sourceY} size={NOTE.size} line={NOTE.line} fill={MUTED} />
    </svg>
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderToStaticMarkup(image)}`;
}
