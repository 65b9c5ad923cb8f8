-- K5 Modtagere og modtagerandel (DESIGN §6). A period's recipients are the citizens with a grant
-- active on its first day — counted ahead, per day, in kpi.recipient_stock — plus those with none
-- then whose spell starts later in the period (kpi.recipient_spell); new and ended recipients are
-- found from each citizen's first and last grant. So a period costs what starts and ends in it,
-- not a pass over every recipient. The unit cost uses kpi.net_postings (20-expenditure.sql).

-- Per citizen: the day her first-ever grant starts (any paragraph: she is new in the period that
-- holds it), the day her latest grant starts, and the end of the grant that ends last (infinity
-- while one runs): she has ended in the period that holds it, when no grant starts after the
-- as-of date.
CREATE MATERIALIZED VIEW kpi.citizen_grant_span AS
SELECT g.citizen_id,
       c.target_group,
       c.birth_year,
       min(g.start_date) AS first_start,
       max(g.start_date) AS last_start,
       max(coalesce(g.end_date, 'infinity'::date)) AS last_end
FROM service_grant g
JOIN citizen c USING (citizen_id)
GROUP BY g.citizen_id, c.target_group, c.birth_year;

CREATE UNIQUE INDEX citizen_grant_span_citizen_idx ON kpi.citizen_grant_span (citizen_id);
CREATE INDEX citizen_grant_span_first_start_idx ON kpi.citizen_grant_span (first_start);
CREATE INDEX citizen_grant_span_last_end_idx ON kpi.citizen_grant_span (last_end);
CREATE INDEX citizen_grant_span_last_start_idx ON kpi.citizen_grant_span (last_start);

-- Each citizen's spells: the runs of consecutive days with a grant active, under any paragraph
-- (paragraph NULL) and under each paragraph, with the last day of her spell before (NULL for her
-- first) and infinity while a spell runs. A recipient in [A, B] has no grant active on A exactly
-- when a spell of hers starts in (A, B] and the one before it ended before A — at most one such
-- spell, so recipients who join during a period are counted without looking at anything else.
CREATE MATERIALIZED VIEW kpi.recipient_spell AS
WITH scoped AS (
  SELECT g.citizen_id, s.paragraph, g.start_date, coalesce(g.end_date, 'infinity'::date) AS end_date
  FROM service_grant g
  CROSS JOIN LATERAL (VALUES (NULL::text), (g.paragraph)) s(paragraph)
), marked AS (
  SELECT *,
         max(end_date) OVER (PARTITION BY citizen_id, paragraph ORDER BY start_date, end_date
                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_until
  FROM scoped
), numbered AS (
  -- a grant starting later than the day after every earlier one has ended starts a new spell
  SELECT *,
         count(*) FILTER (WHERE covered_until IS NULL OR start_date > covered_until + 1)
           OVER (PARTITION BY citizen_id, paragraph ORDER BY start_date, end_date ROWS UNBOUNDED PRECEDING) AS spell_no
  FROM marked
), spell AS (
  SELECT citizen_id, paragraph, min(start_date) AS first_day, max(end_date) AS last_day
  FROM numbered
  GROUP BY citizen_id, paragraph, spell_no
)
SELECT s.citizen_id,
       s.paragraph,
       c.target_group,
       c.birth_year,
       s.first_day,
       s.last_day,
       lag(s.last_day) OVER (PARTITION BY s.citizen_id, s.paragraph ORDER BY s.first_day) AS previous_last_day
FROM spell s
JOIN citizen c USING (citizen_id);

CREATE INDEX recipient_spell_any_start_idx ON kpi.recipient_spell (first_day) WHERE paragraph IS NULL;
CREATE INDEX recipient_spell_paragraph_start_idx ON kpi.recipient_spell (first_day) WHERE paragraph IS NOT NULL;
CREATE INDEX recipient_spell_citizen_idx ON kpi.recipient_spell (citizen_id);

-- How many citizens have grants active on a day, per set of paragraphs active together, target
-- group and birth year. Each citizen's days are cut where one of her grants starts or ends into
-- segments with one set of active paragraphs; a segment counts her under its set from its first
-- day to its last. A citizen is under one set a day, so summing the sets that meet the paragraphs
-- asked for counts each citizen once; a set's paragraphs count her under each paragraph. Stored
-- as runs of days over which a count stays the same (upper bound NULL: from then on); runs with
-- nobody are left out.
CREATE MATERIALIZED VIEW kpi.recipient_stock AS
WITH boundary AS (
  SELECT citizen_id, start_date AS day FROM service_grant
  UNION
  SELECT citizen_id, end_date + 1 FROM service_grant WHERE end_date IS NOT NULL
), segment AS (
  SELECT citizen_id, day AS first_day, lead(day) OVER (PARTITION BY citizen_id ORDER BY day) AS next_day
  FROM boundary
), segment_set AS (
  -- a segment without active grants (a gap, or after the last grant ended) has no set
  SELECT s.citizen_id, s.first_day, s.next_day, array_agg(DISTINCT g.paragraph ORDER BY g.paragraph) AS paragraphs
  FROM segment s
  JOIN service_grant g
    ON g.citizen_id = s.citizen_id AND g.start_date <= s.first_day AND (g.end_date IS NULL OR g.end_date >= s.first_day)
  GROUP BY s.citizen_id, s.first_day, s.next_day
), change AS (
  SELECT paragraphs, target_group, birth_year, day, sum(delta) AS delta
  FROM segment_set
  JOIN citizen USING (citizen_id)
  CROSS JOIN LATERAL (VALUES (first_day, 1), (next_day, -1)) d(day, delta)
  WHERE day IS NOT NULL
  GROUP BY paragraphs, target_group, birth_year, day
  HAVING sum(delta) <> 0
), running AS (
  SELECT paragraphs,
         target_group,
         birth_year,
         daterange(day, lead(day) OVER w) AS days,
         sum(delta) OVER w AS citizens
  FROM change
  WINDOW w AS (PARTITION BY paragraphs, target_group, birth_year ORDER BY day)
)
SELECT paragraphs, target_group, birth_year, days, citizens::integer AS citizens
FROM running
WHERE citizens > 0;

CREATE INDEX recipient_stock_days_idx ON kpi.recipient_stock USING gist (days);
