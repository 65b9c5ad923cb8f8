/**
 * What every KPI request needs besides the KPI itself: the settings (suppression threshold,
 * fixed-price base year), the data version and default as-of date, the years with a P/L index,
 * and the Danish labels of codes that live in reference tables.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';

export interface KpiContext {
  suppressionThreshold: number;
  /** The settings' base year, or else the latest index year no later than the as-of date's. */
  defaultBaseYear: number | null;
  priceIndexYears: ReadonlySet<number>;
  dataVersion: number;
  /** Last day of the latest month with data; null in an empty database. */
  defaultAsOf: string | null;
  /** The earliest date in the data; null in an empty database. */
  earliestDate: string | null;
  paragraphs: ReadonlyMap<string, string>;
  functions: ReadonlyMap<string, string>;
  providers: ReadonlyMap<string, string>;
  /** Changes whenever data or settings change; the basis of ETags. */
  version: string;
}

/**
 * What decides whether a cached context is still current: the latest import and the settings
 * row and the P/L index, read in one small query per request. An edit of paragraphs or
 * functions made directly in the database shows after the next import or restart; there is no
 * edit route for them yet.
 */
async function readVersionStamp(db: Kysely<Tables>): Promise<string> {
  const { rows } = await sql<{ stamp: string }>`
    SELECT concat_ws('|', (SELECT max(import_id) FROM import_log), (SELECT row_to_json(s)::text FROM municipality_settings s),
                     (SELECT string_agg(year || ':' || index_value, ',' ORDER BY year) FROM price_index)) AS stamp`.execute(db);
  return rows[0]?.stamp ?? '';
}

const cache = new WeakMap<Kysely<Tables>, { stamp: string; context: KpiContext }>();

/** The context for a request: read again only when data or settings have changed. */
export async function getKpiContext(db: Kysely<Tables>): Promise<KpiContext> {
  const stamp = await readVersionStamp(db);
  const cached = cache.get(db);
  if (cached?.stamp === stamp) return cached.context;
  const context = await readKpiContext(db, stamp);
  cache.set(db, { stamp, context });
  return context;
}

async function readKpiContext(db: Kysely<Tables>, stamp: string): Promise<KpiContext> {
  const [settings, lastImport, extent, indexYears, paragraphs, functions, providers] = await Promise.all([
    db.selectFrom('municipality_settings').selectAll().executeTakeFirstOrThrow(),
    db.selectFrom('import_log').select('import_id').orderBy('import_id', 'desc').limit(1).executeTakeFirst(),
    sql<{ default_as_of: string | null; earliest_date: string | null }>`SELECT default_as_of, earliest_date FROM kpi.data_extent`.execute(db),
    db.selectFrom('price_index').select('year').orderBy('year').execute(),
    db.selectFrom('paragraph').select(['code', 'title']).execute(),
    db.selectFrom('account_function').select(['code', 'title']).execute(),
    db.selectFrom('provider').select(['provider_id', 'name']).execute(),
  ]);
  const years = indexYears.map((row) => row.year);
  const defaultAsOf = extent.rows[0]?.default_as_of ?? null;
  // Without a setting: prices of the as-of date's year (what a council paper that year quotes),
  // or the latest index year before it. The index usually runs a budget year ahead of the data.
  const asOfYear = defaultAsOf ? Number(defaultAsOf.slice(0, 4)) : Number.POSITIVE_INFINITY;
  const defaultBaseYear = settings.fixed_price_base_year ?? years.filter((year) => year <= asOfYear).at(-1) ?? years.at(-1) ?? null;
  const dataVersion = lastImport ? Number(lastImport.import_id) : 0;
  const version = createHash('sha256')
    .update(JSON.stringify([stamp, paragraphs, functions]))
    .digest('base64url')
    .slice(0, 16);
  return {
    suppressionThreshold: settings.suppression_threshold,
    defaultBaseYear,
    priceIndexYears: new Set(years),
    dataVersion,
    defaultAsOf,
    earliestDate: extent.rows[0]?.earliest_date ?? null,
    paragraphs: new Map(paragraphs.map((row) => [row.code, row.title])),
    functions: new Map(functions.map((row) => [row.code, row.title])),
    providers: new Map(providers.map((row) => [row.provider_id, row.name])),
    version,
  };
}
