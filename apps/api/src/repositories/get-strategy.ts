/** A strategy with its themes and indicators, as the tables hold it (DESIGN §8). */
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';

export interface StrategyIndicatorRow {
  indicatorId: string;
  themeNo: number;
  wording: string;
  kpiId: string;
  measure: string;
  filter: Record<string, unknown>;
  direction: 'up' | 'down';
  baselineYear: number;
  targetValue: number | null;
  tolerance: number;
}

export interface StrategyWithIndicators {
  strategyId: string;
  municipality: string;
  title: string;
  firstYear: number;
  lastYear: number;
  baselineYear: number;
  themes: { themeNo: number; title: string }[];
  indicators: StrategyIndicatorRow[];
}

export async function listStrategies(db: Kysely<Tables>) {
  const [strategies, settings] = await Promise.all([
    db.selectFrom('strategy').selectAll().orderBy('strategy_id').execute(),
    db.selectFrom('municipality_settings').select('active_strategy_id').executeTakeFirst(),
  ]);
  return strategies.map((s) => ({
    strategyId: s.strategy_id,
    municipality: s.municipality,
    title: s.title,
    firstYear: s.first_year,
    lastYear: s.last_year,
    baselineYear: s.baseline_year,
    active: s.strategy_id === settings?.active_strategy_id,
  }));
}

/** The given strategy, or the active one of the municipality settings; null when there is none. */
export async function getStrategy(db: Kysely<Tables>, strategyId?: string): Promise<StrategyWithIndicators | null> {
  const id =
    strategyId ??
    (await db.selectFrom('municipality_settings').select('active_strategy_id').executeTakeFirst())?.active_strategy_id;
  if (!id) return null;
  const strategy = await db.selectFrom('strategy').selectAll().where('strategy_id', '=', id).executeTakeFirst();
  if (!strategy) return null;
  const [themes, indicators] = await Promise.all([
    db.selectFrom('strategy_theme').select(['theme_no', 'title']).where('strategy_id', '=', id).orderBy('theme_no').execute(),
    db
      .selectFrom('strategy_indicator')
      .selectAll()
      .where('strategy_id', '=', id)
      .orderBy('theme_no')
      .orderBy('sort_order')
      .execute(),
  ]);
  return {
    strategyId: strategy.strategy_id,
    municipality: strategy.municipality,
    title: strategy.title,
    firstYear: strategy.first_year,
    lastYear: strategy.last_year,
    baselineYear: strategy.baseline_year,
    themes: themes.map((theme) => ({ themeNo: theme.theme_no, title: theme.title })),
    indicators: indicators.map((row) => ({
      indicatorId: row.indicator_id,
      themeNo: row.theme_no,
      wording: row.wording,
      kpiId: row.kpi_id,
      measure: row.measure,
      filter: row.filter,
      direction: row.direction,
      baselineYear: row.baseline_year,
      targetValue: row.target_value,
      tolerance: Number(row.tolerance),
    })),
  };
}
