/** GET /api/strategy — the active (or a chosen) strategy with every indicator's yearly values and status. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getKpiContext } from '../../repositories/get-kpi-context.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { StrategyProgressSchema } from '../../schemas/strategy.ts';
import { IsoDate } from '../../schemas/period-query.ts';
import { getStrategyProgress } from '../../strategy/get-strategy-progress.ts';
import { isValidIsoDate } from '../../kpis/resolve-period.ts';
import { BadRequestError } from '../../schemas/bad-request.ts';
import { NotModified, answerNotModified } from '../etag.ts';

const strategy: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/strategy',
    {
      schema: {
        tags: ['Strategi'],
        summary: 'Strategiens temaer og indikatorer med basisår, årlige værdier og status',
        querystring: Type.Object(
          {
            strategy: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Standard: den aktive strategi' })),
            asOf: Type.Optional(IsoDate),
          },
          { additionalProperties: false },
        ),
        response: { 200: StrategyProgressSchema, 304: NotModified, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { strategy: strategyId, asOf } = request.query;
      if (asOf !== undefined && !isValidIsoDate(asOf)) throw new BadRequestError(`asOf=${asOf} er ikke en gyldig dato`);
      const context = await getKpiContext(fastify.database.db);
      if (answerNotModified(request, reply, context.version)) return reply;
      return getStrategyProgress(fastify.database.db, context, {
        strategyId,
        asOf,
        onStoreMiss: () => fastify.precomputeKpis(context),
      });
    },
  );
};

export default strategy;
