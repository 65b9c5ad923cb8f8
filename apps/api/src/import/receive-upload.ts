/**
 * Receives the CSV files of a multipart upload into a folder as they stream in, so a file of
 * 200 MB never sits in memory. Each file keeps the name the user gave it (without any folder part)
 * for the importer, which matches it to the contract. Refused before anything is imported: a part
 * that is not a file, a name the contract does not know, a file over the size limit.
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import { findFileSpec } from '@sol/domain/import-contract.ts';
import { formatDecimal } from '@sol/domain/format-danish.ts';
import { BadRequestError } from '../schemas/bad-request.ts';
import { ClientError } from '../schemas/client-error.ts';
import { UNKNOWN_FILE_NAME, type ImportInput } from './import-files.ts';

const MALFORMED_UPLOAD = 'Forespørgslen er ikke en gyldig filupload (multipart/form-data): den er afbrudt eller forkert opbygget. Vælg filerne igen, og prøv igen. Intet er indlæst.';

export interface ReceivedFile extends Required<ImportInput> {
  bytes: number;
}

export async function receiveUploadedFiles(parts: AsyncIterable<Multipart>, dir: string, maxFileBytes: number): Promise<ReceivedFile[]> {
  const files: ReceivedFile[] = [];
  const tooLarge = (fileName: string): ClientError =>
    new ClientError(413, `${fileName} er større end grænsen på ${formatBytes(maxFileBytes)} pr. fil. Intet er indlæst.`);
  let current = '';
  try {
    for await (const part of parts) {
      if (part.type !== 'file') {
        throw new BadRequestError(`Feltet "${part.fieldname}" er ikke en fil. Send kun CSV-filer. Intet er indlæst.`);
      }
      // A browser sends a dropped folder's files as "mappe/borgere.csv"; Windows paths use "\".
      const fileName = part.filename.split(/[\\/]/).pop()?.trim() ?? '';
      current = fileName;
      if (!fileName) throw new BadRequestError('En af filerne har intet navn. Intet er indlæst.');
      if (!findFileSpec(fileName)) throw new BadRequestError(`${fileName}: ${UNKNOWN_FILE_NAME}. Intet er indlæst.`);
      // Numbered, so two files of the same name both reach the importer (which refuses the pair).
      const path = join(dir, `${files.length + 1}-${fileName}`);
      await pipeline(part.file, createWriteStream(path));
      // The stream stops at the limit and is marked truncated; what was cut off must not be imported.
      if (part.file.truncated) throw tooLarge(fileName);
      files.push({ path, fileName, bytes: (await stat(path)).size });
    }
  } catch (error) {
    const { code, statusCode, syscall } = error as { code?: unknown; statusCode?: unknown; syscall?: unknown };
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(current);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new ClientError(413, 'Der er for mange filer i én indlæsning. Intet er indlæst.');
    }
    if (error instanceof ClientError || error instanceof BadRequestError) throw error;
    // The multipart parser's own errors (no boundary, cut off, malformed, a field named __proto__)
    // are the sender's; a system error (the disk full) is the server's and stays a 500.
    if (syscall === undefined && (statusCode === undefined || (typeof statusCode === 'number' && statusCode < 500))) {
      throw new BadRequestError(MALFORMED_UPLOAD);
    }
    throw error;
  }
  if (files.length === 0) throw new BadRequestError('Der er ingen filer i forespørgslen. Vælg en eller flere CSV-filer.');
  return files;
}

/** 209715200 → "200 MB": the limit as a user reads it. */
export function formatBytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${formatDecimal(megabytes, Number.isInteger(megabytes) ? 0 : 1)} MB`;
  return `${formatDecimal(Math.ceil(bytes / 1024))} kB`;
}
