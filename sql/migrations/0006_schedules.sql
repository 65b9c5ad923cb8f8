-- Scheduled KPI email to the steering group, threshold alerts, and the automatic freezing of the
-- budget follow-up snapshots. Delivery is exactly once per slot across any number of API
-- instances: a slot is claimed by inserting its row (unique schedule + kind + slot), and a claimed
-- row is an outbox entry that some instance sends, retries with back-off, and marks.
CREATE SCHEMA IF NOT EXISTS mail;

CREATE TABLE mail.schedule (
  schedule_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Five-field cron expression read in Europe/Copenhagen time.
  cron text NOT NULL,
  recipients text[] NOT NULL CHECK (cardinality(recipients) BETWEEN 1 AND 50),
  kpi_ids text[] NOT NULL CHECK (cardinality(kpi_ids) BETWEEN 1 AND 12),
  attach_xlsx boolean NOT NULL DEFAULT false,
  enabled boolean NOT NULL DEFAULT true,
  created_by text NOT NULL DEFAULT 'ukendt',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Slots up to this instant have been planned (claimed or skipped). Set to "now" when the schedule
  -- is created, edited or switched on, so a change never sends slots from before it.
  planned_through timestamptz NOT NULL,
  deleted_at timestamptz
);

CREATE TABLE mail.delivery (
  delivery_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  schedule_id integer NOT NULL REFERENCES mail.schedule (schedule_id),
  kind text NOT NULL CHECK (kind IN ('scheduled', 'test', 'alert')),
  -- The slot: the scheduled instant (scheduled), or when a test or an alert was ordered.
  slot_at timestamptz NOT NULL,
  -- What makes the row unique within its kind: the slot instant, or a test's/alert's own key.
  slot_key text NOT NULL,
  late boolean NOT NULL DEFAULT false,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- The instance working on it and until when; an expired lease means the instance died.
  lease_owner text,
  lease_until timestamptz,
  last_error text,
  sent_at timestamptz,
  subject text,
  recipients text[] NOT NULL,
  message_id text,
  note text,
  -- Alert emails: which alert crossed (the words are in note).
  alert_id integer,
  -- A test email may show a frozen snapshot's numbers instead of live data.
  snapshot_id integer REFERENCES snapshots.snapshot (snapshot_id),
  -- The KPI values this email showed, for "change since the previous email".
  kpi_values jsonb,
  created_at timestamptz NOT NULL,
  UNIQUE (schedule_id, kind, slot_key)
);
CREATE INDEX delivery_due ON mail.delivery (next_attempt_at) WHERE state = 'pending';
CREATE INDEX delivery_by_schedule ON mail.delivery (schedule_id, slot_at DESC);

CREATE TABLE mail.alert (
  alert_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  schedule_id integer NOT NULL REFERENCES mail.schedule (schedule_id),
  kpi_id text NOT NULL,
  measure_id text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('below', 'above')),
  threshold double precision NOT NULL,
  -- unknown until checked (or while the value is withheld); crossed once it is past the threshold.
  state text NOT NULL DEFAULT 'unknown' CHECK (state IN ('unknown', 'ok', 'crossed')),
  -- Each time the value crosses, the count goes up and one alert email is claimed for it.
  crossings integer NOT NULL DEFAULT 0,
  last_value double precision,
  checked_data_version integer,
  last_checked_at timestamptz,
  created_at timestamptz NOT NULL,
  deleted_at timestamptz
);

-- Automatic freezing of the budget follow-up snapshots (one row: on/off and since when).
CREATE TABLE snapshots.auto_freeze (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  enabled boolean NOT NULL DEFAULT false,
  since date
);
INSERT INTO snapshots.auto_freeze (singleton, enabled) VALUES (true, false);

-- Each follow-up date is frozen once, by whichever instance claims it first.
CREATE TABLE snapshots.scheduled_freeze (
  as_of date PRIMARY KEY,
  follow_up smallint NOT NULL,
  claimed_at timestamptz NOT NULL,
  claimed_by text NOT NULL,
  snapshot_id integer REFERENCES snapshots.snapshot (snapshot_id),
  last_error text
);
