/** Schemas of the import routes: the import log, and an upload's job with its progress and report. */
import { Type } from 'typebox';

export const ImportedFile = Type.Object({
  fileName: Type.String(),
  rows: Type.Integer(),
  bytes: Type.Integer(),
  sha256: Type.String(),
  encoding: Type.String(),
  delimiter: Type.String(),
});

const ImportErrorSchema = Type.Object({
  file: Type.String(),
  line: Type.Union([Type.Integer(), Type.Null()], { description: 'Linjen i filen (overskriften er linje 1); null for fejl i hele filen' }),
  column: Type.Union([Type.String(), Type.Null()]),
  value: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String({ description: 'Årsagen på dansk' }),
  message: Type.String({ description: 'Hele fejlen som én dansk linje: fil, linje, kolonne, årsag og værdi' }),
});

export const ImportJobReportSchema = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    importId: Type.Integer(),
    files: Type.Array(ImportedFile),
    totalRows: Type.Integer(),
    durationMs: Type.Integer(),
  }),
  Type.Object({
    ok: Type.Literal(false),
    errors: Type.Array(ImportErrorSchema, { description: 'Alle fejl (op til 50.000); databasen er uændret' }),
    errorCount: Type.Integer({ description: 'Antal fejl i alt, også dem ud over listen' }),
    durationMs: Type.Integer(),
  }),
]);

export const ImportJobSchema = Type.Object({
  jobId: Type.String(),
  state: Type.String({ enum: ['running', 'succeeded', 'failed'] }),
  progress: Type.Object({
    bytesRead: Type.Integer(),
    totalBytes: Type.Integer(),
    fileName: Type.String({ description: 'Filen, der indlæses nu' }),
  }),
  report: Type.Union([ImportJobReportSchema, Type.Null()], { description: 'null, mens indlæsningen kører' }),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const ImportJobStarted = Type.Object({ jobId: Type.String({ description: 'Følg jobbet på GET /api/imports/jobs/:jobId' }) });
