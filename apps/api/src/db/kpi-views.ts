/**
 * The KPI layer's SQL lives in sql/views, one file per KPI, in the schema `kpi`. Unlike
 * migrations, views are derived from the data and carry no state of their own, so they are
 * rebuilt from the files at every start (a changed definition takes effect on restart) and their
 * materialized views are refreshed after every import, so request time does not grow with the
 * raw rows.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './create-database.ts';
import type { Tables } from './schema.ts';

export const VIEWS_DIR = fileURLToPath(new URL('../../../../sql/views/', import.meta.url));

const VIEW_FILE = /^\d{2}-[a-z0-9-]+\.sql$/;
const VIEWS_LOCK_ID = 73_820_002;

export async function applyKpiViews(database: Database, viewsDir = VIEWS_DIR): Promise<string[]> {
  const files = (await readdir(viewsDir)).filter((name) => VIEW_FILE.test(name)).sort();
  const scripts = await Promise.all(files.map((file) => readFile(`${viewsDir}/${file}`, 'utf8')));
  await database.withExclusiveLock(VIEWS_LOCK_ID, () =>
    database.execScript(['DROP SCHEMA IF EXISTS kpi CASCADE;', 'CREATE SCHEMA kpi;', ...scripts].join('\n;\n')),
  );
  return files;
}

/**
 * Refreshes every materialized view in creation order (oids ascend as the files create them, so
 * a view is refreshed after the views it reads). A no-op before the views exist.
 */
export async function refreshKpiViews(db: Kysely<Tables>): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'kpi' AND c.relkind = 'm'
    ORDER BY c.oid`.execute(db);
  for (const { name } of rows) {
    await sql`REFRESH MATERIALIZED VIEW ${sql.table(`kpi.${name}`)}`.execute(db);
  }
}
