/**
 * `fastify.chartRenderer`: draws chart exports in a worker thread of its own (see
 * exports/chart-renderer.ts), started on the first export and stopped with the server; finished
 * images are kept by what they show (exports/cached-chart-renderer.ts).
 */
import fp from 'fastify-plugin';
import { CachedChartRenderer } from '../../exports/cached-chart-renderer.ts';
import { ChartRenderer } from '../../exports/chart-renderer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    chartRenderer: CachedChartRenderer;
  }
}

export default fp(
  async (fastify) => {
    const renderer = new CachedChartRenderer(new ChartRenderer());
    fastify.decorate('chartRenderer', renderer);
    fastify.addHook('onClose', () => renderer.close());
  },
  { name: 'chart-renderer' },
);
