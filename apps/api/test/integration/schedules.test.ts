/**
 * Scheduled KPI email end to end, against a real SMTP server (smtp-server) with every message
 * parsed by mailparser, a fake clock, and on both database engines: the schedule routes and their
 * Danish errors; the email's values, inline PNG charts and attachment; every weekday at 07:00
 * across the October DST change with two instances; 02:30 on both DST nights; SMTP down, then up;
 * a crash between claim and send; missed slots; threshold alerts; a snapshot's numbers after a
 * correction.
 */
import { formatMeasureValue } from '@sol/domain/format-danish.ts';
import { findKpi, findMeasure } from '@sol/domain/kpi-catalogue.ts';
import type { FastifyInstance } from 'fastify';
import type { ParsedMail } from 'mailparser';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/create-database.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { leaseDueDelivery } from '../../src/repositories/schedules.ts';
import type { KpiResult } from '../../src/schemas/kpi-result.ts';
import type { Delivery, Schedule } from '../../src/schemas/schedule.ts';
import type { ChartImages } from '../../src/schedules/compose-email.ts';
import { createMailTransport } from '../../src/schedules/mail-transport.ts';
import { LEASE_MS, retryDelayMs, Scheduler } from '../../src/schedules/scheduler.ts';
import { buildServer } from '../../src/server.ts';
import { VALID_FILES, writeImportFiles } from '../helpers/import-fixtures.ts';
import { loadSmallMunicipality } from '../helpers/small-municipality.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp-catcher.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/test-database.ts';
import { signInAs } from '../helpers/sign-in.ts';

/** The small municipality's data run to 31 March 2025: emails show 2025 to that date. */
const AS_OF_YEAR = 2025;

/** A clock the test moves by hand. */
class FakeClock {
  constructor(private at: Date) {}
  now = (): Date => new Date(this.at);
  set(iso: string): void {
    this.at = new Date(iso);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

interface Instance {
  server: FastifyInstance;
  database: Database;
  /** A second database connection (postgres) to close, or null when shared (PGlite). */
  ownsDatabase: boolean;
}

/** An app instance on the test database; on PostgreSQL with its own connection pool, as another process would have. */
async function startInstance(testDb: TestDatabase, clock: FakeClock, smtpUrl: string, instanceId: string): Promise<Instance> {
  const separate = testDatabaseKind() === 'postgres' && testDb.connectionString !== null;
  const database = separate ? await createDatabase({ kind: 'postgres', connectionString: testDb.connectionString as string, poolSize: 4 }) : testDb.database;
  const server = await buildServer({
    database,
    closeDatabaseOnShutdown: false,
    mail: { smtpUrl, mailFrom: 'Nøgletal <noegletal@kommune.test>', publicUrl: 'https://dashboard.kommune.test', clock: clock.now, instanceId },
  });
  await signInAs(server, database);
  return { server, database, ownsDatabase: separate };
}

async function stopInstance(instance: Instance): Promise<void> {
  await instance.server.close();
  if (instance.ownsDatabase) await instance.database.close();
}

async function json<T>(server: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, status = 200): Promise<T> {
  const response = await server.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
  return (response.body ? response.json() : null) as T;
}

const scheduleBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Styregruppens nøgletal',
  cron: '0 7 * * 1-5',
  recipients: ['styregruppe@kommune.test', 'direktor@kommune.test'],
  kpiIds: ['case-processing', 'recipients'],
  attachXlsx: false,
  enabled: true,
  ...overrides,
});

async function deliveries(server: FastifyInstance, scheduleId: number): Promise<Delivery[]> {
  return (await json<{ deliveries: Delivery[] }>(server, 'GET', `/api/deliveries?scheduleId=${scheduleId}&limit=500`)).deliveries;
}

/** The inline images of a message, by Content-ID. */
function inlineImages(message: ParsedMail): Map<string, Buffer> {
  return new Map(message.attachments.filter((attachment) => attachment.cid).map((attachment) => [attachment.cid as string, attachment.content]));
}

describe('scheduled KPI email', () => {
  let testDb: TestDatabase;
  let smtp: SmtpCatcher;
  const clock = new FakeClock(new Date('2026-10-21T10:00:00Z'));
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await loadSmallMunicipality(testDb.database);
    smtp = await startSmtpCatcher();
    a = await startInstance(testDb, clock, smtp.url, 'instans-a');
    b = await startInstance(testDb, clock, smtp.url, 'instans-b');
  });
  afterAll(async () => {
    await stopInstance(a);
    await stopInstance(b);
    await smtp.stop();
    await testDb.dispose();
  });
  beforeEach(async () => {
    // Each test starts with no active schedules and an empty inbox.
    for (const schedule of (await json<{ schedules: Schedule[] }>(a.server, 'GET', '/api/schedules')).schedules) {
      await json(a.server, 'DELETE', `/api/schedules/${schedule.id}`, undefined, 204);
    }
    smtp.messages.length = 0;
  });

  it('checks a schedule and says in Danish what is wrong, keeping nothing half-saved', async () => {
    const preview = await json<{ nextRuns: { at: string; text: string }[]; timeZone: string }>(a.server, 'GET', '/api/schedules/cron-preview?cron=0%207%20*%20*%201-5');
    expect(preview.timeZone).toBe('Europe/Copenhagen');
    // Wednesday 21 October 2026, 12:00 in Denmark: next are Thursday, Friday and Monday at 07:00.
    expect(preview.nextRuns.map((run) => run.text)).toEqual([
      'torsdag den 22. oktober 2026 kl. 07.00',
      'fredag den 23. oktober 2026 kl. 07.00',
      'mandag den 26. oktober 2026 kl. 07.00',
    ]);
    expect(preview.nextRuns.map((run) => run.at)).toEqual(['2026-10-22T05:00:00.000Z', '2026-10-23T05:00:00.000Z', '2026-10-26T06:00:00.000Z']);

    const badCron = await a.server.inject({ method: 'POST', url: '/api/schedules', payload: scheduleBody({ cron: '0 7 * *' }) });
    expect(badCron.statusCode).toBe(400);
    expect(badCron.json().message).toMatch(/fem felter/);
    const tooOften = await a.server.inject({ method: 'GET', url: '/api/schedules/cron-preview?cron=*%2F5%20*%20*%20*%20*' });
    expect(tooOften.statusCode).toBe(400);
    expect(tooOften.json().message).toMatch(/hvert kvarter/);
    const badAddress = await a.server.inject({ method: 'POST', url: '/api/schedules', payload: scheduleBody({ recipients: ['ikke en adresse'] }) });
    expect(badAddress.statusCode).toBe(400);
    const badKpi = await a.server.inject({ method: 'POST', url: '/api/schedules', payload: scheduleBody({ kpiIds: ['findes-ikke'] }) });
    expect(badKpi.statusCode).toBe(400);
    expect((await json<{ schedules: Schedule[] }>(a.server, 'GET', '/api/schedules')).schedules).toEqual([]);

    const created = await json<Schedule>(a.server, 'POST', '/api/schedules', scheduleBody(), 201);
    expect(created.nextRuns).toHaveLength(3);
    const edited = await json<Schedule>(a.server, 'PUT', `/api/schedules/${created.id}`, scheduleBody({ name: 'Omdøbt', enabled: false }));
    expect(edited).toMatchObject({ name: 'Omdøbt', enabled: false, nextRuns: [] });
    const missing = await a.server.inject({ method: 'PUT', url: '/api/schedules/9999', payload: scheduleBody() });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toMatch(/findes ikke/);
  });

  it('sends every weekday at 07:00 Danish time across the October DST change, once per slot with two instances', async () => {
    clock.set('2026-10-22T12:00:00Z');
    const schedule = await json<Schedule>(a.server, 'POST', '/api/schedules', scheduleBody(), 201);
    // Thursday noon to Tuesday noon in 10-minute steps; both instances tick at every step, at the same time.
    for (let step = 0; step < 5 * 24 * 6; step += 1) {
      clock.advance(10 * 60 * 1000);
      await Promise.all([a.server.scheduler.tick(), b.server.scheduler.tick()]);
    }
    const expected = ['2026-10-23T05:00:00.000Z', '2026-10-26T06:00:00.000Z', '2026-10-27T06:00:00.000Z'];
    const log = await deliveries(a.server, schedule.id);
    expect(log.map((delivery) => delivery.slotAt).sort()).toEqual(expected);
    expect(log.every((delivery) => delivery.state === 'sent' && !delivery.late && delivery.attempts === 1)).toBe(true);
    expect(log.map((delivery) => delivery.slotText).sort()).toEqual([
      'fredag den 23. oktober 2026 kl. 07.00',
      'mandag den 26. oktober 2026 kl. 07.00',
      'tirsdag den 27. oktober 2026 kl. 07.00',
    ]);
    expect(smtp.messages.map((message) => message.subject)).toEqual([
      'Styregruppens nøgletal – 23. oktober 2026',
      'Styregruppens nøgletal – 26. oktober 2026',
      'Styregruppens nøgletal – 27. oktober 2026',
    ]);
    expect(new Set(smtp.messages.map((message) => message.messageId)).size).toBe(3);
  });

  it('puts the API’s values, the change since the previous email and non-blank inline charts in the email', async () => {
    clock.set('2026-11-02T05:00:00Z');
    const schedule = await json<Schedule>(a.server, 'POST', '/api/schedules', scheduleBody({ attachXlsx: true, kpiIds: ['case-processing', 'housing', 'recipients'] }), 201);
    clock.set('2026-11-02T06:00:30Z');
    await a.server.scheduler.tick();
    const [message] = await smtp.waitFor(1);
    if (!message) throw new Error('no email');
    expect(message.to && !Array.isArray(message.to) ? message.to.value.map((address) => address.address) : []).toEqual(schedule.recipients);
    expect(message.subject).toBe('Styregruppens nøgletal – 2. november 2026');
    const html = String(message.html);
    expect(html).toContain('width="640"');
    expect(html).toContain('https://dashboard.kommune.test/');

    // Each KPI's line in the text part shows the headline the API gives for the year to the as-of date.
    const text = message.text ?? '';
    let shown = 0;
    for (const kpiId of schedule.kpiIds) {
      const kpi = findKpi(kpiId);
      const measure = kpi && findMeasure(kpi, kpi.headline);
      if (!kpi || !measure) throw new Error(kpiId);
      const result = await json<KpiResult>(a.server, 'GET', `/api/kpis/${kpiId}?year=${AS_OF_YEAR}`);
      const total = result.rows.find((row) => row.group === null);
      const value = total?.values[measure.id] ?? null;
      const expected = value === null ? (total?.suppressed[measure.id] ?? '–') : formatMeasureValue(value, measure.unit, measure.decimals);
      if (value !== null) shown += 1;
      expect(text).toContain(`- ${kpi.title} (${measure.title}): ${expected}; siden sidste mail: Første mail`);
      expect(html).toContain(kpi.title);
      expect(html).toContain(expected.replace('<', '&lt;'));
    }
    expect(shown).toBeGreaterThan(0);
    expect(text).toMatch(/siden sidste mail: Første mail/);

    // Every image the HTML refers to is attached inline, is a valid PNG and has the series drawn.
    const images = inlineImages(message);
    const cids = [...html.matchAll(/src="cid:([^"]+)"/g)].map((match) => match[1]);
    expect(cids.length).toBeGreaterThan(0);
    for (const cid of cids) {
      const png = images.get(cid as string);
      expect(png, cid).toBeDefined();
      const image = PNG.sync.read(png as Buffer);
      expect(image.width).toBe(1200);
      let coloured = 0;
      for (let offset = 0; offset < image.data.length; offset += 4) {
        const [r, g, bl] = [image.data[offset] ?? 0, image.data[offset + 1] ?? 0, image.data[offset + 2] ?? 0];
        if (Math.abs(r - 0x0b) + Math.abs(g - 0x5c) + Math.abs(bl - 0xad) < 40) coloured += 1;
      }
      expect(coloured, `${cid}: pixels in the first series' colour`).toBeGreaterThan(200);
    }
    const workbook = message.attachments.find((attachment) => attachment.filename?.endsWith('.xlsx'));
    expect(workbook?.content.subarray(0, 2).toString()).toBe('PK');

    // The next day's email compares with this one.
    clock.set('2026-11-03T06:00:30Z');
    await a.server.scheduler.tick();
    const second = (await smtp.waitFor(2))[1];
    expect(second?.text).toMatch(/siden sidste mail: (Uændret|[+−])/);
    expect(second?.text).not.toMatch(/Første mail/);
  });

  it('keeps an email when the SMTP server is down and delivers it once when it is back', async () => {
    clock.set('2026-11-09T05:00:00Z');
    const schedule = await json<Schedule>(a.server, 'POST', '/api/schedules', scheduleBody(), 201);
    await smtp.stop();
    clock.set('2026-11-09T06:00:10Z');
    await Promise.all([a.server.scheduler.tick(), b.server.scheduler.tick()]);
    let [delivery] = await deliveries(a.server, schedule.id);
    expect(delivery).toMatchObject({ state: 'pending', attempts: 1 });
    expect(delivery?.lastError).toMatch(/Mailserveren tog ikke imod mailen/);
    expect(delivery?.nextAttemptAt).toBe(new Date(clock.now().getTime() + retryDelayMs(1)).toISOString());

    await smtp.start();
    // Not before the back-off has passed …
    clock.advance(retryDelayMs(1) / 2);
    await Promise.all([a.server.scheduler.tick(), b.server.scheduler.tick()]);
    expect(smtp.messages).toHaveLength(0);
    // … then once, whatever the number of ticks.
    for (let step = 0; step < 5; step += 1) {
      clock.advance(retryDelayMs(1));
      await Promise.all([a.server.scheduler.tick(), b.server.scheduler.tick()]);
    }
    expect(smtp.messages).toHaveLength(1);
    [delivery] = await deliveries(a.server, schedule.id);
    expect(delivery).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
  });

  it('sends a slot once when an instance dies between claiming it and sending it', async () => {
    clock.set('2026-11-16T05:00:00Z');
    const schedule = await json<Schedule>(a.server, 'POST', '/api/schedules', scheduleBody(), 201);
    clock.set('2026-11-16T06:00:05Z');
    // A third instance claims the slot and takes the email, then dies before sending.
    const doomed = await startInstance(testDb, clock, smtp.url, 'instans-c');
    await doomed.server.scheduler.planSlots(clock.now());
    const leased = await leaseDueDelivery(doomed.database.db, 'instans-c', clock.now(), LEASE_MS);
    expect(leased?.scheduleId).toBe(schedule.id);
    await stopInstance(doomed);

    // While its lease runs, the others leave the email alone; when it has run out, one of them sends it.
    clock.advance(LEASE_MS / 2);
    await Promise.all([a.server.scheduler.tick(), b.server.scheduler.tick()]);
    expect(smtp.messages).toHaveLength(0);
    clock.advance(LEASE_MS);
    await Promise.all([a.server.scheduler.tick(), b.server.scheduler.tick()]);
    // The dead instance restarts and ticks too.
    const restarted = await startInstance(testDb, clock, smtp.url, 'instans-c');
    await restarted.server.scheduler.tick();
    await stopInstance(restarted);
    expect(smtp.messages).toHaveLength(1);
    const log = await deliveries(a.server, schedule.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ state: 'sent', attempts: 2, late: false });
  });

  it('sends the newest missed slot once, late and marked, and logs the older ones as skipped', async () => {
    clock.set('2026-11-20T12:00:00Z');
    const schedule = await json<Schedule>(a.server, 'POST', '/api/schedules', scheduleBody({ cron: '0 7 * * *' }), 201);
    // The app was down from Friday noon until Monday 09:30 (Danish time): Saturday, Sunday and Monday 07:00 were missed.
    clock.set('2026-11-23T08:30:00Z');
    await Promise.all([a.server.scheduler.tick(), b.server.scheduler.tick()]);
    const log = await deliveries(a.server, schedule.id);
    expect(log.map((delivery) => [delivery.slotAt, delivery.state, delivery.late])).toEqual(
      expect.arrayContaining([
        ['2026-11-21T06:00:00.000Z', 'skipped', false],
        ['2026-11-22T06:00:00.000Z', 'skipped', false],
        ['2026-11-23T06:00:00.000Z', 'sent', true],
      ]),
    );
    expect(log).toHaveLength(3);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.subject).toBe('Styregruppens nøgletal – 23. november 2026 (sendt for sent)');
    expect(smtp.messages[0]?.text).toMatch(/skulle være sendt mandag den 23\. november 2026 kl\. 07\.00/);
  });

  it('runs a 02:30 schedule once on the spring-forward night (at 03:00 summer time) and once on the fall-back night', async () => {
    clock.set('2027-03-27T00:00:00Z');
    const schedule = await json<Schedule>(a.server, 'POST', '/api/schedules', scheduleBody({ cron: '30 2 * * *', kpiIds: ['recipients'] }), 201);
    for (let step = 0; step < 2 * 24 * 6; step += 1) {
      clock.advance(10 * 60 * 1000);
      await Promise.all([a.server.scheduler.tick(), b.server.scheduler.tick()]);
    }
    // 27 March 02:30 CET, 28 March 03:00 CEST (02:30 does not exist), and nothing else that day.
    expect((await deliveries(a.server, schedule.id)).map((delivery) => delivery.slotAt).sort()).toEqual([
      '2027-03-27T01:30:00.000Z',
      '2027-03-28T01:00:00.000Z',
    ]);

    clock.set('2027-10-30T12:00:00Z');
    await json(a.server, 'PUT', `/api/schedules/${schedule.id}`, scheduleBody({ cron: '30 2 * * *', kpiIds: ['recipients'], enabled: false }));
    await json(a.server, 'PUT', `/api/schedules/${schedule.id}`, scheduleBody({ cron: '30 2 * * *', kpiIds: ['recipients'], enabled: true }));
    for (let step = 0; step < 24 * 6; step += 1) {
      clock.advance(10 * 60 * 1000);
      await Promise.all([a.server.scheduler.tick(), b.server.scheduler.tick()]);
    }
    // 31 October 2027: 02:30 happens twice (summer time, then winter time); the email goes once, at the first.
    const autumn = (await deliveries(a.server, schedule.id)).map((delivery) => delivery.slotAt).filter((at) => at >= '2027-10');
    expect(autumn).toEqual(['2027-10-31T00:30:00.000Z']);
  });

  it('sends one alert email when a threshold is crossed, not one per check', async () => {
    clock.set('2026-11-25T10:00:00Z');
    const schedule = await json<Schedule>(a.server, 'POST', '/api/schedules', scheduleBody({ cron: '0 7 1 * *' }), 201);
    const result = await json<KpiResult>(a.server, 'GET', `/api/kpis/recipients?year=${AS_OF_YEAR}`);
    const total = result.rows.find((row) => row.group === null)?.values.recipients;
    expect(total).toBeGreaterThan(10);
    const alert = await json<{ id: number; state: string; thresholdText: string }>(
      a.server,
      'POST',
      `/api/schedules/${schedule.id}/alerts`,
      { kpiId: 'recipients', measureId: 'recipients', direction: 'above', threshold: (total as number) - 1 },
      201,
    );
    expect(alert.state).toBe('unknown');
    const badShare = await a.server.inject({
      method: 'POST',
      url: `/api/schedules/${schedule.id}/alerts`,
      payload: { kpiId: 'case-processing', measureId: 'withinDeadlineShare', direction: 'below', threshold: 80 },
    });
    expect(badShare.statusCode).toBe(400);
    expect(badShare.json().message).toMatch(/brøk mellem 0 og 1/);

    for (let step = 0; step < 5; step += 1) {
      clock.advance(60 * 1000);
      await Promise.all([a.server.scheduler.tick(), b.server.scheduler.tick()]);
    }
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.subject).toMatch(/^Tærskel krydset: .*over/);
    const [listed] = (await json<{ schedules: Schedule[] }>(a.server, 'GET', '/api/schedules')).schedules;
    expect(listed?.alerts[0]).toMatchObject({ state: 'crossed', lastValue: total });
    const log = await deliveries(a.server, schedule.id);
    expect(log.filter((delivery) => delivery.kind === 'alert')).toHaveLength(1);
  });

  it('sends a test now, answering with the outcome, and a failed chart or server shows as failed', async () => {
    clock.set('2026-11-26T10:00:00Z');
    const schedule = await json<Schedule>(a.server, 'POST', '/api/schedules', scheduleBody({ kpiIds: ['recipients'] }), 201);
    const sent = await json<Delivery>(a.server, 'POST', `/api/schedules/${schedule.id}/test`, { to: ['analytiker@kommune.test'] });
    expect(sent).toMatchObject({ kind: 'test', state: 'sent', recipients: ['analytiker@kommune.test'] });
    expect(smtp.messages[0]?.subject).toMatch(/^\[Test\] Styregruppens nøgletal/);

    await smtp.stop();
    const failed = await json<Delivery>(a.server, 'POST', `/api/schedules/${schedule.id}/test`, {});
    await smtp.start();
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/Mailserveren tog ikke imod mailen/);
    // A test does not count as the schedule's previous email.
    const preview = await a.server.inject({ url: `/api/schedules/${schedule.id}/preview.html` });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toMatch(/text\/html/);
    expect(preview.body).toContain('data:image/png;base64,');
    expect(preview.body).not.toContain('cid:');
  });
});

/** One instance on a fresh database loaded by `load`, with its own SMTP catcher, for one describe block. */
function serveOneInstance(clock: FakeClock, load: (database: Database) => Promise<void>) {
  const setup: { testDb?: TestDatabase; smtp?: SmtpCatcher; instance?: Instance } = {};
  beforeAll(async () => {
    setup.testDb = await createTestDatabase();
    await load(setup.testDb.database);
    setup.smtp = await startSmtpCatcher();
    setup.instance = await startInstance(setup.testDb, clock, setup.smtp.url, 'instans-a');
  });
  afterAll(async () => {
    if (setup.instance) await stopInstance(setup.instance);
    await setup.smtp?.stop();
    await setup.testDb?.dispose();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('serveOneInstance: read inside tests');
    return value;
  };
  return {
    get testDb() {
      return ready(setup.testDb);
    },
    get smtp() {
      return ready(setup.smtp);
    },
    get instance() {
      return ready(setup.instance);
    },
  };
}

describe('automatic freezing of the budget follow-ups', () => {
  const clock = new FakeClock(new Date('2025-03-01T10:00:00Z'));
  const setup = serveOneInstance(clock, loadSmallMunicipality);

  it('freezes a follow-up date once, when the data reach it, with two instances ticking', async () => {
    const { instance, smtp, testDb } = setup;
    const server = instance.server;
    const second = await startInstance(testDb, clock, smtp.url, 'instans-b');
    try {
      const off = await json<{ enabled: boolean; nextFreeze: unknown }>(server, 'GET', '/api/snapshots/auto-freeze');
      expect(off).toMatchObject({ enabled: false, nextFreeze: null });
      const on = await json<{ enabled: boolean; since: string; nextFreeze: { asOf: string; name: string } }>(server, 'PUT', '/api/snapshots/auto-freeze', { enabled: true });
      expect(on).toMatchObject({ enabled: true, since: '2025-03-01', nextFreeze: { asOf: '2025-03-31', name: 'Budgetopfølgning 1 – 2025 (pr. 31.03.2025)' } });

      // Before the date nothing is frozen; after it (the data run to 31.03.2025) exactly one snapshot is.
      clock.set('2025-03-30T10:00:00Z');
      await Promise.all([server.scheduler.tick(), second.server.scheduler.tick()]);
      expect((await json<{ snapshots: unknown[] }>(server, 'GET', '/api/snapshots')).snapshots).toHaveLength(0);
      clock.set('2025-04-01T05:00:00Z');
      const reports = await Promise.all([server.scheduler.tick(), second.server.scheduler.tick()]);
      expect(reports.map((report) => report.frozen).sort()).toEqual([0, 1]);
      for (let step = 0; step < 3; step += 1) {
        clock.advance(60 * 60 * 1000);
        await Promise.all([server.scheduler.tick(), second.server.scheduler.tick()]);
      }
      const { snapshots } = await json<{ snapshots: { name: string; asOf: string; createdBy: string }[] }>(server, 'GET', '/api/snapshots');
      expect(snapshots).toEqual([
        expect.objectContaining({ name: 'Budgetopfølgning 1 – 2025 (pr. 31.03.2025)', asOf: '2025-03-31', createdBy: 'Automatisk (budgetopfølgning)' }),
      ]);
      const audit = await json<{ events: { action: string; userEmail: string; target: string }[] }>(server, 'GET', '/api/admin/audit?action=snapshot');
      expect(audit.events).toEqual([expect.objectContaining({ userEmail: 'Automatisk (budgetopfølgning)', target: expect.stringContaining('Budgetopfølgning 1 – 2025') })]);
      // 31 August 2025 is past the data: it waits for them.
      clock.set('2025-09-02T05:00:00Z');
      await server.scheduler.tick();
      expect((await json<{ snapshots: unknown[] }>(server, 'GET', '/api/snapshots')).snapshots).toHaveLength(1);
    } finally {
      await stopInstance(second);
    }
  });
});

describe('a chart that renders blank', () => {
  const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
  const setup = serveOneInstance(clock, loadSmallMunicipality);

  it('fails the send visibly and retries it, never sending a blank image', async () => {
    const { instance, smtp } = setup;
    const schedule = await json<Schedule>(instance.server, 'POST', '/api/schedules', scheduleBody({ kpiIds: ['housing'] }), 201);
    // The real SVG, but a PNG that came out white: what a broken font or renderer would give.
    const real = instance.server.chartRenderer;
    const white = new PNG({ width: 1200, height: 700 });
    white.data.fill(255);
    const blank: ChartImages = { svg: (spec, options) => real.svg(spec, options), png: async () => PNG.sync.write(white) };
    const scheduler = new Scheduler({
      db: instance.database.db,
      transport: createMailTransport(smtp.url),
      charts: blank,
      from: 'noegletal@kommune.test',
      publicUrl: 'https://dashboard.kommune.test',
      clock: clock.now,
      onStoreMiss: () => undefined,
      log: { info: () => undefined, error: () => undefined },
      instanceId: 'instans-blank',
    });
    clock.set('2026-12-02T06:00:10Z');
    const report = await scheduler.tick();
    expect(report).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    expect(smtp.messages).toHaveLength(0);
    const [delivery] = await deliveries(instance.server, schedule.id);
    expect(delivery).toMatchObject({ state: 'pending', attempts: 1 });
    expect(delivery?.lastError).toMatch(/er tom i PNG-billedet/);

    // With the renderer working again, the retry sends it, with a drawn chart.
    clock.advance(retryDelayMs(1));
    await instance.server.scheduler.tick();
    expect(smtp.messages).toHaveLength(1);
    expect((await deliveries(instance.server, schedule.id))[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });
});

describe('an email from a snapshot taken before a data correction', () => {
  const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
  const setup = serveOneInstance(clock, async (database) => {
    expect((await importFiles(database.db, await writeImportFiles(VALID_FILES), { source: 'cli' })).ok).toBe(true);
  });

  it('still emails the old numbers, while live email has the corrected ones', async () => {
    const { instance, smtp, testDb } = setup;
    const server = instance.server;
    const started = await json<{ jobId: string }>(server, 'POST', '/api/snapshots', { name: 'Budgetopfølgning 2 – 2024' }, 202);
    let snapshotId: number | null = null;
    while (snapshotId === null) {
      const job = await json<{ state: string; snapshot: { id: number } | null }>(server, 'GET', `/api/snapshots/jobs/${started.jobId}`);
      expect(job.state).not.toBe('failed');
      snapshotId = job.snapshot?.id ?? null;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const corrected = { ...VALID_FILES, 'posteringer.csv': (VALID_FILES['posteringer.csv'] as string).replace('91.465,50', '191.465,50') };
    expect((await importFiles(testDb.database.db, await writeImportFiles(corrected), { source: 'cli' })).ok).toBe(true);

    const schedule = await json<Schedule>(server, 'POST', '/api/schedules', scheduleBody({ kpiIds: ['expenditure'] }), 201);
    expect((await json<Delivery>(server, 'POST', `/api/schedules/${schedule.id}/test`, { snapshot: snapshotId })).state).toBe('sent');
    expect((await json<Delivery>(server, 'POST', `/api/schedules/${schedule.id}/test`, {})).state).toBe('sent');
    const [frozen, live] = smtp.messages;
    expect(frozen?.text).toContain('90.231 kr.');
    expect(frozen?.text).toContain('frosset øjebliksbillede');
    expect(String(frozen?.html)).toContain(`?snapshot=${snapshotId}`);
    expect(live?.text).toContain('190.231 kr.');
  });
});
