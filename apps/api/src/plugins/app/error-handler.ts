/**
 * One error handler for every route: client errors get a clear Danish message, server errors are
 * logged in full but answered with a generic text, so no stack, SQL or file path ever leaks. A
 * database that cannot be reached (stopped, restarting) is a 503 the client may retry, not a 500.
 */
import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnavailable } from '../../db/database-unavailable.ts';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

export const CSRF_TITLE = 'Ugyldig sikkerhedsnøgle';

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
  FST_ERR_CTP_INVALID_JSON_BODY: 'Forespørgslens indhold er ikke gyldig JSON.',
  FST_ERR_BAD_URL: 'Adressen er ugyldig: den indeholder en forkert %-kodning.',
  FST_ERR_INVALID_URL: 'Adressen er ugyldig.',
  FST_ERR_MAX_PARAM_LENGTH: 'Adressen er for lang.',
};

/** Fastify's other client errors are English: a general Danish text instead. */
const FASTIFY_FALLBACK = 'Forespørgslen er ugyldig.';

/** The Danish text of one of Fastify's own client errors. */
export function danishFastifyMessage(code: string): string {
  return FASTIFY_MESSAGES[code] ?? FASTIFY_FALLBACK;
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'Databasen svarer ikke lige nu. Prøv igen om lidt; svarer den stadig ikke, så kontakt administratoren.';

export default fp(
  async (fastify) => {
    fastify.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.statusCode === undefined && isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, 'database unavailable');
        return reply
          .code(503)
          .header('retry-after', '5')
          .send({ statusCode: 503, error: 'Databasen svarer ikke', message: DATABASE_UNAVAILABLE_MESSAGE } satisfies ErrorBody);
      }
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
      const fastifyOwn = typeof error.code === 'string' && error.code.startsWith('FST_') && !error.validation;
      const message = FASTIFY_MESSAGES[error.code] ?? (fastifyOwn ? FASTIFY_FALLBACK : error.message || 'Ugyldig forespørgsel');
      // A CSRF refusal has its own title: the web app then fetches a fresh token and tries once more
      // (two first requests at once can each set a CSRF secret, and the browser keeps only one).
      const title = error.code?.startsWith('FST_CSRF_') ? CSRF_TITLE : (TITLES[statusCode] ?? 'Ugyldig forespørgsel');
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
