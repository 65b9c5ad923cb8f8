/**
 * GET /api/strategy — the active (or a chosen) strategy with every indicator's yearly values and
 * status; with snapshot=<id> the strategy page as frozen in that snapshot.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getKpiContext } from '../../repositories/get-kpi-context.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { StrategyPageQueryString, StrategyProgressSchema } from '../../schemas/strategy.ts';
import { assertValidAsOf, getStrategyProgress } from '../../strategy/get-strategy-progress.ts';
import { cacheAnswer, readCachedAnswer } from '../../kpis/answer-cache.ts';
import { NotModified, answerNotModified } from '../etag.ts';
import { sendSerialized } from '../send-serialized.ts';
import { getSnapshotStrategy, requireSnapshot } from '../../snapshots/snapshots.ts';

const strategy: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/strategy',
    {
      schema: {
        tags: ['Strategi'],
        summary: 'Strategiens temaer og indikatorer med basisår, årlige værdier og status',
        querystring: StrategyPageQueryString,
        response: { 200: StrategyProgressSchema, 304: NotModified, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { strategy: strategyId, asOf, snapshot } = request.query;
      assertValidAsOf(asOf);
      if (snapshot !== undefined) {
        return getSnapshotStrategy(fastify.database.db, await requireSnapshot(fastify.database.db, snapshot), request.query);
      }
      const context = await getKpiContext(fastify.database.db);
      if (answerNotModified(request, reply, context.version)) return reply;
      // Every page asks for the strategy (its start year marks the charts): the finished answer is
      // kept per data version, as the standard KPI answers are (measured: p50 3.9 s under 200 users without).
      const cacheKey = `${context.version}|strategy|${strategyId ?? ''}|${asOf ?? ''}`;
      const cached = readCachedAnswer(fastify.database.db, cacheKey);
      if (cached) return sendSerialized(reply, cached);
      const progress = await getStrategyProgress(fastify.database.db, context, {
        strategyId,
        asOf,
        onStoreMiss: () => fastify.precomputeKpis(context),
      });
      const json = String(reply.serialize(progress));
      cacheAnswer(fastify.database.db, cacheKey, json);
      return sendSerialized(reply, json);
    },
  );
};

export default strategy;
