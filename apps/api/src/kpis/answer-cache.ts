/**
 * Serialized answers of standard KPI requests, per data version, in memory. A standard request
 * (no filters, default as-of date and price basis) is answered from the result store anyway; it
 * is also what every dashboard visitor asks for, so its finished JSON — suppressed, labelled and
 * serialized once — is kept and sent as is. Each request still reads the version stamp from the
 * database first (getKpiContext), so an import or settings change made by any instance is seen at
 * once: a new version simply misses. Filtered and other ad-hoc requests are never cached.
 */
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Tables } from '../db/schema.ts';
import type { KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import type { KpiQueryString } from '../schemas/kpi-query.ts';
import { resolveKpiQuery } from './resolve-kpi-query.ts';
import { isStandardQuery } from './result-store.ts';

/**
 * One cache per database: the version stamp identifies data within a database, not across two
 * (two test databases can both be at import 1). Every KPI × breakdown × year/half × price basis
 * of ten years fits with room to spare.
 */
const cachesByDatabase = new WeakMap<Kysely<Tables>, LRUCache<string, string>>();

function answersOf(db: Kysely<Tables>): LRUCache<string, string> {
  let answers = cachesByDatabase.get(db);
  if (!answers) {
    answers = new LRUCache<string, string>({ max: 5000 });
    cachesByDatabase.set(db, answers);
  }
  return answers;
}

/** The cache key of a standard request, or null when the request is not standard (never cached). */
export function standardAnswerKey(kpi: KpiDefinition, input: KpiQueryString, context: KpiContext): string | null {
  const { query } = resolveKpiQuery(kpi, input, context);
  if (!isStandardQuery(query, context)) return null;
  // Sorted so that ?year=2025&by=paragraph and ?by=paragraph&year=2025 share an entry.
  const canonical = Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return `${context.version}|${kpi.id}|${JSON.stringify(canonical)}`;
}

export function readCachedAnswer(db: Kysely<Tables>, key: string): string | undefined {
  return answersOf(db).get(key);
}

export function cacheAnswer(db: Kysely<Tables>, key: string, json: string): void {
  answersOf(db).set(key, json);
}
