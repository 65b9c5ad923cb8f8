/**
 * The plan's effect table reshaped for the screen: per effect area, one row per planned period
 * with the planned effect and investment and — for single years — the realised effect entered
 * for that year; realised years the plan did not cover get rows of their own.
 */
import type { PlanFigures } from '@sol/api/schemas/plan-figures.ts';

export type RealizedEntry = PlanFigures['realizedEffect'][number];

export interface EffectRow {
  key: string;
  /** "2014–2018" or "2021". */
  period: string;
  /** The year a realised effect is entered for; null for a span of years. */
  year: number | null;
  plannedEffect: number | null;
  plannedInvestment: number | null;
  realized: RealizedEntry | null;
  /** Total rows: how many of the areas have a realised effect for the year. */
  realizedAreas: { entered: number; of: number } | null;
}

export interface EffectArea {
  area: string;
  /** The plan's total rows; computed, not entered. */
  isTotal: boolean;
  rows: EffectRow[];
}

function yearOf(period: string): number | null {
  return /^\d{4}$/.test(period) ? Number(period) : null;
}

function sortKey(period: string): number {
  return Number(period.slice(0, 4)) * 10 + (yearOf(period) === null ? 0 : 1);
}

function buildRows(
  planned: PlanFigures['plannedEffect'],
  investments: PlanFigures['plannedEffect'],
  realized: Map<number, RealizedEntry>,
  key: string,
): EffectRow[] {
  const periods = new Set([...planned.map((row) => row.period), ...investments.map((row) => row.period)]);
  for (const year of realized.keys()) periods.add(String(year));
  return [...periods]
    .sort((a, b) => sortKey(a) - sortKey(b))
    .map((period) => {
      const year = yearOf(period);
      return {
        key: `${key}-${period}`,
        period: period.replace('-', '–'),
        year,
        plannedEffect: planned.find((row) => row.period === period)?.amountThousandKr ?? null,
        plannedInvestment: investments.find((row) => row.period === period)?.amountThousandKr ?? null,
        realized: year === null ? null : (realized.get(year) ?? null),
        realizedAreas: null,
      };
    });
}

export function effectAreas(plan: PlanFigures): EffectArea[] {
  const areaNames = [...new Set(plan.plannedEffect.filter((row) => row.kind === 'effekt' && !row.isTotal).map((row) => row.area))];
  const areas: EffectArea[] = areaNames.map((area) => {
    const realized = new Map(plan.realizedEffect.filter((entry) => entry.area === area).map((entry) => [entry.year, entry]));
    return {
      area,
      isTotal: false,
      rows: buildRows(
        plan.plannedEffect.filter((row) => row.area === area && row.kind === 'effekt'),
        plan.plannedEffect.filter((row) => row.area === area && row.kind === 'investering'),
        realized,
        area,
      ),
    };
  });

  // The total's realised effect is the sum of the areas' entries for the year.
  const realizedTotals = new Map<number, RealizedEntry>();
  for (const entry of plan.realizedEffect.filter((candidate) => areaNames.includes(candidate.area))) {
    const sum = realizedTotals.get(entry.year);
    realizedTotals.set(entry.year, {
      area: 'total',
      year: entry.year,
      amountThousandKr: (sum?.amountThousandKr ?? 0) + entry.amountThousandKr,
      note: null,
      updatedAt: sum && sum.updatedAt > entry.updatedAt ? sum.updatedAt : entry.updatedAt,
    });
  }
  const totalEffect = plan.plannedEffect.filter((row) => row.isTotal && row.kind === 'effekt');
  const totalInvestment = plan.plannedEffect.filter((row) => row.isTotal && row.kind === 'investering');
  if (totalEffect.length > 0) {
    const rows = buildRows(totalEffect, totalInvestment, realizedTotals, 'total').map((row) => ({
      ...row,
      realizedAreas:
        row.year === null
          ? null
          : { entered: plan.realizedEffect.filter((entry) => entry.year === row.year && areaNames.includes(entry.area)).length, of: areaNames.length },
    }));
    areas.push({ area: totalEffect[0]?.area ?? 'I alt', isTotal: true, rows });
  }
  return areas;
}

/** The areas a realised effect can be entered for (the API refuses the totals). */
export function editableAreas(plan: PlanFigures): string[] {
  return [...new Set(plan.plannedEffect.filter((row) => row.kind === 'effekt' && !row.isTotal).map((row) => row.area))];
}
