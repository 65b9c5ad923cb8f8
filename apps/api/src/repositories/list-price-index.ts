/** The P/L index used for fixed prices. */
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';

export async function listPriceIndex(db: Kysely<Tables>) {
  const rows = await db.selectFrom('price_index').select(['year', 'index_value']).orderBy('year').execute();
  return rows.map((row) => ({ year: row.year, index: Number(row.index_value) }));
}
