/**
 * GET /api/imports — the import history (when, which files, row counts, checksums).
 * POST /api/imports — CSV files as multipart/form-data: stored in a temp folder, then imported in
 * the background (all or nothing, as every import); answers 202 with the job at once.
 * GET /api/imports/jobs/:jobId — the job's progress, and its report when done.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { importFiles } from '../../import/import-files.ts';
import { receiveUploadedFiles } from '../../import/receive-upload.ts';
import { getKpiContext } from '../../repositories/get-kpi-context.ts';
import { listImports } from '../../repositories/list-imports.ts';
import { ClientError } from '../../schemas/client-error.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { ImportedFile, ImportJobSchema, ImportJobStarted } from '../../schemas/import-job.ts';

const ImportLogEntry = Type.Object({
  importId: Type.Integer(),
  importedAt: Type.String({ format: 'date-time' }),
  source: Type.String(),
  files: Type.Array(ImportedFile),
  totalRows: Type.Integer(),
  checksum: Type.String(),
  durationMs: Type.Integer(),
});

const NoQuery = Type.Object({}, { additionalProperties: false });

const imports: FastifyPluginAsyncTypebox<{ maxFileBytes: number }> = async (fastify, options) => {
  fastify.get(
    '/api/imports',
    {
      schema: {
        tags: ['Data'],
        summary: 'Tidligere indlæsninger',
        querystring: Type.Object(
          { limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ imports: Type.Array(ImportLogEntry) }), 400: ErrorResponse },
      },
    },
    async (request) => ({ imports: await listImports(fastify.database.db, request.query.limit) }),
  );

  fastify.post(
    '/api/imports',
    {
      schema: {
        tags: ['Data'],
        summary: 'Indlæs CSV-filer (multipart/form-data) som et job i baggrunden',
        description:
          'Én eller flere filer fra importkontrakten (borgere.csv, indsatser.csv …). Svarer 202 med jobbets id, ' +
          'når filerne er modtaget; indlæsningen følges på GET /api/imports/jobs/:jobId. Én indlæsning ad gangen.',
        consumes: ['multipart/form-data'],
        querystring: NoQuery,
        response: { 202: ImportJobStarted, 400: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new ClientError(415, 'Filerne skal sendes som multipart/form-data (som fra en formular med filvalg).');
      }
      // Taken before the upload is read, so a second upload is refused at once, not after arriving.
      if (!fastify.importJobs.reserve()) {
        throw new ClientError(409, 'En indlæsning kører allerede. Vent, til den er færdig, og prøv igen.');
      }
      const { db } = fastify.database;
      const dir = await mkdtemp(join(tmpdir(), 'sol-upload-')).catch((error: unknown) => {
        fastify.importJobs.release();
        throw error;
      });
      let started = false;
      try {
        const files = await receiveUploadedFiles(request.parts(), dir, options.maxFileBytes);
        const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
        const job = fastify.importJobs.start(
          { bytesRead: 0, totalBytes, fileName: files[0]?.fileName ?? '' },
          async (onProgress) => {
            try {
              const report = await importFiles(db, files, { source: 'api', onProgress });
              // As at start: the standard results of the new data version are precomputed.
              if (report.ok) fastify.precomputeKpis(await getKpiContext(db));
              return report;
            } finally {
              await rm(dir, { recursive: true, force: true });
            }
          },
          { error: (error, message) => fastify.log.error({ err: error }, message) },
        );
        started = true;
        return reply.code(202).send({ jobId: job.jobId });
      } finally {
        if (!started) {
          fastify.importJobs.release();
          await rm(dir, { recursive: true, force: true });
        }
      }
    },
  );

  fastify.get(
    '/api/imports/jobs/:jobId',
    {
      schema: {
        tags: ['Data'],
        summary: 'Et indlæsningsjob: fremdrift, og til sidst de indlæste antal eller alle fejl',
        params: Type.Object({ jobId: Type.String({ pattern: '^[0-9a-f-]{36}$', description: 'Jobbets id fra POST /api/imports' }) }),
        querystring: NoQuery,
        response: { 200: ImportJobSchema, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const job = fastify.importJobs.get(request.params.jobId);
      if (!job) {
        throw new ClientError(404, 'Indlæsningsjobbet findes ikke. Job huskes kun af den server, der modtog filerne, og glemmes ved en genstart.');
      }
      // Polled while it runs: never from a cache.
      void reply.header('cache-control', 'no-store');
      return job;
    },
  );
};

export default imports;
