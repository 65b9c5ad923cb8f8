/** A file download named in Danish after its title and today's date, never cached by a proxy. */
import type { FastifyReply } from 'fastify';
import { todayInDenmark } from '../exports/export-table.ts';
import { downloadDisposition } from '../exports/file-name.ts';

export function sendDownload(reply: FastifyReply, mediaType: string, title: string, extension: string, body: Buffer): FastifyReply {
  return reply
    .type(mediaType)
    .header('content-disposition', downloadDisposition(title, todayInDenmark(), extension))
    .header('cache-control', 'private, no-cache')
    .send(body);
}
