/**
 * Login with a work account (OIDC), registered only when OIDC_* is set up (access/oidc.ts).
 * GET /api/auth/oidc/start sends the browser to the provider; the provider sends it back to
 * GET /api/auth/oidc/callback, which logs the user in with the role from the claim and sends the
 * browser on to the page it came from. A refusal is a Danish page (or JSON for an API client)
 * and is written to the audit log; a provider that does not answer is a 502, never details.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { createOidcClient, LOGIN_MINUTES, OidcLoginError, type OidcOptions } from '../../access/oidc.ts';
import { findOidcUser, findUser, upsertOidcUser, type SessionUser } from '../../repositories/users.ts';
import { ErrorResponse } from '../../schemas/common.ts';

const TAGS = ['Login'];
/** The login in progress; sent only to the callback. */
const LOGIN_COOKIE = 'sol_oidc';
const COOKIE_PATH = '/api/auth/oidc';
const NO_ROLE = 'Din arbejdskonto har ingen rolle i dashboardet. Kontakt administratoren.';
const TITLES: Record<OidcLoginError['statusCode'], string> = { 400: 'Login mislykkedes', 403: 'Ingen adgang', 502: 'Loginudbyderen svarer ikke' };

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character);

/** A browser gets a small Danish page with the way back to the login page; an API client JSON. */
function sendRefusal(request: FastifyRequest, reply: FastifyReply, error: OidcLoginError): FastifyReply {
  const title = TITLES[error.statusCode];
  reply.code(error.statusCode);
  if (!(request.headers.accept ?? '').includes('text/html')) return reply.send({ statusCode: error.statusCode, error: title, message: error.message });
  return reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(error.message)}</p>
<p><a href="/login">Tilbage til loginsiden</a></p>
</body></html>`);
}

export interface OidcRoutesOptions {
  oidc: OidcOptions;
}

const oidc: FastifyPluginAsyncTypebox<OidcRoutesOptions> = async (fastify, options) => {
  const db = fastify.database.db;
  const provider = createOidcClient(options.oidc);
  const cookieOptions = { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: 'auto' } as const;

  fastify.get(
    '/api/auth/oidc/start',
    {
      schema: {
        tags: TAGS,
        summary: 'Log ind med arbejdskonto: sender browseren til loginudbyderen (OIDC)',
        querystring: Type.Object(
          { next: Type.Optional(Type.String({ maxLength: 2000, description: 'Siden, der skal vises efter login (en sti på dette site, fx /bolig)' })) },
          { additionalProperties: false },
        ),
        response: { 302: Type.Null(), 400: ErrorResponse, 429: ErrorResponse, 502: ErrorResponse },
      },
    },
    async (request, reply) => {
      try {
        const { url, cookie } = await provider.start(request.query.next ?? '/', fastify.clock().getTime());
        reply.setCookie(LOGIN_COOKIE, cookie, { ...cookieOptions, maxAge: LOGIN_MINUTES * 60 });
        return reply.redirect(url.href, 302);
      } catch (error) {
        // The provider's failures are the user's answer; anything else is a server error for the central handler.
        if (!(error instanceof OidcLoginError)) throw error;
        request.log.warn(`OIDC-login kunne ikke startes: ${error.reason}`);
        return sendRefusal(request, reply, error);
      }
    },
  );

  fastify.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        tags: TAGS,
        summary: 'Loginudbyderen sender browseren tilbage hertil; logger ind med rollen fra kravet (claim) og sender videre',
        response: { 302: Type.Null(), 400: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse, 502: ErrorResponse },
      },
    },
    async (request, reply) => {
      reply.clearCookie(LOGIN_COOKIE, { path: COOKIE_PATH });
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      let email: string | undefined;
      try {
        const identity = await provider.finish(query, request.cookies[LOGIN_COOKIE], fastify.clock().getTime());
        email = identity.email;
        const existing = await findOidcUser(db, identity.subject, identity.email);
        if (!identity.role) {
          // The account lost its role at the provider: its sessions here end too (the row keeps the old role until a new login).
          if (existing?.oidcSubject === identity.subject) await fastify.endSessionsOf(existing.id);
          throw new OidcLoginError(403, NO_ROLE, `ingen rolle i ${options.oidc.roleClaim}: ${JSON.stringify(identity.roleValues)}`);
        }
        if (existing?.disabled || existing?.isDemo) throw new OidcLoginError(403, 'Din bruger er spærret i dashboardet. Kontakt administratoren.', 'brugeren er spærret');
        const id = await upsertOidcUser(db, { subject: identity.subject, email: identity.email, name: identity.name, role: identity.role });
        const stored = id === null ? undefined : await findUser(db, id);
        if (!stored) {
          throw new OidcLoginError(403, 'E-mailadressen hører til en anden arbejdskonto i dashboardet. Kontakt administratoren.', 'e-mailen er knyttet til et andet subject');
        }
        const user: SessionUser = { id: stored.id, email: stored.email, name: stored.name, role: stored.role, isDemo: false };
        await fastify.startSession(reply, user);
        request.user = user;
        await fastify.audit(request, { action: 'login', target: 'oidc', details: { role: identity.role, ...(existing && existing.role !== identity.role ? { previousRole: existing.role } : {}) } });
        return reply.redirect(identity.next, 302);
      } catch (error) {
        if (!(error instanceof OidcLoginError)) throw error;
        if (error.statusCode === 502) request.log.warn(`OIDC-login: ${error.reason}`);
        await fastify.audit(request, { action: 'login_failed', outcome: 'refused', target: 'oidc', details: { reason: error.reason }, ...(email ? { email } : {}) });
        return sendRefusal(request, reply, error);
      }
    },
  );
};

export default oidc;
