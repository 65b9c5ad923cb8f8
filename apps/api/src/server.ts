/** Builds a Fastify server with the app registered; shared by main.ts and the tests. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import app, { type AppOptions } from './app.ts';
import { formatValidationErrors } from './schemas/danish-validation-errors.ts';

/** JSON bodies are small (settings, schedules); data files go through multipart with their own limit. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildServer(options: AppOptions & { logger?: boolean; trustProxy?: boolean }): Promise<FastifyInstance> {
  const server = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind a TLS proxy (TRUST_PROXY=true) the client's address and https are read from its headers.
    trustProxy: options.trustProxy ?? false,
    // Query strings are parsed strictly: an unknown parameter is a 400, never silently ignored.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    schemaErrorFormatter: formatValidationErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Not encapsulated (as fastify/demo does it): the app's decorations, e.g. the scheduler, are the server's.
  await server.register(fp(app), options);
  return server;
}
