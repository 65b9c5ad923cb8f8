/** GET /api/reference/plan: the 2018 plan's published figures and the realised effect entered since. */
import { Type, type Static } from 'typebox';

export const PlanFigures = Type.Object({
  source: Type.String(),
  keyFigures: Type.Array(
    Type.Object({ year: Type.Integer(), unitCost2016Prices: Type.Integer(), rankOf29: Type.Integer(), recipientsPer1000: Type.Number() }),
  ),
  expenditure: Type.Array(Type.Object({ title: Type.String(), value: Type.Number(), unit: Type.String() })),
  offers: Type.Array(
    Type.Object({
      name: Type.String(),
      category: Type.String(),
      targetGroup: Type.String(),
      paragraph: Type.String(),
      places: Type.Integer(),
      note: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  plannedEffect: Type.Array(
    Type.Object({
      area: Type.String(),
      kind: Type.String({ enum: ['effekt', 'investering'] }),
      period: Type.String(),
      amountThousandKr: Type.Integer(),
      isTotal: Type.Boolean(),
    }),
  ),
  realizedEffect: Type.Array(
    Type.Object({
      area: Type.String(),
      year: Type.Integer(),
      amountThousandKr: Type.Integer(),
      note: Type.Union([Type.String(), Type.Null()]),
      updatedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
export type PlanFigures = Static<typeof PlanFigures>;
