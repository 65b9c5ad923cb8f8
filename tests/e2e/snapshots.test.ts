/**
 * Budgetopfølgning in a real Chromium against the real app on fresh demo data: a snapshot is
 * frozen from the page (progress, then it in the list); "Vis" opens Overblik on its numbers with
 * the banner (printed too), the housing card equal to the frozen answer and the requests and
 * downloads carrying it; "Vis aktuelle tal" goes back; a filter the snapshot does not hold shows
 * the API's Danish message; the "Tal" picker switches; comparing with the current numbers shows
 * a table; the follow-up dates refuse a day the month does not have; the page passes axe.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../packages/domain/src/format-danish.ts';
import {
  SETTLE_MS,
  cardText,
  dashboardSession,
  describeViolations,
  runAxe,
  screenshots,
  settle,
  type FilterChoices,
  type KpiAnswer,
} from './dashboard-session.ts';

const session = dashboardSession('snap');
const { getJson, openPage } = session;

/** Freezing reads hundreds of answers; on PGlite right after the start it can take a minute or more. */
const FREEZE_MS = 420_000;
const NAME = 'E2E Budgetopfølgning – test';
const CREATED_BY = 'E2E-testen';

interface SnapshotSummary {
  id: number;
  name: string;
  asOf: string;
  createdBy: string;
  kpiAnswers: number;
}

interface FrozenAnswer extends KpiAnswer {
  snapshot: { id: number; name: string; asOf: string } | null;
}

async function theSnapshot(): Promise<SnapshotSummary> {
  const { snapshots } = await getJson<{ snapshots: SnapshotSummary[] }>('/api/snapshots');
  const snapshot = snapshots.find((candidate) => candidate.name === NAME);
  if (!snapshot) throw new Error(`øjebliksbilledet «${NAME}» findes ikke; det tages i den første test`);
  return snapshot;
}

describe('Budgetopfølgning', () => {
  it('freezes a snapshot from the page: the name is offered, a progress bar runs, then it is in the list', async () => {
    const { page, errors } = await openPage('/budgetopfoelgning');
    try {
      const choices = await getJson<FilterChoices>('/api/reference/filters');
      const { dates } = await getJson<{ dates: { next: string; name: string }[] }>('/api/snapshots/follow-up-dates');
      const next = [...dates].sort((a, b) => a.next.localeCompare(b.next))[0];
      const form = page.getByTestId('snapshot-create-form');
      const name = form.getByLabel('Navn', { exact: true });
      // Offered from the next budget follow-up, as the API names it.
      expect(await name.inputValue()).toBe(next?.name);
      expect(await form.getByLabel('Opgørelsesdato').inputValue()).toBe(next?.next);

      // Without a name of who takes it, the form says what is missing and sends nothing.
      await form.getByRole('button', { name: 'Tag øjebliksbillede' }).click();
      await expect.poll(() => form.locator('.error-summary').innerText()).toContain('hvem der tog øjebliksbilledet');

      // At the latest data (the result store's date): the quick freeze.
      await name.fill(NAME);
      await form.getByLabel('Opgørelsesdato').fill(choices.defaultAsOf ?? '');
      await form.getByLabel('Taget af').fill(CREATED_BY);
      await form.getByRole('button', { name: 'Tag øjebliksbillede' }).click();
      const progress = page.getByTestId('snapshot-progress').locator('progress');
      await progress.waitFor({ timeout: SETTLE_MS });
      await expect.poll(() => page.getByTestId('snapshot-progress').innerText()).toMatch(/Starter|Fryser/);

      const created = page.getByTestId('snapshot-created');
      await created.waitFor({ timeout: FREEZE_MS });
      expect(await created.innerText()).toContain(`«${NAME}» er taget`);
      expect(await progress.count()).toBe(0);

      const snapshot = await theSnapshot();
      expect(snapshot.asOf).toBe(choices.defaultAsOf);
      expect(snapshot.createdBy).toBe(CREATED_BY);
      const row = page.getByTestId(`snapshot-row-${snapshot.id}`);
      await row.waitFor({ timeout: SETTLE_MS });
      const cells = await row.locator('th, td').allInnerTexts();
      expect(cells[0]).toBe(NAME);
      expect(cells[1]).toBe(formatIsoDate(snapshot.asOf));
      expect(cells[3]).toBe(CREATED_BY);
      expect(cells[4]).toContain(new Intl.NumberFormat('da-DK').format(snapshot.kpiAnswers));
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('"Vis" opens Overblik on the frozen numbers with a banner that prints; "Vis aktuelle tal" goes back', async () => {
    const snapshot = await theSnapshot();
    const { page, errors, requests } = await openPage('/budgetopfoelgning');
    try {
      await page.getByTestId(`snapshot-row-${snapshot.id}`).getByRole('link', { name: /^Vis/ }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');
      expect(new URL(page.url()).searchParams.get('snapshot')).toBe(String(snapshot.id));
      await settle(page);

      const banner = page.getByTestId('snapshot-banner');
      const text = await banner.innerText();
      expect(text).toContain(`Du ser ${NAME} (pr. ${formatIsoDate(snapshot.asOf)})`);
      expect(text).toContain(`af ${CREATED_BY}`);
      expect(text).toContain('Tallene ændrer sig ikke');
      expect(await banner.getAttribute('role')).toBe('status');

      // The card shows the frozen answer, and every KPI and strategy request asked the snapshot.
      const frozen = await getJson<FrozenAnswer>('/api/kpis/housing', { snapshot: snapshot.id });
      expect(frozen.snapshot?.id).toBe(snapshot.id);
      await expect.poll(() => page.getByTestId('card-value-housing').innerText(), { timeout: SETTLE_MS }).toBe(cardText(frozen, 'housing', 'independentShare'));
      const asked = requests.map((url) => new URL(url)).filter((url) => url.pathname.startsWith('/api/kpis/') || url.pathname === '/api/strategy');
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.filter((url) => url.searchParams.get('snapshot') !== String(snapshot.id)).map(String)).toEqual([]);

      // The "Hent" links download the same frozen numbers.
      const panel = page.getByTestId('trend-housing-independentShare');
      await panel.getByRole('button', { name: /^Hent/ }).click();
      const hrefs = await panel.getByRole('menuitem').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs.length).toBe(4);
      for (const href of hrefs) expect(new URL(href, session.app.url).searchParams.get('snapshot'), href).toBe(String(snapshot.id));
      await page.keyboard.press('Escape');

      await page.emulateMedia({ media: 'print' });
      expect(await banner.isVisible()).toBe(true);
      expect(await page.locator('.filters-region').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      await page.screenshot({ path: join(screenshots, 'overblik-oejebliksbillede.png'), fullPage: true });

      await banner.getByRole('link', { name: 'Vis aktuelle tal' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.has('snapshot')).toBe(false);
      expect(await page.getByTestId('snapshot-banner').count()).toBe(0);
      const live = await getJson<KpiAnswer>('/api/kpis/housing');
      await expect.poll(() => page.getByTestId('card-value-housing').innerText(), { timeout: SETTLE_MS }).toBe(cardText(live, 'housing', 'independentShare'));
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the "Tal" picker switches to the snapshot; a filter it does not hold shows the API\'s Danish message', async () => {
    const snapshot = await theSnapshot();
    const { page } = await openPage('/bolig');
    try {
      await page.locator('#filter-snapshot').selectOption(String(snapshot.id));
      await expect.poll(() => new URL(page.url()).searchParams.get('snapshot')).toBe(String(snapshot.id));
      await expect.poll(() => page.getByTestId('snapshot-banner').innerText()).toContain(NAME);

      await page.goto(`${session.app.url}/?snapshot=${snapshot.id}&targetGroup=UH`);
      await settle(page);
      const card = page.getByTestId('card-housing');
      await expect.poll(() => card.innerText(), { timeout: SETTLE_MS }).toContain('Øjebliksbilledet indeholder ikke dette udtræk');
      expect(await page.getByTestId('snapshot-banner').isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('compares the snapshot with the current numbers in a table, refuses 31. april, and passes axe', async () => {
    const snapshot = await theSnapshot();
    const { page, errors } = await openPage('/budgetopfoelgning');
    try {
      const form = page.getByTestId('compare-form');
      await form.getByLabel('A (øjebliksbillede)').selectOption(String(snapshot.id));
      await form.getByLabel('B', { exact: true }).selectOption('live');
      await form.getByRole('button', { name: 'Sammenlign' }).click();
      const table = page.getByTestId('compare-kpis');
      await table.waitFor({ timeout: SETTLE_MS });
      const comparison = await getJson<{ kpis: unknown[]; indicators: unknown[] }>('/api/snapshots/compare', { a: snapshot.id, b: 'live' });
      expect(await table.locator('tbody tr').count()).toBe(comparison.kpis.length);
      expect(await page.getByTestId('compare-indicators').locator('tbody tr').count()).toBe(comparison.indicators.length);
      const headers = await table.locator('thead th').allInnerTexts();
      expect(headers[2]).toContain(NAME);
      expect(headers[3]).toContain('Aktuelle tal');
      expect(await page.getByTestId('compare-summary').innerText()).toMatch(/har flyttet sig/);

      const followUps = page.getByTestId('follow-up-form');
      await followUps.getByLabel('Dag').first().selectOption('31');
      await followUps.getByLabel('Måned').first().selectOption({ label: 'april' });
      await followUps.getByRole('button', { name: 'Gem datoerne' }).click();
      await expect.poll(() => page.getByTestId('follow-up-errors').innerText()).toContain('april har kun 30 dage');

      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.screenshot({ path: join(screenshots, 'budgetopfoelgning-sammenligning.png'), fullPage: true });
      expect(errors, errors.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
