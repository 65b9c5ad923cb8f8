/**
 * Renders chart export SVGs in a worker thread and turns them into PNGs. The worker holds the DOM
 * that recharts needs (see chart-dom.ts for why the server's own thread must not have one) and
 * keeps the layout work off the event loop; one worker, started on first use, renders one chart
 * at a time in request order, and is started anew if it dies.
 */
import { Worker } from 'node:worker_threads';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import type { ChartImageOptions } from './chart-image.tsx';
import { svgToPng } from './chart-png.ts';

export interface ChartRenderRequest {
  id: number;
  spec: ChartSpec;
  options: ChartImageOptions;
}

export type ChartRenderReply = { id: number; svg: string } | { id: number; error: string };

/** Longer than any real chart takes (tens of ms); a worker stuck this long is replaced. */
const RENDER_TIMEOUT_MS = 30_000;

interface Pending {
  resolve: (svg: string) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class ChartRenderer {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** The export SVG of a chart (title, legend, chart, notes, source line). */
  svg(spec: ChartSpec, options: ChartImageOptions = {}): Promise<string> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error(`Diagrammet blev ikke tegnet inden for ${RENDER_TIMEOUT_MS} ms`)), RENDER_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      // A waiting render keeps the process alive; an idle worker does not (see settle()).
      worker.ref();
      worker.postMessage({ id, spec, options } satisfies ChartRenderRequest);
    });
  }

  /** The same chart as PNG at 2×. */
  async png(spec: ChartSpec, options: ChartImageOptions = {}): Promise<Buffer> {
    return svgToPng(await this.svg(spec, options));
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.rejectAll(new Error('Diagramtegneren er lukket'));
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // No loader flags from this process: chart-worker.mjs registers tsx itself (see there).
    const worker = new Worker(new URL('./chart-worker.mjs', import.meta.url), { execArgv: [] });
    worker.on('message', (message: ChartRenderReply | { ready: true }) => {
      if ('ready' in message) return;
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.settle(message.id);
      if ('svg' in message) pending.resolve(message.svg);
      else pending.reject(new Error(`Diagrammet kunne ikke tegnes: ${message.error}`));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.fail(new Error(`Diagramtegneren stoppede (kode ${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(id: number): void {
    const pending = this.pending.get(id);
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
  }

  /** The worker failed or hung: every waiting render fails, and the next one starts a new worker. */
  private fail(error: Error): void {
    const worker = this.worker;
    this.worker = null;
    this.rejectAll(error);
    void worker?.terminate();
  }

  private rejectAll(error: Error): void {
    for (const [id, pending] of this.pending) {
      this.settle(id);
      pending.reject(error);
    }
  }
}
