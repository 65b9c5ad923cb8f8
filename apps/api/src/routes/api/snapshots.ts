/**
 * Frozen snapshots for the budget follow-ups (DESIGN §7): POST /api/snapshots starts freezing the
 * standard KPI answers and the strategy page at an as-of date as a background job; GET lists and shows them; compare says what
 * moved between two snapshots or between a snapshot and live data. The frozen answers themselves
 * are read through GET /api/kpis/:id?snapshot=<id> and GET /api/strategy?snapshot=<id>.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getKpiContext } from '../../repositories/get-kpi-context.ts';
import { listFollowUpDates, listSnapshotRequestKeys, listSnapshots, replaceFollowUpDates } from '../../repositories/snapshots.ts';
import { ClientError } from '../../schemas/client-error.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import {
  CreateSnapshotBody,
  FollowUpDatesBody,
  FollowUpDatesSchema,
  SnapshotComparisonSchema,
  SnapshotDetailSchema,
  SnapshotId,
  SnapshotJobSchema,
  SnapshotSummarySchema,
} from '../../schemas/snapshot.ts';
import { compareSides, liveSide, snapshotSide } from '../../snapshots/compare-snapshots.ts';
import { parseSnapshotRequestKey } from '../../snapshots/snapshot-request.ts';
import type { SnapshotJob } from '../../snapshots/snapshot-jobs.ts';
import { assertFollowUpDates, freezeSnapshot, planSnapshot, requireSnapshot, suggestFollowUps } from '../../snapshots/snapshots.ts';

const toSummary = <T extends { baseYear: number | null }>({ baseYear: _baseYear, ...summary }: T) => summary;
const toJobResponse = (job: SnapshotJob) => ({ ...job, snapshot: job.snapshot ? toSummary(job.snapshot) : null });

const snapshots: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/api/snapshots',
    {
      schema: {
        tags: ['Øjebliksbilleder'],
        summary: 'Fryser alle standardudtræk af nøgletallene og strategien på en opgørelsesdato (baggrundsjob)',
        description:
          'Gemmer svarene som API’et leverer dem (diskretioneret) for hvert nøgletal, med og uden opdeling, for hvert år og halvår, ' +
          'samt strategisiden. Svarer 202 med et job, der følges på GET /api/snapshots/jobs/:jobId. Et øjebliksbillede kan aldrig ' +
          'ændres eller slettes. Ét ad gangen.',
        body: CreateSnapshotBody,
        response: { 202: SnapshotJobSchema, 400: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const db = fastify.database.db;
      const context = await getKpiContext(db);
      const plan = planSnapshot(context, request.body, await listFollowUpDates(db));
      const job = fastify.snapshotJobs.start((onProgress) => freezeSnapshot(db, context, plan, onProgress), {
        error: (error, message) => request.log.error({ err: error }, message),
      });
      if (!job) throw new ClientError(409, 'Der er allerede et øjebliksbillede under oprettelse. Vent til det er færdigt.');
      return reply.code(202).send(toJobResponse(job));
    },
  );

  fastify.get(
    '/api/snapshots/jobs/:jobId',
    {
      schema: {
        tags: ['Øjebliksbilleder'],
        summary: 'Et øjebliksbilledes oprettelse: fremdrift, og øjebliksbilledet når det er færdigt',
        params: Type.Object({ jobId: Type.String({ pattern: '^[0-9a-f-]{36}$', description: 'Jobbets id fra POST /api/snapshots' }) }),
        response: { 200: SnapshotJobSchema, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const job = fastify.snapshotJobs.get(request.params.jobId);
      if (!job) {
        throw new ClientError(404, 'Jobbet findes ikke. Job huskes kun af den server, der startede dem, og glemmes ved en genstart.');
      }
      return toJobResponse(job);
    },
  );

  fastify.get(
    '/api/snapshots',
    {
      schema: {
        tags: ['Øjebliksbilleder'],
        summary: 'Alle øjebliksbilleder, nyeste først',
        response: { 200: Type.Object({ snapshots: Type.Array(SnapshotSummarySchema) }) },
      },
    },
    async () => ({ snapshots: (await listSnapshots(fastify.database.db)).map(toSummary) }),
  );

  const followUpDates = async () => ({
    dates: suggestFollowUps(await listFollowUpDates(fastify.database.db), new Date().toISOString().slice(0, 10)),
  });

  fastify.get(
    '/api/snapshots/follow-up-dates',
    {
      schema: {
        tags: ['Øjebliksbilleder'],
        summary: 'De foreslåede datoer for budgetopfølgning (standard 31. marts og 31. august) med næste dato',
        response: { 200: FollowUpDatesSchema },
      },
    },
    followUpDates,
  );

  fastify.put(
    '/api/snapshots/follow-up-dates',
    {
      schema: {
        tags: ['Øjebliksbilleder'],
        summary: 'Retter datoerne for budgetopfølgning',
        body: FollowUpDatesBody,
        response: { 200: FollowUpDatesSchema, 400: ErrorResponse },
      },
    },
    async (request) => {
      assertFollowUpDates(request.body.dates);
      await replaceFollowUpDates(fastify.database.db, request.body.dates);
      return followUpDates();
    },
  );

  // Static paths (compare, follow-up-dates, jobs) win over /:id in Fastify's router.
  fastify.get(
    '/api/snapshots/compare',
    {
      schema: {
        tags: ['Øjebliksbilleder'],
        summary: 'Sammenligner et øjebliksbillede med et andet eller med de aktuelle tal',
        description:
          'For hvert nøgletals hovedmål (året til opgørelsesdatoen) og hver strategiindikator (hvert år): værdien i A og i B, ' +
          'forskellen (B − A) og en sætning om, hvad der har flyttet sig. b=live læser de aktuelle tal på A’s opgørelsesdato.',
        querystring: Type.Object(
          {
            a: SnapshotId,
            b: Type.Union([SnapshotId, Type.Literal('live')], { description: 'Et øjebliksbilledes id eller "live"' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SnapshotComparisonSchema, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const db = fastify.database.db;
      const context = await getKpiContext(db);
      const snapshotA = await requireSnapshot(db, request.query.a);
      const a = snapshotSide(db, context, snapshotA);
      const { b } = request.query;
      if (b === 'live') {
        const strategyId = (await a.strategy())?.strategy.strategyId;
        return compareSides(a, liveSide(db, context, snapshotA.asOf, strategyId));
      }
      return compareSides(a, snapshotSide(db, context, await requireSnapshot(db, b)));
    },
  );

  fastify.get(
    '/api/snapshots/:id',
    {
      schema: {
        tags: ['Øjebliksbilleder'],
        summary: 'Ét øjebliksbillede med listen over de frosne udtræk',
        params: Type.Object({ id: SnapshotId }),
        response: { 200: SnapshotDetailSchema, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const snapshot = await requireSnapshot(fastify.database.db, request.params.id);
      const keys = await listSnapshotRequestKeys(fastify.database.db, snapshot.id);
      return { ...toSummary(snapshot), requests: keys.map(parseSnapshotRequestKey) };
    },
  );
};

export default snapshots;
