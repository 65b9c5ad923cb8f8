/**
 * A KPI over all years with data (yearly points), with the global filters, and the strategy's
 * start marked ("Ny strategi 2023") — the long view beside a page's chosen period.
 */
import type { ChartAnnotation } from '@sol/charts/chart-spec.ts';
import { strategyStartAnnotations } from '@sol/charts/kpi-chart-specs.ts';
import { findKpi } from '@sol/domain/kpi-catalogue.ts';
import { useFilterChoices } from './api/get-filter-choices.ts';
import { useKpi, type KpiParams } from './api/get-kpi.ts';
import { useStrategy } from './api/get-strategy.ts';
import { useActiveSnapshot } from './filters/active-snapshot.ts';
import { rangeParams, useGlobalFilters } from './filters/global-filters.ts';

export function useStrategyAnnotations(): ChartAnnotation[] {
  const [filters] = useGlobalFilters();
  const strategy = useStrategy(filters.snapshot);
  return strategyStartAnnotations(strategy.data?.strategy.firstYear);
}

/**
 * The KPI from 1 January of the first year with data to the default as-of date — a snapshot's
 * own as-of date when one is chosen, the span it froze — with the request's parameters (null
 * until the years and dates are known) for the panels' downloads.
 */
export function useTrendKpi(kpiId: string, extra: Record<string, string> = {}): { result: ReturnType<typeof useKpi>; params: KpiParams | null } {
  const kpi = findKpi(kpiId);
  if (!kpi) throw new Error(`Ukendt nøgletal ${kpiId}`);
  const [filters] = useGlobalFilters();
  const choices = useFilterChoices();
  const active = useActiveSnapshot();
  const first = choices.data?.years[0];
  // An unknown snapshot still asks (with today's date), so the API's 404 is what the panel says.
  const to = active.state === 'found' ? active.snapshot.asOf : active.state === 'pending' ? undefined : choices.data?.defaultAsOf;
  const params = first && to ? { ...rangeParams(filters, kpi, `${first}-01-01`, to), ...extra } : null;
  const result = useKpi(kpiId, params ?? {}, params !== null);
  return { result, params };
}
