/** The chart-of-accounts functions (DESIGN §6), as the municipality has them. */
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';

export function listAccountFunctions(db: Kysely<Tables>) {
  return db.selectFrom('account_function').select(['code', 'title', 'paragraphs']).orderBy('code').execute();
}
