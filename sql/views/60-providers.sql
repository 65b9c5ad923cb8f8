-- K6 providers (DESIGN §6): grants held at a provider and postings linked to one. Grants without
-- a provider are not part of this KPI at all, so they are left out once here.
CREATE MATERIALIZED VIEW kpi.provider_grant_fact AS
SELECT grant_id, citizen_id, paragraph, start_date, end_date, provider_id, operation, birth_year, target_group
FROM kpi.grant_fact
WHERE provider_id IS NOT NULL;

CREATE INDEX provider_grant_fact_period_idx ON kpi.provider_grant_fact (start_date, end_date);

-- Postings summed per provider and day: a period's expenditure is then a range scan over far
-- fewer rows than the finance system's lines. The year is kept for the fixed-price factor.
CREATE MATERIALIZED VIEW kpi.provider_posting_day AS
SELECT po.posting_date,
       extract(year FROM po.posting_date)::integer AS posting_year,
       po.provider_id,
       pr.operation,
       sum(po.amount) AS amount
FROM posting po
JOIN provider pr USING (provider_id)
GROUP BY po.posting_date, po.provider_id, pr.operation;

CREATE INDEX provider_posting_day_date_idx ON kpi.provider_posting_day (posting_date);
