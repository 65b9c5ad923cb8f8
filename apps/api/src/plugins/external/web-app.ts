/**
 * Serves the built web app (apps/web/dist) at / when it exists, with every other non-API path
 * answered by its index.html (client-side routes); the API works without it.
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

export default fp<{ webDistDir: string | null }>(
  async (fastify, options) => {
    const dir = options.webDistDir;
    if (!dir || !existsSync(`${dir}/index.html`)) {
      fastify.log.warn('Web-appen er ikke bygget (apps/web/dist mangler); kun API’et kører');
      return;
    }
    await fastify.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false });
    // The login page and the first administrator's page are the app's own pages, open without a login.
    for (const page of ['/login', '/opsaetning']) {
      fastify.get(page, { schema: { hide: true } }, (_request, reply) => reply.type('text/html; charset=utf-8').sendFile('index.html'));
    }
    // The dashboard's pages are client-side routes (/bolig, /strategi?aar=2025 …): a reload or a
    // shared link must get the app, which then shows the page. API paths stay real 404s.
    fastify.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (path.startsWith('/api/') || path === '/api' || path.startsWith('/health')) return reply.callNotFound();
      // A file built after the start (a rebuild while running) is not among the routes the static
      // plugin registered at start; serve it from the folder (send() refuses paths outside it).
      if (/\.[a-z0-9]+$/i.test(path)) return reply.sendFile(decodeURIComponent(path.slice(1)));
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  },
  { name: 'web-app' },
);
