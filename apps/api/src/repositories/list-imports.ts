/** The import log, newest first. */
import type { Kysely } from 'kysely';
import type { ImportedFileLog, Tables } from '../db/schema.ts';

export interface ImportLogEntry {
  importId: number;
  importedAt: string;
  source: string;
  files: ImportedFileLog[];
  totalRows: number;
  checksum: string;
  durationMs: number;
}

export async function listImports(db: Kysely<Tables>, limit: number): Promise<ImportLogEntry[]> {
  const rows = await db.selectFrom('import_log').selectAll().orderBy('import_id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    importId: Number(row.import_id),
    importedAt: new Date(row.imported_at).toISOString(),
    source: row.source,
    files: row.files,
    totalRows: Number(row.total_rows),
    checksum: row.checksum,
    durationMs: row.duration_ms,
  }));
}
