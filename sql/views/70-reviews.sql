-- K7 reviews (DESIGN §6), a stock on a date D. For every grant, the days D on which it counts, as
-- intervals by status: 'not_yet_due' while active and started less than 365 days before D
-- (start … start + 364), 'due' while active from start + 365 on, and within that 'reviewed'
-- on the days with a review in D − 364 … D (each review covers its own day and the 364 after it).
-- The grants of a status on D are then the intervals containing D, read from a day ledger for
-- any number of dates at once. Each span names its grant and citizen, so the drill to rows lists
-- the grants of a status on D from the same spans the counts come from.
CREATE MATERIALIZED VIEW kpi.grant_review_span AS
SELECT grant_id, citizen_id, paragraph, birth_year, target_group, 'not_yet_due' AS status,
       start_date AS first_day, least(end_date, start_date + 364) AS last_day
FROM kpi.grant_fact
UNION ALL
SELECT grant_id, citizen_id, paragraph, birth_year, target_group, 'due', start_date + 365, end_date
FROM kpi.grant_fact
WHERE end_date IS NULL OR end_date >= start_date + 365
UNION ALL
SELECT grant_id, g.citizen_id, g.paragraph, g.birth_year, g.target_group, 'reviewed', lower(run), upper(run) - 1
FROM (
  SELECT g.grant_id,
         range_agg(daterange(r.review_date, r.review_date + 364, '[]'))
           * datemultirange(daterange(g.start_date + 365, g.end_date, '[]')) AS days
  FROM kpi.grant_fact g
  JOIN review r USING (grant_id)
  WHERE g.end_date IS NULL OR g.end_date >= g.start_date + 365
  GROUP BY g.grant_id, g.start_date, g.end_date
) reviewed
JOIN kpi.grant_fact g USING (grant_id)
CROSS JOIN LATERAL unnest(reviewed.days) AS run;

-- Ledgers built at request time read only the spans that can contain the dates.
CREATE INDEX grant_review_span_last_day_idx ON kpi.grant_review_span (last_day);

-- The spans as a day ledger per status and paragraph, for queries without a filter on the citizen
-- (those build their ledger from the spans at request time).
CREATE MATERIALIZED VIEW kpi.grant_review_day AS
SELECT s.status, s.paragraph, e.day, sum(e.starts) AS starts, sum(e.ends) AS ends
FROM kpi.grant_review_span s
CROSS JOIN LATERAL kpi.interval_entries(s.first_day, s.last_day) e
GROUP BY s.status, s.paragraph, e.day;
