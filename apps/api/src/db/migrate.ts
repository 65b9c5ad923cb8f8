/**
 * Applies the numbered SQL files in sql/migrations that have not run yet, each in one transaction
 * together with its row in schema_migration. Migrations are frozen: a changed file that already
 * ran is an error, not something to re-apply.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './create-database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../sql/migrations/', import.meta.url));

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
const MIGRATION_LOCK_ID = 73_820_001;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(database: Database, migrationsDir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(migrationsDir)).filter((name) => MIGRATION_FILE.test(name)).sort();
  return database.withExclusiveLock(MIGRATION_LOCK_ID, async () => {
    await database.execScript(`CREATE TABLE IF NOT EXISTS schema_migration (
      version text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Map(
      (await database.db.selectFrom('schema_migration').select(['version', 'checksum']).execute()).map((row) => [
        row.version,
        row.checksum,
      ]),
    );
    const applied: string[] = [];
    for (const file of files) {
      const script = await readFile(`${migrationsDir}/${file}`, 'utf8');
      const checksum = createHash('sha256').update(script).digest('hex');
      const previous = done.get(file);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`Migrationen ${file} er ændret efter at den er kørt; lav en ny migration i stedet.`);
        }
        continue;
      }
      // The file name is checked by MIGRATION_FILE and the checksum is hex, so inlining them is safe.
      await database.execScript(
        `${script}\n;\nINSERT INTO schema_migration (version, checksum) VALUES ('${file}', '${checksum}');`,
      );
      applied.push(file);
    }
    return { applied, alreadyApplied: files.length - applied.length };
  });
}
