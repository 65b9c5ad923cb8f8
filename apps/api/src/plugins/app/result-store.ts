/**
 * Keeps the KPI result store current: `fastify.precomputeKpis(context)` starts precomputing the
 * standard results for a data version in the background. Enabled in the running product; tests
 * that own their database leave it off and call the precompute themselves.
 */
import fp from 'fastify-plugin';
import { precomputeInBackground } from '../../kpis/result-store.ts';
import type { KpiContext } from '../../repositories/get-kpi-context.ts';

declare module 'fastify' {
  interface FastifyInstance {
    precomputeKpis: (context: KpiContext) => void;
  }
}

export default fp<{ enabled: boolean }>(
  async (fastify, options) => {
    fastify.decorate('precomputeKpis', (context: KpiContext) => {
      if (!options.enabled || fastify.database === undefined) return;
      precomputeInBackground(fastify.database.db, context, {
        info: (message) => fastify.log.info(message),
        error: (error, message) => fastify.log.error({ err: error }, message),
      });
    });
  },
  { name: 'result-store', dependencies: ['database'] },
);
