/**
 * `fastify.snapshotJobs`: this app's snapshot freezes. Closing the server waits for a running
 * freeze first, so the database is never closed under it.
 */
import fp from 'fastify-plugin';
import { SnapshotJobs } from '../../snapshots/snapshot-jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    snapshotJobs: SnapshotJobs;
  }
}

export default fp(
  async (fastify) => {
    // Per app, not per process: a freeze belongs to its app's database.
    const jobs = new SnapshotJobs();
    fastify.decorate('snapshotJobs', jobs);
    fastify.addHook('preClose', async () => {
      await jobs.idle();
    });
  },
  { name: 'snapshot-jobs' },
);
