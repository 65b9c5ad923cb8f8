/**
 * Exports of a KPI for council papers: the chart as PNG (2×) or SVG, drawn on the server by the
 * dashboard's own chart component, and the data as XLSX or CSV. Every export takes the KPI
 * request's own parameters and its answer from getKpiResult, the one path through suppression, so
 * a file never shows what the screen withholds. Downloads are named in Danish with the date.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { strategyStartAnnotations } from '@sol/charts/kpi-chart-specs.ts';
import { KPI_CATALOGUE, findKpi, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { chooseChart, kpiChartSpec } from '../../exports/kpi-chart.ts';
import { filterText, pricesNote } from '../../exports/describe-query.ts';
import { kpiExportTable, type ExportTable } from '../../exports/export-table.ts';
import { writeCsv } from '../../exports/write-csv.ts';
import { writeXlsx } from '../../exports/write-xlsx.ts';
import { getKpiContext, type KpiContext } from '../../repositories/get-kpi-context.ts';
import { getStrategy } from '../../repositories/get-strategy.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { FileResponse, KpiChartQueryString, kpiQueryOf } from '../../schemas/kpi-export.ts';
import { KpiAnswerQueryString } from '../../schemas/kpi-query.ts';
import type { KpiResult } from '../../schemas/kpi-result.ts';
import { sendDownload } from '../send-download.ts';
import { answerKpiRequest } from '../../snapshots/snapshots.ts';

const Params = Type.Object({ id: Type.String({ enum: KPI_CATALOGUE.map((kpi) => kpi.id), description: 'Nøgletallets id' }) });

const CHART_FORMATS = {
  png: { mediaType: 'image/png', summary: 'Diagram som PNG (2× opløsning) til Word og PowerPoint' },
  svg: { mediaType: 'image/svg+xml', summary: 'Diagram som SVG' },
} as const;

const DATA_FORMATS = {
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    summary: 'Nøgletallets tal som Excel-ark (XLSX) med danske talformater',
    write: (table: ExportTable) => writeXlsx(table),
  },
  csv: {
    mediaType: 'text/csv; charset=utf-8',
    summary: 'Nøgletallets tal som CSV (semikolon, decimalkomma, UTF-8 med BOM)',
    write: (table: ExportTable) => Promise.resolve(writeCsv(table)),
  },
} as const;

function kpiOf(id: string): KpiDefinition {
  const kpi = findKpi(id);
  if (!kpi) throw new Error('unreachable: the params schema lists the catalogue ids');
  return kpi;
}

/** The KPI answer behind an export, exactly as GET /api/kpis/:id gives it (live or frozen), with its context. */
async function answer(fastify: FastifyInstance, kpi: KpiDefinition, query: KpiAnswerQueryString): Promise<{ context: KpiContext; result: KpiResult }> {
  const context = await getKpiContext(fastify.database.db);
  const result = await answerKpiRequest(fastify.database.db, kpi, query, context, () => fastify.precomputeKpis(context));
  return { context, result };
}

const kpiExports: FastifyPluginAsyncTypebox = async (fastify) => {
  for (const [extension, format] of Object.entries(CHART_FORMATS)) {
    fastify.get(
      `/api/kpis/:id/chart.${extension}`,
      {
        schema: {
          tags: ['Eksport'],
          summary: format.summary,
          description:
            'Samme parametre som GET /api/kpis/:id (også snapshot) plus chart, measures, kind, title og width. Billedet har hvid baggrund, overskrift, ' +
            'undertitel (periode og filtre), signaturforklaring og kildelinje, og viser det samme som dashboardet (diskretioneret).',
          params: Params,
          querystring: KpiChartQueryString,
          response: { 200: FileResponse(format.mediaType, format.summary), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const kpi = kpiOf(request.params.id);
        // A wrong chart choice is answered before anything is computed.
        const choice = chooseChart(kpi, request.query);
        const { snapshot } = request.query;
        const { context, result } = await answer(fastify, kpi, { ...kpiQueryOf(request.query), ...(snapshot !== undefined ? { snapshot } : {}) });
        const strategy = await getStrategy(fastify.database.db);
        const spec = kpiChartSpec(result, choice, filterText(result.query, context), strategyStartAnnotations(strategy?.firstYear));
        // A chart from a snapshot is marked in its source line, as the data export's header is.
        const frozenNote = result.snapshot ? `Øjebliksbillede: ${result.snapshot.name}` : null;
        const sourceNote = [pricesNote(result.query), frozenNote].filter((note) => note !== null).join('; ') || undefined;
        const options = { ...(request.query.width ? { width: request.query.width } : {}), ...(sourceNote ? { sourceNote } : {}) };
        const body = extension === 'png' ? await fastify.chartRenderer.png(spec, options) : Buffer.from(await fastify.chartRenderer.svg(spec, options), 'utf8');
        return sendDownload(reply, format.mediaType, spec.title, extension, body);
      },
    );
  }

  for (const [extension, format] of Object.entries(DATA_FORMATS)) {
    fastify.get(
      `/api/kpis/:id/data.${extension}`,
      {
        schema: {
          tags: ['Eksport'],
          summary: format.summary,
          description:
            'Samme parametre som GET /api/kpis/:id. Et hoved med titel, periode, opdeling, filtre, kilde, opgørelsesdato og dataversion; ' +
            'derefter en række pr. gruppe for perioden og for hvert punkt i serien, med alle mål. Diskretionerede celler står som "<5" eller "–".',
          params: Params,
          querystring: KpiAnswerQueryString,
          response: { 200: FileResponse(format.mediaType, format.summary), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const kpi = kpiOf(request.params.id);
        const { context, result } = await answer(fastify, kpi, request.query);
        const body = await format.write(kpiExportTable(result, filterText(result.query, context)));
        return sendDownload(reply, format.mediaType, kpi.title, extension, body);
      },
    );
  }
};

export default kpiExports;
