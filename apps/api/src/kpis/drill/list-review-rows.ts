/**
 * K7 drill: the grants of a cell on its date D (its last day) — due or not yet due, and whether
 * a due one was reviewed — from the spans the KPI counts (kpi.grant_review_span): a grant is in a
 * status on D when a span of that status contains D. Age is taken on D, as in the KPI.
 */
import { sql } from 'kysely';
import { filterConditions } from '../compute/query-fragments.ts';
import { byCodePoint, inGroup, type ListDrillRows } from './drill-query.ts';

interface GrantRow {
  grant_id: string;
  citizen_id: string;
  paragraph: string;
  start_date: string;
  status: 'due' | 'not_yet_due';
  reviewed: boolean;
  latest_review: string | null;
}

const STATUS = { due: 'Forfalden', not_yet_due: 'Endnu ikke forfalden' } as const;

export const listReviewRows: ListDrillRows = async (db, query) => {
  const day = query.period.to;
  const { rows } = await sql<GrantRow>`
    WITH on_day AS (
      SELECT s.grant_id, s.citizen_id, s.paragraph,
             min(s.status) FILTER (WHERE s.status <> 'reviewed') AS status,
             bool_or(s.status = 'reviewed') AS reviewed
      FROM kpi.grant_review_span s
      WHERE s.first_day <= ${day}::date AND (s.last_day IS NULL OR s.last_day >= ${day}::date)
        AND ${filterConditions(query.filters, {
          targetGroup: sql`s.target_group`,
          paragraph: sql`s.paragraph`,
          ageBand: sql`kpi.age_band(kpi.age_on(s.birth_year, ${day}::date))`,
        })}
        AND ${inGroup(query, { paragraph: sql`s.paragraph` })}
      GROUP BY s.grant_id, s.citizen_id, s.paragraph
    )
    SELECT o.grant_id, o.citizen_id, o.paragraph, g.start_date, o.status, o.reviewed,
           (SELECT max(r.review_date) FROM review r WHERE r.grant_id = o.grant_id AND r.review_date <= ${day}::date) AS latest_review
    FROM on_day o
    JOIN service_grant g USING (grant_id)
    -- a 'reviewed' span lies within the grant's 'due' one, so every grant here has a status
    WHERE o.status IS NOT NULL
    ORDER BY ${byCodePoint(sql`o.citizen_id`)}, g.start_date, ${byCodePoint(sql`o.grant_id`)}
    LIMIT ${query.limit}`.execute(db);
  return rows.map((row) => ({
    grantId: row.grant_id,
    citizenId: row.citizen_id,
    paragraph: row.paragraph,
    start: row.start_date,
    latestReview: row.latest_review,
    status: STATUS[row.status],
    // a grant not yet due is not asked to have been reviewed
    reviewed: row.status === 'due' ? row.reviewed : null,
  }));
};
