/**
 * `fastify.importJobs`: the import jobs of this process, one running at a time. Closing the server
 * waits for a running import first, so the database is never closed under an open transaction.
 */
import fp from 'fastify-plugin';
import { ImportJobs } from '../../import/import-jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    importJobs: ImportJobs;
  }
}

/** Shared by every app in the process: "one import at a time" holds per process, not per app. */
const jobs = new ImportJobs();

export default fp(
  async (fastify) => {
    fastify.decorate('importJobs', jobs);
    fastify.addHook('preClose', async () => {
      await jobs.idle();
    });
  },
  { name: 'import-jobs' },
);
