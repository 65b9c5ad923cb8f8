/**
 * Hand-built datasets for KPI tests: rows go straight into the tables (the importer has its own
 * tests), then the KPI views are refreshed exactly as after an import. Expected values in the
 * tests are worked out by hand from these rows, never by running the same SQL.
 */
import type { Insertable } from 'kysely';
import { refreshKpiViews } from '../../src/db/kpi-views.ts';
import type { Database } from '../../src/db/create-database.ts';
import type { Tables } from '../../src/db/schema.ts';

export interface KpiDataset {
  citizens?: Insertable<Tables['citizen']>[];
  providers?: Insertable<Tables['provider']>[];
  applications?: Insertable<Tables['application']>[];
  grants?: Insertable<Tables['service_grant']>[];
  reviews?: Insertable<Tables['review']>[];
  postings?: Insertable<Tables['posting']>[];
  budgets?: Insertable<Tables['budget']>[];
  population?: Insertable<Tables['population']>[];
  measurements?: Insertable<Tables['measurement']>[];
  priceIndex?: Insertable<Tables['price_index']>[];
  deadlines?: Insertable<Tables['processing_deadline']>[];
}

/** Inserts the rows in dependency order and refreshes the materialized KPI views. */
export async function loadKpiDataset(database: Database, dataset: KpiDataset): Promise<void> {
  const { db } = database;
  await db.transaction().execute(async (trx) => {
    // The migrations ship a default index; a test's own index replaces those years.
    if (dataset.priceIndex?.length) {
      await trx
        .insertInto('price_index')
        .values(dataset.priceIndex)
        .onConflict((conflict) => conflict.column('year').doUpdateSet((eb) => ({ index_value: eb.ref('excluded.index_value') })))
        .execute();
    }
    if (dataset.population?.length) await trx.insertInto('population').values(dataset.population).execute();
    if (dataset.deadlines?.length) await trx.insertInto('processing_deadline').values(dataset.deadlines).execute();
    if (dataset.citizens?.length) await trx.insertInto('citizen').values(dataset.citizens).execute();
    if (dataset.providers?.length) await trx.insertInto('provider').values(dataset.providers).execute();
    if (dataset.applications?.length) await trx.insertInto('application').values(dataset.applications).execute();
    if (dataset.grants?.length) await trx.insertInto('service_grant').values(dataset.grants).execute();
    if (dataset.reviews?.length) await trx.insertInto('review').values(dataset.reviews).execute();
    if (dataset.postings?.length) await trx.insertInto('posting').values(dataset.postings).execute();
    if (dataset.budgets?.length) await trx.insertInto('budget').values(dataset.budgets).execute();
    if (dataset.measurements?.length) await trx.insertInto('measurement').values(dataset.measurements).execute();
  });
  await refreshKpiViews(db);
}

/** Empties every data table (reference data stays), for tests that load several datasets. */
export async function clearKpiDataset(database: Database): Promise<void> {
  await database.execScript(
    'TRUNCATE measurement, budget, posting, review, service_grant, application, provider, citizen, population, price_index CASCADE',
  );
  await refreshKpiViews(database.db);
}

/** A citizen row with defaults, so tests state only what matters to them. */
export function citizen(
  id: string,
  birthYear: number,
  targetGroup: string = 'SIND',
  formerlyPlaced: boolean | null = null,
): Insertable<Tables['citizen']> {
  return { citizen_id: id, birth_year: birthYear, target_group: targetGroup, formerly_placed: formerlyPlaced };
}

let grantCounter = 0;
/** A grant row; end null = still active. */
export function grant(
  citizenId: string,
  paragraph: string,
  start: string,
  end: string | null,
  extra: Partial<Insertable<Tables['service_grant']>> = {},
): Insertable<Tables['service_grant']> {
  grantCounter += 1;
  return { grant_id: `g${grantCounter}`, citizen_id: citizenId, paragraph, start_date: start, end_date: end, ...extra };
}
