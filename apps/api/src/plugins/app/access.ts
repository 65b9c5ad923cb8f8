/**
 * Logins and roles on every request (DESIGN §9). The session cookie holds a random token; the
 * database keeps its hash, the user and the expiry. Each request's route rule (set by
 * plugins/external/security.ts from access/route-access.ts) decides: public, or a role — without a
 * session an API call gets 401 and a page is sent to /login; with too low a role, 403. Requests
 * whose rule names an audit action are written to the audit log before the answer leaves, so an
 * export that cannot be logged is not sent.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasRole, type AuditAction } from '../../access/roles.ts';
import { insertAuditEvent } from '../../repositories/audit-log.ts';
import { deleteSession, deleteSessionsOf, findSessionUser, insertSession, markLoggedIn, type SessionUser } from '../../repositories/users.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user, or null. */
    user: SessionUser | null;
  }
  interface FastifyInstance {
    /** Logs the user in: a new session and its cookie. */
    startSession(reply: FastifyReply, user: SessionUser): Promise<void>;
    /** Logs the request's session out and clears the cookie. */
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** Ends every session of a user (role changed, disabled, new password). */
    endSessionsOf(userId: number): Promise<void>;
    /** Writes one audit event for the request's user (or the given e-mail, e.g. a failed login). */
    audit(request: FastifyRequest, event: { action: AuditAction; target?: string | null; outcome?: 'ok' | 'refused'; email?: string; details?: Record<string, unknown> }): Promise<void>;
  }
}

export interface AccessOptions {
  /** A session ends this long after login, whatever happens (SESSION_HOURS, default 10). */
  sessionHours: number;
  /** … and after this long without a request (SESSION_IDLE_MINUTES, default 120). */
  idleMinutes: number;
  clock: () => Date;
}

export const SESSION_COOKIE = 'sol_session';

/**
 * A session found in the database is trusted for this long without asking again: the lookup was
 * one extra query on every request (bench:api: +3 ms p50 on a 3–4 ms answer). Logout and changes
 * made through this instance forget it at once; another instance sees them within this time.
 */
const SESSION_CACHE_MS = 5_000;

/** A browser asking for a page (not the API, not a file) is sent to the login page instead of a 401. */
function wantsPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return request.method === 'GET' && !path.startsWith('/api/') && path !== '/api' && (request.headers.accept ?? '').includes('text/html');
}

export default fp<AccessOptions>(
  async (fastify, options) => {
    const db = fastify.database.db;
    const sessionMs = options.sessionHours * 60 * 60 * 1000;
    const idleMs = options.idleMinutes * 60 * 1000;

    fastify.decorateRequest('user', null);
    // Keyed by the token itself (in memory only), timed by the app's clock so expiry tests hold.
    const recent = new Map<string, { user: SessionUser; until: number }>();
    const sessionUser = async (token: string): Promise<SessionUser | null> => {
      const now = options.clock();
      const cached = recent.get(token);
      if (cached && cached.until > now.getTime()) return cached.user;
      recent.delete(token);
      const user = (await findSessionUser(db, token, now, idleMs)) ?? null;
      if (user) {
        if (recent.size >= 10_000) recent.clear();
        recent.set(token, { user, until: now.getTime() + SESSION_CACHE_MS });
      }
      return user;
    };

    fastify.decorate('startSession', async (reply: FastifyReply, user: SessionUser) => {
      const token = randomBytes(32).toString('base64url');
      const now = options.clock();
      await insertSession(db, { token, userId: user.id, now, expiresAt: new Date(now.getTime() + sessionMs) });
      await markLoggedIn(db, user.id, now);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: Math.floor(sessionMs / 1000) });
    });

    fastify.decorate('endSession', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        recent.delete(token);
        await deleteSession(db, token);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    });

    fastify.decorate('endSessionsOf', async (userId: number) => {
      for (const [token, entry] of recent) if (entry.user.id === userId) recent.delete(token);
      await deleteSessionsOf(db, userId);
    });

    fastify.decorate('audit', async (request: FastifyRequest, event: Parameters<typeof fastify.audit>[1]) => {
      await insertAuditEvent(
        db,
        {
          userId: request.user?.id ?? null,
          userEmail: event.email ?? request.user?.email ?? null,
          action: event.action,
          target: event.target ?? null,
          outcome: event.outcome ?? 'ok',
          ip: request.ip,
          details: event.details ?? null,
        },
        options.clock(),
      );
    });

    fastify.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      request.user = token ? await sessionUser(token) : null;
      // Routes without a rule are only Fastify's 404 answer: it needs a login too.
      const access = request.routeOptions.config.access ?? 'viewer';
      if (access === 'public') return;
      if (!request.user) {
        if (token) reply.clearCookie(SESSION_COOKIE, { path: '/' });
        if (wantsPage(request)) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 302);
        return reply.code(401).send({ statusCode: 401, error: 'Ikke logget ind', message: 'Du skal logge ind for at se dette.' });
      }
      if (!hasRole(request.user.role, access)) {
        return reply.code(403).send({
          statusCode: 403,
          error: 'Ingen adgang',
          message: `Din rolle giver ikke adgang til dette. Det kræver rollen ${access === 'admin' ? 'administrator' : 'analytiker'}.`,
        });
      }
    });

    // Before the answer leaves: an export, import, snapshot or change that cannot be logged is not sent.
    fastify.addHook('onSend', async (request, reply, payload) => {
      const action = request.routeOptions.config.audit;
      if (!action || reply.statusCode >= 400) return payload;
      await fastify.audit(request, { action, target: `${request.method} ${request.url}`, details: { status: reply.statusCode } });
      return payload;
    });
  },
  { name: 'access', dependencies: ['database', 'security'] },
);
