-- Frozen snapshots for the budget follow-ups (DESIGN §7): the KPI answers exactly as the API
-- served them (after suppression) for the standard requests at one as-of date, and the strategy
-- progress. A council paper quotes them, so they must never change: the database itself refuses
-- UPDATE and DELETE on both tables, whatever code or person connects.
CREATE SCHEMA IF NOT EXISTS snapshots;

CREATE TABLE snapshots.snapshot (
  snapshot_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  as_of date NOT NULL,
  data_version integer NOT NULL,
  -- The fixed-price base year that "prices=fixed" without "base" meant when it was frozen.
  base_year integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT 'ukendt' CHECK (length(created_by) BETWEEN 1 AND 200),
  -- The strategy page's answer (GET /api/strategy) at the as-of date; null without a strategy.
  strategy jsonb
);

-- One served KPI answer per standard request; request_key names the resolved request
-- (kpi, breakdown, period, prices, cohort), see apps/api/src/snapshots/snapshot-request.ts.
CREATE TABLE snapshots.kpi_answer (
  snapshot_id integer NOT NULL REFERENCES snapshots.snapshot (snapshot_id),
  request_key text NOT NULL,
  answer jsonb NOT NULL,
  PRIMARY KEY (snapshot_id, request_key)
);

CREATE FUNCTION snapshots.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Øjebliksbilleder kan ikke ændres eller slettes (%)', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER snapshot_immutable BEFORE UPDATE OR DELETE ON snapshots.snapshot
  FOR EACH ROW EXECUTE FUNCTION snapshots.refuse_change();
CREATE TRIGGER kpi_answer_immutable BEFORE UPDATE OR DELETE ON snapshots.kpi_answer
  FOR EACH ROW EXECUTE FUNCTION snapshots.refuse_change();
-- TRUNCATE skips row triggers, so it is refused by a statement trigger of its own.
CREATE TRIGGER snapshot_no_truncate BEFORE TRUNCATE ON snapshots.snapshot
  FOR EACH STATEMENT EXECUTE FUNCTION snapshots.refuse_change();
CREATE TRIGGER kpi_answer_no_truncate BEFORE TRUNCATE ON snapshots.kpi_answer
  FOR EACH STATEMENT EXECUTE FUNCTION snapshots.refuse_change();

-- The suggested budget follow-up dates (DESIGN §7: end of March and end of August, editable).
-- Settings, not frozen results: these rows may be changed.
CREATE TABLE snapshots.follow_up_date (
  follow_up smallint PRIMARY KEY CHECK (follow_up BETWEEN 1 AND 6),
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  day smallint NOT NULL CHECK (day BETWEEN 1 AND 31)
);
INSERT INTO snapshots.follow_up_date (follow_up, month, day) VALUES (1, 3, 31), (2, 8, 31);
