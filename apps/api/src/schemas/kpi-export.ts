/**
 * Schemas of the KPI exports (GET /api/kpis/:id/chart.png|.svg and /data.xlsx|.csv): the KPI
 * request's own parameters, plus for charts which chart to draw; the answers are files.
 */
import { Type, type Static } from 'typebox';
import { KpiQueryString } from './kpi-query.ts';
import { SnapshotQuery } from './snapshot.ts';

export const CHART_KINDS = ['series', 'breakdown', 'survival'] as const;
export type ChartChoiceKind = (typeof CHART_KINDS)[number];

export const KpiChartQueryString = Type.Object(
  {
    ...KpiQueryString.properties,
    ...SnapshotQuery,
    chart: Type.Optional(
      Type.String({
        enum: [...CHART_KINDS],
        description:
          'series: udviklingen over periodens serie (standard uden by); breakdown: søjler pr. gruppe i perioden (standard med by); survival: overlevelseskurven (kun temporary-stays)',
      }),
    ),
    measures: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$',
        maxLength: 200,
        description: 'Målene i diagrammet, kommasepareret, med samme enhed; standard er nøgletallets hovedmål',
      }),
    ),
    kind: Type.Optional(
      Type.Union([Type.Literal('line'), Type.Literal('bar')], {
        description: 'Linje eller søjler; standard er linje for en udvikling (søjler for kr.) og søjler pr. gruppe',
      }),
    ),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Overskrift i stedet for målets navn' })),
    width: Type.Optional(
      Type.Integer({ minimum: 480, maximum: 1600, description: 'Billedets bredde i px (standard 800); en PNG har den dobbelte opløsning' }),
    ),
  },
  { additionalProperties: false },
);
export type KpiChartQueryString = Static<typeof KpiChartQueryString>;

const KPI_QUERY_KEYS: ReadonlySet<string> = new Set(Object.keys(KpiQueryString.properties));

/** The KPI request inside a chart request (the chart's own parameters taken out). */
export function kpiQueryOf(query: KpiChartQueryString): KpiQueryString {
  return Object.fromEntries(Object.entries(query).filter(([key]) => KPI_QUERY_KEYS.has(key))) as KpiQueryString;
}

/** A file answer: documented with its media type in OpenAPI, sent as bytes (never serialized). */
export function FileResponse(mediaType: string, description: string) {
  return Type.Unsafe<Buffer>({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } });
}
