/**
 * Finished chart images by what they show. A chart export is a pure function of its ChartSpec
 * (every number, label and note is in it) and the image options, so the same spec always gives
 * the same SVG and PNG: an image is kept under a hash of both and is never stale — new data makes
 * a new spec, and so a new key. Staff preparing a council paper fetch the same standard charts
 * again and again; the layout in the chart worker and resvg's drawing (60–120 ms together) are
 * then done once. Concurrent requests for the same image share one render.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import type { ChartImageOptions } from './chart-image.tsx';
import { svgToPng } from './chart-png.ts';
import type { ChartRenderer } from './chart-renderer.ts';

/** PNGs are 50–300 kB: a few hundred of them is tens of MB. */
const MAX_IMAGES = 300;

export class CachedChartRenderer {
  private readonly svgs = new LRUCache<string, Promise<string>>({ max: MAX_IMAGES });
  private readonly pngs = new LRUCache<string, Promise<Buffer>>({ max: MAX_IMAGES });

  constructor(private readonly renderer: ChartRenderer) {}

  /** The export SVG of a chart (title, legend, chart, notes, source line). */
  svg(spec: ChartSpec, options: ChartImageOptions = {}): Promise<string> {
    return remember(this.svgs, imageKey(spec, options), () => this.renderer.svg(spec, options));
  }

  /** The same chart as PNG at 2×. */
  png(spec: ChartSpec, options: ChartImageOptions = {}): Promise<Buffer> {
    return remember(this.pngs, imageKey(spec, options), async () => svgToPng(await this.svg(spec, options)));
  }

  close(): Promise<void> {
    return this.renderer.close();
  }
}

function imageKey(spec: ChartSpec, options: ChartImageOptions): string {
  return createHash('sha256').update(JSON.stringify([spec, options])).digest('base64url');
}

/** The cached promise, or a new one; a failed render is forgotten so the next request tries again. */
function remember<T>(cache: LRUCache<string, Promise<T>>, key: string, render: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  const rendered = render();
  cache.set(key, rendered);
  rendered.catch(() => {
    if (cache.get(key) === rendered) cache.delete(key);
  });
  return rendered;
}
