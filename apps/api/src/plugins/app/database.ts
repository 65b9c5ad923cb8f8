/** Makes the database available to routes as `fastify.database`; closes it with the server. */
import fp from 'fastify-plugin';
import type { Database } from '../../db/create-database.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

export default fp<{ database: Database; closeOnShutdown: boolean }>(
  async (fastify, options) => {
    fastify.decorate('database', options.database);
    if (options.closeOnShutdown) fastify.addHook('onClose', () => options.database.close());
  },
  { name: 'database' },
);
