/** Response schemas of the KPI routes, built from the catalogue types so OpenAPI shows them. */
import { AGE_BANDS, BREAKDOWNS, FILTERS, type KpiDefinition, type MeasureDefinition } from '@sol/domain/kpi-catalogue.ts';
import { Type, type Static } from 'typebox';
import { DrillDefinitionSchema, toDrillDefinitionResponse } from './kpi-drill.ts';
import { ResolvedPeriodSchema } from './period-query.ts';
import { SnapshotMarkerSchema } from './snapshot.ts';

export const MeasureSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  unit: Type.String({ enum: ['antal', 'procent', 'dage', 'kr', 'pr1000', 'score'] }),
  kind: Type.String({ enum: ['count', 'statistic', 'amount'] }),
  basedOn: Type.Optional(Type.String()),
  derivedFrom: Type.Optional(Type.Array(Type.String())),
  partOf: Type.Optional(Type.String()),
  direction: Type.Optional(Type.String({ enum: ['up', 'down'], description: 'Den ønskede retning, hvor der er en' })),
  decimals: Type.Integer(),
});

export const KpiDefinitionSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: Type.String(),
  definition: Type.String(),
  notes: Type.Array(Type.String()),
  headline: Type.String(),
  measures: Type.Array(MeasureSchema),
  breakdowns: Type.Array(Type.String({ enum: Object.keys(BREAKDOWNS) })),
  filters: Type.Array(Type.String({ enum: Object.keys(FILTERS) })),
  hasAmounts: Type.Boolean(),
  periodReading: Type.String({ enum: ['flow', 'stock'] }),
  source: Type.String(),
  drill: Type.Optional(DrillDefinitionSchema),
});

export function toMeasureResponse(measure: MeasureDefinition): Static<typeof MeasureSchema> {
  const { derivedFrom, ...rest } = measure;
  return derivedFrom ? { ...rest, derivedFrom: [...derivedFrom] } : rest;
}

/** The catalogue entry as the response type wants it (mutable copies of the readonly lists). */
export function toKpiDefinitionResponse(kpi: KpiDefinition): Static<typeof KpiDefinitionSchema> {
  const { drill, ...rest } = kpi;
  return {
    ...rest,
    notes: [...kpi.notes],
    measures: kpi.measures.map(toMeasureResponse),
    breakdowns: [...kpi.breakdowns],
    filters: [...kpi.filters],
    ...(drill ? { drill: toDrillDefinitionResponse(drill) } : {}),
  };
}

export const CatalogueResponse = Type.Object({
  kpis: Type.Array(KpiDefinitionSchema),
  breakdowns: Type.Record(Type.String(), Type.String()),
  filters: Type.Record(Type.String(), Type.String()),
  ageBands: Type.Record(Type.String(), Type.String()),
});
export type CatalogueResponse = Static<typeof CatalogueResponse>;
export type KpiDefinitionResponse = Static<typeof KpiDefinitionSchema>;
export const AGE_BAND_LABELS = Object.fromEntries(Object.entries(AGE_BANDS).map(([code, band]) => [code, band.label]));

const Reason = Type.String({ enum: ['small-count', 'secondary', 'small-base', 'derived'] });

export const KpiRowSchema = Type.Object({
  group: Type.Union([Type.String(), Type.Null()], { description: 'Gruppens kode; null er "I alt"' }),
  label: Type.String(),
  values: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()])),
  suppressed: Type.Record(Type.String(), Reason, {
    description: 'Tilbageholdte værdier og hvorfor: small-count (<5), secondary, small-base, derived',
  }),
  notReached: Type.Array(Type.String(), { description: 'Medianer der ikke er nået (kurven bliver over 0,5)' }),
});

export const KpiResultSchema = Type.Object({
  kpi: KpiDefinitionSchema,
  period: ResolvedPeriodSchema,
  query: Type.Object({
    by: Type.Union([Type.String(), Type.Null()]),
    filters: Type.Record(Type.String(), Type.Array(Type.String())),
    prices: Type.Object({
      kind: Type.String({ enum: ['current', 'fixed'] }),
      baseYear: Type.Union([Type.Integer(), Type.Null()]),
    }),
    cohort: Type.Union([Type.String({ enum: ['start', 'active'] }), Type.Null()]),
  }),
  dataVersion: Type.Integer(),
  suppressionThreshold: Type.Integer(),
  rows: Type.Array(KpiRowSchema),
  series: Type.Array(
    Type.Object({ key: Type.String(), label: Type.String(), from: Type.String(), to: Type.String(), rows: Type.Array(KpiRowSchema) }),
  ),
  survivalCurve: Type.Union([
    Type.Object({
      stays: Type.Integer(),
      points: Type.Array(Type.Object({ day: Type.Integer(), survival: Type.Number() })),
    }),
    Type.Null(),
  ]),
  snapshot: SnapshotMarkerSchema,
});
export type KpiResult = Static<typeof KpiResultSchema>;
export type KpiResultRow = Static<typeof KpiRowSchema>;
