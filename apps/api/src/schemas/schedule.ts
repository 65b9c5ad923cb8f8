/**
 * Schemas of the scheduled KPI email routes: schedules (cron in Europe/Copenhagen time), their
 * threshold alerts, the delivery log, and the automatic freezing of budget follow-up snapshots.
 */
import { KPI_CATALOGUE } from '@sol/domain/kpi-catalogue.ts';
import { Type, type Static } from 'typebox';

export const ScheduleId = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Udsendelsens id' });
export const AlertId = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Tærskelalarmens id' });

const KpiId = Type.String({ enum: KPI_CATALOGUE.map((kpi) => kpi.id), description: 'Nøgletallets id' });
/** Checked for shape here and for sense (a real address) by nodemailer's parser in the route. */
const EmailAddress = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@<>,;]+@[^\\s@<>,;]+\\.[^\\s@<>,;]+$' });
const Instant = Type.String({ description: 'Tidspunkt (ISO 8601, UTC)' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const CronExpression = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Cron-udtryk med fem felter (minut time dag måned ugedag) i dansk tid (Europe/Copenhagen), fx "0 7 * * 1-5"',
});

/** A run time as an instant and as Danish local text ("mandag 7. december 2026 kl. 07.00"). */
export const RunTimeSchema = Type.Object({ at: Instant, text: Type.String() });
export type RunTime = Static<typeof RunTimeSchema>;

export const CronPreviewSchema = Type.Object({
  cron: Type.String(),
  timeZone: Type.Literal('Europe/Copenhagen'),
  nextRuns: Type.Array(RunTimeSchema, { description: 'De næste 3 kørsler' }),
});

export const ScheduleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    cron: CronExpression,
    recipients: Type.Array(EmailAddress, { minItems: 1, maxItems: 50, description: 'Modtagernes e-mailadresser' }),
    kpiIds: Type.Array(KpiId, { minItems: 1, maxItems: 12, description: 'Nøgletallene i mailen, i den viste rækkefølge' }),
    attachXlsx: Type.Boolean({ description: 'Vedhæft tallene som Excel-ark' }),
    enabled: Type.Boolean(),
    createdBy: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ScheduleBody = Static<typeof ScheduleBody>;

export const DeliveryKind = Type.Union([Type.Literal('scheduled'), Type.Literal('test'), Type.Literal('alert')]);
export const DeliveryState = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('skipped'),
]);

export const DeliverySchema = Type.Object({
  id: Type.Integer(),
  scheduleId: Type.Integer(),
  scheduleName: Type.String(),
  kind: DeliveryKind,
  slotAt: Type.String({ description: 'Det planlagte tidspunkt (for test og alarmer: da den blev bestilt)' }),
  slotText: Type.String({ description: 'Det planlagte tidspunkt i dansk tid' }),
  late: Type.Boolean({ description: 'Sendt for sent, fordi programmet ikke kørte på tidspunktet' }),
  state: DeliveryState,
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Instant),
  lastError: Nullable(Type.String()),
  sentAt: Nullable(Instant),
  subject: Nullable(Type.String()),
  recipients: Type.Array(Type.String()),
  note: Nullable(Type.String({ description: 'Fx hvorfor en udsendelse blev sprunget over' })),
});
export type Delivery = Static<typeof DeliverySchema>;

export const AlertBody = Type.Object(
  {
    kpiId: KpiId,
    measureId: Type.String({ minLength: 1, maxLength: 100 }),
    direction: Type.Union([Type.Literal('below'), Type.Literal('above')], { description: 'Alarm når tallet kommer under / over tærsklen' }),
    threshold: Type.Number({ description: 'I målets enhed som API’et giver den: andele som brøk (0,8 = 80 %)' }),
  },
  { additionalProperties: false },
);
export type AlertBody = Static<typeof AlertBody>;

export const AlertSchema = Type.Object({
  id: Type.Integer(),
  scheduleId: Type.Integer(),
  kpiId: Type.String(),
  kpiTitle: Type.String(),
  measureId: Type.String(),
  measureTitle: Type.String(),
  unit: Type.String(),
  direction: Type.Union([Type.Literal('below'), Type.Literal('above')]),
  threshold: Type.Number(),
  thresholdText: Type.String({ description: 'Fx "under 80,0 %"' }),
  state: Type.Union([Type.Literal('unknown'), Type.Literal('ok'), Type.Literal('crossed')], {
    description: 'unknown: ikke tjekket endnu (eller tallet er diskretioneret); crossed: tærsklen er krydset',
  }),
  lastValue: Nullable(Type.Number()),
  lastCheckedAt: Nullable(Instant),
});
export type Alert = Static<typeof AlertSchema>;

export const ScheduleSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  cron: Type.String(),
  timeZone: Type.Literal('Europe/Copenhagen'),
  recipients: Type.Array(Type.String()),
  kpiIds: Type.Array(Type.String()),
  attachXlsx: Type.Boolean(),
  enabled: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
  nextRuns: Type.Array(RunTimeSchema, { description: 'De næste 3 kørsler (tom når udsendelsen er slået fra)' }),
  lastDelivery: Nullable(DeliverySchema),
  alerts: Type.Array(AlertSchema),
});
export type Schedule = Static<typeof ScheduleSchema>;

export const AutoFreezeSchema = Type.Object({
  enabled: Type.Boolean({ description: 'Frys et øjebliksbillede automatisk på hver budgetopfølgningsdato' }),
  since: Nullable(Type.String({ description: 'Datoer før denne fryses ikke automatisk (dagen det blev slået til)' })),
  nextFreeze: Nullable(
    Type.Object({ followUp: Type.Integer(), asOf: Type.String(), name: Type.String() }, { description: 'Den næste automatiske frysning' }),
  ),
});
export type AutoFreeze = Static<typeof AutoFreezeSchema>;
