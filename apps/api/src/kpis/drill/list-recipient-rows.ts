/**
 * K5 drill: the recipients of a cell — citizens with a grant active in the period under the
 * paragraphs asked for — from the spells the KPI counts them by (kpi.recipient_spell): a spell is
 * a run of days covered by her grants, so one overlaps the period exactly when a grant is active
 * in it. With the paragraph breakdown a citizen is in every paragraph's group she has a spell
 * under, as in the KPI. The age band is taken on the period's last day, as in the KPI.
 */
import { sql } from 'kysely';
import { filterConditions, groupKeyFor } from '../compute/query-fragments.ts';
import { byCodePoint, codeLabel, paragraphList, type ListDrillRows } from './drill-query.ts';

interface RecipientRow {
  citizen_id: string;
  target_group: string;
  age_band: string;
  paragraphs: string;
}

export const listRecipientRows: ListDrillRows = async (db, query, context) => {
  const { from, to } = query.period;
  const ageBand = sql`kpi.age_band(kpi.age_on(s.birth_year, ${to}::date))`;
  // A citizen's target group and age are hers, so a group of them is a condition on the citizen;
  // a paragraph group holds her when any of her spells is under it.
  const group =
    query.by === null
      ? sql`true`
      : query.by === 'paragraph'
        ? sql`bool_or(s.paragraph = ${query.group})`
        : sql`${groupKeyFor(query.by, { targetGroup: sql`s.target_group`, ageBand })} = ${query.group}`;
  const { rows } = await sql<RecipientRow>`
    SELECT s.citizen_id, s.target_group, ${ageBand} AS age_band, ${paragraphList(sql`s.paragraph`)} AS paragraphs
    FROM kpi.recipient_spell s
    WHERE s.paragraph IS NOT NULL AND s.first_day <= ${to}::date AND s.last_day >= ${from}::date
      AND ${filterConditions(query.filters, { targetGroup: sql`s.target_group`, paragraph: sql`s.paragraph`, ageBand })}
    GROUP BY s.citizen_id, s.target_group, s.birth_year
    HAVING ${group}
    ORDER BY ${byCodePoint(sql`s.citizen_id`)}
    LIMIT ${query.limit}`.execute(db);
  return rows.map((row) => ({
    citizenId: row.citizen_id,
    targetGroup: codeLabel('targetGroup', row.target_group, context),
    ageBand: codeLabel('ageBand', row.age_band, context),
    paragraphs: row.paragraphs,
  }));
};
