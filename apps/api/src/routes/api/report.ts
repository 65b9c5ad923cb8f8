/**
 * Afrapportering 2026 as Word and PDF: the strategy's every indicator with its wording, a
 * generated sentence, the strategy page's chart, the yearly values and the status. Both files are
 * written from one document model (report/build-report.ts), so they say the same; the numbers are
 * GET /api/strategy's, suppressed as on the screen.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getKpiContext } from '../../repositories/get-kpi-context.ts';
import { buildReport, type ReportModel } from '../../report/build-report.ts';
import { writeDocx } from '../../report/write-docx.ts';
import { writePdf } from '../../report/write-pdf.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { FileResponse } from '../../schemas/kpi-export.ts';
import { StrategyQueryString } from '../../schemas/strategy.ts';
import { assertValidAsOf } from '../../strategy/get-strategy-progress.ts';
import { sendDownload } from '../send-download.ts';

const FORMATS = {
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    summary: 'Afrapportering af strategien som Word-dokument (.docx)',
    write: writeDocx,
  },
  pdf: {
    mediaType: 'application/pdf',
    summary: 'Afrapportering af strategien som PDF',
    write: writePdf,
  },
} satisfies Record<string, { mediaType: string; summary: string; write: (model: ReportModel) => Promise<Buffer> }>;

const report: FastifyPluginAsyncTypebox = async (fastify) => {
  for (const [extension, format] of Object.entries(FORMATS)) {
    fastify.get(
      `/api/report/afrapportering.${extension}`,
      {
        schema: {
          tags: ['Eksport'],
          summary: format.summary,
          description:
            'Samme parametre som GET /api/strategy. Forside (strategi, kommune, data pr., dataversion, dannet), sammenfatning med status for ' +
            'alle indikatorer, og pr. tema hver indikator: strategiens ord, en genereret sætning, status, grafen som på strategisiden og ' +
            'tallene år for år fra basisåret (diskretionerede som "<5" eller "–" med en note).',
          querystring: StrategyQueryString,
          response: { 200: FileResponse(format.mediaType, format.summary), 400: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { strategy: strategyId, asOf } = request.query;
        assertValidAsOf(asOf);
        const context = await getKpiContext(fastify.database.db);
        const model = await buildReport(fastify.database.db, context, fastify.chartRenderer, {
          ...(strategyId ? { strategyId } : {}),
          ...(asOf ? { asOf } : {}),
          onStoreMiss: () => fastify.precomputeKpis(context),
        });
        return sendDownload(reply, format.mediaType, model.title, extension, await format.write(model));
      },
    );
  }
};

export default report;
