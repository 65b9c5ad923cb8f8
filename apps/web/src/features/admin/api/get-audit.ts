/**
 * GET /api/admin/audit — the audit log, newest first: logins, failed logins, logouts, exports,
 * imports, snapshots, schedules, settings and user changes, filtered by action, part of the
 * user's e-mail and a period; and the same filters as a CSV link (/api/admin/audit.csv).
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '@sol/api/schemas/access.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction } from '@sol/domain/access-roles.ts';
import { getJson, toSearch } from '../../../shared/api/api-client.ts';

export { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction, type AuditEvent };

export interface AuditFilters {
  action: AuditAction | null;
  user: string;
  from: string;
  to: string;
}

/** The list on the page: the newest 200 events (the API's default). */
export const AUDIT_LIMIT = 200;
/** The CSV: as many as the API gives (its maximum). */
export const AUDIT_CSV_LIMIT = 5000;

export function isAuditAction(value: string | null): value is AuditAction {
  return (AUDIT_ACTIONS as readonly (string | null)[]).includes(value);
}

function auditParams(filters: AuditFilters) {
  return { action: filters.action, user: filters.user.trim(), from: filters.from, to: filters.to };
}

/** The CSV download of the same events (the link itself is the download: no request from here). */
export function auditCsvUrl(filters: AuditFilters): string {
  return `/api/admin/audit.csv${toSearch({ ...auditParams(filters), limit: AUDIT_CSV_LIMIT })}`;
}

export function getAudit(filters: AuditFilters, signal?: AbortSignal): Promise<{ events: AuditEvent[] }> {
  return getJson<{ events: AuditEvent[] }>('/api/admin/audit', { ...auditParams(filters), limit: AUDIT_LIMIT }, signal);
}

export function auditQueryOptions(filters: AuditFilters) {
  return queryOptions({
    queryKey: ['admin', 'audit', auditParams(filters)],
    queryFn: ({ signal }) => getAudit(filters, signal),
    // The log grows with every request worth logging; kept fresh, and the old list stays while a new filter loads.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useAudit(filters: AuditFilters) {
  return useQuery(auditQueryOptions(filters));
}
