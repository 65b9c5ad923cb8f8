/**
 * The one place that chooses the database: no DATABASE_URL → embedded PGlite persisted in DATA_DIR
 * (or in memory, for tests); with DATABASE_URL → a pg pool against a real PostgreSQL server. Both
 * are driven through Kysely, and both return DATE as 'YYYY-MM-DD' and numerics as numbers so the
 * rest of the code never sees a driver difference.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Tables } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<Tables>;
  kind: DatabaseKind;
  /** Runs a multi-statement SQL script as one implicit transaction (simple query protocol). */
  execScript(script: string): Promise<void>;
  /** Serialises work that must not run twice at once across instances (e.g. migrations). */
  withExclusiveLock<T>(lockId: number, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Called with every statement Kysely runs (benchmarks replay them on a bare driver). */
export type QueryListener = (query: { sql: string; parameters: readonly unknown[] }) => void;

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null /* null = in memory */ }
  | { kind: 'postgres'; connectionString: string; poolSize?: number; onQuery?: QueryListener };

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', connectionString: url };
  return { kind: 'pglite', dataDir: `${env.DATA_DIR?.trim() || './data'}/pglite` };
}

const DATE_OID = 1082;
const NUMERIC_OID = 1700;
const INT8_OID = 20;

const identity = (value: string): string => value;
// Sums and counts come back as int8/numeric; KPI values stay far below 2^53, so numbers are safe.
const toNumber = (value: string): number => Number(value);

export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'pglite' ? createPglite(config.dataDir) : createPostgres(config);
}

async function createPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const parsers = { [DATE_OID]: identity, [NUMERIC_OID]: toNumber, [INT8_OID]: toNumber };
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers });
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    async execScript(script) {
      await pglite.exec(script);
    },
    // PGlite has one connection and kysely-pglite-dialect serialises access: no lock needed.
    withExclusiveLock: (_lockId, work) => work(),
    async close() {
      await db.destroy();
    },
  };
}

async function createPostgres(config: { connectionString: string; poolSize?: number; onQuery?: QueryListener }): Promise<Database> {
  const typeParsers: Record<number, (value: string) => unknown> = {
    [DATE_OID]: identity,
    [NUMERIC_OID]: toNumber,
    [INT8_OID]: toNumber,
  };
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: config.poolSize ?? 10,
    // JIT compilation costs more than it saves on the KPI queries (measured: 750 ms of a 980 ms
    // query when the planner overestimated a breakdown); PGlite has no JIT, so both engines match.
    options: '-c jit=off',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  // Nor a checked-out one (inside a transaction, or holding a lock), which the pool does not listen
  // on: its next query fails instead (answered 503), and the pool drops it when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const { onQuery } = config;
  const db = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool }),
    ...(onQuery ? { log: (event) => onQuery({ sql: event.query.sql, parameters: event.query.parameters }) } : {}),
  });
  return {
    db,
    kind: 'postgres',
    async execScript(script) {
      await pool.query(script);
    },
    async withExclusiveLock(lockId, work) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [lockId]);
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [lockId]).catch(() => undefined);
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
