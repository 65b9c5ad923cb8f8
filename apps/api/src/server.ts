/** Builds a Fastify server with the app registered; shared by main.ts and the tests. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import app, { type AppOptions } from './app.ts';
import { formatValidationErrors } from './schemas/danish-validation-errors.ts';

export async function buildServer(options: AppOptions & { logger?: boolean }): Promise<FastifyInstance> {
  const server = Fastify({
    logger: options.logger ?? false,
    // Query strings are parsed strictly: an unknown parameter is a 400, never silently ignored.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    schemaErrorFormatter: formatValidationErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();
  await server.register(app, options);
  return server;
}
