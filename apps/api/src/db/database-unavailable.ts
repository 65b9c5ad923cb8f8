/**
 * Whether an error means the database cannot be reached right now (stopped, restarting, network
 * gone, no connection slot free), as opposed to a fault in the request or the code: such errors
 * are answered 503 and the pool reconnects by itself once the server is back.
 */

/**
 * Node's socket errors, as node-postgres passes them on when it cannot connect or loses its
 * connection. Only a bare one counts: the app's other clients wrap theirs (fetch, for OIDC, in a
 * TypeError with the socket error as its cause; nodemailer in its own codes), and a mail or login
 * server that is down must not be reported as the database.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL's SQLSTATEs for it: class 08 (connection exception), 57P01 admin_shutdown,
 * 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections.
 */
const SQLSTATES = /^(08\d{3}|08P01|57P0[123]|53300)$/;

/** node-postgres's own messages when a connection ends under it (these carry no code). */
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (SQLSTATES.test(code) || SOCKET_CODES.has(code))) return true;
  if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
  // Connecting to a host name with several addresses fails as an AggregateError of socket errors.
  return error instanceof AggregateError && Array.isArray(errors) && errors.some(isDatabaseUnavailable);
}
