/** Row counts, the latest import and the municipality's name: what /health and the shell page show. */
import { sql, type Kysely } from 'kysely';
import { COUNTED_TABLES, type CountedTable } from '@sol/domain/data-tables.ts';
import type { Tables } from '../db/schema.ts';

export { COUNTED_TABLES };

// Every counted table must be a real table.
COUNTED_TABLES satisfies readonly (keyof Tables)[];

export interface DataStatus {
  municipality: string | null;
  dataVersion: number | null;
  lastImportAt: string | null;
  counts: Record<CountedTable, number>;
}

export async function getDataStatus(db: Kysely<Tables>): Promise<DataStatus> {
  const countQueries = COUNTED_TABLES.map(
    (table) => sql<{ table_name: string; rows: number }>`select ${table} as table_name, count(*)::int as rows from ${sql.table(table)}`,
  );
  const [counted, lastImport, settings] = await Promise.all([
    sql<{ table_name: CountedTable; rows: number }>`${sql.join(countQueries, sql` union all `)}`.execute(db),
    db.selectFrom('import_log').select(['import_id', 'imported_at']).orderBy('import_id', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('municipality_settings').select('name').executeTakeFirst(),
  ]);
  const counts = Object.fromEntries(COUNTED_TABLES.map((t) => [t, 0])) as Record<CountedTable, number>;
  for (const row of counted.rows) counts[row.table_name] = Number(row.rows);
  return {
    municipality: settings?.name ?? null,
    dataVersion: lastImport ? Number(lastImport.import_id) : null,
    lastImportAt: lastImport ? new Date(lastImport.imported_at).toISOString() : null,
    counts,
  };
}

/** True when nothing has been imported yet: the signal to seed demo data on first start. */
export async function isDatabaseEmpty(db: Kysely<Tables>): Promise<boolean> {
  const [imports, citizens] = await Promise.all([
    db.selectFrom('import_log').select('import_id').limit(1).execute(),
    db.selectFrom('citizen').select('citizen_id').limit(1).execute(),
  ]);
  return imports.length === 0 && citizens.length === 0;
}
