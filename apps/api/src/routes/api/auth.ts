/**
 * Logging in and out (DESIGN §9): the session and CSRF token for the web app, password login,
 * demo users on demo data, the first administrator from the one-time setup token, and logout.
 * Every login, failed login and logout is written to the audit log. OIDC has its own routes.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { assertPasswordStrength, hashPassword, verifyPassword } from '../../access/passwords.ts';
import { ROLE_LABELS, ROLES } from '../../access/roles.ts';
import { findLogin, hasOpenSetupToken, insertUser, isDemoDatabase, useSetupToken, type SessionUser } from '../../repositories/users.ts';
import { ClientError } from '../../schemas/client-error.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { DemoLoginBody, LoginBody, SessionSchema, SessionUserSchema, SetupBody } from '../../schemas/access.ts';
import { demoEmail } from '../../access/ensure-access.ts';

const TAGS = ['Login'];
const WRONG = 'Forkert e-mail eller adgangskode.';

export interface AuthRoutesOptions {
  /** The OIDC button's text when OIDC is set up, else null. */
  oidcLabel: string | null;
}

const auth: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (fastify, options) => {
  const db = fastify.database.db;
  const toSessionUser = (user: SessionUser): SessionUser => ({ id: user.id, email: user.email, name: user.name, role: user.role, isDemo: user.isDemo });

  fastify.get(
    '/api/auth/session',
    {
      schema: {
        tags: TAGS,
        summary: 'Hvem der er logget ind, CSRF-nøglen til ændringer, og hvordan man kan logge ind',
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const demo = await isDemoDatabase(db);
      return {
        user: request.user,
        csrfToken: reply.generateCsrf(),
        demoUsers: demo ? ROLES.map((role) => ({ role, label: ROLE_LABELS[role] })) : [],
        setupRequired: await hasOpenSetupToken(db),
        oidc: options.oidcLabel ? { label: options.oidcLabel } : null,
      };
    },
  );

  fastify.post(
    '/api/auth/login',
    {
      schema: {
        tags: TAGS,
        summary: 'Log ind med e-mail og adgangskode (højst 10 forsøg i minuttet)',
        body: LoginBody,
        response: { 200: Type.Object({ user: SessionUserSchema }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      const user = await findLogin(db, email);
      // Demo users have no password; disabled users are refused as if the password were wrong.
      const ok = await verifyPassword(user && !user.disabled && !user.isDemo ? user.passwordHash : null, request.body.password);
      if (!user || !ok) {
        await fastify.audit(request, { action: 'login_failed', outcome: 'refused', email, target: 'adgangskode' });
        throw new ClientError(401, WRONG);
      }
      await fastify.startSession(reply, user);
      request.user = toSessionUser(user);
      await fastify.audit(request, { action: 'login', target: 'adgangskode' });
      return { user: request.user };
    },
  );

  fastify.post(
    '/api/auth/demo-login',
    {
      schema: {
        tags: TAGS,
        summary: 'Log ind som demobruger med en rolle (kun på demodata)',
        body: DemoLoginBody,
        response: { 200: Type.Object({ user: SessionUserSchema }), 400: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!(await isDemoDatabase(db))) throw new ClientError(403, 'Demobrugere findes kun, så længe databasen kun rummer demodata.');
      const user = await findLogin(db, demoEmail(request.body.role));
      if (!user || !user.isDemo || user.disabled) throw new ClientError(403, 'Demobrugeren findes ikke. Genstart serveren for at oprette den.');
      await fastify.startSession(reply, user);
      request.user = toSessionUser(user);
      await fastify.audit(request, { action: 'login', target: 'demobruger' });
      return { user: request.user };
    },
  );

  fastify.post(
    '/api/auth/setup',
    {
      schema: {
        tags: TAGS,
        summary: 'Opretter den første administrator med engangskoden, som serveren skrev i sin log ved start',
        body: SetupBody,
        response: { 200: Type.Object({ user: SessionUserSchema }), 400: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { token, email, name, password } = request.body;
      assertPasswordStrength(password, email);
      const passwordHash = await hashPassword(password);
      if (!(await useSetupToken(db, token, fastify.clock()))) {
        await fastify.audit(request, { action: 'login_failed', outcome: 'refused', email, target: 'engangskode' });
        throw new ClientError(403, 'Engangskoden er forkert eller allerede brugt. Genstart serveren for at få en ny, hvis der stadig ingen administrator er.');
      }
      const id = await insertUser(db, { email, name, role: 'admin', passwordHash });
      const user: SessionUser = { id, email: email.trim().toLowerCase(), name, role: 'admin', isDemo: false };
      await fastify.startSession(reply, user);
      request.user = user;
      await fastify.audit(request, { action: 'user', target: `oprettet administrator ${user.email}` });
      return { user };
    },
  );

  fastify.post(
    '/api/auth/logout',
    { schema: { tags: TAGS, summary: 'Log ud', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.user) await fastify.audit(request, { action: 'logout' });
      await fastify.endSession(request, reply);
      return reply.code(204).send(null);
    },
  );
};

export default auth;
