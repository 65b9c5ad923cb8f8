/**
 * Which chart of a KPI answer an export draws, checked against the catalogue before anything is
 * computed, and its ChartSpec made by the same builders the dashboard uses (packages/charts).
 */
import {
  breakdownSpec,
  markPartialYears,
  seriesSpec,
  survivalSpec,
} from '@sol/charts/kpi-chart-specs.ts';
import type { ChartAnnotation, ChartSpec } from '@sol/charts/chart-spec.ts';
import { BREAKDOWNS, type BreakdownId, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import { BadRequestError } from '../schemas/bad-request.ts';
import { ClientError } from '../schemas/client-error.ts';
import type { ChartChoiceKind, KpiChartQueryString } from '../schemas/kpi-export.ts';
import type { KpiResult } from '../schemas/kpi-result.ts';

export interface ChartChoice {
  chart: ChartChoiceKind;
  measureIds: string[];
  kind: 'line' | 'bar';
  title: string | undefined;
}

/** Breakdowns with few, short group names: their bars stand upright; the rest lie sideways. */
const UPRIGHT_BREAKDOWNS: ReadonlySet<BreakdownId> = new Set(['decision', 'operation', 'cohortYear']);

/** The chart asked for, or a Danish 400 saying what is wrong with the request. */
export function chooseChart(kpi: KpiDefinition, query: KpiChartQueryString): ChartChoice {
  const chart = (query.chart as ChartChoiceKind | undefined) ?? (query.by ? 'breakdown' : 'series');
  if (chart === 'survival' && kpi.id !== 'temporary-stays') {
    throw new BadRequestError('chart=survival (overlevelseskurven) findes kun for temporary-stays');
  }
  if (chart === 'breakdown' && !query.by) {
    throw new BadRequestError(`chart=breakdown kræver by, fx by=${kpi.breakdowns[0] ?? 'targetGroup'}`);
  }
  const measureIds = query.measures ? [...new Set(query.measures.split(','))] : [kpi.headline];
  const measures = measureIds.map((id) => {
    const measure = kpi.measures.find((candidate) => candidate.id === id);
    if (!measure) {
      throw new BadRequestError(`Målet ${id} findes ikke i ${kpi.title}. Mulige mål: ${kpi.measures.map((m) => m.id).join(', ')}`);
    }
    return measure;
  });
  if (new Set(measures.map((measure) => measure.unit)).size > 1) {
    throw new BadRequestError('Målene i ét diagram skal have samme enhed (diagrammet har én værdiakse)');
  }
  if (chart === 'series' && query.by && measureIds.length > 1) {
    throw new BadRequestError(`En udvikling opdelt på ${BREAKDOWNS[query.by as BreakdownId].toLowerCase()} viser ét mål ad gangen`);
  }
  const amounts = measures[0]?.unit === 'kr';
  const kind = query.kind ?? (chart === 'breakdown' || amounts ? 'bar' : 'line');
  return { chart, measureIds, kind, title: query.title };
}

/**
 * The ChartSpec of the chosen chart for a KPI answer. `annotations` (the strategy's start) mark a
 * series over years, as on the dashboard; they do not apply to breakdowns or the survival curve.
 */
export function kpiChartSpec(result: KpiResult, choice: ChartChoice, filterText: string, annotations: ChartAnnotation[] = []): ChartSpec {
  // Several measures in one chart are named by the KPI (as the dashboard's series charts are).
  const title = choice.title ?? (choice.measureIds.length > 1 ? result.kpi.title : undefined);
  const options = { filterText, kind: choice.kind, ...(title ? { title } : {}) };
  switch (choice.chart) {
    case 'series': {
      // Only yearly points carry a year to mark (monthly points have no category "2023").
      const yearly = result.series.every((point) => /^\d{4}$/.test(point.key));
      // Yearly points of a year still running are marked "2026*", as on the dashboard.
      return markPartialYears(seriesSpec(result, choice.measureIds, { ...options, annotations: yearly ? annotations : [] }), result.series);
    }
    case 'breakdown': {
      const spec = breakdownSpec(result, choice.measureIds, options);
      const upright = UPRIGHT_BREAKDOWNS.has(result.query.by as BreakdownId) || choice.kind === 'line';
      return { ...spec, categoryTitle: BREAKDOWNS[result.query.by as BreakdownId] ?? spec.categoryTitle, horizontal: !upright };
    }
    case 'survival': {
      const spec = survivalSpec(result, choice.title ? { filterText, title: choice.title } : { filterText });
      // The curve rests on the stays of the whole selection; with fewer than the threshold it is withheld.
      if (!spec) {
        throw new ClientError(404, `Overlevelseskurven vises ikke for dette udvalg: den bygger på færre end ${result.suppressionThreshold} ophold`);
      }
      return spec;
    }
  }
}
