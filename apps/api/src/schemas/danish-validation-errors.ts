/**
 * Request validation errors in Danish. Fastify validates with Ajv, whose messages are English;
 * this turns the first failing rule into one sentence a user can act on.
 */
import type { FastifySchemaValidationError, SchemaErrorDataVar } from 'fastify/types/schema.js';

const WHERE: Record<string, string> = {
  querystring: 'Parameteren',
  params: 'Adressens',
  body: 'Feltet',
  headers: 'Headeren',
};

const TYPES: Record<string, string> = {
  integer: 'et heltal',
  number: 'et tal',
  string: 'tekst',
  boolean: 'true eller false',
  object: 'et objekt',
  array: 'en liste',
  null: 'tom',
};

export function formatValidationErrors(errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error {
  const message = errors.length > 0 ? describe(errors, dataVar) : 'Forespørgslen er ugyldig';
  return Object.assign(new Error(message), { statusCode: 400, validation: errors, validationContext: dataVar });
}

function describe(errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): string {
  // A union of literals fails as several `const` errors plus an `anyOf`; report the choices once.
  const constants = errors.filter((error) => error.keyword === 'const');
  const first = errors.find((error) => error.keyword !== 'anyOf' && error.keyword !== 'const') ?? errors[0];
  if (!first) return 'Forespørgslen er ugyldig';
  const name = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const subject = name ? `${WHERE[dataVar] ?? 'Værdien'} ${name}` : WHERE[dataVar] ?? 'Værdien';
  const params = first.params as Record<string, unknown>;
  if (constants.length > 0 && (first.keyword === 'const' || first.keyword === 'anyOf')) {
    const allowed = constants.map((error) => String((error.params as { allowedValue?: unknown }).allowedValue));
    return `${subject} skal være en af: ${allowed.join(', ')}`;
  }
  switch (first.keyword) {
    case 'additionalProperties':
      return `Ukendt ${dataVar === 'querystring' ? 'parameter' : 'felt'}: ${String(params.additionalProperty)}`;
    case 'required':
      return `${WHERE[dataVar] ?? 'Feltet'} ${String(params.missingProperty)} mangler`;
    case 'enum':
      return `${subject} skal være en af: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'type':
      return `${subject} skal være ${TYPES[String(params.type)] ?? String(params.type)}`;
    case 'minimum':
      return `${subject} skal være mindst ${String(params.limit)}`;
    case 'maximum':
      return `${subject} må højst være ${String(params.limit)}`;
    case 'minLength':
      return `${subject} skal have mindst ${String(params.limit)} tegn`;
    case 'maxLength':
      return `${subject} må højst have ${String(params.limit)} tegn`;
    case 'pattern':
    case 'format':
      return `${subject} har et ugyldigt format`;
    default:
      return `${subject} er ugyldig`;
  }
}
