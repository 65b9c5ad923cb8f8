/** The 2018 plan's published figures and the realised effect entered since (migration 0004). */
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';

export async function getPlanFigures(db: Kysely<Tables>) {
  const [keyFigures, expenditure, offers, effects, realized] = await Promise.all([
    db.selectFrom('plan_key_figure').selectAll().orderBy('year').execute(),
    db.selectFrom('plan_expenditure_figure').selectAll().orderBy('figure_no').execute(),
    db.selectFrom('plan_offer').selectAll().orderBy('offer_no').execute(),
    db.selectFrom('plan_effect').selectAll().orderBy('kind').orderBy('is_total').orderBy('area').orderBy('period').execute(),
    db.selectFrom('plan_effect_realized').selectAll().orderBy('area').orderBy('year').execute(),
  ]);
  return {
    keyFigures: keyFigures.map((row) => ({
      year: row.year,
      unitCost2016Prices: row.unit_cost_2016_prices,
      rankOf29: row.rank_of_29,
      recipientsPer1000: Number(row.recipients_per_1000),
    })),
    expenditure: expenditure.map((row) => ({ title: row.title, value: Number(row.value), unit: row.unit })),
    offers: offers.map((row) => ({
      name: row.name,
      category: row.category,
      targetGroup: row.target_group,
      paragraph: row.paragraph,
      places: row.places,
      note: row.note,
    })),
    plannedEffect: effects.map((row) => ({
      area: row.area,
      kind: row.kind,
      period: row.period,
      amountThousandKr: row.amount_1000_kr,
      isTotal: row.is_total,
    })),
    realizedEffect: realized.map((row) => ({
      area: row.area,
      year: row.year,
      amountThousandKr: row.amount_1000_kr,
      note: row.note,
      updatedAt: new Date(row.updated_at).toISOString(),
    })),
  };
}
