/**
 * A KPI over all years with data (yearly points), with the global filters, and the strategy's
 * start marked ("Ny strategi 2023") — the long view beside a page's chosen period.
 */
import type { ChartAnnotation, ChartSpec } from '@sol/charts/chart-spec.ts';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { findKpi } from '@sol/domain/kpi-catalogue.ts';
import { useFilterChoices } from './api/get-filter-choices.ts';
import { useKpi } from './api/get-kpi.ts';
import { useStrategy } from './api/get-strategy.ts';
import { rangeParams, useGlobalFilters } from './filters/global-filters.ts';

export function useStrategyAnnotations(): ChartAnnotation[] {
  const strategy = useStrategy();
  const first = strategy.data?.strategy.firstYear;
  return first ? [{ category: String(first), label: `Ny strategi ${first}` }] : [];
}

/** The KPI from 1 January of the first year with data to the default as-of date. */
export function useTrendKpi(kpiId: string, extra: Record<string, string> = {}) {
  const kpi = findKpi(kpiId);
  if (!kpi) throw new Error(`Ukendt nøgletal ${kpiId}`);
  const [filters] = useGlobalFilters();
  const choices = useFilterChoices();
  const first = choices.data?.years[0];
  const to = choices.data?.defaultAsOf;
  const params = first && to ? { ...rangeParams(filters, kpi, `${first}-01-01`, to), ...extra } : null;
  return useKpi(kpiId, params ?? {}, params !== null);
}

/**
 * A yearly series point that ends before 31 December (the year still running) marked "2026*",
 * with the subtitle saying "*2026: til og med 30.11.2026", so a part year's lower total is not
 * read as a fall. (A longer label would crowd out its neighbours on the axis.)
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
