/**
 * GET /api/kpis — the KPI catalogue; GET /api/kpis/:id — one KPI for a period, with its series,
 * breakdown and metadata, always suppressed. Answers carry an ETag from the data version and
 * settings, and a matching If-None-Match gets a 304.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BREAKDOWNS, FILTERS, KPI_CATALOGUE, findKpi } from '@sol/domain/kpi-catalogue.ts';
import { Type } from 'typebox';
import { cacheAnswer, readCachedAnswer, standardAnswerKey } from '../../kpis/answer-cache.ts';
import { getKpiContext } from '../../repositories/get-kpi-context.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { KpiAnswerQueryString } from '../../schemas/kpi-query.ts';
import { AGE_BAND_LABELS, CatalogueResponse, KpiResultSchema, toKpiDefinitionResponse } from '../../schemas/kpi-result.ts';
import { NotModified, answerNotModified } from '../etag.ts';
import { sendSerialized } from '../send-serialized.ts';
import { answerKpiRequest } from '../../snapshots/snapshots.ts';

const kpis: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/kpis',
    {
      schema: {
        tags: ['Nøgletal'],
        summary: 'Nøgletalskataloget: definitioner, mål, opdelinger og filtre',
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: CatalogueResponse, 400: ErrorResponse },
      },
    },
    async () => ({
      kpis: KPI_CATALOGUE.map(toKpiDefinitionResponse),
      breakdowns: { ...BREAKDOWNS },
      filters: { ...FILTERS },
      ageBands: AGE_BAND_LABELS,
    }),
  );

  fastify.get(
    '/api/kpis/:id',
    {
      schema: {
        tags: ['Nøgletal'],
        summary: 'Ét nøgletal for en periode med serie, opdeling og metadata (diskretioneret)',
        description: 'Med snapshot=<id> kommer svaret fra et frosset øjebliksbillede og er mærket med det i feltet snapshot.',
        params: Type.Object({ id: Type.String({ enum: KPI_CATALOGUE.map((kpi) => kpi.id), description: 'Nøgletallets id' }) }),
        querystring: KpiAnswerQueryString,
        response: { 200: KpiResultSchema, 304: NotModified, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const kpi = findKpi(request.params.id);
      if (!kpi) throw new Error('unreachable: the params schema lists the catalogue ids');
      const context = await getKpiContext(fastify.database.db);
      if (answerNotModified(request, reply, context.version)) return reply;
      // A frozen answer never changes and is one indexed read: no cache needed.
      const cacheKey = request.query.snapshot === undefined ? standardAnswerKey(kpi, request.query, context) : null;
      const cached = cacheKey ? readCachedAnswer(fastify.database.db, cacheKey) : undefined;
      if (cached) return sendSerialized(reply, cached);
      const result = await answerKpiRequest(fastify.database.db, kpi, request.query, context, () => fastify.precomputeKpis(context));
      if (!cacheKey) return result;
      // Serialized by the route's own response schema, exactly as an uncached answer would be.
      const json = String(reply.serialize(result));
      cacheAnswer(fastify.database.db, cacheKey, json);
      return sendSerialized(reply, json);
    },
  );
};

export default kpis;
