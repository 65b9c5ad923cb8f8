-- K5 Modtagere og modtagerandel (DESIGN §6). Recipients are counted from kpi.grant_fact; the
-- unit cost uses kpi.net_postings (20-expenditure.sql).

-- The day each citizen's first-ever grant starts, under any paragraph: a recipient is new in a
-- period when this day lies in it.
CREATE MATERIALIZED VIEW kpi.citizen_first_grant AS
SELECT citizen_id, min(start_date) AS first_start
FROM service_grant
GROUP BY citizen_id;

CREATE UNIQUE INDEX citizen_first_grant_citizen_idx ON kpi.citizen_first_grant (citizen_id);
