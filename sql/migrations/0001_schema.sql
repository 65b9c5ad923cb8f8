-- 0001: tables for every import file (DESIGN §4), the reference data and the import log.
-- Frozen once released: later changes go in new numbered files. The database enforces keys,
-- references, codes and date order itself, so bad data cannot enter even past the importer.

CREATE TABLE municipality_settings (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  logo_url text,
  -- small-cell suppression threshold (DESIGN §5), default 5
  suppression_threshold integer NOT NULL DEFAULT 5 CHECK (suppression_threshold BETWEEN 1 AND 100),
  fixed_price_base_year integer CHECK (fixed_price_base_year BETWEEN 1990 AND 2100),
  active_strategy_id text,
  -- suggested budget follow-up dates as MM-DD (DESIGN §7)
  follow_up_dates text[] NOT NULL DEFAULT ARRAY['03-31', '08-31']
);

CREATE TABLE paragraph (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{1,3}[a-z]?$'),
  title text NOT NULL
);

-- Deadlines per paragraph with validity, so the deadline "in force on modtaget" can be found.
CREATE TABLE processing_deadline (
  paragraph text NOT NULL REFERENCES paragraph (code),
  valid_from date NOT NULL,
  deadline_days integer NOT NULL CHECK (deadline_days > 0),
  PRIMARY KEY (paragraph, valid_from)
);

CREATE TABLE account_function (
  code text PRIMARY KEY CHECK (code ~ '^5\.38\.[0-9]{2}$'),
  title text NOT NULL,
  paragraphs text
);

CREATE TABLE price_index (
  year integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2100),
  index_value numeric(12, 4) NOT NULL CHECK (index_value > 0)
);

CREATE TABLE population (
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  age integer NOT NULL CHECK (age BETWEEN 0 AND 125),
  inhabitants integer NOT NULL CHECK (inhabitants >= 0),
  PRIMARY KEY (year, age)
);

CREATE TABLE citizen (
  citizen_id text PRIMARY KEY CHECK (length(citizen_id) BETWEEN 1 AND 64),
  birth_year integer NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
  target_group text NOT NULL CHECK (target_group IN ('UH', 'AUT', 'SIND', 'HJERNE', 'FYS', 'MISBRUG', 'UDSAT')),
  formerly_placed boolean
);

CREATE TABLE provider (
  provider_id text PRIMARY KEY CHECK (length(provider_id) BETWEEN 1 AND 64),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  operation text NOT NULL CHECK (operation IN ('intern', 'ekstern')),
  paragraph text REFERENCES paragraph (code),
  target_group text CHECK (target_group IN ('UH', 'AUT', 'SIND', 'HJERNE', 'FYS', 'MISBRUG', 'UDSAT')),
  places integer CHECK (places >= 0)
);

CREATE TABLE application (
  application_id text PRIMARY KEY CHECK (length(application_id) BETWEEN 1 AND 64),
  citizen_id text NOT NULL REFERENCES citizen (citizen_id),
  paragraph text NOT NULL REFERENCES paragraph (code),
  received date NOT NULL CHECK (received BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
  decided date CHECK (decided BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
  decision text CHECK (decision IN ('bevilget', 'afslag', 'henlagt')),
  CHECK (decided >= received),
  CHECK ((decided IS NULL) = (decision IS NULL))
);
CREATE INDEX application_citizen_idx ON application (citizen_id);

CREATE TABLE service_grant (
  grant_id text PRIMARY KEY CHECK (length(grant_id) BETWEEN 1 AND 64),
  citizen_id text NOT NULL REFERENCES citizen (citizen_id),
  paragraph text NOT NULL REFERENCES paragraph (code),
  start_date date NOT NULL CHECK (start_date BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
  -- last day the grant was active (inclusive); NULL = still active
  end_date date CHECK (end_date BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
  provider_id text REFERENCES provider (provider_id),
  hours_per_week numeric(8, 2) CHECK (hours_per_week >= 0 AND hours_per_week <= 168),
  daily_rate numeric(12, 2) CHECK (daily_rate >= 0),
  CHECK (end_date >= start_date)
);
CREATE INDEX service_grant_citizen_idx ON service_grant (citizen_id);
CREATE INDEX service_grant_provider_idx ON service_grant (provider_id);

CREATE TABLE review (
  grant_id text NOT NULL REFERENCES service_grant (grant_id),
  review_date date NOT NULL CHECK (review_date BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
  PRIMARY KEY (grant_id, review_date)
);

CREATE TABLE posting (
  posting_id text PRIMARY KEY CHECK (length(posting_id) BETWEEN 1 AND 64),
  posting_date date NOT NULL CHECK (posting_date BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
  function_code text NOT NULL REFERENCES account_function (code),
  -- kr.; negative amounts (refunds, sale of places) are allowed
  amount numeric(14, 2) NOT NULL,
  provider_id text REFERENCES provider (provider_id)
);
CREATE INDEX posting_date_idx ON posting (posting_date);

CREATE TABLE budget (
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  function_code text NOT NULL REFERENCES account_function (code),
  budget_type text NOT NULL CHECK (budget_type IN ('oprindeligt', 'korrigeret', 'forventet')),
  amount numeric(14, 2) NOT NULL,
  reported_on date CHECK (reported_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
  CHECK (budget_type <> 'forventet' OR reported_on IS NOT NULL),
  CONSTRAINT budget_key UNIQUE NULLS NOT DISTINCT (year, function_code, budget_type, reported_on)
);

CREATE TABLE measurement (
  citizen_id text NOT NULL REFERENCES citizen (citizen_id),
  measured_on date NOT NULL CHECK (measured_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
  measure text NOT NULL CHECK (measure IN ('faellesskab', 'dialog', 'effekt', 'trivsel', 'sammenhaeng')),
  value numeric(4, 1) NOT NULL,
  PRIMARY KEY (citizen_id, measured_on, measure),
  CHECK (CASE WHEN measure = 'faellesskab' THEN value IN (0, 1) ELSE value IN (1, 2, 3, 4, 5) END)
);

CREATE TABLE import_log (
  import_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  imported_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL CHECK (source IN ('cli', 'api', 'demo')),
  -- [{ fileName, rows, sha256, encoding, delimiter, bytes }]
  files jsonb NOT NULL,
  total_rows bigint NOT NULL CHECK (total_rows >= 0),
  -- sha256 over the files' checksums in import order
  checksum text NOT NULL,
  duration_ms integer NOT NULL CHECK (duration_ms >= 0)
);

-- The strategy as data (DESIGN §8): themes → indicators.
CREATE TABLE strategy (
  strategy_id text PRIMARY KEY,
  municipality text NOT NULL,
  title text NOT NULL,
  first_year integer NOT NULL,
  last_year integer NOT NULL CHECK (last_year >= first_year),
  baseline_year integer NOT NULL
);

CREATE TABLE strategy_theme (
  strategy_id text NOT NULL REFERENCES strategy (strategy_id) ON DELETE CASCADE,
  theme_no integer NOT NULL CHECK (theme_no > 0),
  title text NOT NULL,
  PRIMARY KEY (strategy_id, theme_no)
);

CREATE TABLE strategy_indicator (
  indicator_id text PRIMARY KEY,
  strategy_id text NOT NULL,
  theme_no integer NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  wording text NOT NULL,
  kpi_id text NOT NULL,
  measure text NOT NULL,
  filter jsonb NOT NULL DEFAULT '{}'::jsonb,
  direction text NOT NULL CHECK (direction IN ('up', 'down')),
  baseline_year integer NOT NULL,
  target_value numeric,
  -- relative change within which the status is "unchanged"
  tolerance numeric NOT NULL DEFAULT 0.02 CHECK (tolerance >= 0),
  FOREIGN KEY (strategy_id, theme_no) REFERENCES strategy_theme (strategy_id, theme_no) ON DELETE CASCADE
);

ALTER TABLE municipality_settings
  ADD CONSTRAINT municipality_settings_strategy_fk FOREIGN KEY (active_strategy_id) REFERENCES strategy (strategy_id);
