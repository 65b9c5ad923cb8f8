/**
 * The one way the web app calls the API: JSON GET with query parameters, Danish errors. The API
 * answers every bad request with a Danish `message`; that message is what the user sees.
 *
 * Logins (DESIGN §9): every POST, PUT and DELETE carries the CSRF token from GET /api/auth/session
 * in the x-csrf-token header (the secret it is checked against is an httpOnly cookie); the token is
 * kept here, set by get-session.ts, and fetched first if a change is sent before it is known. A 401
 * from the API means the session has ended: the browser goes to the login page, which brings the
 * user back here afterwards.
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

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_PATH = '/api/auth/session';
let csrfToken: string | null = null;

/** Kept from each GET /api/auth/session (get-session.ts); a login or logout fetches it again. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header a POST, PUT or DELETE must carry; the session is asked first if the token is not known yet. */
export async function csrfHeader(): Promise<Record<string, string>> {
  if (csrfToken === null) {
    const session = await requestJson<{ csrfToken: string }>('GET', SESSION_PATH);
    csrfToken = session.csrfToken;
  }
  return { 'x-csrf-token': csrfToken };
}

/**
 * A local path to come back to after login, or `/`: never another site (`//evil`, `https://…`,
 * a backslash that browsers read as a slash), and not the login pages themselves.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  if (/^\/(login|opsaetning)(?:[/?#]|$)/.test(next)) return '/';
  return next;
}

/** The login page's address that brings the user back to `next` afterwards. */
export function loginPath(next: string): string {
  const back = safeNext(next);
  return back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`;
}

/**
 * A 401 from the API outside the login routes: the session has ended (or never was). The browser
 * goes to the login page with the current page as `next`; a wrong password on the login page is a
 * 401 too, and is shown there instead.
 */
export function handleUnauthorized(url: string, status: number): void {
  if (status !== 401 || url.startsWith('/api/auth/')) return;
  const { pathname, search } = window.location;
  if (pathname === '/login' || pathname === '/opsaetning') return;
  window.location.assign(loginPath(`${pathname}${search}`));
}

async function send(method: string, url: string, body: BodyInit | undefined, signal: AbortSignal | undefined): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body && typeof body === 'string') headers['content-type'] = 'application/json';
  let response: Response;
  try {
    if (STATE_CHANGING.has(method)) Object.assign(headers, await csrfHeader());
    response = await fetch(url, { method, headers, body: body ?? null, signal: signal ?? null });
    // Another tab's (or request's) first visit can have replaced the CSRF secret cookie after this
    // token was issued: fetch a token for the current cookie and try once more.
    if (STATE_CHANGING.has(method) && response.status === 403 && (await isCsrfRefusal(response)) && typeof (body ?? '') === 'string') {
      setCsrfToken(null);
      Object.assign(headers, await csrfHeader());
      response = await fetch(url, { method, headers, body: body ?? null, signal: signal ?? null });
    }
  } catch (error) {
    if (signal?.aborted || error instanceof ApiError) throw error;
    throw new ApiError('Serveren kunne ikke kontaktes. Tjek netværksforbindelsen, og prøv igen.', 0);
  }
  handleUnauthorized(url, response.status);
  return response;
}

/** The API's CSRF refusal (apps/api/src/plugins/app/error-handler.ts: CSRF_TITLE). */
async function isCsrfRefusal(response: Response): Promise<boolean> {
  try {
    const payload: unknown = await response.clone().json();
    return typeof payload === 'object' && payload !== null && 'error' in payload && payload.error === 'Ugyldig sikkerhedsnøgle';
  } catch {
    return false;
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
