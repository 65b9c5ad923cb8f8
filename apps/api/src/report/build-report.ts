/**
 * Afrapportering 2026 as one document model: everything the council reads, already in Danish
 * words and with the chart images drawn, so the Word and the PDF writer only lay it out and the
 * two files say exactly the same. The numbers come from getStrategyProgress, the strategy page's
 * own answer, which goes through the one suppression path.
 */
import { strategyIndicatorSpec } from '@sol/charts/kpi-chart-specs.ts';
import { formatDecimal, formatIsoDate, formatMeasureValue } from '@sol/domain/format-danish.ts';
import { directionText, indicatorFilterText, indicatorValueText } from '@sol/domain/indicator-text.ts';
import type { Unit } from '@sol/domain/kpi-catalogue.ts';
import { suppressionExplanation, suppressionMarker } from '@sol/domain/suppression-text.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import type { ChartImageOptions } from '../exports/chart-image.tsx';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { todayInDenmark } from '../exports/export-table.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import { getStrategyProgress, type IndicatorProgress } from '../strategy/get-strategy-progress.ts';
import { STATUS_LABELS, type IndicatorStatus } from '../strategy/indicator-status.ts';

/** A chart as PNG with the size it is meant to be shown at (CSS px; the PNG has twice as many). */
export interface ReportImage {
  png: Buffer;
  width: number;
  height: number;
}

export interface ReportIndicator {
  indicatorId: string;
  /** The strategy's own words. */
  wording: string;
  /** Label and text pairs: how it is measured, the wanted direction, the target. */
  facts: [string, string][];
  sentence: string;
  status: IndicatorStatus;
  statusLabel: string;
  chart: ReportImage;
  /** Years across, values below: withheld values as "<5" or "–". */
  table: { years: string[]; values: string[] };
  /** Why a value is missing or marked, one sentence each. */
  notes: string[];
}

export interface ReportModel {
  /** "Afrapportering 2026": the heading and the file name. */
  title: string;
  strategyTitle: string;
  municipality: string;
  /** Label and value pairs on the title page. */
  facts: [string, string][];
  intro: string[];
  /** Every indicator's status in one table, theme by theme. */
  overview: { theme: string; wording: string; statusLabel: string }[];
  themes: { heading: string; indicators: ReportIndicator[] }[];
}

export interface ChartPainter {
  png(spec: ChartSpec, options?: ChartImageOptions): Promise<Buffer>;
}

/** Wide enough for an A4 text column at full resolution; short enough for chart and table on one page. */
const CHART_WIDTH = 640;
const CHART_HEIGHT = 220;

/** Width and height of a PNG from its header (IHDR), halved to CSS px: the renderer draws at 2×. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16) / 2, height: png.readUInt32BE(20) / 2 };
}

async function reportIndicator(
  indicator: IndicatorProgress,
  lastYear: number,
  asOf: string | null,
  threshold: number,
  painter: ChartPainter,
): Promise<ReportIndicator> {
  const unit = indicator.measure.unit as Unit;
  const decimals = indicator.measure.decimals;
  const filter = indicatorFilterText(indicator.filter);
  const last = indicator.values.at(-1)?.year;
  // The same chart as the strategy page's (IndicatorCard), so the report shows the same picture.
  const spec = strategyIndicatorSpec(indicator, asOf, threshold);
  const png = await painter.png(spec, { width: CHART_WIDTH, chartHeight: CHART_HEIGHT });

  const years: string[] = [];
  const values: string[] = [];
  const notes: string[] = [];
  for (const point of indicator.values) {
    const partial = !point.asOf.endsWith('-12-31');
    years.push(partial ? `${point.year}*` : String(point.year));
    values.push(indicatorValueText(point, unit, decimals, threshold));
    if (partial) notes.push(`*${point.year}: til og med ${formatIsoDate(point.asOf)}.`);
  }
  // The strategy runs to its last year even where the data does not yet.
  for (let year = (last ?? indicator.baselineYear - 1) + 1; year <= lastYear; year += 1) {
    years.push(String(year));
    values.push('ikke opgjort');
  }
  const reasons = [...new Set(indicator.values.flatMap((point) => (point.suppressed ? [point.suppressed] : [])))];
  for (const reason of reasons) notes.push(`${suppressionMarker(reason, threshold)}: ${suppressionExplanation(reason, threshold)}`);

  return {
    indicatorId: indicator.indicatorId,
    wording: indicator.wording,
    facts: [
      ['Måles som', `${indicator.measure.title}${filter ? ` (${filter})` : ''} · ${indicator.kpiTitle}`],
      ['Ønsket retning', directionText(indicator.direction)],
      ['Basisår', String(indicator.baselineYear)],
      ['Mål', indicator.targetValue === null ? 'Strategien sætter ikke et måltal' : formatMeasureValue(indicator.targetValue, unit, decimals)],
    ],
    sentence: indicator.sentence,
    status: indicator.status,
    statusLabel: STATUS_LABELS[indicator.status],
    chart: { png, ...pngSize(png) },
    table: { years, values },
    notes,
  };
}

export async function buildReport(
  db: Kysely<Tables>,
  context: KpiContext,
  painter: ChartPainter,
  options: { strategyId?: string; asOf?: string; onStoreMiss?: () => void; today?: string },
): Promise<ReportModel> {
  const progress = await getStrategyProgress(db, context, options);
  const { strategy, asOf, suppressionThreshold: threshold } = progress;
  const themes: ReportModel['themes'] = [];
  for (const theme of progress.themes) {
    const indicators: ReportIndicator[] = [];
    // One at a time: the renderer draws in one worker anyway, and the order keeps the report stable.
    for (const indicator of theme.indicators) indicators.push(await reportIndicator(indicator, strategy.lastYear, asOf, threshold, painter));
    themes.push({ heading: `Tema ${theme.themeNo}: ${theme.title}`, indicators });
  }
  const all = themes.flatMap((theme) => theme.indicators);
  const counts = (['improved', 'unchanged', 'worse', 'unknown'] as const)
    .map((status) => ({ status, count: all.filter((indicator) => indicator.status === status).length }))
    .filter(({ count }) => count > 0)
    .map(({ status, count }) => `${count} ${STATUS_LABELS[status].toLowerCase()}`);
  const toleranceText = [...new Set(progress.themes.flatMap((theme) => theme.indicators.map((indicator) => formatDecimal(indicator.tolerance * 100, 0))))];

  return {
    title: `Afrapportering ${strategy.lastYear}`,
    strategyTitle: strategy.title,
    municipality: strategy.municipality,
    facts: [
      ['Kommune', strategy.municipality],
      ['Strategiperiode', `${strategy.firstYear}–${strategy.lastYear}`],
      ['Basisår', String(strategy.baselineYear)],
      ['Data pr.', asOf ? formatIsoDate(asOf) : 'ingen data'],
      ['Dataversion', String(progress.dataVersion)],
      ['Dannet', formatIsoDate(options.today ?? todayInDenmark())],
    ],
    intro: [
      `Afrapporteringen viser, hvordan det går med målene i ${strategy.title}. For hver indikator står strategiens egne ord, ` +
        `en sætning om udviklingen fra basisåret ${strategy.baselineYear} til det seneste år med tal, en graf, tallene år for år og en status.`,
      `Status for de ${all.length} indikatorer: ${counts.join(', ')}.`,
      `Status sammenligner det seneste år med et tal med basisåret. «Uændret» betyder, at ændringen er mindre end ` +
        `${toleranceText.length === 1 ? `${toleranceText[0]} %` : 'indikatorens tolerance i procent'} af basisårets værdi, ` +
        'og «kan ikke vurderes», at et af tallene mangler eller er skjult.',
      `Tal for færre end ${threshold} borgere eller sager vises ikke, så ingen kan genkendes: de står som «<${threshold}», ` +
        'og tal, der ellers kunne regnes ud, står som «–».',
    ],
    // The theme only on its first row: repeated on every row it drowns the indicators.
    overview: themes.flatMap((theme) =>
      theme.indicators.map((indicator, index) => ({ theme: index === 0 ? theme.heading : '', wording: indicator.wording, statusLabel: indicator.statusLabel })),
    ),
    themes,
  };
}
