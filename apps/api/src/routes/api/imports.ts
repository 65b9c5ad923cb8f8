/** GET /api/imports — the import history (when, which files, row counts, checksums). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listImports } from '../../repositories/list-imports.ts';
import { ErrorResponse } from '../../schemas/common.ts';

const ImportedFile = Type.Object({
  fileName: Type.String(),
  rows: Type.Integer(),
  bytes: Type.Integer(),
  sha256: Type.String(),
  encoding: Type.String(),
  delimiter: Type.String(),
});

const ImportLogEntry = Type.Object({
  importId: Type.Integer(),
  importedAt: Type.String({ format: 'date-time' }),
  source: Type.String(),
  files: Type.Array(ImportedFile),
  totalRows: Type.Integer(),
  checksum: Type.String(),
  durationMs: Type.Integer(),
});

const imports: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/imports',
    {
      schema: {
        querystring: Type.Object(
          { limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ imports: Type.Array(ImportLogEntry) }), 400: ErrorResponse },
      },
    },
    async (request) => ({ imports: await listImports(fastify.database.db, request.query.limit) }),
  );
};

export default imports;
