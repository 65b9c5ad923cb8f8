/**
 * Schemas of the drill to rows (GET /api/kpis/:id/rows): the KPI request's own parameters plus the
 * cell — a group of the breakdown, and optionally one point of the series — and the records behind
 * it as typed columns and rows.
 */
import type { DrillDefinition } from '@sol/domain/kpi-catalogue.ts';
import { Type, type Static } from 'typebox';
import { KpiQueryString } from './kpi-query.ts';
import { IsoDate } from './period-query.ts';

export const KpiDrillQueryString = Type.Object(
  {
    ...KpiQueryString.properties,
    group: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Gruppens kode i opdelingen (by), fx SIND eller 85; påkrævet sammen med by',
      }),
    ),
    point: Type.Optional(
      Type.String({
        pattern: '^\\d{4}(-\\d{2})?$',
        description: 'Ét punkt i periodens serie (seriens key, fx 2025-03) i stedet for hele perioden',
      }),
    ),
  },
  { additionalProperties: false },
);
export type KpiDrillQueryString = Static<typeof KpiDrillQueryString>;

export const DrillColumnSchema = Type.Object({
  key: Type.String(),
  title: Type.String(),
  unit: Type.String({ enum: ['id', 'tekst', 'dato', 'dage', 'janej', 'score'] }),
  emptyText: Type.Optional(Type.String({ description: 'Vises for en tom værdi, hvor tom betyder noget (fx "løbende")' })),
  description: Type.Optional(Type.String()),
});

export const DrillDefinitionSchema = Type.Object(
  {
    counts: Type.Array(Type.String(), { description: 'Tællingerne, hvis poster rækkerne er' }),
    revealed: Type.Array(Type.String(), { description: 'Tællinger, der kan tælles op af kolonnerne' }),
    columns: Type.Array(DrillColumnSchema),
  },
  { description: 'Nøgletallet kan vise posterne bag en celle (GET /api/kpis/:id/rows)' },
);

/** The catalogue's drill as the response type wants it (mutable copies of the readonly lists). */
export function toDrillDefinitionResponse(drill: DrillDefinition): Static<typeof DrillDefinitionSchema> {
  return { counts: [...drill.counts], revealed: [...drill.revealed], columns: drill.columns.map((column) => ({ ...column })) };
}

export const DrillCell = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

export const KpiDrillResultSchema = Type.Object({
  kpi: Type.Object({ id: Type.String(), code: Type.String(), title: Type.String() }),
  period: Type.Object({
    from: IsoDate,
    to: IsoDate,
    asOf: IsoDate,
    label: Type.String({ description: 'Cellens periode på dansk (perioden eller seriens punkt)' }),
  }),
  by: Type.Union([Type.String(), Type.Null()]),
  group: Type.Union([Type.String(), Type.Null()], { description: 'Gruppens kode; null er "I alt"' }),
  groupLabel: Type.String(),
  point: Type.Union([Type.String(), Type.Null()]),
  filters: Type.Record(Type.String(), Type.Array(Type.String())),
  dataVersion: Type.Integer(),
  suppressionThreshold: Type.Integer(),
  count: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Nøgletallets antal i cellen (summen af drill.counts); null når det er skjult',
  }),
  suppressed: Type.Boolean({ description: 'Rækkerne er tilbageholdt (diskretionering); rows er da tom' }),
  message: Type.Union([Type.String(), Type.Null()], { description: 'Dansk forklaring, når rækkerne er tilbageholdt eller afkortet' }),
  columns: Type.Array(DrillColumnSchema),
  rows: Type.Array(Type.Record(Type.String(), DrillCell), { description: 'Én række pr. post, sorteret fast' }),
  truncated: Type.Boolean({ description: 'Der er flere rækker end maxRows; kun de første vises' }),
  maxRows: Type.Integer(),
});
export type KpiDrillResult = Static<typeof KpiDrillResultSchema>;
export type DrillRow = KpiDrillResult['rows'][number];
