/**
 * The one date-range schema every KPI, strategy and export route reuses: a calendar year, a half
 * of it, or an explicit from/to, read as of a date (DESIGN §5).
 */
import { Type, type Static } from 'typebox';

export const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Dato som ÅÅÅÅ-MM-DD',
  examples: ['2026-08-31'],
});

export const PeriodQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'Kalenderår' })),
  half: Type.Optional(Type.Integer({ minimum: 1, maximum: 2, description: 'Halvår (1 = januar–juni), kræver year' })),
  from: Type.Optional({ ...IsoDate, description: 'Periodens første dag (med to)' }),
  to: Type.Optional({ ...IsoDate, description: 'Periodens sidste dag (med from)' }),
  asOf: Type.Optional({
    ...IsoDate,
    description: 'Opgørelsesdato; standard er sidste dag i den seneste måned med data',
  }),
});
export type PeriodQuery = Static<typeof PeriodQuery>;

export const ResolvedPeriodSchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
  label: Type.String({ description: 'Perioden på dansk, fx "1. halvår 2026"' }),
  clippedToAsOf: Type.Boolean({ description: 'Perioden er afkortet til opgørelsesdatoen' }),
});
