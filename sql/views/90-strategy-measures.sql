-- Strategy measures outside K1–K8 (DESIGN §8, catalogue notes of `strategy-measures`). The
-- homelessness indicator depends only on the grant itself (age on its own start date), so it is
-- decided once per grant here rather than at every request.
CREATE MATERIALIZED VIEW kpi.strategy_grant_fact AS
SELECT grant_id,
       citizen_id,
       paragraph,
       start_date,
       end_date,
       provider_id,
       operation,
       daily_rate,
       birth_year,
       target_group,
       (paragraph = '110'
        AND formerly_placed IS TRUE
        AND kpi.age_on(birth_year, start_date) BETWEEN 18 AND 29) AS young_formerly_placed_homeless
FROM kpi.grant_fact;

CREATE INDEX strategy_grant_fact_period_idx ON kpi.strategy_grant_fact (start_date, end_date);
