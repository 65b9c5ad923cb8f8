-- K8 measurements (DESIGN §6): measurements with the citizen facts they are broken down and
-- filtered by. Each knows the date of the citizen's next measurement of the same code: in a period
-- holding both, it is superseded, so the latest measurements per citizen and code in a period are
-- all measurements in it less those superseded within it — sums per day and a small range join
-- for any number of periods, no DISTINCT ON per period.
CREATE MATERIALIZED VIEW kpi.measurement_fact AS
SELECT m.citizen_id,
       m.measure,
       m.measured_on,
       lead(m.measured_on) OVER (PARTITION BY m.citizen_id, m.measure ORDER BY m.measured_on) AS next_measured_on,
       m.value,
       c.birth_year,
       c.target_group
FROM measurement m
JOIN citizen c USING (citizen_id);

CREATE INDEX measurement_fact_date_idx ON kpi.measurement_fact (measured_on, next_measured_on);

-- Measurements summed per code, target group and day, for queries without an age filter (those
-- sum the measurements at request time, as the age is taken on each period's last day).
CREATE MATERIALIZED VIEW kpi.measurement_day AS
SELECT measure, target_group, measured_on, count(*) AS measured, sum(value) AS value_sum
FROM kpi.measurement_fact
GROUP BY measure, target_group, measured_on;

CREATE INDEX measurement_day_date_idx ON kpi.measurement_day (measured_on);
