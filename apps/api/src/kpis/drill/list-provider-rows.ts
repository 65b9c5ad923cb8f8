/**
 * K6 drill: the citizens of a cell — with a grant at a provider active in the period — from the
 * stays the KPI counts (providerStaySource: merged runs per provider, built from the filtered
 * paragraphs' grants under a paragraph filter). A citizen has a run overlapping the period at some
 * provider exactly when she has one across providers or per operation, so the provider level
 * serves the total and both breakdowns. Age is taken on the period's last day, as in the KPI.
 */
import { sql } from 'kysely';
import { providerStaySource } from '../compute/get-providers.ts';
import { filterConditions } from '../compute/query-fragments.ts';
import { byCodePoint, codeLabel, inGroup, type ListDrillRows } from './drill-query.ts';

interface ProviderCitizenRow {
  citizen_id: string;
  target_group: string;
  provider_ids: string[];
  operations: string[];
}

export const listProviderRows: ListDrillRows = async (db, query, context) => {
  const { from, to } = query.period;
  const { targetGroup, ageBand, operation } = query.filters;
  const { rows } = await sql<ProviderCitizenRow>`
    SELECT s.citizen_id, s.target_group,
           array_agg(DISTINCT s.provider_id ORDER BY s.provider_id) AS provider_ids,
           array_agg(DISTINCT s.operation ORDER BY s.operation) AS operations
    FROM ${providerStaySource(query.filters.paragraph ?? [])} s
    WHERE s.stay_level = 'provider' AND s.first_day <= ${to}::date AND (s.last_day IS NULL OR s.last_day >= ${from}::date)
      AND ${filterConditions(
        { targetGroup, ageBand, operation },
        {
          targetGroup: sql`s.target_group`,
          ageBand: sql`kpi.age_band(kpi.age_on(s.birth_year, ${to}::date))`,
          operation: sql`s.operation`,
        },
      )}
      AND ${inGroup(query, { operation: sql`s.operation`, provider: sql`s.provider_id` })}
    GROUP BY s.citizen_id, s.target_group
    ORDER BY ${byCodePoint(sql`s.citizen_id`)}
    LIMIT ${query.limit}`.execute(db);
  return rows.map((row) => ({
    citizenId: row.citizen_id,
    targetGroup: codeLabel('targetGroup', row.target_group, context),
    providers: row.provider_ids.map((id) => context.providers.get(id) ?? id).join(', '),
    operation: row.operations.map((code) => codeLabel('operation', code, context)).join(', '),
  }));
};
