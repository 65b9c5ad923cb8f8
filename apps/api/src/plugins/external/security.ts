/**
 * Security on every route: each route gets its rule from access/route-access.ts as it is
 * registered (a route without one stops the start), security headers with a CSP that allows only
 * the app itself (@fastify/helmet), cookies (@fastify/cookie), CSRF tokens for every request that
 * changes something (@fastify/csrf-protection: the secret in a cookie, the token in the
 * x-csrf-token header), and per-route rate limits (@fastify/rate-limit) on login and exports.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { routeRule, type RouteRule } from '../../access/route-access.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteRule['access'];
    audit?: RouteRule['audit'];
  }
  interface FastifyInstance {
    /** Every registered route with its rule, as the app registered them (the route test walks it). */
    routeRules: { method: string; url: string; rule: RouteRule }[];
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The rate limit's key: the logged-in user, else the address (login routes). */
function rateKey(request: FastifyRequest): string {
  return request.user ? `bruger:${request.user.id}` : `adresse:${request.ip}`;
}

export default fp(
  async (fastify) => {
    const routeRules: FastifyInstance['routeRules'] = [];
    fastify.decorate('routeRules', routeRules);
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        const rule = routeRule(method, route.url);
        if (!rule) throw new Error(`Ruten ${method} ${route.url} har ingen adgangsregel i access/route-access.ts`);
        routeRules.push({ method, url: route.url, rule });
        route.config = {
          ...route.config,
          access: rule.access,
          ...(rule.audit ? { audit: rule.audit } : {}),
          ...(rule.perMinute ? { rateLimit: { max: rule.perMinute, timeWindow: 60_000, keyGenerator: rateKey } } : {}),
        };
      }
    });

    await fastify.register(fastifyHelmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // React and the charts set style attributes; style elements and sheets only from the app.
          styleSrc: ["'self'"],
          styleSrcAttr: ["'unsafe-inline'"],
          // Charts in the email preview and image downloads are data: and blob: URLs of the app's own.
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          frameSrc: ["'self'"],
          frameAncestors: ["'self'"],
          formAction: ["'self'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // The app is served over plain http on localhost too; HSTS is for the proxy in front of it.
      strictTransportSecurity: false,
    });
    await fastify.register(fastifyCookie);
    await fastify.register(fastifyCsrf, {
      cookieKey: 'sol_csrf',
      cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: 'auto' },
    });
    await fastify.register(fastifyRateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => ({
        statusCode: context.statusCode,
        error: 'For mange forespørgsler',
        message: `For mange forsøg på kort tid. Vent ${Math.ceil(context.ttl / 1000)} sekunder, og prøv igen.`,
      }),
    });

    // Checked before the body is read: a forged request is refused before any work is done.
    fastify.addHook('onRequest', (request, reply, done) => {
      if (!STATE_CHANGING.has(request.method)) return done();
      fastify.csrfProtection(request, reply, done);
    });
  },
  { name: 'security' },
);
