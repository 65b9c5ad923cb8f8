/**
 * An email must never go out with a blank chart (issue 6): a chart whose spec has values to draw
 * must come back from the renderer with its data marks in the SVG and its first series' colour
 * on enough pixels of the PNG. Anything less fails the send, which is then retried and shown as
 * failed in the delivery log.
 */
import { hasValues, seriesColour, type ChartSpec } from '@sol/charts/chart-spec.ts';
import { PNG } from 'pngjs';

/** recharts' classes for drawn lines (also step lines) and bars. */
const DATA_MARK = /class="[^"]*(recharts-line-curve|recharts-rectangle)[^"]*"/;
/** At 2× even one short line segment covers far more pixels than this. */
const MIN_SERIES_PIXELS = 40;
/** Anti-aliasing blends edges; a pixel this close to the series colour counts. */
const COLOUR_TOLERANCE = 40;

export class BlankChartError extends Error {
  override name = 'BlankChartError';
}

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** How many pixels of the PNG have (nearly) the given colour. */
export function countColouredPixels(png: Buffer, hex: string): number {
  const image = PNG.sync.read(png);
  const [red, green, blue] = rgb(hex);
  let count = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const distance =
      Math.abs((image.data[offset] ?? 0) - red) + Math.abs((image.data[offset + 1] ?? 0) - green) + Math.abs((image.data[offset + 2] ?? 0) - blue);
    if (distance <= COLOUR_TOLERANCE && (image.data[offset + 3] ?? 0) > 200) count += 1;
  }
  return count;
}

/** Throws a Danish BlankChartError when a chart with values was drawn without them. */
export function assertChartDrawn(spec: ChartSpec, svg: string, png: Buffer): void {
  if (!hasValues(spec)) return;
  if (!DATA_MARK.test(svg)) throw new BlankChartError(`Grafen "${spec.title}" blev tegnet uden data (ingen linjer eller søjler i billedet)`);
  // The first series with a value is the one whose colour must show.
  const index = spec.series.findIndex((series) => series.values.some((value) => value !== null));
  const pixels = countColouredPixels(png, seriesColour(index));
  if (pixels < MIN_SERIES_PIXELS) {
    throw new BlankChartError(`Grafen "${spec.title}" er tom i PNG-billedet (${pixels} punkter i seriens farve)`);
  }
}
