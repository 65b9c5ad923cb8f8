/** Schemas of the strategy routes (DESIGN §8). */
import { Type, type Static } from 'typebox';
import { MeasureSchema } from './kpi-result.ts';
import { IsoDate } from './period-query.ts';
import { SnapshotMarkerSchema, SnapshotQuery } from './snapshot.ts';

/** The query of GET /api/strategy and of the Afrapportering downloads. */
export const StrategyQueryString = Type.Object(
  {
    strategy: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Standard: den aktive strategi' })),
    asOf: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

/** The query of GET /api/strategy: the above, or a frozen snapshot's answer. */
export const StrategyPageQueryString = Type.Object(
  { ...StrategyQueryString.properties, ...SnapshotQuery },
  { additionalProperties: false },
);

const IndicatorSchema = Type.Object({
  indicatorId: Type.String(),
  wording: Type.String(),
  kpiId: Type.String(),
  kpiTitle: Type.String(),
  measure: MeasureSchema,
  filter: Type.Record(Type.String(), Type.Unknown()),
  direction: Type.String({ enum: ['up', 'down'] }),
  baselineYear: Type.Integer(),
  targetValue: Type.Union([Type.Number(), Type.Null()]),
  tolerance: Type.Number(),
  values: Type.Array(
    Type.Object({
      year: Type.Integer(),
      value: Type.Union([Type.Number(), Type.Null()]),
      suppressed: Type.Union([Type.String(), Type.Null()]),
      asOf: Type.String({ description: 'Datoen værdien er opgjort på eller til' }),
    }),
  ),
  status: Type.String({ enum: ['improved', 'unchanged', 'worse', 'unknown'] }),
  statusLabel: Type.String(),
  sentence: Type.String(),
});

export const StrategySummarySchema = Type.Object({
  strategyId: Type.String(),
  municipality: Type.String(),
  title: Type.String(),
  firstYear: Type.Integer(),
  lastYear: Type.Integer(),
  baselineYear: Type.Integer(),
});

export const StrategyProgressSchema = Type.Object({
  strategy: StrategySummarySchema,
  asOf: Type.Union([Type.String(), Type.Null()]),
  dataVersion: Type.Integer(),
  suppressionThreshold: Type.Integer({ description: 'Tal under denne grænse vises som "<grænse" (DESIGN §5)' }),
  themes: Type.Array(Type.Object({ themeNo: Type.Integer(), title: Type.String(), indicators: Type.Array(IndicatorSchema) })),
  snapshot: SnapshotMarkerSchema,
});
export type StrategyProgress = Static<typeof StrategyProgressSchema>;
export type IndicatorProgress = Static<typeof IndicatorSchema>;
