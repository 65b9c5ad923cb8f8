-- K1 Sagsbehandlingstider (DESIGN §6): applications with the citizen facts K1 filters on and the
-- processing time, so a request is one filtered aggregate.

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
       c.birth_year,
       c.target_group
FROM application a
JOIN citizen c USING (citizen_id);

CREATE UNIQUE INDEX application_fact_id_idx ON kpi.application_fact (application_id);
CREATE INDEX application_fact_period_idx ON kpi.application_fact (decided_or_infinity, received);

-- The deadline in force on the day an application was received: the paragraph's deadline row
-- with the latest valid_from ≤ modtaget. NULL when the paragraph has no deadline (then the
-- application counts as decided but not towards the share within the deadline). A plain view
-- over the small deadline table, so an edited deadline counts at once, without a refresh.
CREATE VIEW kpi.application_deadline AS
SELECT f.*, deadline.deadline_days
FROM kpi.application_fact f
LEFT JOIN LATERAL (
  SELECT d.deadline_days
  FROM processing_deadline d
  WHERE d.paragraph = f.paragraph AND d.valid_from <= f.received
  ORDER BY d.valid_from DESC
  LIMIT 1
) deadline ON true;
