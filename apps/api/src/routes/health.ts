/**
 * GET /health — the one route that never needs a login: database kind and reachability, data
 * version and row counts. Answers 503 while the database is unreachable, so a load balancer can act.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { COUNTED_TABLES, getDataStatus } from '../repositories/get-data-status.ts';

const Counts = Type.Object(Object.fromEntries(COUNTED_TABLES.map((t) => [t, Type.Integer({ minimum: 0 })])));

const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Object({
    kind: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
    reachable: Type.Boolean(),
  }),
  municipality: Type.Union([Type.String(), Type.Null()]),
  dataVersion: Type.Union([Type.Integer(), Type.Null()]),
  lastImportAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  counts: Type.Union([Counts, Type.Null()]),
});

const health: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/health',
    { schema: { response: { 200: HealthResponse, 503: HealthResponse } } },
    async (request, reply) => {
      const { database } = fastify;
      try {
        const status = await getDataStatus(database.db);
        return { status: 'ok' as const, database: { kind: database.kind, reachable: true }, ...status };
      } catch (error) {
        request.log.warn({ err: error }, 'health check: database unreachable');
        return reply.code(503).send({
          status: 'degraded' as const,
          database: { kind: database.kind, reachable: false },
          municipality: null,
          dataVersion: null,
          lastImportAt: null,
          counts: null,
        });
      }
    },
  );
};

export default health;
