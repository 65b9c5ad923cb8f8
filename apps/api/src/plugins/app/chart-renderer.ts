/**
 * `fastify.chartRenderer`: draws chart exports in a worker thread of its own (see
 * exports/chart-renderer.ts), started on the first export and stopped with the server.
 */
import fp from 'fastify-plugin';
import { ChartRenderer } from '../../exports/chart-renderer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    chartRenderer: ChartRenderer;
  }
}

export default fp(
  async (fastify) => {
    const renderer = new ChartRenderer();
    fastify.decorate('chartRenderer', renderer);
    fastify.addHook('onClose', () => renderer.close());
  },
  { name: 'chart-renderer' },
);
