/**
 * fast-check arbitraries for fuzzing the routes, driven by the routes' own schemas as the OpenAPI
 * description gives them (`server.swagger()`): query strings with the known parameter names and
 * plausible, edge and random values, unknown names, repeated keys, malformed percent-encoding and
 * very long values; JSON bodies shaped like the route's body (each field plausible or wild), any
 * JSON at all, and bodies that are not JSON.
 */
import fc, { type Arbitrary } from 'fast-check';

/** The part of a JSON schema the arbitraries read. */
export interface FuzzSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: FuzzSchema[];
  oneOf?: FuzzSchema[];
  properties?: Record<string, FuzzSchema>;
  required?: string[];
  items?: FuzzSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

export interface RouteSchemas {
  query: Record<string, FuzzSchema>;
  body: FuzzSchema | null;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: FuzzSchema }[];
  requestBody?: { content?: Record<string, { schema?: FuzzSchema }> };
}

/** The query parameters and JSON body of a route (`/api/kpis/:id` → OpenAPI `/api/kpis/{id}`). */
export function routeSchemas(document: unknown, method: string, url: string): RouteSchemas {
  const paths = (document as { paths?: Record<string, Record<string, OpenApiOperation>> }).paths ?? {};
  const operation = paths[url.replace(/:(\w+)/g, '{$1}')]?.[(method === 'HEAD' ? 'get' : method).toLowerCase()];
  const query = Object.fromEntries((operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}]));
  return { query, body: operation?.requestBody?.content?.['application/json']?.schema ?? null };
}

/** Codes the filters know, and some they do not. */
export interface FuzzVocabulary {
  codes: string[];
  measures: string[];
  kpiIds: string[];
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Dates near and off the calendar: 31 April, month 13, day 0, far years. */
const date: Arbitrary<string> = fc
  .tuple(fc.oneof(fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 0, max: 9999 })), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const email: Arbitrary<string> = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom('a@b', 'ingen-snabel-a', '@kommune.dk', 'a b@kommune.dk', 'æøå@kommune.dk', 'x@y.z', `${'a'.repeat(250)}@k.dk`),
);

const cron: Arbitrary<string> = fc.constantFrom('0 7 * * 1-5', '*/5 * * * *', '0 0 1 * *', '61 25 * * *', '0 0 31 2 *', 'hver mandag', '* * * * * *', '0 7 * * MON', '');

/** Values no schema expects: empty, signs, exponents, NaN, SQL, NUL, surrogates, emoji, lists. */
export const EDGE_TEXT: Arbitrary<string> = fc.constantFrom(
  '',
  ' ',
  '0',
  '-0',
  '-1',
  '1.5',
  '1e3',
  '1e308',
  '1e309',
  '-1e309',
  '99999999999999999999999999',
  '9007199254740993',
  '2147483648',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '0x10',
  "'; DROP TABLE core.citizen; --",
  '\u0000',
  'æøå ÆØÅ',
  '🙂🙃',
  '\uD800',
  '\u202Eevil',
  ',,,',
  ' , ',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '%',
  '%zz',
);

const hugeNumber: Arbitrary<string> = fc.oneof(
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
);

const veryLong: Arbitrary<string> = fc.tuple(fc.constantFrom('a', '9', 'æ', ',', 'UH,', '2024-01-01'), fc.integer({ min: 1_000, max: 20_000 })).map(([unit, n]) => unit.repeat(n));

function enumValues(schema: FuzzSchema): unknown[] | null {
  if (schema.enum) return schema.enum;
  if (schema.const !== undefined) return [schema.const];
  const options = schema.anyOf ?? schema.oneOf;
  if (options && options.every((option) => option.const !== undefined || option.enum)) return options.flatMap((option) => enumValues(option) ?? []);
  return null;
}

function typeOf(schema: FuzzSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type;
}

/** A string a user or the web app might send for this field. */
function plausibleText(schema: FuzzSchema, name: string, vocabulary: FuzzVocabulary): Arbitrary<string> {
  const values = enumValues(schema);
  if (values && values.length > 0) return fc.constantFrom(...values.map(String));
  const type = typeOf(schema);
  if (type === 'integer' || type === 'number') {
    const min = schema.minimum ?? -1_000;
    const max = schema.maximum ?? 1_000_000;
    return fc.oneof(fc.integer({ min: Math.max(Number.MIN_SAFE_INTEGER, min - 2), max: Math.min(Number.MAX_SAFE_INTEGER, max + 2) }).map(String), fc.constantFrom(String(min), String(max)));
  }
  if (type === 'boolean') return fc.constantFrom('true', 'false', '1', '0');
  if (schema.pattern === DATE_PATTERN || /^(from|to|asOf|date)$/.test(name)) return date;
  if (/email|^user$/i.test(name) || schema.pattern?.includes('@')) return email;
  if (name === 'cron') return cron;
  if (name === 'measures') return fc.subarray(vocabulary.measures, { minLength: 1, maxLength: 4 }).map((ids) => ids.join(','));
  if (/targetGroup|paragraph|ageBand|operation|code/i.test(name)) {
    return fc.subarray(vocabulary.codes, { minLength: 1, maxLength: 4 }).map((codes) => codes.join(','));
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 60) });
}

/** One query value: mostly plausible, often at the edge, sometimes random text, huge or very long. */
export function queryValue(schema: FuzzSchema, name: string, vocabulary: FuzzVocabulary): Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: plausibleText(schema, name, vocabulary) },
    { weight: 2, arbitrary: EDGE_TEXT },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 1, arbitrary: hugeNumber },
    { weight: 1, arbitrary: veryLong },
  );
}

/** UTF-8 percent-encoding that never throws (a lone surrogate becomes U+FFFD, as a browser sends it). */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A value written as-is into the URL: printable ASCII only, so broken %-sequences and '+' reach the parser. */
const rawValue: Arbitrary<string> = fc.oneof(
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%FF%FE', '%C3%A6', '+', 'a+b', '%2', '=', '==', ';', 'a=b=c', '[0]', '[]=1'),
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)).filter((char) => char !== '#' && char !== '&'), maxLength: 20 }),
);

/**
 * A whole query string for a route: known names with values from `queryValue`, unknown and
 * bracketed names, the same key repeated, a key without '=', raw broken escapes, or nothing.
 */
export function queryString(query: Record<string, FuzzSchema>, vocabulary: FuzzVocabulary): Arbitrary<string> {
  const names = Object.keys(query);
  const knownPair = names.length
    ? fc.constantFrom(...names).chain((name) => queryValue(query[name] ?? {}, name, vocabulary).map((value) => `${percentEncode(name)}=${percentEncode(value)}`))
    : fc.constant('');
  const unknownPair = fc
    .tuple(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'year[]', 'by[0]', 'toString', 'hasOwnProperty')), EDGE_TEXT)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`);
  const rawPair = fc.tuple(fc.oneof(fc.constantFrom(...(names.length ? names : ['x'])), rawValue), rawValue).map(([name, value]) => `${name}=${value}`);
  const bare = fc.constantFrom(...(names.length ? names : ['x']), '=', '&', '');
  const pair = fc.oneof({ weight: 8, arbitrary: knownPair }, { weight: 2, arbitrary: unknownPair }, { weight: 2, arbitrary: rawPair }, { weight: 1, arbitrary: bare });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 10, arbitrary: fc.array(pair, { minLength: 1, maxLength: 6 }).map((pairs) => pairs.join('&')) },
    // The same key again and again (a list where one value is expected).
    { weight: 2, arbitrary: fc.tuple(knownPair, fc.integer({ min: 2, max: 5 })).map(([one, n]) => Array.from({ length: n }, () => one).join('&')) },
  );
}

/** A JSON value for one body field: plausible for its schema, or anything at all. */
function bodyValue(schema: FuzzSchema, name: string, vocabulary: FuzzVocabulary, depth: number): Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: plausibleJson(schema, name, vocabulary, depth) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.oneof(EDGE_TEXT, fc.constantFrom(null, -1, 0, 1e308, -1e308, 2 ** 53 + 2, 1.5, true, [], {}, [null])) },
  );
}

function plausibleJson(schema: FuzzSchema, name: string, vocabulary: FuzzVocabulary, depth: number): Arbitrary<unknown> {
  const values = enumValues(schema);
  if (values && values.length > 0) return fc.constantFrom(...values);
  const options = schema.anyOf ?? schema.oneOf;
  if (options && options.length > 0) return fc.oneof(...options.map((option) => plausibleJson(option, name, vocabulary, depth)));
  const type = typeOf(schema);
  switch (type) {
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1_000;
      const max = schema.maximum ?? 1_000_000;
      const whole = fc.integer({ min: Math.max(Number.MIN_SAFE_INTEGER, min - 2), max: Math.min(Number.MAX_SAFE_INTEGER, max + 2) });
      return type === 'integer' ? whole : fc.oneof(whole, fc.double({ min: min - 1, max: max + 1, noNaN: true }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items ?? {};
      const maxLength = Math.min((schema.maxItems ?? 4) + 1, 6);
      return fc.array(bodyValue(items, name, vocabulary, depth + 1), { minLength: 0, maxLength });
    }
    case 'object':
      return depth > 2 ? fc.constant({}) : bodyObject(schema, vocabulary, depth + 1);
    case 'string':
      if (name === 'password') return fc.oneof(fc.string({ minLength: 0, maxLength: 30 }), fc.constant('en-lang-og-god-adgangskode'));
      return plausibleText(schema, name, vocabulary);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** An object with the schema's fields: all of them (a nearly valid body), or some, perhaps with a stranger. */
function bodyObject(schema: FuzzSchema, vocabulary: FuzzVocabulary, depth: number): Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(schema.properties ?? {});
  if (fields.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
  const model = Object.fromEntries(fields.map(([field, fieldSchema]) => [field, bodyValue(fieldSchema, field, vocabulary, depth)]));
  const all = fc.record(model);
  const some = fc.record(model, { requiredKeys: [] });
  const stranger = fc.tuple(some, fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })).map(([object, key, value]) => ({ ...object, [key]: value }));
  return fc.oneof({ weight: 4, arbitrary: all }, { weight: 3, arbitrary: some }, { weight: 1, arbitrary: stranger });
}

/** A request body: shaped like the route's (when it has one), any JSON, or a payload that is not JSON. */
export type FuzzBody = { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string; text: string };

export function requestBody(schema: FuzzSchema | null, vocabulary: FuzzVocabulary): Arbitrary<FuzzBody> {
  const json = (arbitrary: Arbitrary<unknown>): Arbitrary<FuzzBody> => arbitrary.map((value) => ({ kind: 'json' as const, value }));
  const raw = fc.oneof(
    fc.constantFrom('{', '{"a":', 'nul', '[1,2', '"\\ud800"', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"x":1}}}', '1e999', '\u0000', ' ').map((text) => ({ kind: 'raw' as const, contentType: 'application/json', text })),
    fc.tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data', 'application/json; charset=latin1', 'application/octet-stream'), fc.string({ maxLength: 40 })).map(
      ([contentType, text]) => ({ kind: 'raw' as const, contentType, text }),
    ),
    // Over the 256 kB limit for JSON bodies.
    fc.constant({ kind: 'raw' as const, contentType: 'application/json', text: `{"name":"${'x'.repeat(300 * 1024)}"}` }),
  );
  const anyJson = { weight: 3, arbitrary: json(fc.jsonValue({ maxDepth: 3 })) };
  const notJson = { weight: 2, arbitrary: raw };
  return schema ? fc.oneof({ weight: 8, arbitrary: json(bodyObject(schema, vocabulary, 0)) }, anyJson, notJson) : fc.oneof(anyJson, notJson);
}
