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

const TITLES: Record<number, string> = {
  401: 'Ikke logget ind',
  403: 'Ingen adgang',
  429: 'For mange forespørgsler',
  404: 'Ikke fundet',
  409: 'Konflikt',
  413: 'For stor',
  415: 'Forkert indholdstype',
};

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Indholdstypen understøttes ikke her. Filer sendes som multipart/form-data, andet som JSON.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Forespørgslen er for stor (højst 256 kB). Datafiler uploades på siden Data.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Forespørgslen mangler sit indhold (JSON).',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Forespørgslens længde (Content-Length) passer ikke med indholdet.',
  FST_CSRF_MISSING_SECRET: 'Forespørgslen mangler sikkerhedsnøglen (CSRF). Genindlæs siden, og prøv igen.',
  FST_CSRF_INVALID_TOKEN: 'Forespørgslens sikkerhedsnøgle (CSRF) er ugyldig eller mangler. Genindlæs siden, og prøv igen.',
};

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
      // Validation messages are already Danish (schemas/danish-validation-errors.ts); Fastify's
      // own client errors are English and get a Danish text here.
      const message = FASTIFY_MESSAGES[error.code] ?? (error.message || 'Ugyldig forespørgsel');
      const title = TITLES[statusCode] ?? 'Ugyldig forespørgsel';
      return reply.code(statusCode).send({ statusCode, error: title, message } satisfies ErrorBody);
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
