/**
 * The one way the web app calls the API: JSON GET with query parameters, Danish errors. The API
 * answers every bad request with a Danish `message`; that message is what the user sees.
 */

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function toSearch(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function getJson<T>(path: string, params: QueryParams = {}, signal?: AbortSignal): Promise<T> {
  return requestJson<T>('GET', `${path}${toSearch(params)}`, undefined, signal);
}

export async function requestJson<T>(method: string, url: string, body?: BodyInit, signal?: AbortSignal): Promise<T> {
  const response = await send(method, url, body, signal);
  const payload = parsePayload(await response.text(), response.status);
  if (!response.ok) throw errorOf(payload, response.status);
  return payload as T;
}

/** A GET whose answer is text (e.g. an HTML page); a failure still carries the API's Danish message. */
export async function getText(path: string, params: QueryParams = {}, signal?: AbortSignal): Promise<string> {
  const response = await send('GET', `${path}${toSearch(params)}`, undefined, signal);
  const text = await response.text();
  if (!response.ok) throw errorOf(parsePayload(text, response.status), response.status);
  return text;
}

async function send(method: string, url: string, body: BodyInit | undefined, signal: AbortSignal | undefined): Promise<Response> {
  try {
    return await fetch(url, {
      method,
      headers: body && typeof body === 'string' ? { accept: 'application/json', 'content-type': 'application/json' } : { accept: 'application/json' },
      body: body ?? null,
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('Serveren kunne ikke kontaktes. Tjek netværksforbindelsen, og prøv igen.', 0);
  }
}

function parsePayload(text: string, status: number): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(`Serveren svarede ${status} med noget, der ikke er JSON.`, status);
  }
}

function errorOf(payload: unknown, status: number): ApiError {
  const message =
    typeof payload === 'object' && payload !== null && 'message' in payload && typeof payload.message === 'string'
      ? payload.message
      : `Serveren svarede med fejl ${status}.`;
  return new ApiError(message, status);
}
