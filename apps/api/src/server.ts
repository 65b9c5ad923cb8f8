/** Builds a Fastify server with the app registered; shared by main.ts and the tests. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import app, { type AppOptions } from './app.ts';
import { danishFastifyMessage } from './plugins/app/error-handler.ts';
import { BadRequestError } from './schemas/bad-request.ts';
import { formatValidationErrors } from './schemas/danish-validation-errors.ts';

/**
 * What no route can use, anywhere in a validated value (JSON bodies are at most 256 kB): Infinity
 * or NaN (Ajv coerces "1e400", or 400 nines, to Infinity, which passes `maximum`; JSON.parse reads
 * 1e999 as Infinity), and the NUL character, which PostgreSQL's text cannot hold.
 */
function unusableValue(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'Et tal i forespørgslen er for stort (eller ikke et tal).';
  if (typeof value === 'string') return value.includes('\u0000') ? 'Forespørgslen indeholder et ugyldigt tegn (NUL, %00).' : null;
  const values = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [];
  for (const inner of values) {
    const found = unusableValue(inner);
    if (found) return found;
  }
  return null;
}

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
    // A URL the router cannot read (a broken %-escape) never reaches a route or the error handler.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      void reply.code(400).send({ statusCode: 400, error: 'Ugyldig forespørgsel', message: danishFastifyMessage(error.code) });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Refused after validation, before any route sees it (and before it reaches the database as a 500).
  server.addHook('preHandler', async (request) => {
    const refused = unusableValue(request.query) ?? unusableValue(request.params) ?? unusableValue(request.body);
    if (refused) throw new BadRequestError(refused);
  });
  // Not encapsulated (as fastify/demo does it): the app's decorations, e.g. the scheduler, are the server's.
  await server.register(fp(app), options);
  return server;
}
