-- K1 Sagsbehandlingstider (DESIGN §6): applications with the citizen facts K1 filters on and the
-- processing time, so a request is one filtered aggregate over all its periods.

CREATE MATERIALIZED VIEW kpi.application_fact AS
SELECT a.application_id,
       a.citizen_id,
       a.paragraph,
       a.received,
       a.decided,
       a.decision,
       -- calendar days from modtaget to afgjort; NULL while open
       a.decided - a.received AS processing_days,
       -- an application matters to a period [A, B] when received ≤ B and not decided before A:
       -- then it is either decided in the period or open at its end
       coalesce(a.decided, 'infinity'::date) AS decided_or_infinity,
       -- the days it is open: received ≤ D and not decided by D (decided ≥ received by a CHECK);
       -- "open at B" is `open_days @> B`, which the GiST index answers per period end
       daterange(a.received, coalesce(a.decided, 'infinity'::date), '[)') AS open_days,
       c.birth_year,
       c.target_group
FROM application a
JOIN citizen c USING (citizen_id);

CREATE UNIQUE INDEX application_fact_id_idx ON kpi.application_fact (application_id);
-- decided in [A, B]: a range scan per period
CREATE INDEX application_fact_period_idx ON kpi.application_fact (decided_or_infinity, received);
CREATE INDEX application_fact_open_idx ON kpi.application_fact USING gist (open_days);

-- Applications with the deadline in force on the day each was received: the paragraph's deadline
-- row with the latest valid_from ≤ modtaget, i.e. valid_from ≤ modtaget < the next valid_from.
-- NULL when the paragraph has no deadline (then the application counts as decided but not
-- towards the share within the deadline). A plain view over the small deadline table, so an
-- edited deadline counts at once, without a refresh; a join rather than a lookup per
-- application, so a statement over many periods hashes the few deadline rows once.
CREATE VIEW kpi.application_deadline AS
SELECT f.*, d.deadline_days
FROM kpi.application_fact f
LEFT JOIN (
  SELECT paragraph,
         valid_from,
         lead(valid_from, 1, 'infinity'::date) OVER (PARTITION BY paragraph ORDER BY valid_from) AS valid_until,
         deadline_days
  FROM processing_deadline
) d ON d.paragraph = f.paragraph AND d.valid_from <= f.received AND f.received < d.valid_until;
