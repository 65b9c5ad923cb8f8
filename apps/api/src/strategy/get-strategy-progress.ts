/**
 * The strategy page and the 2026 report: every indicator of the strategy with its yearly values
 * from the baseline year to the strategy's last year (as far as the data goes), a status and a
 * sentence. Values come through getKpiResult, so they are suppressed like every other figure.
 */
import { findKpi, findMeasure } from '@sol/domain/kpi-catalogue.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { getKpiResult } from '../kpis/get-kpi-result.ts';
import { isValidIsoDate } from '../kpis/resolve-period.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import { getStrategy, type StrategyIndicatorRow } from '../repositories/get-strategy.ts';
import { BadRequestError } from '../schemas/bad-request.ts';
import type { KpiQueryString } from '../schemas/kpi-query.ts';
import { toMeasureResponse } from '../schemas/kpi-result.ts';
import { assessIndicator, STATUS_LABELS, type IndicatorStatus } from './indicator-status.ts';

export interface IndicatorProgress {
  indicatorId: string;
  wording: string;
  kpiId: string;
  kpiTitle: string;
  measure: ReturnType<typeof toMeasureResponse>;
  filter: Record<string, unknown>;
  direction: 'up' | 'down';
  baselineYear: number;
  targetValue: number | null;
  tolerance: number;
  values: { year: number; value: number | null; suppressed: string | null; asOf: string }[];
  status: IndicatorStatus;
  statusLabel: string;
  sentence: string;
}

/** An asOf that has the date's shape but is no real day (2026-02-30) is a Danish 400. */
export function assertValidAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isValidIsoDate(asOf)) throw new BadRequestError(`asOf=${asOf} er ikke en gyldig dato`);
}

export async function getStrategyProgress(
  db: Kysely<Tables>,
  context: KpiContext,
  options: { strategyId?: string; asOf?: string; onStoreMiss?: () => void },
) {
  const strategy = await getStrategy(db, options.strategyId);
  if (!strategy) {
    throw new BadRequestError(
      options.strategyId ? `Strategien "${options.strategyId}" findes ikke` : 'Der er ikke valgt en strategi i indstillingerne',
    );
  }
  const asOf = options.asOf ?? context.defaultAsOf;
  const indicators: IndicatorProgress[] = [];
  for (const indicator of strategy.indicators) {
    indicators.push(await getIndicatorProgress(db, context, indicator, strategy.lastYear, asOf, options.onStoreMiss));
  }
  return {
    strategy: {
      strategyId: strategy.strategyId,
      municipality: strategy.municipality,
      title: strategy.title,
      firstYear: strategy.firstYear,
      lastYear: strategy.lastYear,
      baselineYear: strategy.baselineYear,
    },
    asOf,
    dataVersion: context.dataVersion,
    suppressionThreshold: context.suppressionThreshold,
    themes: strategy.themes.map((theme) => ({
      ...theme,
      indicators: indicators.filter((_, index) => strategy.indicators[index]?.themeNo === theme.themeNo),
    })),
    snapshot: null,
  };
}

async function getIndicatorProgress(
  db: Kysely<Tables>,
  context: KpiContext,
  indicator: StrategyIndicatorRow,
  lastYear: number,
  asOf: string | null,
  onStoreMiss?: () => void,
): Promise<IndicatorProgress> {
  const kpi = findKpi(indicator.kpiId);
  const measure = kpi ? findMeasure(kpi, indicator.measure) : undefined;
  if (!kpi || !measure) {
    throw new Error(`Strategy indicator ${indicator.indicatorId} refers to an unknown KPI measure`);
  }
  const values: IndicatorProgress['values'] = [];
  const lastDataYear = asOf ? Number(asOf.slice(0, 4)) : indicator.baselineYear - 1;
  for (let year = indicator.baselineYear; year <= Math.min(lastYear, lastDataYear); year += 1) {
    const input: KpiQueryString = { ...(indicator.filter as Partial<KpiQueryString>), year, ...(asOf ? { asOf } : {}) };
    const result = await getKpiResult(db, kpi, input, context, { withSeries: false, ...(onStoreMiss ? { onStoreMiss } : {}) });
    const total = result.rows.find((row) => row.group === null);
    values.push({
      year,
      value: total?.values[measure.id] ?? null,
      suppressed: total?.suppressed[measure.id] ?? null,
      asOf: result.period.to,
    });
  }
  const assessment = assessIndicator(measure, indicator.direction, indicator.baselineYear, indicator.tolerance, values, indicator.targetValue);
  return {
    indicatorId: indicator.indicatorId,
    wording: indicator.wording,
    kpiId: kpi.id,
    kpiTitle: kpi.title,
    measure: toMeasureResponse(measure),
    filter: indicator.filter,
    direction: indicator.direction,
    baselineYear: indicator.baselineYear,
    targetValue: indicator.targetValue,
    tolerance: indicator.tolerance,
    values,
    status: assessment.status,
    statusLabel: STATUS_LABELS[assessment.status],
    sentence: assessment.sentence,
  };
}
