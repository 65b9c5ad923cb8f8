/**
 * GET /api/kpis/:id/rows — the records behind one cell of a KPI answer (drill to rows), with the
 * KPI request's own parameters plus the cell. Suppressed like the answer itself, with an ETag from
 * the data version and settings like every data-derived answer.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { KPI_CATALOGUE, findKpi } from '@sol/domain/kpi-catalogue.ts';
import { Type } from 'typebox';
import { getKpiDrill } from '../../kpis/get-kpi-drill.ts';
import { getKpiContext } from '../../repositories/get-kpi-context.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { KpiDrillQueryString, KpiDrillResultSchema } from '../../schemas/kpi-drill.ts';
import { NotModified, answerNotModified } from '../etag.ts';

const kpiDrill: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/kpis/:id/rows',
    {
      schema: {
        tags: ['Nøgletal'],
        summary: 'Posterne bag én celle i et nøgletal (borgere, sager, indsatser eller ophold), diskretioneret',
        description:
          'Samme parametre som GET /api/kpis/:id plus group (gruppens kode, påkrævet med by) og point (ét punkt i serien). ' +
          'Rækkerne vises kun, når cellens antal vises i nøgletallet og er mindst diskretioneringsgrænsen; højst 5.000 rækker.',
        // Every catalogue id, so a KPI without drill gets its own Danish explanation, not "unknown id".
        params: Type.Object({ id: Type.String({ enum: KPI_CATALOGUE.map((kpi) => kpi.id), description: 'Nøgletallets id' }) }),
        querystring: KpiDrillQueryString,
        response: { 200: KpiDrillResultSchema, 304: NotModified, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const kpi = findKpi(request.params.id);
      if (!kpi) throw new Error('unreachable: the params schema lists the catalogue ids');
      const context = await getKpiContext(fastify.database.db);
      if (answerNotModified(request, reply, context.version)) return reply;
      return getKpiDrill(fastify.database.db, kpi, request.query, context, {
        onStoreMiss: () => fastify.precomputeKpis(context),
      });
    },
  );
};

export default kpiDrill;
