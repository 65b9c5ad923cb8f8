/** Enters or corrects the realised effect of a plan area for one year. */
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';

export interface RealizedEffect {
  area: string;
  year: number;
  amountThousandKr: number;
  note: string | null;
}

/** Returns false when the area is not one of the plan's effect areas. */
export async function saveRealizedEffect(db: Kysely<Tables>, effect: RealizedEffect): Promise<boolean> {
  const known = await db
    .selectFrom('plan_effect')
    .select('area')
    .where('area', '=', effect.area)
    .where('kind', '=', 'effekt')
    .where('is_total', '=', false)
    .limit(1)
    .executeTakeFirst();
  if (!known) return false;
  await db
    .insertInto('plan_effect_realized')
    .values({ area: effect.area, year: effect.year, amount_1000_kr: effect.amountThousandKr, note: effect.note })
    .onConflict((conflict) =>
      conflict.columns(['area', 'year']).doUpdateSet({
        amount_1000_kr: effect.amountThousandKr,
        note: effect.note,
        updated_at: sql<string>`now()`,
      }),
    )
    .execute();
  return true;
}
