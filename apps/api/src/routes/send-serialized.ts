/**
 * Sends JSON that was serialized earlier by the same route's response schema (a cached answer).
 * Fastify sends a string body as is; the route's typed reply only accepts the response objects,
 * so this takes the reply untyped — the string was produced by that very schema's serializer.
 */
import type { FastifyReply } from 'fastify';

export function sendSerialized(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
