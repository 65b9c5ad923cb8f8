-- K8 measurements (DESIGN §6): measurements with the citizen facts they are broken down and
-- filtered by, ordered for "the latest measurement per citizen and code in the period".
CREATE MATERIALIZED VIEW kpi.measurement_fact AS
SELECT m.citizen_id,
       m.measure,
       m.measured_on,
       m.value,
       c.birth_year,
       c.target_group
FROM measurement m
JOIN citizen c USING (citizen_id);

CREATE INDEX measurement_fact_date_idx ON kpi.measurement_fact (measured_on);
