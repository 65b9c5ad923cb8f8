-- Shared building blocks of the KPI layer (DESIGN §5). Each formula used by more than one KPI
-- lives here once: age and age band on a date, the data extent behind the default as-of date,
-- grants joined with the citizen and provider facts every KPI filters on, and the P/L factor.

-- Age on a date D is year(D) − birth year (DESIGN §5), not the exact age on the birthday.
CREATE FUNCTION kpi.age_on(birth_year integer, on_date date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN extract(year FROM on_date)::integer - birth_year;

-- Age bands 18–24, 25–29, 30–49, 50–64, 65+; under 18 is kept apart rather than dropped.
CREATE FUNCTION kpi.age_band(age integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN age < 18 THEN '0-17'
  WHEN age <= 24 THEN '18-24'
  WHEN age <= 29 THEN '25-29'
  WHEN age <= 49 THEN '30-49'
  WHEN age <= 64 THEN '50-64'
  ELSE '65+'
END;

-- Amount in base-year prices = amount × index(base) / index(year of the amount) (DESIGN §5).
-- NULL when either year has no index; the API refuses such requests before they get here.
CREATE FUNCTION kpi.price_factor(amount_year integer, base_year integer) RETURNS numeric
LANGUAGE sql STABLE PARALLEL SAFE
RETURN (SELECT b.index_value / a.index_value
        FROM price_index a, price_index b
        WHERE a.year = amount_year AND b.year = base_year);

-- The latest date anything happened in the data; the default as-of date is the last day of
-- that month (DESIGN §5). Planned end dates of grants are not events and do not count. The
-- earliest date bounds the standard periods that are precomputed; it is where the finance
-- records begin, not the receipt or start of the oldest case still running, which may lie
-- decades back.
CREATE MATERIALIZED VIEW kpi.data_extent AS
SELECT earliest_date,
       latest_date,
       (date_trunc('month', latest_date) + interval '1 month - 1 day')::date AS default_as_of
FROM (
  SELECT max(d) AS latest_date FROM (
    SELECT max(posting_date) AS d FROM posting
    UNION ALL SELECT max(start_date) FROM service_grant
    UNION ALL SELECT max(end_date) FROM service_grant WHERE end_date <= (SELECT max(start_date) FROM service_grant)
    UNION ALL SELECT max(received) FROM application
    UNION ALL SELECT max(decided) FROM application
    UNION ALL SELECT max(review_date) FROM review
    UNION ALL SELECT max(measured_on) FROM measurement
  ) dates
) latest,
(
  -- where the finance records begin; without postings, the case records
  SELECT coalesce((SELECT min(posting_date) FROM posting),
                  (SELECT min(received) FROM application),
                  (SELECT min(start_date) FROM service_grant)) AS earliest_date
) earliest;

-- Every grant with the facts KPIs break down and filter by.
CREATE MATERIALIZED VIEW kpi.grant_fact AS
SELECT g.grant_id,
       g.citizen_id,
       g.paragraph,
       g.start_date,
       g.end_date,
       g.provider_id,
       g.daily_rate,
       c.birth_year,
       c.target_group,
       c.formerly_placed,
       p.operation
FROM service_grant g
JOIN citizen c USING (citizen_id)
LEFT JOIN provider p USING (provider_id);

CREATE INDEX grant_fact_period_idx ON kpi.grant_fact (start_date, end_date);
CREATE INDEX grant_fact_citizen_idx ON kpi.grant_fact (citizen_id);

-- Inhabitants of all ages on 1 January of each year.
CREATE MATERIALIZED VIEW kpi.population_total AS
SELECT year, sum(inhabitants)::bigint AS inhabitants FROM population GROUP BY year;
