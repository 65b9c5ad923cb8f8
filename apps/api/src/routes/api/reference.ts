/**
 * GET /api/reference/... — the reference data the KPIs rest on: chart-of-accounts functions,
 * processing deadlines, the P/L index (with its source), the strategies, and the 2018 plan's
 * published figures; PUT for the realised plan effect, the one plan figure that is entered.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OPERATIONS, TARGET_GROUPS } from '@sol/domain/codes.ts';
import { AGE_BANDS } from '@sol/domain/kpi-catalogue.ts';
import { Type } from 'typebox';
import { getKpiContext } from '../../repositories/get-kpi-context.ts';
import { NotModified, answerNotModified } from '../etag.ts';
import { getPlanFigures } from '../../repositories/get-plan-figures.ts';
import { listAccountFunctions } from '../../repositories/list-account-functions.ts';
import { listPriceIndex } from '../../repositories/list-price-index.ts';
import { listProcessingDeadlines } from '../../repositories/list-processing-deadlines.ts';
import { listStrategies } from '../../repositories/get-strategy.ts';
import { saveRealizedEffect } from '../../repositories/save-realized-effect.ts';
import { BadRequestError } from '../../schemas/bad-request.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { FilterChoices } from '../../schemas/filter-choices.ts';
import { PlanFigures } from '../../schemas/plan-figures.ts';
import { StrategySummarySchema } from '../../schemas/strategy.ts';

const NoQuery = Type.Object({}, { additionalProperties: false });
const tags = ['Referencedata'];

export const PRICE_INDEX_SOURCE =
  'Standardindekset (2018 = 100) følger tilnærmet KL’s pris- og lønudvikling for kommunale serviceudgifter, afrundet til én decimal; 2027 er antaget 2,5 %. Det er et udgangspunkt, ikke en officiel serie: indlæs kommunens eget indeks som pl_indeks.csv, så erstattes det.';

const reference: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.database;

  fastify.get(
    '/api/reference/filters',
    {
      schema: {
        tags,
        summary: 'Valgmulighederne for de globale filtre: år med data, målgrupper, paragraffer, aldersgrupper, driftsformer',
        querystring: NoQuery,
        response: { 200: FilterChoices, 304: NotModified, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const context = await getKpiContext(db);
      if (answerNotModified(request, reply, context.version)) return reply;
      const years: number[] = [];
      if (context.earliestDate && context.defaultAsOf) {
        for (let year = Number(context.earliestDate.slice(0, 4)); year <= Number(context.defaultAsOf.slice(0, 4)); year += 1) years.push(year);
      }
      const choices = (entries: Iterable<[string, string]>) => [...entries].map(([code, label]) => ({ code, label }));
      return {
        earliestDate: context.earliestDate,
        defaultAsOf: context.defaultAsOf,
        dataVersion: context.dataVersion,
        years,
        defaultBaseYear: context.defaultBaseYear,
        priceIndexYears: [...context.priceIndexYears].sort((a, b) => a - b),
        targetGroups: choices(Object.entries(TARGET_GROUPS)),
        paragraphs: choices([...context.paragraphs].sort(([a], [b]) => a.localeCompare(b, 'da', { numeric: true }))).map(
          ({ code, label }) => ({ code, label: `§ ${code} ${label}` }),
        ),
        ageBands: choices(Object.entries(AGE_BANDS).map(([code, band]): [string, string] => [code, band.label])),
        operations: choices(Object.entries(OPERATIONS)),
      };
    },
  );

  fastify.get(
    '/api/reference/functions',
    {
      schema: {
        tags,
        summary: 'Kontoplanens funktioner under 5.38',
        querystring: NoQuery,
        response: {
          200: Type.Object({
            functions: Type.Array(
              Type.Object({ code: Type.String(), title: Type.String(), paragraphs: Type.Union([Type.String(), Type.Null()]) }),
            ),
          }),
          400: ErrorResponse,
        },
      },
    },
    async () => ({ functions: await listAccountFunctions(db) }),
  );

  fastify.get(
    '/api/reference/deadlines',
    {
      schema: {
        tags,
        summary: 'Sagsbehandlingsfrister pr. paragraf og hvornår de gælder fra',
        querystring: NoQuery,
        response: {
          200: Type.Object({
            deadlines: Type.Array(
              Type.Object({ paragraph: Type.String(), title: Type.String(), validFrom: Type.String(), deadlineDays: Type.Integer() }),
            ),
          }),
          400: ErrorResponse,
        },
      },
    },
    async () => ({ deadlines: await listProcessingDeadlines(db) }),
  );

  fastify.get(
    '/api/reference/price-index',
    {
      schema: {
        tags,
        summary: 'P/L-indekset til faste priser, med kilde og antagelser',
        querystring: NoQuery,
        response: {
          200: Type.Object({ source: Type.String(), index: Type.Array(Type.Object({ year: Type.Integer(), index: Type.Number() })) }),
          400: ErrorResponse,
        },
      },
    },
    async () => ({ source: PRICE_INDEX_SOURCE, index: await listPriceIndex(db) }),
  );

  fastify.get(
    '/api/reference/strategies',
    {
      schema: {
        tags,
        summary: 'De strategier, der er indlæst, og hvilken der er aktiv',
        querystring: NoQuery,
        response: {
          200: Type.Object({
            strategies: Type.Array(Type.Object({ ...StrategySummarySchema.properties, active: Type.Boolean() })),
          }),
          400: ErrorResponse,
        },
      },
    },
    async () => ({ strategies: await listStrategies(db) }),
  );

  fastify.get(
    '/api/reference/plan',
    {
      schema: {
        tags,
        summary: 'Planens offentliggjorte tal (Plan for det specialiserede socialområde for voksne 2018–2022) og realiseret effekt',
        querystring: NoQuery,
        response: { 200: PlanFigures, 400: ErrorResponse },
      },
    },
    async () => ({
      source: 'Høje-Taastrup Kommune: Plan for det specialiserede socialområde for voksne 2018–2022, tabel 1–4 og teksten',
      ...(await getPlanFigures(db)),
    }),
  );

  fastify.put(
    '/api/reference/plan/realized-effect',
    {
      schema: {
        tags,
        summary: 'Indtast eller ret den realiserede effekt for et område og et år (1.000 kr.)',
        body: Type.Object(
          {
            area: Type.String({ minLength: 1, maxLength: 300 }),
            year: Type.Integer({ minimum: 2014, maximum: 2100 }),
            amountThousandKr: Type.Integer({ minimum: -10_000_000, maximum: 10_000_000 }),
            note: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { area, year, amountThousandKr, note } = request.body;
      const saved = await saveRealizedEffect(db, { area, year, amountThousandKr, note: note ?? null });
      if (!saved) throw new BadRequestError(`"${area}" er ikke et af planens effektområder`);
      return reply.code(204).send(null);
    },
  );
};

export default reference;
