/**
 * The chart worker thread: a DOM of its own (chart-dom.ts), then the chart component, then one
 * render per message. Started by ChartRenderer (chart-renderer.ts) through chart-worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { installChartDom } from './chart-dom.ts';
import type { ChartRenderReply, ChartRenderRequest } from './chart-renderer.ts';

if (!parentPort) throw new Error('chart-worker.ts kører kun som worker-tråd');
const port = parentPort;

// The DOM first: react-dom and recharts look for a browser when they load.
installChartDom();
const { chartImageSvg } = await import('./chart-image.tsx');

port.on('message', (request: ChartRenderRequest) => {
  let reply: ChartRenderReply;
  try {
    reply = { id: request.id, svg: chartImageSvg(request.spec, request.options) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
