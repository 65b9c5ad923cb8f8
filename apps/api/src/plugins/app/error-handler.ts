/**
 * One error handler for every route: client errors get a clear Danish message, server errors are
 * logged in full but answered with a generic text, so no stack, SQL or file path ever leaks.
 */
import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

export default fp(
  async (fastify) => {
    fastify.setErrorHandler((error: FastifyError, request, reply) => {
      const statusCode = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (statusCode >= 500) {
        request.log.error({ err: error }, 'unhandled error');
        return reply.code(statusCode).send({
          statusCode,
          error: 'Serverfejl',
          message: 'Der opstod en uventet fejl på serveren. Prøv igen, eller kontakt administratoren.',
        } satisfies ErrorBody);
      }
      // Validation messages are already Danish (schemas/danish-validation-errors.ts).
      const message = error.message || 'Ugyldig forespørgsel';
      return reply.code(statusCode).send({ statusCode, error: 'Ugyldig forespørgsel', message } satisfies ErrorBody);
    });
    fastify.setNotFoundHandler((request, reply) =>
      reply.code(404).send({
        statusCode: 404,
        error: 'Ikke fundet',
        message: `Adressen ${request.method} ${request.url.split('?')[0]} findes ikke`,
      } satisfies ErrorBody),
    );
  },
  { name: 'error-handler' },
);
