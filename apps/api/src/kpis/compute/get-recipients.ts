/**
 * K5 Modtagere og modtagerandel (DESIGN §6). Recipients are the citizens with a grant active in
 * [from, to] (that passes the filters); per 1,000 inhabitants of all ages on 1 January of the
 * year of `to`; new when their first-ever grant (any paragraph) starts in the period; ended when
 * their last grant ended in the period and none is active at its end, reading the grants as they
 * stand on the as-of date (a grant starting after it does not exist yet). Unit cost = all net
 * 5.38 postings in the period ÷ recipients, on the unfiltered total only, because postings
 * cannot be split by target group, age or paragraph.
 */
import { sql } from 'kysely';
import type { ComputeKpi } from '../kpi-query.ts';
import {
  filterConditions,
  groupKeyFor,
  hasFilters,
  priceBaseYear,
  toKpiRows,
  totalAndGroups,
  type GroupedRow,
} from './query-fragments.ts';

interface RecipientsRow extends GroupedRow {
  recipients: number;
  new_recipients: number;
  ended_recipients: number;
  inhabitants: number | null;
  expenditure: number;
}

export const getRecipients: ComputeKpi = async (db, query) => {
  const { from, to } = query.period;
  const ageBandOnTo = sql`kpi.age_band(kpi.age_on(g.birth_year, ${to}::date))`;
  const groupKey = groupKeyFor(query.by, {
    targetGroup: sql`g.target_group`,
    ageBand: ageBandOnTo,
    // a citizen counts under every paragraph she has a grant under in the period
    paragraph: sql`g.paragraph`,
  });
  const filters = filterConditions(query.filters, {
    targetGroup: sql`g.target_group`,
    ageBand: ageBandOnTo,
    paragraph: sql`g.paragraph`,
  });

  const { rows } = await sql<RecipientsRow>`
    WITH recipient AS (
      SELECT DISTINCT g.citizen_id, ${groupKey} AS group_key
      FROM kpi.grant_fact g
      WHERE g.start_date <= ${to}::date AND (g.end_date IS NULL OR g.end_date >= ${from}::date) AND ${filters}
    ), flagged AS (
      SELECT r.citizen_id,
             r.group_key,
             -- a recipient's first grant starts by the period end, so it is new when it starts
             -- no earlier than the period start
             f.first_start >= ${from}::date AS is_new,
             -- a recipient has a grant ending no earlier than the period start, so her last
             -- grant ended in the period exactly when no grant (existing on the as-of date)
             -- runs past the period end
             NOT EXISTS (
               SELECT 1 FROM kpi.grant_fact later
               WHERE later.citizen_id = r.citizen_id
                 AND later.start_date <= ${query.asOf}::date
                 AND (later.end_date IS NULL OR later.end_date > ${to}::date)
             ) AS has_ended
      FROM recipient r
      JOIN kpi.citizen_first_grant f USING (citizen_id)
    )
    SELECT grouping(group_key) = 1 AS is_total,
           group_key,
           count(DISTINCT citizen_id)::integer AS recipients,
           count(DISTINCT citizen_id) FILTER (WHERE is_new)::integer AS new_recipients,
           count(DISTINCT citizen_id) FILTER (WHERE has_ended)::integer AS ended_recipients,
           (SELECT nullif(inhabitants, 0) FROM kpi.population_total WHERE year = extract(year FROM ${to}::date)) AS inhabitants,
           (SELECT coalesce(sum(amount), 0)
            FROM kpi.net_postings(${from}::date, ${to}::date, ${priceBaseYear(query.prices)}::integer)) AS expenditure
    FROM flagged
    GROUP BY ${totalAndGroups}
  `.execute(db);

  const unitCostShown = !hasFilters(query.filters);
  return {
    rows: toKpiRows(rows, query.by, (row) => ({
      recipients: row.recipients,
      perThousand: row.inhabitants !== null ? (row.recipients * 1000) / row.inhabitants : null,
      newRecipients: row.new_recipients,
      endedRecipients: row.ended_recipients,
      unitCost: unitCostShown && row.is_total && row.recipients > 0 ? row.expenditure / row.recipients : null,
    })),
  };
};
