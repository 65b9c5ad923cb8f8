/**
 * `pnpm bench:load`: 200 logged-in users at once against the real app (apps/api/src/main.ts, as
 * README command 1 starts it) on a throwaway PostgreSQL 15 with the demo data. An administrator
 * (ADMIN_EMAIL) creates the users through POST /api/admin/users; each logs in through
 * POST /api/auth/login from an address of its own (X-Forwarded-For, TRUST_PROXY=true, as behind
 * the municipality's proxy: the login limit of 10 a minute is per address). Then every user loops
 * over page loads — Overblik, Bolig, Sagsbehandling, Strategi — sending the API requests the web
 * app sends for that page (apps/web/src/features/…: the cards with their year-before comparison,
 * breakdowns, the long trends, the strategy, the filter bar's choices), with the dashboard's
 * global filters chosen at random on some loads, at most 6 requests at a time per user (a
 * browser's connections), with no pause between loads.
 *
 * Prints errors (anything but 200; the target is 0), requests, and p50/p99 per endpoint group, per
 * page load and overall. BENCH_LOAD_SECONDS (default 60), BENCH_LOAD_USERS (default 200).
 * Figures only: nothing here passes or fails on speed.
 */
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { findKpi, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import { yearBefore } from '@sol/domain/calendar-dates.ts';
import pg from 'pg';
import { startApp } from '../../../tests/e2e/app-process.ts';
import { startThrowawayPostgres } from '../../../tests/setup/throwaway-postgres.ts';
import { logInHttp, type BenchSession } from './bench-login.ts';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const USERS = Number(process.env.BENCH_LOAD_USERS ?? 200);
/** A browser's connections per host (HTTP/1.1). */
const CONNECTIONS_PER_USER = 6;
const ADMIN = { email: 'load-admin@bench.invalid', password: 'belastning-hest-batteri-hæfteklamme' };
const USER_PASSWORD = 'bruger-hest-batteri-hæfteklamme';
const PRECOMPUTE_WAIT_MS = 600_000;

type Params = Record<string, string | number>;

interface FilterChoices {
  years: number[];
  defaultAsOf: string | null;
  targetGroups: { code: string }[];
  paragraphs: { code: string }[];
  ageBands: { code: string }[];
  operations: { code: string }[];
}

/** The dashboard's global filters (apps/web/src/shared/filters/global-filters.ts). */
interface Filters {
  year?: number;
  half?: 1 | 2;
  codes: Partial<Record<'targetGroup' | 'paragraph' | 'ageBand' | 'operation', string>>;
}

interface Sample {
  group: string;
  ms: number;
  ok: boolean;
}

const samples: Sample[] = [];
const pageSamples: Sample[] = [];
const errorExamples = new Map<string, number>();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

function kpiOf(id: string): KpiDefinition {
  const kpi = findKpi(id);
  if (!kpi) throw new Error(`Ukendt nøgletal ${id}`);
  return kpi;
}

/** kpiParams(): the period, the filters this KPI takes, and the page's own extras. */
function kpiParams(filters: Filters, kpi: KpiDefinition, extra: Params = {}): Params {
  const params: Params = {};
  if (filters.year !== undefined) params.year = filters.year;
  if (filters.year !== undefined && filters.half !== undefined) params.half = filters.half;
  for (const [id, code] of Object.entries(filters.codes)) if (code && (kpi.filters as readonly string[]).includes(id)) params[id] = code;
  return { ...params, ...extra };
}

/** rangeParams(): the filters without the period, from–to. */
function rangeParams(filters: Filters, kpi: KpiDefinition, from: string, to: string): Params {
  return kpiParams({ codes: filters.codes }, kpi, { from, to });
}

/** Most loads use the default view; some choose a year, a half, or a group, as users do. */
function randomFilters(choices: FilterChoices): Filters {
  const roll = Math.random();
  if (roll < 0.5) return { codes: {} };
  const year = pick(choices.years.slice(-3));
  if (roll < 0.7) return { year, codes: {} };
  if (roll < 0.8) return { year, half: pick([1, 2] as const), codes: {} };
  if (roll < 0.9) return { codes: { targetGroup: pick(choices.targetGroups).code } };
  return { year, codes: { ageBand: pick(choices.ageBands).code, targetGroup: pick(choices.targetGroups).code } };
}

class User {
  /** Requests of this user that failed (a page load is failed when any of its requests is). */
  errors = 0;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS_PER_USER });

  constructor(
    private readonly base: URL,
    private readonly session: BenchSession,
    private readonly address: string,
  ) {}

  /** One GET; latency and outcome are recorded under `group`. */
  get<T>(group: string, path: string, params: Params = {}): Promise<T | null> {
    const search = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, String(value)])).toString();
    const started = performance.now();
    return new Promise((resolve) => {
      const done = (ok: boolean, body: string, status: number | string): void => {
        samples.push({ group, ms: performance.now() - started, ok });
        if (!ok) {
          this.errors += 1;
          const key = `${status} ${group}${typeof status === 'number' ? `: ${body.slice(0, 120)}` : ''}`;
          errorExamples.set(key, (errorExamples.get(key) ?? 0) + 1);
        }
        resolve(ok ? (JSON.parse(body) as T) : null);
      };
      const outgoing = request(
        { host: this.base.hostname, port: this.base.port, path: search ? `${path}?${search}` : path, agent: this.agent, headers: { cookie: this.session.cookie, 'x-forwarded-for': this.address, accept: 'application/json' } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(response.statusCode === 200, Buffer.concat(chunks).toString('utf8'), response.statusCode ?? 0));
          response.on('error', (error) => done(false, '', error.message));
        },
      );
      outgoing.on('error', (error) => done(false, '', error.message));
      outgoing.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** What every page load asks first: who is logged in, the filter bar's choices and the snapshots it offers. */
async function shell(user: User): Promise<FilterChoices | null> {
  const [, choices] = await Promise.all([
    user.get('GET /api/auth/session', '/api/auth/session'),
    user.get<FilterChoices>('GET /api/reference/filters', '/api/reference/filters'),
    user.get('GET /api/snapshots', '/api/snapshots'),
  ]);
  return choices;
}

/** useTrendKpi(): from 1 January of the first year with data to the default as-of date. */
function trend(user: User, choices: FilterChoices, filters: Filters, kpiId: string, extra: Params = {}): Promise<unknown> {
  const first = choices.years[0];
  if (!first || !choices.defaultAsOf) return Promise.resolve(null);
  return user.get('GET /api/kpis/:id (udvikling over årene)', `/api/kpis/${kpiId}`, { ...rangeParams(filters, kpiOf(kpiId), `${first}-01-01`, choices.defaultAsOf), ...extra });
}

const strategy = (user: User): Promise<unknown> => user.get('GET /api/strategy', '/api/strategy');

/** A KPI card (KpiCard.tsx): the period, then the same period a year earlier. */
async function card(user: User, filters: Filters, kpiId: string): Promise<void> {
  const kpi = kpiOf(kpiId);
  const current = await user.get<{ period: { from: string; to: string } }>('GET /api/kpis/:id (periode)', `/api/kpis/${kpiId}`, kpiParams(filters, kpi));
  if (current) await user.get('GET /api/kpis/:id (året før)', `/api/kpis/${kpiId}`, rangeParams(filters, kpi, yearBefore(current.period.from), yearBefore(current.period.to)));
}

type Page = (user: User, choices: FilterChoices, filters: Filters) => Promise<unknown>;

/** A KPI's own page: the period, a request per breakdown it shows, the long trend, the strategy's start, and the page's extra. */
function kpiPage(kpiId: string, breakdowns: string[], extra?: (user: User) => Promise<unknown>): Page {
  const kpi = kpiOf(kpiId);
  return (user, choices, filters) =>
    Promise.all([
      user.get('GET /api/kpis/:id (periode)', `/api/kpis/${kpiId}`, kpiParams(filters, kpi)),
      ...breakdowns.map((by) => user.get('GET /api/kpis/:id (opdelt)', `/api/kpis/${kpiId}`, kpiParams(filters, kpi, { by }))),
      trend(user, choices, filters, kpiId),
      strategy(user),
      ...(extra ? [extra(user)] : []),
    ]);
}

const PAGES: Record<string, Page> = {
  // OverviewPage.tsx: four cards, three trend panels and the survival panel, the strategy's start marked.
  Overblik: (user, choices, filters) =>
    Promise.all([
      ...['case-processing', 'expenditure', 'housing', 'temporary-stays'].map((id) => card(user, filters, id)),
      trend(user, choices, filters, 'case-processing'),
      trend(user, choices, filters, 'expenditure'),
      trend(user, choices, filters, 'housing'),
      user.get('GET /api/kpis/:id (periode)', '/api/kpis/temporary-stays', kpiParams(filters, kpiOf('temporary-stays'))),
      strategy(user),
    ]),
  // HousingPage.tsx: the period, by target group, by age band, the trend.
  Bolig: kpiPage('housing', ['targetGroup', 'ageBand']),
  // CaseProcessingPage.tsx: the period, by paragraph, by decision, the trend, the deadlines table.
  Sagsbehandling: kpiPage('case-processing', ['paragraph', 'decision'], (user) => user.get('GET /api/reference/deadlines', '/api/reference/deadlines')),
  // StrategyPage.tsx: the strategy with its indicators.
  Strategi: (user) => strategy(user),
};

async function userLoop(user: User, until: number): Promise<void> {
  const names = Object.keys(PAGES);
  while (performance.now() < until) {
    const page = pick(names);
    const started = performance.now();
    const errorsBefore = user.errors;
    const choices = await shell(user);
    if (choices) await PAGES[page]?.(user, choices, randomFilters(choices));
    pageSamples.push({ group: page, ms: performance.now() - started, ok: user.errors === errorsBefore });
  }
}

function table(title: string, rows: Sample[]): void {
  const groups = new Map<string, Sample[]>();
  for (const sample of rows) groups.set(sample.group, [...(groups.get(sample.group) ?? []), sample]);
  console.log(`\n${title}`);
  console.log(`  ${'gruppe'.padEnd(42)} ${'antal'.padStart(7)} ${'fejl'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  const line = (name: string, list: Sample[]): void => {
    const sorted = list.map((sample) => sample.ms).sort((a, b) => a - b);
    const errors = list.filter((sample) => !sample.ok).length;
    console.log(
      `  ${name.padEnd(42)} ${String(list.length).padStart(7)} ${String(errors).padStart(5)} ${percentile(sorted, 50).toFixed(0).padStart(8)} ${percentile(sorted, 99).toFixed(0).padStart(8)}`,
    );
  };
  for (const [name, list] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) line(name, list);
  line('i alt', rows);
}

console.log(`bench:load — ${USERS} brugere i ${SECONDS} s; ${availableParallelism()} kerner, belastning ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
const cluster = await startThrowawayPostgres();
const admin = new pg.Client({ connectionString: cluster.url });
await admin.connect();
await admin.query('CREATE DATABASE load_bench');
await admin.end();
const databaseUrl = cluster.url.replace(/\/postgres$/, '/load_bench');
const started = performance.now();
const app = await startApp(
  { DATABASE_URL: databaseUrl, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, TRUST_PROXY: 'true', SMTP_URL: '' },
  PRECOMPUTE_WAIT_MS,
);
const users: User[] = [];
try {
  console.log(`Appen klar efter ${((performance.now() - started) / 1000).toFixed(0)} s (demodata indlæst); venter på forudberegningen …`);
  while (!app.output.includes('Nøgletal forudberegnet') && performance.now() - started < PRECOMPUTE_WAIT_MS) await sleep(500);
  console.log(`  ${app.output.split('\n').find((text) => text.includes('Nøgletal forudberegnet'))?.trim() ?? 'forudberegningen blev ikke færdig; måler alligevel'}`);

  const base = new URL(app.url);
  const adminSession = await logInHttp(app.url, ADMIN.email, ADMIN.password, { 'x-forwarded-for': '10.200.0.1' });
  const createStarted = performance.now();
  for (let index = 0; index < USERS; index += 1) {
    const email = `bruger-${index}@load.invalid`;
    const response = await fetch(`${app.url}/api/admin/users`, {
      method: 'POST',
      headers: { ...adminSession, 'content-type': 'application/json', 'x-forwarded-for': '10.200.0.1' },
      body: JSON.stringify({ email, name: `Bruger ${index}`, role: index % 10 === 0 ? 'analyst' : 'viewer', password: USER_PASSWORD }),
    });
    if (response.status !== 201) throw new Error(`POST /api/admin/users: ${response.status} ${await response.text()}`);
  }
  const loginStarted = performance.now();
  for (let index = 0; index < USERS; index += 1) {
    // An address per user, as their own machines behind the proxy.
    const address = `10.100.${Math.floor(index / 250)}.${(index % 250) + 1}`;
    users.push(new User(base, await logInHttp(app.url, `bruger-${index}@load.invalid`, USER_PASSWORD, { 'x-forwarded-for': address }), address));
  }
  console.log(
    `${USERS} brugere oprettet på ${((loginStarted - createStarted) / 1000).toFixed(1)} s og logget ind på ${((performance.now() - loginStarted) / 1000).toFixed(1)} s; ` +
      `belaster i ${SECONDS} s (højst ${CONNECTIONS_PER_USER} forespørgsler ad gangen pr. bruger) …`,
  );

  const loadStarted = performance.now();
  await Promise.all(users.map((user) => userLoop(user, loadStarted + SECONDS * 1000)));
  const elapsed = (performance.now() - loadStarted) / 1000;

  table('Pr. endpoint-gruppe', samples);
  table('Pr. sidevisning (alle sidens forespørgsler, inkl. rammen)', pageSamples);
  const errors = samples.filter((sample) => !sample.ok).length;
  console.log(
    `\n${samples.length.toLocaleString('da-DK')} forespørgsler og ${pageSamples.length.toLocaleString('da-DK')} sidevisninger på ${elapsed.toFixed(0)} s ` +
      `(${(samples.length / elapsed).toFixed(0)} forespørgsler/s); fejl: ${errors} (mål: 0)`,
  );
  for (const [example, count] of [...errorExamples.entries()].slice(0, 10)) console.log(`  ${count} × ${example}`);
  if (errors > 0) process.exitCode = 1;
} finally {
  for (const user of users) user.close();
  await app.stop();
  cluster.stop();
}
