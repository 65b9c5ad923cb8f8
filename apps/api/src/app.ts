/**
 * The application as a Fastify plugin: external plugins, then the app's own plugins, then routes,
 * in that order. main.ts and the tests register it on a fresh Fastify instance.
 */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_IMPORT_MAX_FILE_MB } from './config.ts';
import type { Database } from './db/create-database.ts';
import type { OidcOptions } from './access/oidc.ts';
import access, { type AccessOptions } from './plugins/app/access.ts';
import chartRenderer from './plugins/app/chart-renderer.ts';
import database from './plugins/app/database.ts';
import errorHandler from './plugins/app/error-handler.ts';
import importJobs from './plugins/app/import-jobs.ts';
import resultStore from './plugins/app/result-store.ts';
import scheduler, { type SchedulerPluginOptions } from './plugins/app/scheduler.ts';
import snapshotJobs from './plugins/app/snapshot-jobs.ts';
import multipart from './plugins/external/multipart.ts';
import openapi from './plugins/external/openapi.ts';
import security from './plugins/external/security.ts';
import webApp from './plugins/external/web-app.ts';
import admin from './routes/api/admin.ts';
import auth from './routes/api/auth.ts';
import imports from './routes/api/imports.ts';
import kpiDrill from './routes/api/kpi-drill.ts';
import kpiExports from './routes/api/kpi-exports.ts';
import kpis from './routes/api/kpis.ts';
import oidc from './routes/api/oidc.ts';
import reference from './routes/api/reference.ts';
import report from './routes/api/report.ts';
import schedules from './routes/api/schedules.ts';
import snapshots from './routes/api/snapshots.ts';
import strategy from './routes/api/strategy.ts';
import health from './routes/health.ts';

export interface AppOptions {
  database: Database;
  /** close the database when the server closes (false in tests that own the database) */
  closeDatabaseOnShutdown?: boolean;
  webDistDir?: string | null;
  /** precompute standard KPI results in the background when they are missing (the product: yes) */
  precomputeResults?: boolean;
  /** Largest CSV file an upload may carry, in bytes (default 200 MB; config IMPORT_MAX_FILE_MB). */
  importMaxFileBytes?: number;
  /** Scheduled email: SMTP, sender, links, the tick (none by default: tests tick by hand) and the clock. */
  mail?: Partial<SchedulerPluginOptions>;
  /** Session lengths (SESSION_HOURS, SESSION_IDLE_MINUTES) and the clock sessions are timed by. */
  access?: Partial<AccessOptions>;
  /** Login with a work account (OIDC_*); none: password login only, and the OIDC routes are not registered. */
  oidc?: OidcOptions | null;
}

const DEFAULT_MAIL: SchedulerPluginOptions = {
  smtpUrl: null,
  mailFrom: 'Socialområdets ledelsesinformation <noreply@localhost>',
  publicUrl: 'http://localhost:3000',
  tickIntervalMs: null,
  clock: () => new Date(),
};

export default async function app(fastify: FastifyInstance, options: AppOptions): Promise<void> {
  const maxFileBytes = options.importMaxFileBytes ?? DEFAULT_IMPORT_MAX_FILE_MB * 1024 * 1024;
  // First: every route registered after this gets its access rule, headers, CSRF and rate limit.
  await fastify.register(security);
  await fastify.register(openapi);
  await fastify.register(webApp, { webDistDir: options.webDistDir ?? null });
  await fastify.register(multipart, { maxFileBytes });
  await fastify.register(database, {
    database: options.database,
    closeOnShutdown: options.closeDatabaseOnShutdown ?? true,
  });
  await fastify.register(access, { sessionHours: 10, idleMinutes: 120, clock: () => new Date(), ...options.access });
  await fastify.register(resultStore, { enabled: options.precomputeResults ?? false });
  await fastify.register(importJobs);
  await fastify.register(snapshotJobs);
  await fastify.register(chartRenderer);
  await fastify.register(scheduler, { ...DEFAULT_MAIL, ...options.mail });
  await fastify.register(errorHandler);
  await fastify.register(health);
  await fastify.register(auth, { oidcLabel: options.oidc?.label ?? null });
  if (options.oidc) await fastify.register(oidc, { oidc: options.oidc });
  await fastify.register(admin);
  await fastify.register(imports, { maxFileBytes });
  await fastify.register(kpis);
  await fastify.register(kpiDrill);
  await fastify.register(kpiExports);
  await fastify.register(strategy);
  await fastify.register(report);
  await fastify.register(snapshots);
  await fastify.register(schedules);
  await fastify.register(reference);
}
