-- Precomputed KPI results for the standard periods (every year, half-year and month up to the
-- default as-of date, each breakdown, no filters), computed by the very same compute functions
-- after each import and at start, so the common requests cost one indexed read whatever the
-- size of the raw data. Raw values: suppression is applied when they are served, as always.
-- `version` is the data-and-settings version they were computed for; other versions are stale.
CREATE TABLE kpi.result_store (
  version text NOT NULL,
  kpi_id text NOT NULL,
  breakdown text NOT NULL,   -- '' = no breakdown
  prices text NOT NULL,      -- 'current' or 'fixed:<base year>'
  as_of date NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  result jsonb NOT NULL,
  PRIMARY KEY (version, kpi_id, breakdown, prices, as_of, period_from, period_to)
);
