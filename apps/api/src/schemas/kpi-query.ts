/** The querystring of GET /api/kpis/:id: the shared period, one breakdown, filters and prices. */
import { BREAKDOWNS } from '@sol/domain/kpi-catalogue.ts';
import { Type, type Static } from 'typebox';
import { PeriodQuery } from './period-query.ts';
import { SnapshotQuery } from './snapshot.ts';

const CodeList = (description: string) =>
  Type.String({ minLength: 1, maxLength: 500, pattern: '^[A-Za-z0-9+,\\- ]+$', description });

export const KpiQueryString = Type.Object(
  {
    ...PeriodQuery.properties,
    by: Type.Optional(
      Type.String({ enum: Object.keys(BREAKDOWNS), description: 'Én opdeling; hvilke et nøgletal har, står i kataloget' }),
    ),
    targetGroup: Type.Optional(CodeList('Målgrupper, kommasepareret, fx UH,AUT')),
    paragraph: Type.Optional(CodeList('Paragraffer, kommasepareret, fx 85,107')),
    ageBand: Type.Optional(CodeList('Aldersgrupper, kommasepareret, fx 18-24,65+')),
    operation: Type.Optional(CodeList('Driftsform: intern og/eller ekstern')),
    prices: Type.Optional(
      Type.Union([Type.Literal('current'), Type.Literal('fixed')], { description: 'Løbende (standard) eller faste priser' }),
    ),
    base: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100, description: 'Basisår for faste priser' })),
    cohort: Type.Optional(
      Type.Union([Type.Literal('start'), Type.Literal('active')], {
        description: 'K4: ophold der starter i perioden (standard) eller alle ophold aktive i perioden',
      }),
    ),
  },
  { additionalProperties: false },
);
export type KpiQueryString = Static<typeof KpiQueryString>;

/** GET /api/kpis/:id and the data exports: the KPI request, live or from a frozen snapshot. */
export const KpiAnswerQueryString = Type.Object({ ...KpiQueryString.properties, ...SnapshotQuery }, { additionalProperties: false });
export type KpiAnswerQueryString = Static<typeof KpiAnswerQueryString>;
