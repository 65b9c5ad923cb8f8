/**
 * K5 Modtagere og modtagerandel (DESIGN §6). Recipients in a period [from, to] are the citizens
 * with a grant active in it (that passes the filters); per 1,000 inhabitants of all ages on
 * 1 January of the year of `to`; new when their first-ever grant (any paragraph) starts in the
 * period; ended when their last grant ended in the period and none is active at its end, reading
 * the grants as they stand on the as-of date (a grant starting after it does not exist yet). Unit
 * cost = all net 5.38 postings in the period ÷ recipients, on the unfiltered total only, because
 * postings cannot be split by target group, age or paragraph.
 *
 * All periods in one statement, at the cost of what starts and ends in them rather than of every
 * recipient: a period's recipients are those with a grant active on its first day, counted ahead
 * per day (kpi.recipient_stock), plus those with none then whose spell starts later in the period
 * (kpi.recipient_spell); the new and the ended come from each citizen's first and last grant
 * (kpi.citizen_grant_span). Everything is counted per target group and birth year (the age band
 * is read on `to`): once per citizen for the total, and with the paragraph breakdown once per
 * citizen and paragraph for the groups.
 */
import { sql } from 'kysely';
import type { ComputeKpi } from '../kpi-query.ts';
import {
  filterConditions,
  groupKeyFor,
  hasFilters,
  periodsTable,
  priceBaseYear,
  toKpiComputations,
  type GroupedRow,
  type SqlFragment,
} from './query-fragments.ts';

interface RecipientsRow extends GroupedRow {
  recipients: number;
  new_recipients: number;
  ended_recipients: number;
  inhabitants: number | null;
  expenditure: number | null;
}

export const getRecipients: ComputeKpi = async (db, query) => {
  const paragraphs = [...(query.filters.paragraph ?? [])];
  const inParagraphs = (column: SqlFragment) => filterConditions({ paragraph: paragraphs }, { paragraph: column });
  // the citizen `citizenId` has a spell `s` under one of the paragraphs asked for that meets
  // `condition` (without a paragraph filter every recipient has, so nothing to look up)
  const hasSpell = (citizenId: SqlFragment, condition: SqlFragment) =>
    paragraphs.length === 0
      ? sql`true`
      : sql`EXISTS (SELECT 1 FROM kpi.recipient_spell s
                    WHERE s.citizen_id = ${citizenId} AND ${inParagraphs(sql`s.paragraph`)} AND ${condition})`;

  // Rows (period_no, paragraph_key, target_group, birth_year, recipients, new, ended) counting
  // each citizen once (paragraph_key NULL).
  const perCitizen = sql`
    SELECT p.period_no, NULL::text, s.target_group, s.birth_year, s.citizens, 0, 0
    FROM p JOIN kpi.recipient_stock s ON s.days @> p.period_from
    WHERE ${paragraphs.length === 0 ? sql`true` : sql`s.paragraphs && ${paragraphs}::text[]`}
    UNION ALL
    ${
      paragraphs.length === 0
        ? sql`SELECT p.period_no, NULL, s.target_group, s.birth_year, 1, 0, 0
              FROM p JOIN kpi.recipient_spell s
                ON s.paragraph IS NULL AND s.first_day > p.period_from AND s.first_day <= p.period_to
              WHERE s.previous_last_day IS NULL OR s.previous_last_day < p.period_from`
        : // over the paragraphs asked for only: a spell under one of them starts, none is active on the first day
          sql`SELECT DISTINCT ON (p.period_no, j.citizen_id) p.period_no, NULL, j.target_group, j.birth_year, 1, 0, 0
              FROM p JOIN kpi.recipient_spell j
                ON j.paragraph IS NOT NULL AND j.first_day > p.period_from AND j.first_day <= p.period_to
              WHERE ${inParagraphs(sql`j.paragraph`)}
                AND NOT ${hasSpell(sql`j.citizen_id`, sql`s.first_day <= p.period_from AND s.last_day >= p.period_from`)}`
    }
    UNION ALL
    -- every grant starts no earlier than her first, so one starting by the period end is active in it
    SELECT p.period_no, NULL, c.target_group, c.birth_year, 0, 1, 0
    FROM p JOIN kpi.citizen_grant_span c ON c.first_start BETWEEN p.period_from AND p.period_to
    WHERE ${hasSpell(sql`c.citizen_id`, sql`s.first_day <= p.period_to`)}
    UNION ALL
    -- her last grant ends in the period, so it is active in it
    SELECT e.period_no, NULL, e.target_group, e.birth_year, 0, 0, 1
    FROM ended e
    WHERE ${hasSpell(sql`e.citizen_id`, sql`s.first_day <= e.period_to AND s.last_day >= e.period_from`)}
  `;

  // The same once per citizen and paragraph (paragraph_key): a spell under the paragraph is
  // counted when it is her first to reach into the period.
  const perParagraph = sql`
    SELECT p.period_no, u.paragraph, s.target_group, s.birth_year, s.citizens, 0, 0
    FROM p
    JOIN kpi.recipient_stock s ON s.days @> p.period_from
    CROSS JOIN unnest(s.paragraphs) u(paragraph)
    WHERE ${inParagraphs(sql`u.paragraph`)}
    UNION ALL
    SELECT p.period_no, s.paragraph, s.target_group, s.birth_year, 1, 0, 0
    FROM p JOIN kpi.recipient_spell s
      ON s.paragraph IS NOT NULL AND s.first_day > p.period_from AND s.first_day <= p.period_to
    WHERE (s.previous_last_day IS NULL OR s.previous_last_day < p.period_from) AND ${inParagraphs(sql`s.paragraph`)}
    UNION ALL
    SELECT p.period_no, s.paragraph, c.target_group, c.birth_year, 0, 1, 0
    FROM p
    JOIN kpi.citizen_grant_span c ON c.first_start BETWEEN p.period_from AND p.period_to
    JOIN kpi.recipient_spell s
      ON s.citizen_id = c.citizen_id AND s.paragraph IS NOT NULL AND s.previous_last_day IS NULL AND s.first_day <= p.period_to
    WHERE ${inParagraphs(sql`s.paragraph`)}
    UNION ALL
    SELECT e.period_no, s.paragraph, e.target_group, e.birth_year, 0, 0, 1
    FROM ended e
    JOIN kpi.recipient_spell s
      ON s.citizen_id = e.citizen_id AND s.paragraph IS NOT NULL AND s.first_day <= e.period_to AND s.last_day >= e.period_from
     AND (s.previous_last_day IS NULL OR s.previous_last_day < e.period_from)
    WHERE ${inParagraphs(sql`s.paragraph`)}
  `;

  const byParagraph = query.by === 'paragraph';
  const ageBandOnTo = sql`kpi.age_band(kpi.age_on(birth_year, period_to))`;
  const groupKey = groupKeyFor(query.by, {
    targetGroup: sql`target_group`,
    ageBand: ageBandOnTo,
    // a citizen counts under every paragraph she has a grant under in the period
    paragraph: sql`paragraph_key`,
  });
  const filters = filterConditions(query.filters, {
    targetGroup: sql`target_group`,
    ageBand: ageBandOnTo,
  });

  const { rows } = await sql<RecipientsRow>`
    WITH p AS (
      SELECT p.*, (SELECT nullif(inhabitants, 0) FROM kpi.population_total WHERE year = extract(year FROM p.period_to)) AS inhabitants
      FROM ${periodsTable(query.periods)}
    ), later_starter AS (
      -- a citizen with a grant starting after the as-of date: the end of her last grant among
      -- those that exist on it
      SELECT c.citizen_id, c.target_group, c.birth_year, max(coalesce(g.end_date, 'infinity'::date)) AS last_end
      FROM kpi.citizen_grant_span c JOIN kpi.grant_fact g USING (citizen_id)
      WHERE c.last_start > ${query.asOf}::date AND g.start_date <= ${query.asOf}::date
      GROUP BY c.citizen_id, c.target_group, c.birth_year
    ), ended AS (
      -- she has ended in the period: no grant existing on the as-of date runs past its end
      SELECT p.period_no, p.period_from, p.period_to, c.*
      FROM p CROSS JOIN LATERAL (
        SELECT citizen_id, target_group, birth_year FROM kpi.citizen_grant_span
        WHERE last_end BETWEEN p.period_from AND p.period_to AND last_start <= ${query.asOf}::date
        UNION ALL
        SELECT citizen_id, target_group, birth_year FROM later_starter
        WHERE last_end BETWEEN p.period_from AND p.period_to
      ) c
    ), counted AS (
      SELECT period_no, paragraph_key, target_group, birth_year,
             sum(recipients) AS recipients, sum(new_recipients) AS new_recipients, sum(ended_recipients) AS ended_recipients
      FROM (${perCitizen} ${byParagraph ? sql`UNION ALL ${perParagraph}` : sql``})
        counts(period_no, paragraph_key, target_group, birth_year, recipients, new_recipients, ended_recipients)
      GROUP BY period_no, paragraph_key, target_group, birth_year
    ), filtered AS (
      SELECT c.*, p.period_to, p.inhabitants, ${groupKey} AS group_key
      FROM counted c JOIN p USING (period_no)
      WHERE ${filters}
    )
    -- every period gets its total row, with nobody in it too
    SELECT p.period_no,
           true AS is_total,
           NULL::text AS group_key,
           coalesce(sum(f.recipients), 0)::integer AS recipients,
           coalesce(sum(f.new_recipients), 0)::integer AS new_recipients,
           coalesce(sum(f.ended_recipients), 0)::integer AS ended_recipients,
           p.inhabitants,
           (SELECT coalesce(sum(n.amount), 0)
            FROM kpi.net_postings(p.period_from, p.period_to, ${priceBaseYear(query.prices)}::integer) n) AS expenditure
    FROM p LEFT JOIN filtered f ON f.period_no = p.period_no AND f.paragraph_key IS NULL
    GROUP BY p.period_no, p.period_from, p.period_to, p.inhabitants
    ${
      query.by === null
        ? sql``
        : sql`UNION ALL
              SELECT period_no, false, group_key, sum(recipients)::integer, sum(new_recipients)::integer,
                     sum(ended_recipients)::integer, min(inhabitants), NULL
              FROM filtered
              WHERE paragraph_key IS ${byParagraph ? sql`NOT NULL` : sql`NULL`}
              GROUP BY period_no, group_key`
    }
  `.execute(db);

  const unitCostShown = !hasFilters(query.filters);
  return toKpiComputations(
    rows,
    query,
    (row) => ({
      recipients: row.recipients,
      perThousand: row.inhabitants !== null ? (row.recipients * 1000) / row.inhabitants : null,
      newRecipients: row.new_recipients,
      endedRecipients: row.ended_recipients,
      unitCost: unitCostShown && row.is_total && row.recipients > 0 && row.expenditure !== null ? row.expenditure / row.recipients : null,
    }),
    // not reached: the statement gives every period its total row
    () => ({ recipients: 0, perThousand: null, newRecipients: 0, endedRecipients: 0, unitCost: null }),
  );
};
