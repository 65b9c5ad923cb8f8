/** The audit log (access.audit_event): written for logins, exports, imports, snapshots, schedule and user changes. */
import { sql, type Kysely } from 'kysely';
import type { AuditAction } from '../access/roles.ts';
import type { Tables } from '../db/schema.ts';

type Db = Kysely<Tables>;

export interface AuditEntry {
  userId: number | null;
  userEmail: string | null;
  action: AuditAction;
  target: string | null;
  outcome: 'ok' | 'refused';
  ip: string | null;
  details?: Record<string, unknown> | null;
}

export interface AuditEventRow extends Required<AuditEntry> {
  id: number;
  at: string;
}

export async function insertAuditEvent(db: Db, entry: AuditEntry, now: Date): Promise<void> {
  await sql`
    INSERT INTO access.audit_event (at, user_id, user_email, action, target, outcome, ip, details)
    VALUES (${now.toISOString()}::timestamptz, ${entry.userId}, ${entry.userEmail}, ${entry.action}, ${entry.target}, ${entry.outcome},
            ${entry.ip}, ${entry.details ? JSON.stringify(entry.details) : null}::jsonb)`.execute(db);
}

export interface AuditFilter {
  action?: AuditAction | undefined;
  /** Part of the user's e-mail. */
  user?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

export async function listAuditEvents(db: Db, filter: AuditFilter): Promise<AuditEventRow[]> {
  const user = filter.user ? `%${filter.user.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null;
  const { rows } = await sql<AuditEventRow>`
    SELECT event_id::int AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, user_id AS "userId",
      user_email AS "userEmail", action, target, outcome, ip, details
    FROM access.audit_event
    WHERE (${filter.action ?? null}::text IS NULL OR action = ${filter.action ?? null}::text)
      AND (${user}::text IS NULL OR user_email LIKE ${user}::text)
      AND (${filter.from ?? null}::date IS NULL OR at >= ${filter.from ?? null}::date)
      AND (${filter.to ?? null}::date IS NULL OR at < ${filter.to ?? null}::date + 1)
    ORDER BY event_id DESC
    LIMIT ${filter.limit}`.execute(db);
  return rows;
}
