-- Strategy measures outside K1–K8 (DESIGN §8, catalogue notes of `strategy-measures`). The
-- homelessness indicator depends only on the grant itself (age on its own start date), so it is
-- decided once per grant here rather than at every request; few grants qualify.
CREATE MATERIALIZED VIEW kpi.young_homeless_start AS
SELECT citizen_id, target_group, start_date
FROM kpi.grant_fact
WHERE paragraph = '110'
  AND formerly_placed IS TRUE
  AND kpi.age_on(birth_year, start_date) BETWEEN 18 AND 29;

CREATE INDEX young_homeless_start_date_idx ON kpi.young_homeless_start (start_date);

-- Every grant as a day ledger per target group (see kpi.interval_entries): all grants (active in
-- a period, new in it, new under §82a) and those with a daily rate, counted and weighted by the
-- rate, so the rate averaged over active days comes from the weighted days ÷ the days.
CREATE MATERIALIZED VIEW kpi.strategy_grant_day AS
SELECT g.target_group, e.day,
       sum(e.starts) AS starts,
       sum(e.ends) AS ends,
       coalesce(sum(e.starts) FILTER (WHERE g.paragraph = '82a'), 0) AS starts_82a,
       coalesce(sum(e.starts) FILTER (WHERE g.daily_rate IS NOT NULL), 0) AS rate_starts,
       coalesce(sum(e.start_sum) FILTER (WHERE g.daily_rate IS NOT NULL), 0) AS rate_start_sum,
       coalesce(sum(e.ends) FILTER (WHERE g.daily_rate IS NOT NULL), 0) AS rate_ends,
       coalesce(sum(e.end_sum) FILTER (WHERE g.daily_rate IS NOT NULL), 0) AS rate_end_sum,
       coalesce(sum(g.daily_rate * e.starts), 0) AS rated_starts,
       coalesce(sum(g.daily_rate * e.start_sum), 0) AS rated_start_sum,
       coalesce(sum(g.daily_rate * e.ends), 0) AS rated_ends,
       coalesce(sum(g.daily_rate * e.end_sum), 0) AS rated_end_sum
FROM kpi.grant_fact g
CROSS JOIN LATERAL kpi.interval_entries(g.start_date, g.end_date) e
GROUP BY g.target_group, e.day;

-- Citizens at any provider ('older') and at an internal one ('older_internal') as a day ledger per
-- target group and birth year (the K6 stays), for the recipients aged 65 and over on a period's
-- last day. Sorted by birth year, so the older ones are a short range.
CREATE MATERIALIZED VIEW kpi.citizen_stay_day AS
SELECT CASE s.stay_level WHEN 'all' THEN 'older' ELSE 'older_internal' END AS source,
       s.target_group, s.birth_year, e.day, sum(e.starts) AS starts, sum(e.ends) AS ends
FROM kpi.provider_stay s
CROSS JOIN LATERAL kpi.interval_entries(s.first_day, s.last_day) e
WHERE s.stay_level = 'all' OR (s.stay_level = 'operation' AND s.operation = 'intern')
GROUP BY 1, 2, 3, 4
ORDER BY s.birth_year;

CREATE INDEX citizen_stay_day_birth_year_idx ON kpi.citizen_stay_day (birth_year);
