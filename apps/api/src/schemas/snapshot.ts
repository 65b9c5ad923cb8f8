/** Schemas of the snapshot routes (DESIGN §7) and the marker that KPI and strategy answers carry. */
import { Type, type Static } from 'typebox';
import { IsoDate } from './period-query.ts';

export const SnapshotId = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Øjebliksbilledets id' });

/** Set on an answer served from a snapshot; null on live answers, so the pages can say which it is. */
export const SnapshotMarkerSchema = Type.Union([
  Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    asOf: IsoDate,
    dataVersion: Type.Integer(),
    createdAt: Type.String({ description: 'Tidspunktet øjebliksbilledet blev taget (ISO 8601)' }),
  }),
  Type.Null(),
]);
export type SnapshotMarker = Static<typeof SnapshotMarkerSchema>;

/** The `snapshot` query parameter of the KPI, export and strategy routes. */
export const SnapshotQuery = {
  snapshot: Type.Optional({ ...SnapshotId, description: 'Vis et øjebliksbillede i stedet for de aktuelle tal' }),
};

export const CreateSnapshotBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Standard: "Øjebliksbillede pr. <dato>"' })),
    asOf: Type.Optional({ ...IsoDate, description: 'Opgørelsesdato; standard er sidste dag i den seneste måned med data' }),
    createdBy: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Hvem der tog det; standard "ukendt"' })),
  },
  { additionalProperties: false },
);
export type CreateSnapshotBody = Static<typeof CreateSnapshotBody>;

export const SnapshotSummarySchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  asOf: IsoDate,
  dataVersion: Type.Integer(),
  createdAt: Type.String(),
  createdBy: Type.String(),
  kpiAnswers: Type.Integer({ description: 'Antal frosne nøgletalsudtræk' }),
  hasStrategy: Type.Boolean(),
});
export type SnapshotSummary = Static<typeof SnapshotSummarySchema>;

export const SnapshotDetailSchema = Type.Object({
  ...SnapshotSummarySchema.properties,
  requests: Type.Array(
    Type.Object({
      kpiId: Type.String(),
      by: Type.Union([Type.String(), Type.Null()]),
      from: IsoDate,
      to: IsoDate,
      label: Type.String(),
      prices: Type.String(),
      cohort: Type.String(),
    }),
    { description: 'De frosne udtræk: nøgletal, opdeling, periode, prisgrundlag og kohorte' },
  ),
});
export type SnapshotDetail = Static<typeof SnapshotDetailSchema>;

export const SnapshotJobSchema = Type.Object({
  jobId: Type.String({ description: 'Følges på GET /api/snapshots/jobs/:jobId' }),
  state: Type.String({ enum: ['running', 'succeeded', 'failed'] }),
  progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }, { description: 'Frosne udtræk indtil nu, af i alt' }),
  snapshot: Type.Union([SnapshotSummarySchema, Type.Null()], { description: 'Det færdige øjebliksbillede' }),
  message: Type.Union([Type.String(), Type.Null()], { description: 'Hvorfor det mislykkedes' }),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
});

const ComparedValue = Type.Object({
  value: Type.Union([Type.Number(), Type.Null()]),
  suppressed: Type.Union([Type.String(), Type.Null()]),
});

const Side = Type.Object({
  snapshot: SnapshotMarkerSchema,
  label: Type.String({ description: 'Øjebliksbilledets navn eller "Aktuelle tal"' }),
});

export const SnapshotComparisonSchema = Type.Object({
  a: Side,
  b: Side,
  kpis: Type.Array(
    Type.Object({
      kpiId: Type.String(),
      kpiTitle: Type.String(),
      measureId: Type.String(),
      measureTitle: Type.String(),
      unit: Type.String(),
      periodA: Type.String(),
      periodB: Type.String(),
      a: ComparedValue,
      b: ComparedValue,
      difference: Type.Union([Type.Number(), Type.Null()], { description: 'B minus A; null hvis en af dem mangler' }),
      moved: Type.Boolean(),
      sentence: Type.String(),
    }),
  ),
  indicators: Type.Array(
    Type.Object({
      indicatorId: Type.String(),
      wording: Type.String(),
      unit: Type.String(),
      year: Type.Integer(),
      a: ComparedValue,
      b: ComparedValue,
      difference: Type.Union([Type.Number(), Type.Null()]),
      moved: Type.Boolean(),
      sentence: Type.String(),
    }),
  ),
});
export type SnapshotComparison = Static<typeof SnapshotComparisonSchema>;

const FollowUpDay = {
  month: Type.Integer({ minimum: 1, maximum: 12, description: 'Måned' }),
  day: Type.Integer({ minimum: 1, maximum: 31, description: 'Dag i måneden' }),
};

export const FollowUpDatesBody = Type.Object(
  { dates: Type.Array(Type.Object(FollowUpDay, { additionalProperties: false }), { minItems: 1, maxItems: 6, description: 'Budgetopfølgning 1, 2, … i den rækkefølge' }) },
  { additionalProperties: false },
);

export const FollowUpDatesSchema = Type.Object({
  dates: Type.Array(
    Type.Object({
      followUp: Type.Integer({ description: 'Budgetopfølgningens nummer' }),
      ...FollowUpDay,
      next: IsoDate,
      name: Type.String({ description: 'Navnet et øjebliksbillede taget på datoen får' }),
    }),
  ),
});
