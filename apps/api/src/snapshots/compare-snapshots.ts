/**
 * Comparing a snapshot with another snapshot or with live data (DESIGN §7): each KPI's headline
 * measure for the running year to the as-of date, and each strategy indicator's yearly values —
 * value in A, value in B, the difference and a Danish sentence saying what moved and by how much.
 * Live data is read at A's as-of date, so what the comparison shows is what later corrections
 * changed, not a later month's data.
 */
import { formatDecimal, formatIsoDate, formatMeasureValue } from '@sol/domain/format-danish.ts';
import { KPI_CATALOGUE, findMeasure, type KpiDefinition, type Unit } from '@sol/domain/kpi-catalogue.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { getKpiResult } from '../kpis/get-kpi-result.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import type { SnapshotRow } from '../repositories/snapshots.ts';
import { BadRequestError } from '../schemas/bad-request.ts';
import type { KpiResult } from '../schemas/kpi-result.ts';
import type { SnapshotComparison } from '../schemas/snapshot.ts';
import type { StrategyProgress } from '../schemas/strategy.ts';
import { getStrategyProgress } from '../strategy/get-strategy-progress.ts';
import { getSnapshotKpiResult, getSnapshotStrategy, snapshotMarker } from './snapshots.ts';

interface Value {
  value: number | null;
  suppressed: string | null;
}

/** One side of a comparison: a snapshot, or live data read at the other side's as-of date. */
interface Side {
  snapshot: SnapshotRow | null;
  asOf: string;
  kpi(kpi: KpiDefinition): Promise<KpiResult | null>;
  strategy(): Promise<StrategyProgress | null>;
}

/** A request the side cannot answer is shown as missing, not as an error for the whole comparison. */
async function orNull<T>(answer: () => Promise<T>): Promise<T | null> {
  try {
    return await answer();
  } catch (error) {
    if (error instanceof BadRequestError) return null;
    throw error;
  }
}

export function snapshotSide(db: Kysely<Tables>, context: KpiContext, snapshot: SnapshotRow): Side {
  const year = Number(snapshot.asOf.slice(0, 4));
  return {
    snapshot,
    asOf: snapshot.asOf,
    kpi: (kpi) => orNull(() => getSnapshotKpiResult(db, kpi, { year }, context, snapshot)),
    strategy: () => orNull(() => getSnapshotStrategy(db, snapshot, {})),
  };
}

export function liveSide(db: Kysely<Tables>, context: KpiContext, asOf: string, strategyId: string | undefined): Side {
  const year = Number(asOf.slice(0, 4));
  return {
    snapshot: null,
    asOf,
    kpi: (kpi) => orNull(() => getKpiResult(db, kpi, { year, asOf }, context, { withSeries: false })),
    strategy: () => orNull(() => getStrategyProgress(db, context, { asOf, ...(strategyId ? { strategyId } : {}) })),
  };
}

function headlineValue(result: KpiResult | null, measureId: string): Value {
  const total = result?.rows.find((row) => row.group === null);
  return { value: total?.values[measureId] ?? null, suppressed: total?.suppressed[measureId] ?? null };
}

/** "steget med 3,2 procentpoint (fra 55,0 % til 58,2 %)", or why nothing can be said. */
function describeChange(title: string, unit: Unit, decimals: number, a: Value, b: Value): { difference: number | null; moved: boolean; sentence: string } {
  if (a.value === null || b.value === null) {
    const missing = a.value === null && b.value === null ? 'i ingen af dem' : a.value === null ? 'i A' : 'i B';
    return { difference: null, moved: false, sentence: `${title} kan ikke sammenlignes: tallet er ikke vist ${missing}.` };
  }
  const difference = b.value - a.value;
  const from = formatMeasureValue(a.value, unit, decimals);
  const to = formatMeasureValue(b.value, unit, decimals);
  // Rounded as shown: a change too small to see in the shown values has not "moved".
  if (from === to) return { difference, moved: false, sentence: `${title} er uændret (${from}).` };
  const size =
    unit === 'procent' ? `${formatDecimal(Math.abs(difference) * 100, decimals)} procentpoint` : formatMeasureValue(Math.abs(difference), unit, decimals);
  return { difference, moved: true, sentence: `${title} er ${difference > 0 ? 'steget' : 'faldet'} med ${size} (fra ${from} til ${to}).` };
}

function sideLabel(side: Side): string {
  return side.snapshot ? side.snapshot.name : `Aktuelle tal (pr. ${formatIsoDate(side.asOf)})`;
}

export async function compareSides(a: Side, b: Side): Promise<SnapshotComparison> {
  const kpis: SnapshotComparison['kpis'] = [];
  for (const kpi of KPI_CATALOGUE) {
    const measure = findMeasure(kpi, kpi.headline);
    if (!measure) throw new Error(`KPI ${kpi.id} has no headline measure ${kpi.headline}`);
    const [resultA, resultB] = [await a.kpi(kpi), await b.kpi(kpi)];
    const valueA = headlineValue(resultA, measure.id);
    const valueB = headlineValue(resultB, measure.id);
    kpis.push({
      kpiId: kpi.id,
      kpiTitle: kpi.title,
      measureId: measure.id,
      measureTitle: measure.title,
      unit: measure.unit,
      periodA: resultA?.period.label ?? '–',
      periodB: resultB?.period.label ?? '–',
      a: valueA,
      b: valueB,
      ...describeChange(measure.title, measure.unit, measure.decimals, valueA, valueB),
    });
  }

  const [strategyA, strategyB] = [await a.strategy(), await b.strategy()];
  const indicatorsB = new Map((strategyB?.themes ?? []).flatMap((theme) => theme.indicators).map((indicator) => [indicator.indicatorId, indicator]));
  const indicators: SnapshotComparison['indicators'] = [];
  for (const indicator of (strategyA?.themes ?? []).flatMap((theme) => theme.indicators)) {
    const other = indicatorsB.get(indicator.indicatorId);
    for (const yearA of indicator.values) {
      const yearB = other?.values.find((entry) => entry.year === yearA.year);
      const valueA = { value: yearA.value, suppressed: yearA.suppressed };
      const valueB = { value: yearB?.value ?? null, suppressed: yearB?.suppressed ?? null };
      indicators.push({
        indicatorId: indicator.indicatorId,
        wording: indicator.wording,
        unit: indicator.measure.unit,
        year: yearA.year,
        a: valueA,
        b: valueB,
        ...describeChange(`${indicator.wording} (${yearA.year})`, indicator.measure.unit as Unit, indicator.measure.decimals, valueA, valueB),
      });
    }
  }
  return {
    a: { snapshot: a.snapshot ? snapshotMarker(a.snapshot) : null, label: sideLabel(a) },
    b: { snapshot: b.snapshot ? snapshotMarker(b.snapshot) : null, label: sideLabel(b) },
    kpis,
    indicators,
  };
}
