/**
 * What a chart shows, independent of where it is drawn: the same spec renders on screen, as the
 * "Vis som tabel" table, and (server side) as PNG/SVG for exports and email. Builders in
 * kpi-chart-specs.ts make specs from KPI answers, so every surface draws the same numbers.
 */
import type { Unit } from '@sol/domain/kpi-catalogue.ts';

export type ChartKind = 'line' | 'bar' | 'step';

export interface ChartSeries {
  key: string;
  name: string;
  /** One value per category; null where there is no value or it is withheld. */
  values: (number | null)[];
  /** One entry per category: the suppression reason where the value is withheld, else null. */
  suppressed: (string | null)[];
  /**
   * Optional, one entry per category: words shown in place of a missing value that is not withheld
   * but has no number by definition ("Ikke nået": a median the survival curve never reaches).
   */
  notes?: (string | null)[];
}

export interface ChartAnnotation {
  /** The category (x label) the annotation marks. */
  category: string;
  label: string;
}

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  /** Filters, period and price basis in words. */
  subtitle: string;
  /** The x-axis labels (periods, groups or days). */
  categories: string[];
  /** Machine keys of the categories (series point keys or group codes), for drilling. */
  categoryKeys: (string | null)[];
  /** The x-axis title. */
  categoryTitle: string;
  series: ChartSeries[];
  unit: Unit;
  decimals: number;
  annotations: ChartAnnotation[];
  /** "Kilde: … · data pr. dd.mm.yyyy" */
  source: string;
  suppressionThreshold: number;
  /**
   * Bars drawn sideways, categories down the left: for long category names (chart-of-accounts
   * functions, paragraphs, providers), which an x-axis would have to drop or cut.
   */
  horizontal?: boolean;
}

/**
 * Series colours: each has at least 3:1 contrast against white (WCAG 1.4.11), and lines also
 * differ by dash pattern and bars by the legend's order, so no information rests on colour alone.
 */
export const SERIES_COLOURS = ['#0b5cad', '#b34700', '#2e7d32', '#6a1b9a', '#a1141c', '#00695c', '#4a4a4a'] as const;
export const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2', '10 4'] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] as string;
}

export function seriesDash(index: number): string {
  return SERIES_DASHES[index % SERIES_DASHES.length] as string;
}

/** True when the spec has at least one value to draw. */
export function hasValues(spec: ChartSpec): boolean {
  return spec.series.some((series) => series.values.some((value) => value !== null));
}
