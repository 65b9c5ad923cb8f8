/**
 * Scheduled KPI email (issue 6): schedules with a cron expression in Danish time, recipients and
 * KPIs; "send a test now"; a preview of the email; threshold alerts; the delivery log; and the
 * automatic freezing of the budget follow-ups. The sending itself is the scheduler's
 * (schedules/scheduler.ts); these routes only read and change what it works from.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { formatMeasureValue } from '@sol/domain/format-danish.ts';
import { findKpi, findMeasure, type Unit } from '@sol/domain/kpi-catalogue.ts';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getKpiContext } from '../../repositories/get-kpi-context.ts';
import {
  claimDelivery,
  deleteAlert,
  deleteSchedule,
  findDelivery,
  findPreviousSentValues,
  findSchedule,
  insertAlert,
  insertSchedule,
  listAlerts,
  listDeliveries,
  listLastDeliveries,
  listSchedules,
  updateSchedule,
  type AlertRow,
  type DeliveryRow,
  type ScheduleRow,
} from '../../repositories/schedules.ts';
import { listFollowUpDates, readAutoFreeze, saveAutoFreeze } from '../../repositories/snapshots.ts';
import { BadRequestError } from '../../schemas/bad-request.ts';
import { ClientError } from '../../schemas/client-error.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { FileResponse } from '../../schemas/kpi-export.ts';
import {
  AlertBody,
  AlertId,
  AlertSchema,
  AutoFreezeSchema,
  CronExpression,
  CronPreviewSchema,
  DeliverySchema,
  ScheduleBody,
  ScheduleId,
  ScheduleSchema,
  type Alert,
  type Delivery,
  type Schedule,
} from '../../schemas/schedule.ts';
import { SnapshotId } from '../../schemas/snapshot.ts';
import { composeEmail, type EmailValues } from '../../schedules/compose-email.ts';
import { danishIsoDate, formatRunTime, nextRuns, SCHEDULE_TIME_ZONE, validateCron } from '../../schedules/cron-schedule.ts';
import { nextFollowUpFreeze } from '../../snapshots/auto-freeze.ts';
import { requireSnapshot } from '../../snapshots/snapshots.ts';

const TAGS = ['Udsendelser'];
const NEXT_RUNS = 3;

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    scheduleId: row.scheduleId,
    scheduleName: row.scheduleName,
    kind: row.kind,
    slotAt: row.slotAt,
    slotText: formatRunTime(new Date(row.slotAt)),
    late: row.late,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    sentAt: row.sentAt,
    subject: row.subject,
    recipients: row.recipients,
    note: row.note,
  };
}

function toAlert(row: AlertRow): Alert {
  const kpi = findKpi(row.kpiId);
  const measure = kpi ? findMeasure(kpi, row.measureId) : undefined;
  const unit = (measure?.unit ?? 'antal') as Unit;
  return {
    id: row.id,
    scheduleId: row.scheduleId,
    kpiId: row.kpiId,
    kpiTitle: kpi?.title ?? row.kpiId,
    measureId: row.measureId,
    measureTitle: measure?.title ?? row.measureId,
    unit,
    direction: row.direction,
    threshold: row.threshold,
    thresholdText: `${row.direction === 'below' ? 'under' : 'over'} ${formatMeasureValue(row.threshold, unit, measure?.decimals ?? 1)}`,
    state: row.state,
    lastValue: row.lastValue,
    lastCheckedAt: row.lastCheckedAt,
  };
}

const runTimes = (cron: string, after: Date) => nextRuns(cron, after, NEXT_RUNS).map((at) => ({ at: at.toISOString(), text: formatRunTime(at) }));

async function describeSchedules(fastify: FastifyInstance, rows: ScheduleRow[]): Promise<Schedule[]> {
  const ids = rows.map((row) => row.id);
  const db = fastify.database.db;
  const [alerts, last] = await Promise.all([listAlerts(db, ids), listLastDeliveries(db, ids)]);
  const now = fastify.clock();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    cron: row.cron,
    timeZone: SCHEDULE_TIME_ZONE,
    recipients: row.recipients,
    kpiIds: row.kpiIds,
    attachXlsx: row.attachXlsx,
    enabled: row.enabled,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    nextRuns: row.enabled ? runTimes(row.cron, now) : [],
    lastDelivery: (() => {
      const delivery = last.find((candidate) => candidate.scheduleId === row.id);
      return delivery ? toDelivery(delivery) : null;
    })(),
    alerts: alerts.filter((alert) => alert.scheduleId === row.id).map(toAlert),
  }));
}

async function requireSchedule(fastify: FastifyInstance, id: number): Promise<ScheduleRow> {
  const schedule = await findSchedule(fastify.database.db, id);
  if (!schedule) throw new ClientError(404, `Udsendelse ${id} findes ikke`);
  return schedule;
}

/** The body checked beyond its schema: a cron that runs, no address twice. */
function checkedBody(body: ScheduleBody): ScheduleBody {
  const recipients = [...new Set(body.recipients.map((address) => address.trim().toLowerCase()))];
  return { ...body, name: body.name.trim(), cron: validateCron(body.cron), recipients, kpiIds: [...new Set(body.kpiIds)] };
}

const IdParams = Type.Object({ id: ScheduleId });

const schedules: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = fastify.database.db;
  const describeOne = async (id: number): Promise<Schedule> => {
    const [schedule] = await describeSchedules(fastify, [await requireSchedule(fastify, id)]);
    if (!schedule) throw new Error('unreachable: one row in, one schedule out');
    return schedule;
  };

  fastify.get(
    '/api/schedules',
    { schema: { tags: TAGS, summary: 'Alle udsendelser med de næste kørsler, alarmer og seneste mail', response: { 200: Type.Object({ schedules: Type.Array(ScheduleSchema) }) } } },
    async () => ({ schedules: await describeSchedules(fastify, await listSchedules(db)) }),
  );

  fastify.get(
    '/api/schedules/cron-preview',
    {
      schema: {
        tags: TAGS,
        summary: 'Tjekker et cron-udtryk og giver de næste 3 kørsler i dansk tid',
        querystring: Type.Object({ cron: CronExpression }, { additionalProperties: false }),
        response: { 200: CronPreviewSchema, 400: ErrorResponse },
      },
    },
    async (request) => {
      const cron = validateCron(request.query.cron);
      return { cron, timeZone: SCHEDULE_TIME_ZONE, nextRuns: runTimes(cron, fastify.clock()) };
    },
  );

  fastify.post(
    '/api/schedules',
    {
      schema: {
        tags: TAGS,
        summary: 'Opretter en udsendelse',
        description: 'Cron-udtrykket læses i dansk tid (Europe/Copenhagen). Kørsler fra før oprettelsen sendes ikke.',
        body: ScheduleBody,
        response: { 201: ScheduleSchema, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const id = await insertSchedule(db, checkedBody(request.body), fastify.clock());
      return reply.code(201).send(await describeOne(id));
    },
  );

  fastify.get(
    '/api/schedules/:id',
    { schema: { tags: TAGS, summary: 'Én udsendelse', params: IdParams, response: { 200: ScheduleSchema, 400: ErrorResponse, 404: ErrorResponse } } },
    async (request) => describeOne(request.params.id),
  );

  fastify.put(
    '/api/schedules/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Retter en udsendelse',
        description: 'Et nyt cron-udtryk, eller at slå udsendelsen til, gælder fra nu: kørsler fra før rettelsen sendes ikke.',
        params: IdParams,
        body: ScheduleBody,
        response: { 200: ScheduleSchema, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const updated = await updateSchedule(db, request.params.id, checkedBody(request.body), fastify.clock());
      if (!updated) throw new ClientError(404, `Udsendelse ${request.params.id} findes ikke`);
      return describeOne(request.params.id);
    },
  );

  fastify.delete(
    '/api/schedules/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Sletter en udsendelse (dens log bevares; ventende mails springes over)',
        params: IdParams,
        response: { 204: Type.Null(), 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!(await deleteSchedule(db, request.params.id, fastify.clock()))) throw new ClientError(404, `Udsendelse ${request.params.id} findes ikke`);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/api/schedules/:id/test',
    {
      schema: {
        tags: TAGS,
        summary: 'Sender en testmail nu',
        description:
          'Til udsendelsens modtagere eller til `to`. Med `snapshot` viser mailen et øjebliksbilledes tal. Svarer, når mailen er sendt eller ' +
          'mislykkedes (state sent/failed, lastError). En testmail tæller ikke som udsendelsens seneste mail og prøves ikke igen.',
        params: IdParams,
        body: Type.Object(
          {
            to: Type.Optional(ScheduleBody.properties.recipients),
            snapshot: Type.Optional(SnapshotId),
          },
          { additionalProperties: false },
        ),
        response: { 200: DeliverySchema, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const schedule = await requireSchedule(fastify, request.params.id);
      if (request.body.snapshot !== undefined) await requireSnapshot(db, request.body.snapshot);
      const now = fastify.clock();
      const id = await claimDelivery(
        db,
        {
          scheduleId: schedule.id,
          kind: 'test',
          slotAt: now,
          slotKey: randomUUID(),
          late: false,
          state: 'pending',
          recipients: request.body.to ?? schedule.recipients,
          snapshotId: request.body.snapshot ?? null,
        },
        now,
      );
      if (id === null) throw new Error('A new test key collided');
      const delivery = (await fastify.scheduler.sendNow(id)) ?? (await findDelivery(db, id));
      if (!delivery) throw new Error('The test email row disappeared');
      return toDelivery(delivery);
    },
  );

  fastify.get(
    '/api/schedules/:id/preview.html',
    {
      schema: {
        tags: TAGS,
        summary: 'Udsendelsens mail, som den ser ud nu (graferne indlejret), til forhåndsvisning i browseren',
        params: IdParams,
        querystring: Type.Object({ snapshot: Type.Optional(SnapshotId) }, { additionalProperties: false }),
        response: { 200: FileResponse('text/html', 'Mailens HTML'), 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const schedule = await requireSchedule(fastify, request.params.id);
      const context = await getKpiContext(db);
      const now = fastify.clock();
      const previousValues = (await findPreviousSentValues(db, schedule.id, now.toISOString())) as EmailValues | null;
      const email = await composeEmail(
        { db, context, charts: fastify.chartRenderer, publicUrl: new URL('/', `${request.protocol}://${request.host}`).toString(), onStoreMiss: () => fastify.precomputeKpis(context) },
        {
          scheduleName: schedule.name,
          kpiIds: schedule.kpiIds,
          attachXlsx: false,
          kind: 'scheduled',
          slotAt: now,
          late: false,
          previousValues,
          snapshotId: request.query.snapshot,
          images: 'data-uri',
        },
      );
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(Buffer.from(email.html, 'utf8'));
    },
  );

  fastify.post(
    '/api/schedules/:id/alerts',
    {
      schema: {
        tags: TAGS,
        summary: 'Tilføjer en tærskelalarm til udsendelsen',
        description:
          'Tallet (målet for året til opgørelsesdatoen) tjekkes, hver gang der kommer nye data. Når det krydser tærsklen, sendes én mail til ' +
          'udsendelsens modtagere; næste mail kommer først, når tallet har været på den rigtige side igen og krydser på ny.',
        params: IdParams,
        body: AlertBody,
        response: { 201: AlertSchema, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const schedule = await requireSchedule(fastify, request.params.id);
      const kpi = findKpi(request.body.kpiId);
      const measure = kpi ? findMeasure(kpi, request.body.measureId) : undefined;
      if (!kpi || !measure) {
        throw new BadRequestError(`Målet ${request.body.measureId} findes ikke i ${kpi?.title ?? request.body.kpiId}. Mulige mål: ${kpi?.measures.map((m) => m.id).join(', ') ?? ''}`);
      }
      if (!Number.isFinite(request.body.threshold) || (measure.unit === 'procent' && (request.body.threshold < 0 || request.body.threshold > 1))) {
        throw new BadRequestError('En tærskel for en andel angives som brøk mellem 0 og 1 (0,8 = 80 %)');
      }
      const id = await insertAlert(db, { scheduleId: schedule.id, ...request.body }, fastify.clock());
      const alert = (await listAlerts(db, [schedule.id])).find((candidate) => candidate.id === id);
      if (!alert) throw new Error('The new alert disappeared');
      return reply.code(201).send(toAlert(alert));
    },
  );

  fastify.delete(
    '/api/schedules/:id/alerts/:alertId',
    {
      schema: {
        tags: TAGS,
        summary: 'Fjerner en tærskelalarm',
        params: Type.Object({ id: ScheduleId, alertId: AlertId }),
        response: { 204: Type.Null(), 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!(await deleteAlert(db, request.params.id, request.params.alertId, fastify.clock()))) {
        throw new ClientError(404, `Alarm ${request.params.alertId} findes ikke på udsendelse ${request.params.id}`);
      }
      return reply.code(204).send(null);
    },
  );

  fastify.get(
    '/api/deliveries',
    {
      schema: {
        tags: TAGS,
        summary: 'Udsendelsesloggen: hver planlagt mail, testmail og alarm med status, forsøg og fejl, nyeste først',
        querystring: Type.Object(
          { scheduleId: Type.Optional(ScheduleId), limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ deliveries: Type.Array(DeliverySchema) }), 400: ErrorResponse },
      },
    },
    async (request) => ({ deliveries: (await listDeliveries(db, request.query)).map(toDelivery) }),
  );

  const autoFreeze = async () => {
    const setting = await readAutoFreeze(db);
    const today = danishIsoDate(fastify.clock());
    const from = setting.since && setting.since > today ? setting.since : today;
    return { ...setting, nextFreeze: setting.enabled ? nextFollowUpFreeze(await listFollowUpDates(db), from) : null };
  };

  fastify.get(
    '/api/snapshots/auto-freeze',
    { schema: { tags: ['Øjebliksbilleder'], summary: 'Om budgetopfølgningerne fryses automatisk, og den næste', response: { 200: AutoFreezeSchema } } },
    autoFreeze,
  );

  fastify.put(
    '/api/snapshots/auto-freeze',
    {
      schema: {
        tags: ['Øjebliksbilleder'],
        summary: 'Slår automatisk frysning af budgetopfølgningerne til eller fra',
        description:
          'Slået til fryses hver opfølgningsdato fra i dag og frem én gang, så snart data når datoen (data for 31. august kommer typisk i september). ' +
          'Datoer, der allerede er passeret, fryses ikke automatisk.',
        body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: AutoFreezeSchema, 400: ErrorResponse },
      },
    },
    async (request) => {
      await saveAutoFreeze(db, request.body.enabled, danishIsoDate(fastify.clock()));
      return autoFreeze();
    },
  );
};

export default schedules;
