/**
 * One KPI email, composed from the same answers, chart specs and renderer as the dashboard and the
 * exports: each KPI's headline for the running year to the as-of date, its change since this
 * schedule's previous email and whether that is the way the strategy wants, and the KPI's long
 * trend as an inline PNG. Every value comes through answerKpiRequest, so suppression applies.
 */
import { strategyStartAnnotations } from '@sol/charts/kpi-chart-specs.ts';
import type { ChartSpec } from '@sol/charts/chart-spec.ts';
import { formatIsoDate, formatMeasureValue } from '@sol/domain/format-danish.ts';
import { findKpi, findMeasure, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import { assessChange, formatDifference, type Assessment } from '@sol/domain/kpi-sentences.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { filterText } from '../exports/describe-query.ts';
import type { ChartImageOptions } from '../exports/chart-image.tsx';
import { kpiExportTable } from '../exports/export-table.ts';
import { chooseChart, kpiChartSpec } from '../exports/kpi-chart.ts';
import { writeXlsxWorkbook } from '../exports/write-xlsx.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import { getStrategy } from '../repositories/get-strategy.ts';
import type { KpiResult } from '../schemas/kpi-result.ts';
import { answerKpiRequest, requireSnapshot } from '../snapshots/snapshots.ts';
import { assertChartDrawn } from './chart-check.ts';
import { formatDanishDate, formatRunTime } from './cron-schedule.ts';
import { renderEmailHtml, renderEmailText, type EmailChart, type EmailContent, type EmailRow } from './email-html.ts';

export interface ChartImages {
  svg(spec: ChartSpec, options?: ChartImageOptions): Promise<string>;
  png(spec: ChartSpec, options?: ChartImageOptions): Promise<Buffer>;
}

export interface EmailEnvironment {
  db: Kysely<Tables>;
  context: KpiContext;
  charts: ChartImages;
  /** The dashboard's address in links (PUBLIC_URL). */
  publicUrl: string;
  /** Called when a standard answer is missing from the result store (starts the precompute). */
  onStoreMiss: () => void;
}

/** What one email showed of each KPI: the next email's "since the previous email". */
export type EmailValues = Record<string, { measureId: string; value: number | null }>;

export interface EmailOrder {
  scheduleName: string;
  kpiIds: readonly string[];
  attachXlsx: boolean;
  kind: 'scheduled' | 'test' | 'alert';
  /** The slot the email belongs to (a test's or alert's: when it was ordered). */
  slotAt: Date;
  late: boolean;
  previousValues: EmailValues | null;
  /** Numbers from a frozen snapshot instead of live data. */
  snapshotId?: number | undefined;
  /** The crossed threshold, in words, for an alert email. */
  alertText?: string | undefined;
  /** cid: attachments for sending; data: URIs for the preview in the browser. */
  images: 'cid' | 'data-uri';
}

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  cid?: string;
}

export interface ComposedEmail {
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
  values: EmailValues;
}

/** Email charts fit the 640 px message with its margins; the PNG is drawn at 2× for sharp screens. */
const CHART_WIDTH = 600;

const ASSESSMENTS: Record<Assessment, EmailRow['assessment']> = {
  better: { symbol: '✔', text: 'Den vej, strategien ønsker', colour: '#2e7d32' },
  worse: { symbol: '✖', text: 'Modsat det, strategien ønsker', colour: '#a1141c' },
  unchanged: { symbol: '=', text: 'Uændret', colour: '#555555' },
  neutral: { symbol: '•', text: 'Ingen ønsket retning', colour: '#555555' },
  unknown: { symbol: '–', text: 'Kan ikke vurderes endnu', colour: '#555555' },
};

function kpiOf(id: string): KpiDefinition {
  const kpi = findKpi(id);
  if (!kpi) throw new Error(`Ukendt nøgletal ${id} i udsendelsen`);
  return kpi;
}

function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*\bwidth="(\d+(?:\.\d+)?)"[^>]*\bheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return { width: Number(match?.[1] ?? CHART_WIDTH), height: Number(match?.[2] ?? 360) };
}

/** "lige nu" for a test, "7. december 2026" for the rest. */
function subjectOf(order: EmailOrder, slotDate: string): string {
  switch (order.kind) {
    case 'test':
      return `[Test] ${order.scheduleName} – ${slotDate}`;
    case 'alert':
      return `Tærskel krydset: ${order.alertText ?? order.scheduleName} – ${slotDate}`;
    case 'scheduled':
      return `${order.scheduleName} – ${slotDate}${order.late ? ' (sendt for sent)' : ''}`;
  }
}

export async function composeEmail(environment: EmailEnvironment, order: EmailOrder): Promise<ComposedEmail> {
  const { db, context } = environment;
  // A snapshot answers at its own as-of date.
  const asOf = order.snapshotId !== undefined ? (await requireSnapshot(db, order.snapshotId)).asOf : context.defaultAsOf;
  const earliest = context.earliestDate;
  if (!asOf || !earliest) throw new Error('Der er ingen data endnu; mailen kan ikke laves');
  const snapshot = order.snapshotId !== undefined ? { snapshot: order.snapshotId } : {};
  const strategy = await getStrategy(db);
  const annotations = strategyStartAnnotations(strategy?.firstYear);
  const answer = (kpi: KpiDefinition, query: Parameters<typeof answerKpiRequest>[2]): Promise<KpiResult> =>
    answerKpiRequest(db, kpi, { ...query, ...snapshot }, context, environment.onStoreMiss);

  const rows: EmailRow[] = [];
  const charts: EmailChart[] = [];
  const chartNotes: string[] = [];
  const attachments: EmailAttachment[] = [];
  const sheets: { name: string; table: ReturnType<typeof kpiExportTable> }[] = [];
  const values: EmailValues = {};
  let valueHeading = '';
  let shownAsOf = asOf;

  for (const id of order.kpiIds) {
    const kpi = kpiOf(id);
    const measure = findMeasure(kpi, kpi.headline);
    if (!measure) throw new Error(`Nøgletallet ${kpi.id} har ikke hovedmålet ${kpi.headline}`);
    const year = await answer(kpi, { year: Number(asOf.slice(0, 4)) });
    shownAsOf = year.period.to;
    valueHeading = year.period.label;
    const total = year.rows.find((row) => row.group === null);
    const value = total?.values[measure.id] ?? null;
    const suppressed = total?.suppressed[measure.id] ?? null;
    values[kpi.id] = { measureId: measure.id, value };

    const previous = order.previousValues?.[kpi.id];
    const previousValue = previous && previous.measureId === measure.id ? previous.value : null;
    const assessment = assessChange({ value, previous: previousValue, direction: measure.direction ?? null });
    const change =
      value === null || previousValue === null
        ? order.previousValues === null
          ? 'Første mail'
          : '–'
        : assessment === 'unchanged' && value === previousValue
          ? 'Uændret'
          : `${value >= previousValue ? '+' : '−'}${formatDifference(value - previousValue, measure.unit, measure.decimals)}`;
    rows.push({
      title: kpi.title,
      measureTitle: measure.title,
      value: value === null ? (suppressed ?? '–') : formatMeasureValue(value, measure.unit, measure.decimals),
      change,
      assessment: ASSESSMENTS[assessment],
    });
    if (order.attachXlsx) sheets.push({ name: kpi.title, table: kpiExportTable(year, filterText(year.query, context)) });

    // The long trend, yearly from the first data to the as-of date, as on Overblik.
    const trend = await answer(kpi, { from: `${earliest.slice(0, 4)}-01-01`, to: shownAsOf });
    const spec = kpiChartSpec(trend, chooseChart(kpi, {}), filterText(trend.query, context), annotations);
    const sourceNote = trend.snapshot ? `Øjebliksbillede: ${trend.snapshot.name}` : undefined;
    const options: ChartImageOptions = { width: CHART_WIDTH, ...(sourceNote ? { sourceNote } : {}) };
    if (!spec.series.some((series) => series.values.some((point) => point !== null))) {
      chartNotes.push(`${kpi.title}: ingen graf, fordi alle tal i udviklingen er diskretioneret (færre end ${context.suppressionThreshold}).`);
      continue;
    }
    const [svg, png] = await Promise.all([environment.charts.svg(spec, options), environment.charts.png(spec, options)]);
    assertChartDrawn(spec, svg, png);
    const cid = `graf-${kpi.id}@socialomraadet`;
    const { width, height } = svgSize(svg);
    // The PNG is drawn at 2×; shown at the SVG's size it stays sharp.
    const shownWidth = Math.min(width, CHART_WIDTH);
    charts.push({
      title: kpi.title,
      src: order.images === 'cid' ? `cid:${cid}` : `data:image/png;base64,${png.toString('base64')}`,
      alt: `${spec.title}: ${spec.subtitle}`,
      width: shownWidth,
      height: Math.round((height * shownWidth) / width),
    });
    if (order.images === 'cid') attachments.push({ filename: `${kpi.id}.png`, content: png, contentType: 'image/png', cid });
  }

  const slotDate = formatDanishDate(order.slotAt);
  const notices: string[] = [];
  if (order.kind === 'test') notices.push('Dette er en testmail. Den tæller ikke som udsendelsens seneste mail.');
  if (order.alertText) notices.push(`Tærsklen er krydset: ${order.alertText}.`);
  if (order.late) {
    notices.push(
      `Mailen skulle være sendt ${formatRunTime(order.slotAt)}, men programmet kørte ikke på det tidspunkt. Den sendes derfor for sent, med tallene som de er nu.`,
    );
  }
  const frozen = order.snapshotId !== undefined ? ' Tallene er fra et frosset øjebliksbillede og ændrer sig ikke.' : '';
  const content: EmailContent = {
    heading: order.scheduleName,
    lead: `Nøgletal pr. ${formatIsoDate(shownAsOf)} (dataversion ${context.dataVersion}).${frozen}`,
    notices,
    rows,
    valueHeading,
    charts,
    chartNotes,
    dashboardUrl: `${environment.publicUrl.replace(/\/$/, '')}/${order.snapshotId !== undefined ? `?snapshot=${order.snapshotId}` : ''}`,
    footer: [
      `Tal under ${context.suppressionThreshold} vises som "<${context.suppressionThreshold}", og tal, der ville afsløre dem, som "–" (diskretion).`,
      '"Siden sidste mail" sammenligner med udsendelsens seneste sendte mail; "Retning" siger, om ændringen går den vej, strategien ønsker.',
      `Du får denne mail, fordi du står på udsendelsen "${order.scheduleName}". Den rettes under Udsendelser i dashboardet.`,
    ],
  };
  if (sheets.length > 0) {
    attachments.push({
      filename: `noegletal-${order.slotAt.toISOString().slice(0, 10)}.xlsx`,
      content: await writeXlsxWorkbook(sheets),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  }
  return { subject: subjectOf(order, slotDate), html: renderEmailHtml(content), text: renderEmailText(content), attachments, values };
}

