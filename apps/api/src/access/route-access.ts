/**
 * Who may call each route, in one table (DESIGN §9), applied to every route as it is registered.
 * A route missing here stops the app at start: no route is ever open, or closed, by accident.
 * The test in access.test.ts walks Fastify's route table and checks each entry: 401 without a
 * session, 403 for the role below, success for the role given here.
 *
 * viewer (politicians, managers): read the dashboard. analyst (administration): also exports, row
 * lists, imports, snapshots, schedules and the follow-up settings. admin: also users and the audit log.
 * Rows (pseudonymous ids) are analyst-only: reading the dashboard needs aggregates, not persons.
 */
import type { AuditAction, RouteAccess } from './roles.ts';

export interface RouteRule {
  access: RouteAccess;
  /** Written to the audit log when the request succeeds (before the answer leaves). */
  audit?: AuditAction;
  /** Requests per minute per user (or per address when not logged in); none: no limit. */
  perMinute?: number;
}

const READ: RouteRule = { access: 'viewer' };
const EXPORT: RouteRule = { access: 'analyst', audit: 'export', perMinute: 120 };

export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  'GET /health': { access: 'public' },

  'GET /api/auth/session': { access: 'public' },
  'POST /api/auth/login': { access: 'public', perMinute: 10 },
  // No password to guess: the limit only keeps a loop from filling the session table.
  'POST /api/auth/demo-login': { access: 'public', perMinute: 60 },
  'POST /api/auth/setup': { access: 'public', perMinute: 10 },
  'POST /api/auth/logout': { access: 'public' },
  'GET /api/auth/oidc/start': { access: 'public', perMinute: 30 },
  'GET /api/auth/oidc/callback': { access: 'public', perMinute: 30 },

  'GET /api/kpis': READ,
  'GET /api/kpis/:id': READ,
  'GET /api/kpis/:id/rows': { access: 'analyst' },
  'GET /api/kpis/:id/chart.png': EXPORT,
  'GET /api/kpis/:id/chart.svg': EXPORT,
  'GET /api/kpis/:id/data.xlsx': EXPORT,
  'GET /api/kpis/:id/data.csv': EXPORT,
  'GET /api/strategy': READ,
  'GET /api/report/afrapportering.docx': EXPORT,
  'GET /api/report/afrapportering.pdf': EXPORT,

  'GET /api/reference/deadlines': READ,
  'GET /api/reference/filters': READ,
  'GET /api/reference/functions': READ,
  'GET /api/reference/plan': READ,
  'PUT /api/reference/plan/realized-effect': { access: 'analyst', audit: 'settings' },
  'GET /api/reference/price-index': READ,
  'GET /api/reference/strategies': READ,

  'GET /api/imports': { access: 'analyst' },
  'POST /api/imports': { access: 'analyst', audit: 'import' },
  'GET /api/imports/jobs/:jobId': { access: 'analyst' },

  'GET /api/snapshots': READ,
  'POST /api/snapshots': { access: 'analyst', audit: 'snapshot' },
  'GET /api/snapshots/:id': READ,
  'GET /api/snapshots/jobs/:jobId': { access: 'analyst' },
  'GET /api/snapshots/compare': READ,
  'GET /api/snapshots/follow-up-dates': READ,
  'PUT /api/snapshots/follow-up-dates': { access: 'analyst', audit: 'settings' },
  'GET /api/snapshots/auto-freeze': READ,
  'PUT /api/snapshots/auto-freeze': { access: 'analyst', audit: 'settings' },

  'GET /api/schedules': { access: 'analyst' },
  'POST /api/schedules': { access: 'analyst', audit: 'schedule' },
  'GET /api/schedules/cron-preview': { access: 'analyst' },
  'GET /api/schedules/:id': { access: 'analyst' },
  'PUT /api/schedules/:id': { access: 'analyst', audit: 'schedule' },
  'DELETE /api/schedules/:id': { access: 'analyst', audit: 'schedule' },
  'POST /api/schedules/:id/test': { access: 'analyst', audit: 'schedule', perMinute: 10 },
  'GET /api/schedules/:id/preview.html': { access: 'analyst' },
  'POST /api/schedules/:id/alerts': { access: 'analyst', audit: 'schedule' },
  'DELETE /api/schedules/:id/alerts/:alertId': { access: 'analyst', audit: 'schedule' },
  'GET /api/deliveries': { access: 'analyst' },

  'GET /api/admin/users': { access: 'admin' },
  'POST /api/admin/users': { access: 'admin', audit: 'user' },
  'PUT /api/admin/users/:id': { access: 'admin', audit: 'user' },
  'GET /api/admin/audit': { access: 'admin' },
  'GET /api/admin/audit.csv': { access: 'admin', audit: 'export' },

  // The web app: the login page is public; every other page needs a login (a browser is sent to /login).
  'GET /login': { access: 'public' },
  'GET /opsaetning': { access: 'public' },
  'GET /': READ,
  'GET /index.html': READ,
  'GET /*': READ,
};

/**
 * The rule of a route. HEAD follows GET; the API description's files need a login. The web app's built files (scripts, styles, fonts, icons)
 * are public: the login page needs them, and they hold no data.
 */
export function routeRule(method: string, url: string): RouteRule | undefined {
  const verb = method === 'HEAD' ? 'GET' : method;
  const rule = ROUTE_RULES[`${verb} ${url}`];
  if (rule) return rule;
  // The OpenAPI description and its viewer (Swagger UI registers a route per file): for logged-in users.
  if (verb === 'GET' && (url === '/api/docs' || url.startsWith('/api/docs/'))) return READ;
  if (verb === 'GET' && (/^\/assets\//.test(url) || /^\/[^/]+\.(svg|ico|png|webmanifest|txt|woff2?)$/.test(url))) return { access: 'public' };
  return undefined;
}
