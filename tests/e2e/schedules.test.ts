/**
 * Udsendelser in a real Chromium against the real app on fresh demo data, with a real SMTP server
 * (smtp-server on a free port, SMTP_URL given to the app): a schedule is created through the form
 * (a preset, the live preview of the next 3 runs in Danish, a bad recipient refused in Danish with
 * what was typed kept) and shown in the list; an invalid cron shows the API's Danish message; a
 * threshold alert is added (80 typed, 0,8 sent); "Send en test nu" delivers a mail that arrives
 * with the schedule's name and the KPI's title; the preview frame shows the mail; the delivery log
 * lists the test; automatic freezing switches; deleting asks first; the page passes axe.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKpi } from '../../packages/domain/src/kpi-catalogue.ts';
import { SETTLE_MS, dashboardSession, describeViolations, runAxe, screenshots } from './dashboard-session.ts';

const received: ParsedMail[] = [];
let smtp: SMTPServer | undefined;
let smtpPort = 0;

// Registered before the session's own beforeAll, so the app starts with the server's address.
beforeAll(async () => {
  const server = new SMTPServer({
    // Plain SMTP on localhost: no TLS to negotiate, no login.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtp = server;
  smtpPort = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const session = dashboardSession('sched', { env: () => ({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }) });
const { getJson, openPage } = session;

const NAME = 'E2E Ugens nøgletal';
const KPI_ID = 'housing';
const MEASURE_ID = 'independentShare';
/** Rendering the mail draws its charts on the server; on a shared machine that takes a while. */
const SEND_MS = 180_000;

interface RunTime {
  at: string;
  text: string;
}
interface ScheduleAnswer {
  id: number;
  name: string;
  cron: string;
  recipients: string[];
  kpiIds: string[];
  attachXlsx: boolean;
  nextRuns: RunTime[];
  alerts: { kpiId: string; measureId: string; direction: string; threshold: number; thresholdText: string; state: string }[];
}

function kpiTitle(): string {
  const title = findKpi(KPI_ID)?.title;
  if (!title) throw new Error(`${KPI_ID} findes ikke i kataloget`);
  return title;
}

function measureTitle(): string {
  const title = findKpi(KPI_ID)?.measures.find((measure) => measure.id === MEASURE_ID)?.title;
  if (!title) throw new Error(`${KPI_ID}/${MEASURE_ID} findes ikke i kataloget`);
  return title;
}

async function theSchedule(): Promise<ScheduleAnswer> {
  const { schedules } = await getJson<{ schedules: ScheduleAnswer[] }>('/api/schedules');
  const schedule = schedules.find((candidate) => candidate.name === NAME);
  if (!schedule) throw new Error(`udsendelsen «${NAME}» findes ikke; den oprettes i den første test`);
  return schedule;
}

/** The API's answer for an expression: 200 with the next runs, or 400 with a Danish message. */
async function cronPreview(cron: string): Promise<{ status: number; body: { nextRuns?: RunTime[]; message?: string } }> {
  const response = await session.get(`/api/schedules/cron-preview?cron=${encodeURIComponent(cron)}`);
  return { status: response.status(), body: (await response.json()) as { nextRuns?: RunTime[]; message?: string } };
}

function card(page: Page) {
  return page.locator('article.schedule-card', { has: page.getByRole('heading', { name: NAME, exact: true }) });
}

/** HTML as sent: a title with an entity-escaped character still counts as the title. */
function decodeEntities(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
}

describe('Udsendelser', () => {
  it('creates a schedule through the form: a preset, the next 3 runs in Danish, a bad address refused in Danish, then it is in the list', async () => {
    const { page, errors } = await openPage('/udsendelser');
    try {
      expect(await page.title()).toContain('Udsendelser');
      await expect.poll(() => page.getByTestId('schedule-list').innerText()).toContain('Der er ingen udsendelser endnu');
      const form = page.getByTestId('schedule-form');
      await form.getByLabel('Navn', { exact: true }).fill(NAME);
      await form.getByRole('button', { name: 'Hver mandag kl. 08.00' }).click();
      expect(await form.getByLabel('Cron-udtryk').inputValue()).toBe('0 8 * * 1');
      expect(await form.getByRole('button', { name: 'Hver mandag kl. 08.00' }).getAttribute('aria-pressed')).toBe('true');

      // The live preview: the server's next three Mondays at 08.00, in Danish words.
      const expected = await cronPreview('0 8 * * 1');
      expect(expected.status).toBe(200);
      const runs = form.getByTestId('cron-preview-runs').locator('li');
      await expect.poll(() => runs.allInnerTexts(), { timeout: SETTLE_MS }).toEqual((expected.body.nextRuns ?? []).map((run) => run.text));
      const texts = await runs.allInnerTexts();
      expect(texts).toHaveLength(3);
      for (const text of texts) expect(text).toMatch(/^mandag den \d{1,2}\. [a-zæøå]+ \d{4} kl\. 08\.00$/);
      expect(await form.getByTestId('cron-preview').innerText()).toContain('dansk tid (Europe/Copenhagen)');

      // A bad address is named in Danish; nothing is sent and what was typed stays.
      const recipients = form.getByLabel('Modtagere', { exact: true });
      await recipients.fill('ledelse@kommune.dk, ikke-en-adresse');
      await form.getByLabel(kpiTitle(), { exact: true }).check();
      await form.getByRole('button', { name: 'Opret udsendelsen' }).click();
      const summary = form.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.innerText()).toContain('«ikke-en-adresse» er ikke en gyldig e-mailadresse');
      expect(await recipients.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.evaluate('document.activeElement?.classList.contains("error-summary")')).toBe(true);
      expect(await form.getByLabel('Navn', { exact: true }).inputValue()).toBe(NAME);
      expect(await recipients.inputValue()).toBe('ledelse@kommune.dk, ikke-en-adresse');
      expect(await form.getByLabel(kpiTitle(), { exact: true }).isChecked()).toBe(true);
      expect((await getJson<{ schedules: unknown[] }>('/api/schedules')).schedules).toEqual([]);

      await recipients.fill('ledelse@kommune.dk\nchef@kommune.dk');
      await form.getByRole('button', { name: 'Opret udsendelsen' }).click();
      await expect.poll(() => page.getByTestId('schedules-status').innerText(), { timeout: SETTLE_MS }).toContain(`Udsendelsen «${NAME}» er oprettet.`);

      const saved = await theSchedule();
      expect(saved.cron).toBe('0 8 * * 1');
      expect(saved.recipients).toEqual(['ledelse@kommune.dk', 'chef@kommune.dk']);
      expect(saved.kpiIds).toEqual([KPI_ID]);
      const shown = card(page);
      await shown.waitFor();
      const text = await shown.innerText();
      expect(text).toContain('Hver mandag kl. 08.00');
      expect(text).toContain('0 8 * * 1');
      expect(text).toContain('dansk tid (Europe/Copenhagen)');
      expect(text).toContain('ledelse@kommune.dk og chef@kommune.dk');
      expect(text).toContain(kpiTitle());
      expect(await shown.locator('.schedule-runs li').allInnerTexts()).toEqual(saved.nextRuns.map((run) => run.text));
      // The form is empty again for the next one.
      expect(await form.getByLabel('Navn', { exact: true }).inputValue()).toBe('');
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("an invalid cron shows the API's Danish message, and the form refuses it with what was typed kept", async () => {
    const { page } = await openPage('/udsendelser');
    try {
      const bad = '0 25 * * 1';
      const answer = await cronPreview(bad);
      expect(answer.status).toBe(400);
      const message = answer.body.message ?? '';
      expect(message).toMatch(/[æøå]|time|cron|udtryk/i);

      const form = page.getByTestId('schedule-form');
      await form.getByLabel('Navn', { exact: true }).fill('Forkert tid');
      await form.getByLabel('Cron-udtryk').fill(bad);
      await expect.poll(() => form.getByTestId('cron-preview-error').innerText(), { timeout: SETTLE_MS }).toContain(message);
      expect(await form.getByTestId('cron-preview-runs').count()).toBe(0);

      await form.getByRole('button', { name: 'Opret udsendelsen' }).click();
      const summary = form.locator('.error-summary');
      await summary.waitFor();
      const summaryText = await summary.innerText();
      expect(summaryText).toContain(message);
      expect(summaryText).toContain('Skriv mindst én modtagers e-mailadresse');
      expect(summaryText).toContain('Vælg mindst ét nøgletal');
      expect(await form.getByLabel('Cron-udtryk').inputValue()).toBe(bad);
      expect(await form.getByLabel('Navn', { exact: true }).inputValue()).toBe('Forkert tid');

      // Four fields: said before the server is asked.
      await form.getByLabel('Cron-udtryk').fill('0 7 * *');
      await form.getByRole('button', { name: 'Opret udsendelsen' }).click();
      await expect.poll(() => summary.innerText()).toContain('Et cron-udtryk har fem felter');
    } finally {
      await page.close();
    }
  });

  it('adds a threshold alert: 80 % typed, 0,8 sent, shown with its state', async () => {
    const { page, errors } = await openPage('/udsendelser');
    try {
      const alerts = card(page).getByTestId('schedule-alerts');
      await alerts.locator('summary').click();
      const form = alerts.getByTestId('alert-form');
      await form.getByLabel('Nøgletal', { exact: true }).selectOption(KPI_ID);
      await form.getByLabel('Tal', { exact: true }).selectOption(MEASURE_ID);
      await form.getByLabel('Alarm når tallet kommer').selectOption('below');
      const threshold = form.getByLabel('Tærskel (%)');
      await threshold.fill('otti');
      await form.getByRole('button', { name: 'Tilføj alarmen' }).click();
      await expect.poll(() => form.locator('.error-summary').innerText()).toContain('«otti» er ikke et tal');
      expect(await threshold.inputValue()).toBe('otti');

      await threshold.fill('80');
      await form.getByRole('button', { name: 'Tilføj alarmen' }).click();
      await expect.poll(() => form.getByRole('status').innerText(), { timeout: SETTLE_MS }).toContain('Alarmen er tilføjet');
      const [alert] = (await theSchedule()).alerts;
      expect(alert).toMatchObject({ kpiId: KPI_ID, measureId: MEASURE_ID, direction: 'below', threshold: 0.8 });
      const row = alerts.locator('table tbody tr');
      await expect.poll(() => row.count()).toBe(1);
      const rowText = await row.innerText();
      expect(rowText).toContain(measureTitle());
      expect(rowText).toContain(alert?.thresholdText ?? '?');
      expect(rowText).toMatch(/Tærskel krydset|OK|Ikke tjekket/);
      expect(await alerts.locator('summary').innerText()).toContain('Tærskelalarmer (1)');
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('"Ret" opens the schedule in the form with its values; a change is saved and shown', async () => {
    const { page, errors } = await openPage('/udsendelser');
    try {
      await card(page).getByRole('button', { name: `Ret «${NAME}»`, exact: true }).click();
      const form = page.getByTestId('schedule-form');
      const heading = form.getByRole('heading', { name: `Ret udsendelsen «${NAME}»` });
      await heading.waitFor();
      await expect.poll(() => page.evaluate('document.activeElement?.tagName')).toBe('H2');
      expect(await form.getByLabel('Navn', { exact: true }).inputValue()).toBe(NAME);
      expect(await form.getByLabel('Cron-udtryk').inputValue()).toBe('0 8 * * 1');
      expect(await form.getByLabel('Modtagere', { exact: true }).inputValue()).toBe('ledelse@kommune.dk\nchef@kommune.dk');
      await form.getByLabel('Vedhæft tal som Excel-ark').check();
      await form.getByRole('button', { name: 'Gem ændringerne' }).click();
      await expect.poll(() => page.getByTestId('schedules-status').innerText(), { timeout: SETTLE_MS }).toContain(`Ændringerne i «${NAME}» er gemt.`);
      expect((await theSchedule()).attachXlsx).toBe(true);
      await expect.poll(() => card(page).innerText()).toContain('med tallene som Excel-ark');
      expect(await form.getByRole('heading', { name: 'Ny udsendelse' }).count()).toBe(1);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('"Send en test nu" says it is sending, then the mail arrives with the name and the KPI, and the log lists it', async () => {
    const { page, errors } = await openPage('/udsendelser');
    try {
      const shown = card(page);
      const before = received.length;
      await shown.getByRole('button', { name: 'Send en test nu' }).click();
      const status = shown.getByTestId('test-mail-status');
      await expect.poll(() => status.innerText(), { timeout: SEND_MS }).toContain('Testmailen er sendt til ledelse@kommune.dk og chef@kommune.dk');

      await expect.poll(() => received.length, { timeout: SEND_MS }).toBeGreaterThan(before);
      const mail = received.at(-1);
      expect(mail?.subject ?? '').toContain(NAME);
      expect(decodeEntities(typeof mail?.html === 'string' ? mail.html : '')).toContain(kpiTitle());
      const to = mail?.to;
      const addresses = (Array.isArray(to) ? to : to ? [to] : []).flatMap((group) => group.value.map((address) => address.address));
      expect(addresses.sort()).toEqual(['chef@kommune.dk', 'ledelse@kommune.dk']);

      // The log: newest first, the test as sent.
      const log = page.getByTestId('delivery-log');
      await expect.poll(() => log.locator('tbody tr').count(), { timeout: SETTLE_MS }).toBeGreaterThan(0);
      const first = await log.locator('tbody tr').first().innerText();
      expect(first).toContain(NAME);
      expect(first).toContain('Test');
      expect(first).toContain('Sendt');
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('"Forhåndsvis mailen" shows the mail in a sandboxed frame', async () => {
    const { page } = await openPage('/udsendelser');
    try {
      const shown = card(page);
      await shown.getByText('Forhåndsvis mailen').click();
      const frame = shown.getByTestId('mail-preview');
      await frame.waitFor({ timeout: SEND_MS });
      expect(await frame.getAttribute('sandbox')).toBe('');
      expect(decodeEntities((await frame.getAttribute('srcdoc')) ?? '')).toContain(kpiTitle());
    } finally {
      await page.close();
    }
  });

  it('automatic freezing of the budget follow-up switches on and off', async () => {
    const { page } = await openPage('/udsendelser');
    try {
      const section = page.getByTestId('auto-freeze');
      const toggle = section.getByLabel('Frys automatisk budgetopfølgningen på opfølgningsdatoerne');
      const initial = await getJson<{ enabled: boolean }>('/api/snapshots/auto-freeze');
      expect(await toggle.isChecked()).toBe(initial.enabled);
      await toggle.click();
      await expect.poll(async () => (await getJson<{ enabled: boolean }>('/api/snapshots/auto-freeze')).enabled, { timeout: SETTLE_MS }).toBe(!initial.enabled);
      await expect.poll(() => section.innerText()).toContain(initial.enabled ? 'Slået fra' : 'Slået til');
      await toggle.click();
      await expect.poll(async () => (await getJson<{ enabled: boolean }>('/api/snapshots/auto-freeze')).enabled, { timeout: SETTLE_MS }).toBe(initial.enabled);
    } finally {
      await page.close();
    }
  });

  it('passes axe with a schedule, its alerts and the log shown', async () => {
    const { page, errors } = await openPage('/udsendelser');
    try {
      await card(page).getByTestId('schedule-alerts').locator('summary').click();
      await page.getByTestId('delivery-log').locator('tbody tr').first().waitFor({ timeout: SETTLE_MS });
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.screenshot({ path: join(screenshots, 'udsendelser.png'), fullPage: true });
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('deleting asks first: Fortryd keeps the schedule, "Ja, slet" removes it and keeps the log', async () => {
    const { page } = await openPage('/udsendelser');
    try {
      const shown = card(page);
      await shown.getByRole('button', { name: `Slet «${NAME}»`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Slet udsendelsen?' });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain(`«${NAME}»`);
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await dialog.getByRole('button', { name: 'Fortryd' }).click();
      // The dialog closes on the next render, not within the click.
      await dialog.waitFor({ state: 'hidden', timeout: SETTLE_MS });
      expect(await shown.count()).toBe(1);

      await shown.getByRole('button', { name: `Slet «${NAME}»`, exact: true }).click();
      await dialog.getByRole('button', { name: 'Ja, slet udsendelsen' }).click();
      await expect.poll(() => page.getByTestId('schedules-status').innerText(), { timeout: SETTLE_MS }).toContain(`Udsendelsen «${NAME}» er slettet.`);
      expect(await shown.count()).toBe(0);
      expect((await getJson<{ schedules: unknown[] }>('/api/schedules')).schedules).toEqual([]);
      await expect.poll(() => page.getByTestId('delivery-log').innerText()).toContain(NAME);
    } finally {
      await page.close();
    }
  });
});
