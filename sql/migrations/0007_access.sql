-- Access (DESIGN §9): users with a role (viewer, analyst, admin), sessions, the one-time token
-- that creates the first administrator, and the audit log of logins, exports, imports, snapshots
-- and schedule changes.
CREATE SCHEMA IF NOT EXISTS access;

CREATE TABLE access.user_account (
  user_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Lower-cased; the login name.
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
  -- argon2id; null for users who only log in through OIDC.
  password_hash text,
  -- The OIDC provider's subject (iss + sub), for users who log in with their work account.
  oidc_subject text UNIQUE,
  disabled boolean NOT NULL DEFAULT false,
  -- Demo users exist only on demo data and are offered on the login page, clearly marked.
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);

CREATE TABLE access.session (
  -- sha-256 of the cookie's random token: a copy of the table logs nobody in.
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES access.user_account (user_id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX session_by_user ON access.session (user_id);

-- The token printed at the first start of a database without users; it can create one admin, once.
CREATE TABLE access.setup_token (
  token_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);

CREATE TABLE access.audit_event (
  event_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer,
  -- Kept as text: the log must still say who, after a user is renamed or removed.
  user_email text,
  action text NOT NULL,
  -- What was acted on: a request path, a snapshot, a schedule, a user.
  target text,
  outcome text NOT NULL DEFAULT 'ok' CHECK (outcome IN ('ok', 'refused')),
  ip text,
  details jsonb
);
CREATE INDEX audit_by_time ON access.audit_event (at DESC);
CREATE INDEX audit_by_action ON access.audit_event (action, at DESC);
