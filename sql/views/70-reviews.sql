-- K7 reviews (DESIGN §6): every grant with the days it was reviewed on as one multirange, so
-- "reviewed within the last 365 days before D" is a single overlap test at request time.
CREATE MATERIALIZED VIEW kpi.grant_review_fact AS
SELECT gf.grant_id,
       gf.paragraph,
       gf.start_date,
       gf.end_date,
       gf.birth_year,
       gf.target_group,
       coalesce(r.review_days, '{}'::datemultirange) AS review_days
FROM kpi.grant_fact gf
LEFT JOIN (
  SELECT grant_id, range_agg(daterange(review_date, review_date, '[]')) AS review_days
  FROM review
  GROUP BY grant_id
) r USING (grant_id);

CREATE INDEX grant_review_fact_period_idx ON kpi.grant_review_fact (start_date, end_date);
