/** `pnpm migrate`: applies pending migrations to the configured database and exits. */
import { loadConfig } from '../config.ts';
import { createDatabase } from '../db/create-database.ts';
import { migrate } from '../db/migrate.ts';

const database = await createDatabase(loadConfig().database);
try {
  const result = await migrate(database);
  console.log(
    result.applied.length > 0
      ? `Kørte ${result.applied.length} migration(er): ${result.applied.join(', ')}`
      : `Databasen er opdateret (${result.alreadyApplied} migrationer kørt tidligere)`,
  );
} finally {
  await database.close();
}
