/**
 * The dashboard in a real Chromium against the real app on fresh demo data (one start for the
 * file): every page renders its heading and charts without errors and passes axe (WCAG 2.1 A/AA);
 * screen numbers equal the API's; filters live in the URL and Back restores them; drill opens the
 * rows; Overblik prints to A4; the keyboard reaches the skip link, the menu and the filters; the
 * Data page imports files all or nothing. Screenshots land in test-results/screenshots/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGES } from '../../apps/web/src/app/pages.ts';
import { formatChartValue } from '../../packages/charts/src/format-value.ts';
import { formatIsoDate } from '../../packages/domain/src/format-danish.ts';
import { findKpi } from '../../packages/domain/src/kpi-catalogue.ts';
import {
  SETTLE_MS,
  artifacts,
  cardText,
  chartAnimationsDone,
  chartCount,
  cspViolations,
  dashboardSession,
  describeViolations,
  focused,
  runAxe,
  screenshots,
  settle,
  slug,
  type FilterChoices,
  type KpiAnswer,
} from './dashboard-session.ts';

const session = dashboardSession('dash');
const { getJson, openPage } = session;
const uploadDir = mkdtempSync(join(tmpdir(), 'sol-e2e-upload-'));

/** Pages that show no charts by design. */
const PAGES_WITHOUT_CHARTS = new Set(['/data', '/afrapportering', '/budgetopfoelgning', '/udsendelser']);

interface Health {
  dataVersion: number;
  counts: Record<string, number>;
}

afterAll(() => {
  rmSync(uploadDir, { recursive: true, force: true });
});

describe('every page', () => {
  // As an analyst (the session's login): every page but Administration, which access.test.ts covers as an admin.
  for (const entry of PAGES.filter((candidate) => candidate.role !== 'admin')) {
    it(`${entry.title} (${entry.path}) renders its heading and charts, passes axe and is photographed`, async () => {
      const { page, errors } = await openPage(entry.path);
      try {
        const headings = page.locator('main h1');
        expect(await headings.count(), errors.join('\n')).toBe(1);
        expect((await headings.innerText()).trim()).not.toBe('');
        expect(await page.title()).toContain(entry.title);
        const main = await page.locator('main').innerText();
        expect(main).not.toContain('Tallene kunne ikke hentes');
        expect(main).not.toContain('Siden findes ikke');
        if (!PAGES_WITHOUT_CHARTS.has(entry.path)) {
          await expect.poll(() => chartCount(page), { timeout: SETTLE_MS, message: `${entry.path} viser ingen grafer` }).toBeGreaterThan(0);
        }
        const violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        await chartAnimationsDone(page);
        await page.screenshot({ path: join(screenshots, `${slug(entry.path)}.png`), fullPage: true });
        expect(errors, errors.join('\n')).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('Overblik works at 1024×768', async () => {
    const { page, errors } = await openPage('/', { width: 1024, height: 768 });
    try {
      await expect.poll(() => chartCount(page), { timeout: SETTLE_MS }).toBeGreaterThan(0);
      // Nothing may stick out sideways on a tablet.
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      expect(overflow).toBeLessThanOrEqual(0);
      await chartAnimationsDone(page);
      await page.screenshot({ path: join(screenshots, 'overblik-1024x768.png'), fullPage: true });
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('numbers on screen equal the API', () => {
  it("Overblik's housing card shows the API's share in independent housing, formatted da-DK", async () => {
    const { page } = await openPage('/');
    try {
      // No filters chosen: the card asks for the KPI without parameters (the latest period).
      const answer = await getJson<KpiAnswer>('/api/kpis/housing');
      const expected = cardText(answer, 'housing', 'independentShare');
      expect(expected).toMatch(/^\d+,\d %$/);
      await expect.poll(() => page.getByTestId('card-value-housing').innerText()).toBe(expected);
    } finally {
      await page.close();
    }
  });

  it('"Vis som tabel" shows the same numbers as the API for the housing trend', async () => {
    const { page, requests } = await openPage('/');
    try {
      const choices = await getJson<FilterChoices>('/api/reference/filters');
      const first = choices.years[0];
      expect(first).toBeDefined();
      expect(choices.defaultAsOf).not.toBeNull();
      const params = { from: `${first}-01-01`, to: choices.defaultAsOf ?? '' };
      // The page asked for exactly these parameters …
      expect(requests.some((url) => url.includes('/api/kpis/housing?') && new URL(url).searchParams.get('from') === params.from)).toBe(true);
      const answer = await getJson<KpiAnswer>('/api/kpis/housing', params);
      const measure = findKpi('housing')?.measures.find((candidate) => candidate.id === 'independentShare');
      if (!measure) throw new Error('independentShare mangler i kataloget');

      const panel = page.getByTestId('trend-housing-independentShare');
      await panel.getByRole('button', { name: 'Vis som tabel' }).click();
      const rows = panel.locator('table tbody tr');
      await expect.poll(() => rows.count()).toBe(answer.series.length);
      // … and its table shows the answer's numbers, point by point, as the chart formats them.
      for (const [index, point] of answer.series.entries()) {
        const row = rows.nth(index);
        const total = point.rows.find((candidate) => candidate.group === null);
        const suppressed = total?.suppressed[measure.id] ?? null;
        const value = suppressed ? null : (total?.values[measure.id] ?? null);
        expect((await row.locator('th').innerText()).trim().startsWith(point.label), `${point.label}`).toBe(true);
        const cells = await row.locator('td').allInnerTexts();
        expect(cells[0]?.trim(), point.label).toBe(formatChartValue(value, suppressed, measure.unit, measure.decimals, answer.suppressionThreshold));
      }
      expect(await rows.first().locator('td').first().innerText()).toMatch(/^\d+,\d %$/);
    } finally {
      await page.close();
    }
  });
});

describe('global filters in the URL', () => {
  it('a year and a target group go to the URL, change the numbers, and Back restores the previous view', async () => {
    const { page, requests } = await openPage('/');
    try {
      const choices = await getJson<FilterChoices>('/api/reference/filters');
      // A whole year before the latest, and the largest target group of the demo data.
      const year = choices.years.at(-2);
      const targetGroup = choices.targetGroups.find((group) => group.code === 'UH')?.code ?? choices.targetGroups[0]?.code;
      if (year === undefined || targetGroup === undefined) throw new Error('ingen år eller målgrupper at vælge');
      const card = page.getByTestId('card-value-housing');
      const initial = await card.innerText();

      await page.locator('#filter-year').selectOption(String(year));
      await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(String(year));
      const forYear = cardText(await getJson<KpiAnswer>('/api/kpis/housing', { year }), 'housing', 'independentShare');
      await expect.poll(() => card.innerText(), { timeout: SETTLE_MS }).toBe(forYear);

      await page.locator('#filter-targetGroup').selectOption(targetGroup);
      await expect.poll(() => new URL(page.url()).searchParams.get('targetGroup')).toBe(targetGroup);
      expect(new URL(page.url()).searchParams.get('year')).toBe(String(year));
      await expect
        .poll(() => requests.some((url) => url.includes('/api/kpis/housing?') && url.includes(`year=${year}`) && url.includes(`targetGroup=${targetGroup}`)))
        .toBe(true);
      const forGroup = cardText(await getJson<KpiAnswer>('/api/kpis/housing', { year, targetGroup }), 'housing', 'independentShare');
      await expect.poll(() => card.innerText(), { timeout: SETTLE_MS }).toBe(forGroup);
      expect(forGroup === forYear && forYear === initial, 'tallet ændrede sig ikke med filtrene').toBe(false);

      await page.goBack();
      await expect.poll(() => new URL(page.url()).search).toBe(`?year=${year}`);
      await expect.poll(() => card.innerText(), { timeout: SETTLE_MS }).toBe(forYear);
      expect(await page.locator('#filter-targetGroup').inputValue()).toBe('');
      expect(await page.locator('#filter-year').inputValue()).toBe(String(year));
    } finally {
      await page.close();
    }
  });
});

/** Waits for the open drill dialog and returns how many rows it says it shows (after its grid has rows); photographed when `shot` names it. */
async function drillRows(page: Page, shot?: string): Promise<number> {
  const dialog = page.locator('dialog.drill-dialog[open]');
  await dialog.waitFor({ timeout: SETTLE_MS });
  await expect.poll(() => dialog.innerText(), { timeout: SETTLE_MS }).toMatch(/\d[\d.]* rækker/);
  const count = Number(/(\d[\d.]*) rækker/.exec(await dialog.innerText())?.[1]?.replace(/\./g, ''));
  await expect.poll(() => dialog.locator('.ag-row').count(), { timeout: SETTLE_MS }).toBeGreaterThan(0);
  if (shot) await dialog.screenshot({ path: join(screenshots, shot) });
  await dialog.getByRole('button', { name: 'Luk' }).click();
  await expect.poll(() => page.locator('dialog.drill-dialog[open]').count()).toBe(0);
  return count;
}

/** "1.234" or "12,3 %" → 1234 or 12.3; a withheld "<5" counts as nothing. */
function danishNumber(text: string): number {
  return Number(text.replace(/\./g, '').replace(',', '.').replace(/[^\d.-]/g, '')) || 0;
}

describe('drill to the rows behind a number', () => {
  it('Bolig: "Vis rækker" in the table for the largest target group opens its rows', async () => {
    const { page, errors } = await openPage('/bolig');
    try {
      const panel = page.getByTestId('chart-housing-target-group-counts');
      await panel.getByRole('button', { name: 'Vis som tabel' }).click();
      const rows = panel.locator('table tbody tr');
      await expect.poll(() => rows.count(), { timeout: SETTLE_MS }).toBeGreaterThan(0);
      // The row with the largest count is a big group, far above the suppression threshold.
      const counts = await Promise.all((await rows.all()).map(async (row) => danishNumber(await row.locator('td').first().innerText())));
      const biggest = counts.indexOf(Math.max(...counts));
      expect(counts[biggest]).toBeGreaterThanOrEqual(5);
      await rows.nth(biggest).getByRole('button', { name: /Vis rækker/ }).click();
      expect(await drillRows(page, 'bolig-raekker.png')).toBeGreaterThan(0);
      // AG Grid, loaded only now, keeps to the app's CSP too.
      expect(cspViolations(errors), errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('Sagsbehandling: clicking the largest bar of decisions opens its rows', async () => {
    const { page } = await openPage('/sagsbehandling');
    try {
      const panel = page.getByTestId('chart-case-processing-decision');
      const bars = panel.locator('.recharts-bar-rectangle');
      await expect.poll(() => bars.count(), { timeout: SETTLE_MS }).toBeGreaterThan(0);
      const boxes = await Promise.all((await bars.all()).map((bar) => bar.boundingBox()));
      const areas = boxes.map((box) => (box ? box.width * box.height : 0));
      const largest = areas.indexOf(Math.max(...areas));
      await bars.nth(largest).click();
      expect(await drillRows(page)).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe('print', () => {
  it('Overblik prints to A4 without the filters and the menu', async () => {
    const { page } = await openPage('/');
    try {
      await expect.poll(() => chartCount(page), { timeout: SETTLE_MS }).toBeGreaterThan(0);
      await chartAnimationsDone(page);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.filters-region').isVisible()).toBe(false);
      expect(await page.locator('nav[aria-label="Hovedmenu"]').isVisible()).toBe(false);
      expect(await page.locator('main h1').isVisible()).toBe(true);
      const path = join(artifacts, 'overblik.pdf');
      await page.pdf({ path, format: 'A4', printBackground: true });
      const pdf = readFileSync(path).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      console.log(`overblik.pdf: ${pages} A4-sider`);
      expect(pages).toBeGreaterThanOrEqual(1);
    } finally {
      await page.close();
    }
  });
});

describe('download menu', () => {
  const ITEMS = ['Graf som PNG (til Word)', 'Graf som SVG', 'Tal som Excel (XLSX)', 'Tal som CSV'];
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  it('"Hent" on Overblik\'s housing trend gives a PNG and an XLSX in two clicks, works by keyboard and is not printed', async () => {
    const { page, errors } = await openPage('/');
    try {
      const choices = await getJson<FilterChoices>('/api/reference/filters');
      const panel = page.getByTestId('trend-housing-independentShare');
      const button = panel.getByRole('button', { name: /^Hent/ });
      await button.waitFor({ timeout: SETTLE_MS });
      expect(await button.getAttribute('aria-haspopup')).toBe('menu');
      expect(await button.getAttribute('aria-expanded')).toBe('false');

      await button.click();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const items = panel.getByRole('menuitem');
      expect((await items.allInnerTexts()).map((text) => text.trim())).toEqual(ITEMS);
      const hrefs = await Promise.all(ITEMS.map(async (_, index) => new URL(String(await items.nth(index).getAttribute('href')), session.app.url)));
      // The links ask for the panel's own request: the trend's period, the measure and a series chart.
      const [png, , xlsxUrl] = hrefs;
      if (!png || !xlsxUrl) throw new Error('menuen mangler links');
      expect(png.pathname).toBe('/api/kpis/housing/chart.png');
      expect(png.searchParams.get('from')).toBe(`${choices.years[0]}-01-01`);
      expect(png.searchParams.get('to')).toBe(choices.defaultAsOf);
      expect(png.searchParams.get('chart')).toBe('series');
      expect(png.searchParams.get('measures')).toBe('independentShare');
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await chartAnimationsDone(page);
      await panel.screenshot({ path: join(screenshots, 'overblik-hent-menu.png') });

      // The second click downloads the PNG, named in Danish with today's date (Danish time).
      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: SETTLE_MS }), items.nth(0).click()]);
      expect(download.suggestedFilename()).toBe(`andel-i-selvstændig-bolig-${today}.png`);
      const file = readFileSync(await download.path());
      expect([...file.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(await button.getAttribute('aria-expanded')).toBe('false');

      // The XLSX link answers with a workbook (a zip) of the same request.
      expect(xlsxUrl.pathname).toBe('/api/kpis/housing/data.xlsx');
      expect(xlsxUrl.searchParams.get('from')).toBe(`${choices.years[0]}-01-01`);
      const xlsx = await session.get(xlsxUrl.toString());
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toBe(XLSX);
      expect(xlsx.headers()['content-disposition']).toContain(`-${today}.xlsx`);
      expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

      // Keyboard: Enter opens on the first item, arrows and End move, Escape closes onto the button.
      const focusedText = async () => (await focused(page)).text;
      await button.focus();
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(focusedText).toBe(ITEMS[0]);
      await page.keyboard.press('ArrowDown');
      expect(await focusedText()).toBe(ITEMS[1]);
      await page.keyboard.press('End');
      expect(await focusedText()).toBe(ITEMS[3]);
      await page.keyboard.press('ArrowDown');
      expect(await focusedText()).toBe(ITEMS[0]);
      await page.keyboard.press('ArrowUp');
      expect(await focusedText()).toBe(ITEMS[3]);
      await page.keyboard.press('Escape');
      // The menu closes on the next render, not within the key press.
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => panel.locator('[role="menu"]').isVisible()).toBe(false);
      const buttonFocused = `document.activeElement === document.querySelector('[data-testid="trend-housing-independentShare"] [aria-haspopup="menu"]')`;
      expect(await page.evaluate(buttonFocused)).toBe(true);

      await page.emulateMedia({ media: 'print' });
      expect(await button.isVisible()).toBe(false);
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('keyboard', () => {
  it('Tab reaches the skip link first, then "Log ud", then the menu, then the filters', async () => {
    const { page } = await openPage('/');
    try {
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      expect(skip.className).toContain('skip-link');
      expect(skip.text).toBe('Gå til indhold');
      // The header's user box sits before the menu, as on screen (name, role, "Log ud").
      await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe('Log ud');
      await page.keyboard.press('Tab');
      const menu = await focused(page);
      expect(menu.inNav).toBe(true);
      expect(menu.text).toBe(PAGES[0]?.title);

      const reached = new Set<string>();
      for (let presses = 0; presses < 40 && !reached.has('filter-targetGroup'); presses += 1) {
        await page.keyboard.press('Tab');
        reached.add((await focused(page)).id);
      }
      expect([...reached]).toContain('filter-year');
      expect([...reached]).toContain('filter-targetGroup');

      // The skip link takes the keyboard past the menu and the filters to the page itself.
      await page.goto(`${session.app.url}/`);
      await settle(page);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect((await focused(page)).inMain).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('Data page', () => {
  it('says how fresh the numbers are and lists the demo import', async () => {
    const { page } = await openPage('/data');
    try {
      const choices = await getJson<FilterChoices>('/api/reference/filters');
      expect(choices.defaultAsOf).not.toBeNull();
      await expect.poll(() => page.getByTestId('data-freshness').innerText()).toContain(`Tallene er opgjort pr. ${formatIsoDate(choices.defaultAsOf ?? '')}`);
      const { imports } = await getJson<{ imports: { checksum: string; totalRows: number }[] }>('/api/imports');
      const history = page.getByTestId('import-history');
      await history.waitFor();
      const text = await history.innerText();
      expect(text).toContain('Demodata');
      expect(text).toContain(imports[0]?.checksum.slice(0, 12));
      expect(text).not.toContain(imports[0]?.checksum);
      expect(text).toContain(new Intl.NumberFormat('da-DK').format(imports[0]?.totalRows ?? -1));
    } finally {
      await page.close();
    }
  });

  it('a file with errors imports nothing and lists every error; a good file imports and refreshes the page', async () => {
    const { page } = await openPage('/data');
    try {
      const before = await getJson<Health>('/health');
      const bad = join(uploadDir, 'borgere.csv');
      writeFileSync(bad, 'borger_id;foedselsaar;maalgruppe;tidligere_anbragt\nE2E-1;1990;XX;ja\nE2E-2;abc;UH;måske\n');
      await page.locator('input[type="file"]').setInputFiles(bad);
      await page.getByRole('button', { name: 'Indlæs filen' }).click();
      const failed = page.getByTestId('import-failed');
      await failed.waitFor({ timeout: SETTLE_MS });
      expect(await failed.innerText()).toContain('Intet er indlæst');
      const errorRows = failed.locator('[data-testid="import-errors"] tbody tr');
      expect(await errorRows.count()).toBe(3);
      const [file, line, column, value, reason] = await errorRows.first().locator('td').allInnerTexts();
      expect([file, line, column, value]).toEqual(['borgere.csv', '2', 'maalgruppe', 'XX']);
      expect(reason).toContain('Ukendt kode');
      expect(await page.locator('[data-testid="import-errors"] thead th').allInnerTexts()).toEqual(['Fil', 'Linje', 'Kolonne', 'Værdi', 'Årsag']);
      const unchanged = await getJson<Health>('/health');
      expect(unchanged.counts).toEqual(before.counts);
      expect(unchanged.dataVersion).toBe(before.dataVersion);
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.screenshot({ path: join(screenshots, 'data-import-fejl.png'), fullPage: true });

      // The same index value as the demo data's: a real import that changes no number.
      const { index } = await getJson<{ index: { year: number; index: number }[] }>('/api/reference/price-index');
      const known = index.find((entry) => entry.year === 2018) ?? index[0];
      if (!known) throw new Error('intet P/L-indeks');
      const good = join(uploadDir, 'pl_indeks.csv');
      writeFileSync(good, `aar;indeks\n${known.year};${String(known.index).replace('.', ',')}\n`);
      await page.getByRole('button', { name: 'Indlæs andre filer' }).click();
      await page.locator('input[type="file"]').setInputFiles(good);
      await page.getByRole('button', { name: 'Indlæs filen' }).click();
      const succeeded = page.getByTestId('import-succeeded');
      await succeeded.waitFor({ timeout: SETTLE_MS });
      const message = await succeeded.innerText();
      expect(message).toContain('Én række');
      expect(message).toContain('genberegnes');
      expect(await page.getByTestId('upload-progress').locator('progress').getAttribute('value')).toBe('100');
      // Every query was refetched: the history shows the upload and the status the new data version.
      const after = await getJson<Health>('/health');
      expect(after.dataVersion).not.toBe(before.dataVersion);
      await expect.poll(() => page.getByTestId('import-history').innerText(), { timeout: SETTLE_MS }).toContain('Upload på denne side');
      await expect
        .poll(() => page.locator('.facts').innerText(), { timeout: SETTLE_MS })
        .toContain(new Intl.NumberFormat('da-DK').format(after.dataVersion));
      await page.screenshot({ path: join(screenshots, 'data-import-ok.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });
});

describe('Afrapportering', () => {
  it('"Hent som Word" says it is working, then saves the report under a Danish name with the date', async () => {
    const { page, errors } = await openPage('/afrapportering');
    try {
      const button = page.getByTestId('report-download-docx');
      expect(await button.innerText()).toMatch(/Word.*\.docx/);
      const download = page.waitForEvent('download', { timeout: SETTLE_MS });
      await button.click();
      // The file takes seconds: the button's status line says so meanwhile.
      const status = page.locator('.report-download').first().getByRole('status');
      await expect.poll(() => status.innerText(), { timeout: SETTLE_MS }).toMatch(/Danner Word-dokumentet|er hentet/);
      expect((await download).suggestedFilename()).toMatch(/^afrapportering-2026-\d{4}-\d{2}-\d{2}\.docx$/);
      await expect.poll(() => status.innerText(), { timeout: SETTLE_MS }).toBe('Word-dokumentet er hentet.');
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
