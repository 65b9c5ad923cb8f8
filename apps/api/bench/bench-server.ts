/**
 * The API as deployed, in a process of its own, for `pnpm bench:api`: so the load generator and
 * the server do not share an event loop. Serves DATABASE_URL (already migrated, seeded and
 * precomputed by the benchmark) on an ephemeral port and prints `listening <url>` once ready.
 */
import { createDatabase } from '../src/db/create-database.ts';
import { buildServer } from '../src/server.ts';

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('bench-server needs DATABASE_URL');
const database = await createDatabase({ kind: 'postgres', connectionString, poolSize: Number(process.env.POOL_SIZE ?? 20) });
const server = await buildServer({ database, closeDatabaseOnShutdown: true, logger: false });
const address = await server.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${address}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
