/**
 * Conditional GET for data-derived answers: the ETag is the data-and-settings version, so a
 * client holding the current answer gets a 304 without the KPI being computed again.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

export const NotModified = Type.Null({ description: 'Uændret siden sidst (ETag)' });

/**
 * Sets ETag and Cache-Control; when the client's copy is current, answers 304 with no body and
 * returns true (the handler then returns the reply).
 */
export function answerNotModified(request: FastifyRequest, reply: FastifyReply, version: string): boolean {
  const etag = `W/"${version}"`;
  reply.header('etag', etag);
  // Private: answers will depend on who is logged in; no-cache: always revalidate.
  reply.header('cache-control', 'private, no-cache');
  const ifNoneMatch = request.headers['if-none-match'];
  if (!ifNoneMatch) return false;
  const current = ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === etag.slice(2);
  });
  if (current) void reply.code(304).send();
  return current;
}
