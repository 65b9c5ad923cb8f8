/** Serves the built web app (apps/web/dist) at / when it exists; the API works without it. */
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
  },
  { name: 'web-app' },
);
