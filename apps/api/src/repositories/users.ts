/**
 * Users, sessions and the first-admin token (sql/migrations/0007_access.sql). Session tokens and
 * setup tokens are stored as sha-256 hashes only.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Role } from '../access/roles.ts';
import type { Tables } from '../db/schema.ts';

type Db = Kysely<Tables>;

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  isDemo: boolean;
  hasPassword: boolean;
  oidc: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

const USER = sql`
  u.user_id AS id, u.email, u.name, u.role, u.disabled, u.is_demo AS "isDemo", u.password_hash IS NOT NULL AS "hasPassword",
  u.oidc_subject IS NOT NULL AS oidc,
  to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(u.last_login_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastLoginAt"`;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function listUsers(db: Db): Promise<UserRow[]> {
  const { rows } = await sql<UserRow>`SELECT ${USER} FROM access.user_account u ORDER BY u.is_demo, u.name, u.user_id`.execute(db);
  return rows;
}

export async function findUser(db: Db, id: number): Promise<UserRow | undefined> {
  const { rows } = await sql<UserRow>`SELECT ${USER} FROM access.user_account u WHERE u.user_id = ${id}`.execute(db);
  return rows[0];
}

/** The user with this e-mail and their password hash (for logging in). */
export async function findLogin(db: Db, email: string): Promise<(UserRow & { passwordHash: string | null }) | undefined> {
  const { rows } = await sql<UserRow & { passwordHash: string | null }>`
    SELECT ${USER}, u.password_hash AS "passwordHash" FROM access.user_account u WHERE u.email = ${email.trim().toLowerCase()}`.execute(db);
  return rows[0];
}

export async function insertUser(
  db: Db,
  user: { email: string; name: string; role: Role; passwordHash: string | null; isDemo?: boolean; oidcSubject?: string | null },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO access.user_account (email, name, role, password_hash, is_demo, oidc_subject)
    VALUES (${user.email.trim().toLowerCase()}, ${user.name}, ${user.role}, ${user.passwordHash}, ${user.isDemo ?? false}, ${user.oidcSubject ?? null})
    RETURNING user_id AS id`.execute(db);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('INSERT … RETURNING gave no user id');
  return id;
}

export async function updateUser(db: Db, id: number, change: { name?: string; role?: Role; disabled?: boolean; passwordHash?: string }): Promise<boolean> {
  const result = await sql`
    UPDATE access.user_account SET
      name = coalesce(${change.name ?? null}, name),
      role = coalesce(${change.role ?? null}, role),
      disabled = coalesce(${change.disabled ?? null}, disabled),
      password_hash = coalesce(${change.passwordHash ?? null}, password_hash)
    WHERE user_id = ${id}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** The user behind a work account: the one linked to the subject, else the one with the e-mail. */
export async function findOidcUser(db: Db, subject: string, email: string): Promise<(UserRow & { oidcSubject: string | null }) | undefined> {
  const { rows } = await sql<UserRow & { oidcSubject: string | null }>`
    SELECT ${USER}, u.oidc_subject AS "oidcSubject" FROM access.user_account u
    WHERE u.oidc_subject = ${subject} OR u.email = ${email.trim().toLowerCase()}
    ORDER BY u.oidc_subject = ${subject} DESC NULLS LAST LIMIT 1`.execute(db);
  return rows[0];
}

/**
 * A user who logs in with OIDC: found by subject (the e-mail follows the account, unless another
 * user has it), else by e-mail (then linked), else created; the role and name follow the claims
 * each time. Null when the e-mail belongs to a user linked to another work account.
 */
export async function upsertOidcUser(db: Db, user: { subject: string; email: string; name: string; role: Role }): Promise<number | null> {
  const email = user.email.trim().toLowerCase();
  const linked = await sql<{ id: number }>`
    UPDATE access.user_account u SET role = ${user.role}, name = ${user.name},
      email = CASE WHEN EXISTS (SELECT 1 FROM access.user_account o WHERE o.email = ${email} AND o.user_id <> u.user_id) THEN u.email ELSE ${email} END
    WHERE u.oidc_subject = ${user.subject}
    RETURNING u.user_id AS id`.execute(db);
  if (linked.rows[0]) return linked.rows[0].id;
  const { rows } = await sql<{ id: number }>`
    INSERT INTO access.user_account (email, name, role, password_hash, oidc_subject)
    VALUES (${email}, ${user.name}, ${user.role}, NULL, ${user.subject})
    ON CONFLICT (email) DO UPDATE SET oidc_subject = excluded.oidc_subject, role = excluded.role, name = excluded.name
      WHERE access.user_account.oidc_subject IS NULL
    RETURNING user_id AS id`.execute(db);
  return rows[0]?.id ?? null;
}

export async function countAdmins(db: Db): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM access.user_account WHERE role = 'admin' AND NOT disabled AND NOT is_demo`.execute(db);
  return rows[0]?.count ?? 0;
}

export async function markLoggedIn(db: Db, id: number, now: Date): Promise<void> {
  await sql`UPDATE access.user_account SET last_login_at = ${now.toISOString()}::timestamptz WHERE user_id = ${id}`.execute(db);
}

// ---------------------------------------------------------------------------------------------
// Sessions

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  isDemo: boolean;
}

export async function insertSession(db: Db, session: { token: string; userId: number; now: Date; expiresAt: Date }): Promise<void> {
  await sql`
    INSERT INTO access.session (token_hash, user_id, created_at, last_seen_at, expires_at)
    VALUES (${hashToken(session.token)}, ${session.userId}, ${session.now.toISOString()}::timestamptz, ${session.now.toISOString()}::timestamptz,
            ${session.expiresAt.toISOString()}::timestamptz)`.execute(db);
}

/**
 * The user behind a session token, if the session has not expired, has been used within
 * `idleMs`, and the user is not disabled. Refreshes last_seen_at at most once a minute.
 */
export async function findSessionUser(db: Db, token: string, now: Date, idleMs: number): Promise<SessionUser | undefined> {
  const at = now.toISOString();
  const idleSince = new Date(now.getTime() - idleMs).toISOString();
  const { rows } = await sql<SessionUser & { stale: boolean }>`
    SELECT u.user_id AS id, u.email, u.name, u.role, u.is_demo AS "isDemo", s.last_seen_at < ${at}::timestamptz - interval '1 minute' AS stale
    FROM access.session s JOIN access.user_account u USING (user_id)
    WHERE s.token_hash = ${hashToken(token)} AND s.expires_at > ${at}::timestamptz AND s.last_seen_at > ${idleSince}::timestamptz
      AND NOT u.disabled`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  if (row.stale) await sql`UPDATE access.session SET last_seen_at = ${at}::timestamptz WHERE token_hash = ${hashToken(token)}`.execute(db);
  return { id: row.id, email: row.email, name: row.name, role: row.role, isDemo: row.isDemo };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await sql`DELETE FROM access.session WHERE token_hash = ${hashToken(token)}`.execute(db);
}

export async function deleteSessionsOf(db: Db, userId: number): Promise<void> {
  await sql`DELETE FROM access.session WHERE user_id = ${userId}`.execute(db);
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await sql`DELETE FROM access.session WHERE expires_at <= ${now.toISOString()}::timestamptz`.execute(db);
}

// ---------------------------------------------------------------------------------------------
// The first administrator

export async function insertSetupToken(db: Db, token: string): Promise<void> {
  await sql`DELETE FROM access.setup_token WHERE used_at IS NULL`.execute(db);
  await sql`INSERT INTO access.setup_token (token_hash) VALUES (${hashToken(token)})`.execute(db);
}

/** Uses the token once: true for the one request that gets it. */
export async function useSetupToken(db: Db, token: string, now: Date): Promise<boolean> {
  const result = await sql`
    UPDATE access.setup_token SET used_at = ${now.toISOString()}::timestamptz
    WHERE token_hash = ${hashToken(token)} AND used_at IS NULL`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function hasOpenSetupToken(db: Db): Promise<boolean> {
  const { rows } = await sql<{ open: boolean }>`SELECT exists (SELECT 1 FROM access.setup_token WHERE used_at IS NULL) AS open`.execute(db);
  return rows[0]?.open ?? false;
}

/** Demo users may log in only while every import is demo data. */
export async function isDemoDatabase(db: Db): Promise<boolean> {
  const { rows } = await sql<{ demo: boolean }>`
    SELECT exists (SELECT 1 FROM import_log WHERE source = 'demo') AND NOT exists (SELECT 1 FROM import_log WHERE source <> 'demo') AS demo`.execute(db);
  return rows[0]?.demo ?? false;
}
