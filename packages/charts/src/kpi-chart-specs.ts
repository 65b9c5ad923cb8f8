/**
 * ChartSpecs from KPI answers (GET /api/kpis/:id): a measure over the period's series, a measure
 * per breakdown group, and the Kaplan–Meier curve. The dashboard, the exports and the email all
 * build their charts here, so a chart shows the same numbers wherever it appears.
 */
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { indicatorFilterText } from '@sol/domain/indicator-text.ts';
import { findKpi, type Unit } from '@sol/domain/kpi-catalogue.ts';
import type { ChartAnnotation, ChartKind, ChartSeries, ChartSpec } from './chart-spec.ts';

/** The parts of a KPI answer a chart needs (structurally the API's KpiResult). */
export interface KpiRowLike {
  group: string | null;
  label: string;
  values: Record<string, number | null>;
  suppressed: Record<string, string>;
  /** Measures with no value because a median is not reached (the API's `notReached`). */
  notReached?: string[];
}

export interface KpiResultLike {
  kpi: { title: string; source: string; measures: { id: string; title: string; unit: string; decimals: number }[] };
  period: { label: string; asOf: string };
  query: { prices: { kind: string; baseYear: number | null } };
  suppressionThreshold: number;
  rows: KpiRowLike[];
  series: { key: string; label: string; rows: KpiRowLike[] }[];
  survivalCurve: { stays: number; points: { day: number; survival: number }[] } | null;
}

/**
 * The active strategy's start as a mark on a yearly chart ("Ny strategi 2023"): the dashboard and
 * the chart exports draw the same line.
 */
export function strategyStartAnnotations(firstYear: number | null | undefined): ChartAnnotation[] {
  return firstYear ? [{ category: String(firstYear), label: `Ny strategi ${firstYear}` }] : [];
}

export interface SpecOptions {
  /** Filters in words, e.g. "Målgruppe: Udviklingshæmning"; empty for none. */
  filterText?: string;
  annotations?: ChartAnnotation[];
  kind?: ChartKind;
  title?: string;
}

function measureOf(result: KpiResultLike, measureId: string): { title: string; unit: Unit; decimals: number } {
  const measure = result.kpi.measures.find((candidate) => candidate.id === measureId);
  if (!measure) throw new Error(`Målet ${measureId} findes ikke i ${result.kpi.title}`);
  return { title: measure.title, unit: measure.unit as Unit, decimals: measure.decimals };
}

/** "Kilde: … · data pr. 31.10.2026" */
export function sourceLine(result: KpiResultLike): string {
  return `${result.kpi.source} · data pr. ${formatIsoDate(result.period.asOf)}`;
}

/** Period, filters and price basis in one line. */
export function subtitleOf(result: KpiResultLike, filterText = ''): string {
  const parts = [result.period.label];
  if (filterText) parts.push(filterText);
  if (result.query.prices.kind === 'fixed' && result.query.prices.baseYear !== null) parts.push(`faste ${result.query.prices.baseYear}-priser`);
  return parts.join(' · ');
}

/** Written in place of a median that is not reached, on every surface that draws the spec. */
export const NOT_REACHED_TEXT = 'Ikke nået';

interface Cell {
  value: number | null;
  suppressed: string | null;
  note: string | null;
}

function valueOf(row: KpiRowLike | undefined, measureId: string): Cell {
  if (!row) return { value: null, suppressed: null, note: null };
  const suppressed = row.suppressed[measureId] ?? null;
  const value = suppressed ? null : (row.values[measureId] ?? null);
  const note = value === null && !suppressed && row.notReached?.includes(measureId) ? NOT_REACHED_TEXT : null;
  return { value, suppressed, note };
}

/** A series from its cells; `notes` only where a cell has one, so specs without stay as they were. */
function toSeries(key: string, name: string, cells: Cell[]): ChartSeries {
  const series: ChartSeries = { key, name, values: cells.map((c) => c.value), suppressed: cells.map((c) => c.suppressed) };
  if (cells.some((c) => c.note !== null)) series.notes = cells.map((c) => c.note);
  return series;
}

/**
 * One or more measures of the total row (or of each group when the answer is broken down) over
 * the series points. With a breakdown, each group is a series of the first measure.
 */
export function seriesSpec(result: KpiResultLike, measureIds: string[], options: SpecOptions = {}): ChartSpec {
  const first = measureOf(result, measureIds[0] as string);
  const broken = result.rows.some((row) => row.group !== null);
  let series: ChartSeries[];
  if (broken) {
    const groups = result.rows.filter((row) => row.group !== null);
    series = groups.map((group) => {
      const cells = result.series.map((point) => valueOf(point.rows.find((row) => row.group === group.group), measureIds[0] as string));
      return toSeries(`g_${group.group}`, group.label, cells);
    });
  } else {
    series = measureIds.map((measureId) => {
      const cells = result.series.map((point) => valueOf(point.rows.find((row) => row.group === null), measureId));
      return toSeries(measureId, measureOf(result, measureId).title, cells);
    });
  }
  return {
    kind: options.kind ?? 'line',
    title: options.title ?? (measureIds.length === 1 || broken ? first.title : result.kpi.title),
    subtitle: subtitleOf(result, options.filterText),
    categories: result.series.map((point) => point.label),
    categoryKeys: result.series.map((point) => point.key),
    categoryTitle: 'Periode',
    series,
    unit: first.unit,
    decimals: first.decimals,
    annotations: options.annotations ?? [],
    source: sourceLine(result),
    suppressionThreshold: result.suppressionThreshold,
  };
}

/** Measures per breakdown group for the period itself (a bar per group, "I alt" left out). */
export function breakdownSpec(result: KpiResultLike, measureIds: string[], options: SpecOptions = {}): ChartSpec {
  const first = measureOf(result, measureIds[0] as string);
  const groups = result.rows.filter((row) => row.group !== null);
  return {
    kind: options.kind ?? 'bar',
    title: options.title ?? first.title,
    subtitle: subtitleOf(result, options.filterText),
    categories: groups.map((row) => row.label),
    categoryKeys: groups.map((row) => row.group),
    categoryTitle: 'Gruppe',
    series: measureIds.map((measureId) => {
      const cells = groups.map((row) => valueOf(row, measureId));
      return toSeries(measureId, measureOf(result, measureId).title, cells);
    }),
    unit: first.unit,
    decimals: first.decimals,
    annotations: options.annotations ?? [],
    source: sourceLine(result),
    suppressionThreshold: result.suppressionThreshold,
  };
}

/** The Kaplan–Meier curve: share of stays still running by day; null when it is withheld. */
export function survivalSpec(result: KpiResultLike, options: SpecOptions = {}): ChartSpec | null {
  const curve = result.survivalCurve;
  if (!curve) return null;
  return {
    kind: 'step',
    title: options.title ?? 'Andel af ophold der stadig løber (Kaplan–Meier)',
    subtitle: `${subtitleOf(result, options.filterText)} · ${curve.stays} ophold`,
    categories: curve.points.map((point) => String(point.day)),
    categoryKeys: curve.points.map(() => null),
    categoryTitle: 'Dage siden start',
    series: [{ key: 'survival', name: 'Andel der stadig løber', values: curve.points.map((p) => p.survival), suppressed: curve.points.map(() => null) }],
    unit: 'procent',
    decimals: 1,
    annotations: options.annotations ?? [],
    source: sourceLine(result),
    suppressionThreshold: result.suppressionThreshold,
  };
}

/**
 * A yearly series point that ends before 31 December (the year still running) marked "2026*",
 * with the subtitle saying "*2026: til og med 30.11.2026", so a part year's lower total is not
 * read as a fall. (A longer label would crowd out its neighbours on the axis.) Shared by the
 * dashboard's trend charts and the server's chart exports.
 */
export function markPartialYears(spec: ChartSpec, series: readonly { key: string; to: string }[]): ChartSpec {
  const relabelled = new Map<string, string>();
  const notes: string[] = [];
  const categories = spec.categories.map((category, index) => {
    const point = series[index];
    if (!point || !/^\d{4}$/.test(point.key) || point.to.endsWith('-12-31')) return category;
    const label = `${category}*`;
    relabelled.set(category, label);
    notes.push(`*${category}: til og med ${formatIsoDate(point.to)}`);
    return label;
  });
  if (notes.length === 0) return spec;
  const annotations = spec.annotations.map((annotation) => ({ ...annotation, category: relabelled.get(annotation.category) ?? annotation.category }));
  return { ...spec, categories, annotations, subtitle: [spec.subtitle, ...notes].filter(Boolean).join(' · ') };
}

/** The parts of a strategy indicator (GET /api/strategy) its chart needs. */
export interface IndicatorLike {
  measure: { title: string; unit: string; decimals: number };
  baselineYear: number;
  targetValue: number | null;
  values: { year: number; value: number | null; suppressed: string | null; asOf: string }[];
}

export interface IndicatorSpecOptions {
  /** The KPI's source line without the date, e.g. "Kilde: sagssystemet (indsatser)". */
  source: string;
  /** The strategy answer's as-of date (ISO). */
  asOf: string | null;
  suppressionThreshold: number;
  /** Period, filter and price basis in words; defaults to the years shown. */
  subtitle?: string;
  kind?: ChartKind;
}

/**
 * A strategy indicator's yearly values from its baseline year, with the baseline marked and the
 * target (when the strategy sets one) as a flat second series. A year still running is marked
 * "2026*" and the subtitle gives its as-of date, so a part year is not read as a whole one.
 */
export function indicatorSpec(indicator: IndicatorLike, options: IndicatorSpecOptions): ChartSpec {
  const partial = indicator.values.filter((point) => !point.asOf.endsWith('-12-31'));
  const categories = indicator.values.map((point) => (partial.includes(point) ? `${point.year}*` : String(point.year)));
  const series: ChartSeries[] = [
    {
      key: 'value',
      name: indicator.measure.title,
      values: indicator.values.map((point) => (point.suppressed ? null : point.value)),
      suppressed: indicator.values.map((point) => point.suppressed),
    },
  ];
  if (indicator.targetValue !== null) {
    series.push({
      key: 'target',
      name: 'Mål',
      values: indicator.values.map(() => indicator.targetValue),
      suppressed: indicator.values.map(() => null),
    });
  }
  const first = indicator.values[0]?.year;
  const last = indicator.values.at(-1)?.year;
  const years = first !== undefined && last !== undefined ? `${first}–${last}` : '';
  const subtitle = [options.subtitle ?? years, ...partial.map((point) => `*${point.year}: til og med ${formatIsoDate(point.asOf)}`)]
    .filter(Boolean)
    .join(' · ');
  const baseline = indicator.values.findIndex((point) => point.year === indicator.baselineYear);
  return {
    kind: options.kind ?? 'line',
    title: indicator.measure.title,
    subtitle,
    categories,
    categoryKeys: indicator.values.map((point) => String(point.year)),
    categoryTitle: 'År',
    series,
    unit: indicator.measure.unit as Unit,
    decimals: indicator.measure.decimals,
    annotations: baseline >= 0 ? [{ category: categories[baseline] as string, label: 'Basisår' }] : [],
    source: options.asOf ? `${options.source} · data pr. ${formatIsoDate(options.asOf)}` : options.source,
    suppressionThreshold: options.suppressionThreshold,
  };
}

/** A strategy indicator as GET /api/strategy gives it, with what names its KPI and filter. */
export interface StrategyIndicatorLike extends IndicatorLike {
  kpiId: string;
  kpiTitle: string;
  filter: Record<string, unknown>;
}

/**
 * The chart of a strategy indicator as the strategy page shows it: its KPI's source line, and the
 * years and the indicator's own filter as subtitle. The report draws the same, so the council sees
 * one picture on screen and on paper.
 */
export function strategyIndicatorSpec(indicator: StrategyIndicatorLike, asOf: string | null, suppressionThreshold: number): ChartSpec {
  const first = indicator.values[0]?.year;
  const last = indicator.values.at(-1)?.year;
  return indicatorSpec(indicator, {
    source: findKpi(indicator.kpiId)?.source ?? `Kilde: ${indicator.kpiTitle}`,
    asOf,
    suppressionThreshold,
    subtitle: [first !== undefined && last !== undefined ? `${first}–${last}` : '', indicatorFilterText(indicator.filter)].filter(Boolean).join(' · '),
  });
}
