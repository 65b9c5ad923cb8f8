/**
 * Starts the product: opens the database (embedded PGlite unless DATABASE_URL is set), applies
 * migrations, seeds demo data into an empty database, and serves the API and the web app.
 */
import { loadConfig } from './config.ts';
import { createDatabase } from './db/create-database.ts';
import { applyKpiViews } from './db/kpi-views.ts';
import { migrate } from './db/migrate.ts';
import { formatImportError } from './import/import-report.ts';
import { isDatabaseEmpty } from './repositories/get-data-status.ts';
import { precomputeInBackground } from './kpis/result-store.ts';
import { getKpiContext } from './repositories/get-kpi-context.ts';
import { buildServer } from './server.ts';
import { ensureAccess } from './access/ensure-access.ts';
import { seedDemoData } from './demo/seed-demo-data.ts';

const started = performance.now();
/** How often scheduled email, alerts and follow-up freezes are looked at. */
const SCHEDULER_TICK_MS = 30_000;
const seconds = (): string => ((performance.now() - started) / 1000).toLocaleString('da-DK', { maximumFractionDigits: 1 });

const config = loadConfig();
const database = await createDatabase(config.database);
const where = config.database.kind === 'pglite' ? `indlejret PGlite i ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
console.log(`Database: ${where}`);

const migrations = await migrate(database);
if (migrations.applied.length > 0) console.log(`Migrationer kørt: ${migrations.applied.join(', ')}`);
// Rebuilding the KPI views also fills them from the current data (the refresh at start).
await applyKpiViews(database);

if (config.seedDemoData && (await isDatabaseEmpty(database.db))) {
  console.log('Tom database: genererer og indlæser demodata …');
  let lastPercent = -1;
  const report = await seedDemoData(database.db, {
    onProgress: (p) => {
      const percent = Math.floor((100 * p.bytesRead) / Math.max(1, p.totalBytes));
      if (percent >= lastPercent + 10) {
        lastPercent = percent;
        console.log(`  ${percent} % (${p.fileName})`);
      }
    },
  });
  if (!report.ok) {
    console.error('Demodata kunne ikke indlæses:');
    for (const error of report.errors.slice(0, 20)) console.error(`  ${formatImportError(error)}`);
    process.exit(1);
  }
  console.log(`Demodata indlæst: ${report.totalRows.toLocaleString('da-DK')} rækker`);
}

for (const outcome of await ensureAccess(database.db, config.initialAdmin)) {
  if (outcome.kind === 'admin-created') console.log(`Administrator oprettet fra ADMIN_EMAIL: ${outcome.email}`);
  if (outcome.kind === 'setup-token') {
    // In the fragment (#…): the browser never sends it to a server, so it stays out of access logs.
    console.log(`Der er ingen administrator endnu. Opret den første på ${config.publicUrl}/opsaetning#${outcome.token} (engangskode, gælder til den er brugt eller serveren genstartes).`);
  }
}

const server = await buildServer({
  database,
  webDistDir: config.webDistDir,
  logger: process.env.LOG_LEVEL !== 'silent',
  precomputeResults: true,
  importMaxFileBytes: config.importMaxFileBytes,
  trustProxy: config.trustProxy,
  access: { sessionHours: config.session.hours, idleMinutes: config.session.idleMinutes },
  oidc: config.oidc,
  mail: {
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    publicUrl: config.publicUrl,
    tickIntervalMs: SCHEDULER_TICK_MS,
    clock: () => new Date(),
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
try {
  await server.listen({ port: config.port, host: config.host });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  console.error(`Port ${config.port} er allerede i brug (kører programmet allerede?). Stop det andet program, eller vælg en anden port med PORT=…`);
  await database.close();
  process.exit(1);
}
const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
console.log(`Klar på http://${shownHost}:${config.port} (startede på ${seconds()} s)`);
if (config.oidc) console.log(`Login med arbejdskonto (OIDC): ${config.oidc.issuer}, tilbage til ${config.oidc.redirectUrl}`);
if (!config.smtpUrl) console.log('Udsendelser: SMTP_URL er ikke sat, så planlagte mails kan ikke sendes (de vises som fejlet i udsendelsesloggen).');
// Standard KPI results are precomputed in the background; until then requests compute live.
precomputeInBackground(database.db, await getKpiContext(database.db), {
  info: (message) => console.log(message),
  error: (error, message) => console.error(message, error),
});
