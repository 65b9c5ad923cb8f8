/**
 * Frozen snapshots (DESIGN §7): freezing every standard KPI answer and the strategy progress at
 * an as-of date, and answering KPI and strategy requests from them. The answers are stored as
 * served — after suppression, by getKpiResult, the one path through it — so a snapshot can never
 * hold a number the live API would withhold, and a frozen answer needs no computing to be shown.
 */
import { KPI_CATALOGUE, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { getKpiResult } from '../kpis/get-kpi-result.ts';
import { resolveKpiQuery } from '../kpis/resolve-kpi-query.ts';
import { isValidIsoDate } from '../kpis/resolve-period.ts';
import { getKpiContext, type KpiContext } from '../repositories/get-kpi-context.ts';
import {
  findSnapshot,
  insertSnapshot,
  readSnapshotAnswer,
  readSnapshotStrategy,
  type FollowUpDate,
  type SnapshotRow,
} from '../repositories/snapshots.ts';
import { BadRequestError } from '../schemas/bad-request.ts';
import { ClientError } from '../schemas/client-error.ts';
import type { KpiAnswerQueryString } from '../schemas/kpi-query.ts';
import type { KpiResult } from '../schemas/kpi-result.ts';
import type { CreateSnapshotBody, SnapshotMarker } from '../schemas/snapshot.ts';
import type { StrategyProgress } from '../schemas/strategy.ts';
import { getStrategyProgress } from '../strategy/get-strategy-progress.ts';
import { NOT_IN_SNAPSHOT, snapshotKeyOfRequest, snapshotRequestKey, snapshotRequests } from './snapshot-request.ts';

/** A follow-up's date in a year, or null when it does not exist that year (29 February). */
export function followUpDateIn(year: number, followUp: FollowUpDate): string | null {
  const iso = `${year}-${String(followUp.month).padStart(2, '0')}-${String(followUp.day).padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** "Budgetopfølgning 2 – 2026 (pr. 31.08.2026)" on a follow-up date, else a plain name with the date. */
export function defaultSnapshotName(asOf: string, followUps: readonly FollowUpDate[]): string {
  const followUp = followUps.find((candidate) => followUpDateIn(Number(asOf.slice(0, 4)), candidate) === asOf);
  return followUp
    ? `Budgetopfølgning ${followUp.followUp} – ${asOf.slice(0, 4)} (pr. ${formatIsoDate(asOf)})`
    : `Øjebliksbillede (pr. ${formatIsoDate(asOf)})`;
}

/** Each follow-up's next date on or after `today`, with the name a snapshot then gets. */
export function suggestFollowUps(followUps: readonly FollowUpDate[], today: string) {
  const year = Number(today.slice(0, 4));
  return followUps.map((followUp) => {
    const next = [year, year + 1, year + 2, year + 3, year + 4]
      .map((candidate) => followUpDateIn(candidate, followUp))
      .find((date): date is string => date !== null && date >= today);
    if (!next) throw new Error(`Follow-up ${followUp.followUp} has no date in the next years`);
    return { ...followUp, next, name: defaultSnapshotName(next, followUps) };
  });
}

/** Checked before storing: a day that no year has (31 April) is a Danish 400. */
export function assertFollowUpDates(dates: readonly { month: number; day: number }[]): void {
  for (const date of dates) {
    // 2024 is a leap year: 29 February exists in some years and is allowed.
    if (followUpDateIn(2024, { followUp: 0, ...date }) === null) {
      throw new BadRequestError(`Datoen ${date.day}.${date.month}. findes ikke; ret opfølgningsdatoerne`);
    }
  }
}

export interface SnapshotPlan {
  name: string;
  asOf: string;
  earliestDate: string;
  createdBy: string;
}

/** Checks a POST /api/snapshots body before any work starts, so its mistakes are plain 400s. */
export function planSnapshot(context: KpiContext, body: CreateSnapshotBody, followUps: readonly FollowUpDate[]): SnapshotPlan {
  if (body.asOf !== undefined && !isValidIsoDate(body.asOf)) throw new BadRequestError(`asOf=${body.asOf} er ikke en gyldig dato`);
  const asOf = body.asOf ?? context.defaultAsOf;
  if (!asOf || !context.earliestDate) throw new BadRequestError('Der er ingen data endnu, så der er intet at fryse');
  if (asOf < context.earliestDate) {
    throw new BadRequestError(`Opgørelsesdatoen ${formatIsoDate(asOf)} ligger før de første data (${formatIsoDate(context.earliestDate)})`);
  }
  // A freeze answers every year and half up to its date: a date far ahead (9999) would run for days.
  const latest = `${Number((context.defaultAsOf ?? asOf).slice(0, 4)) + 1}-12-31`;
  if (asOf > latest) {
    throw new BadRequestError(`Opgørelsesdatoen ${formatIsoDate(asOf)} ligger mere end et år efter de seneste data; vælg en dato til og med ${formatIsoDate(latest)}`);
  }
  return { name: body.name ?? defaultSnapshotName(asOf, followUps), asOf, earliestDate: context.earliestDate, createdBy: body.createdBy ?? 'ukendt' };
}

/**
 * Computes every answer first and stores them in one transaction at the end, so a failed freeze
 * leaves nothing behind and the immutable tables never see a half-made snapshot. Other requests
 * get a turn between answers.
 */
export async function freezeSnapshot(
  db: Kysely<Tables>,
  context: KpiContext,
  plan: SnapshotPlan,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<SnapshotRow> {
  const requests = KPI_CATALOGUE.flatMap((kpi) => snapshotRequests(kpi, context, plan.earliestDate, plan.asOf).map((input) => ({ kpi, input })));
  const answers = new Map<string, KpiResult>();
  for (const [index, { kpi, input }] of requests.entries()) {
    onProgress(index, requests.length);
    // Embedded PGlite answers within the microtask queue, so without this a freeze would run to
    // its end before any timer or incoming request got a turn (measured: a request waited 11 s).
    await new Promise((resolve) => setImmediate(resolve));
    try {
      answers.set(snapshotRequestKey(kpi.id, resolveKpiQuery(kpi, input, context)), await getKpiResult(db, kpi, input, context));
    } catch (error) {
      // A request the live API refuses too (e.g. fixed prices for a year without an index) is
      // not frozen; asked of the snapshot, it is refused the same way.
      if (!(error instanceof BadRequestError)) throw error;
    }
  }
  let strategy: StrategyProgress | null = null;
  try {
    strategy = await getStrategyProgress(db, context, { asOf: plan.asOf });
  } catch (error) {
    // No active strategy: the snapshot simply has no strategy page.
    if (!(error instanceof BadRequestError)) throw error;
  }
  onProgress(requests.length, requests.length);
  // An import or settings change during the freeze would leave answers from two data versions
  // under one version number; such a snapshot is refused rather than stored.
  if ((await getKpiContext(db)).version !== context.version) {
    throw new ClientError(409, 'Data eller indstillinger blev ændret, mens øjebliksbilledet blev taget. Tag det igen.');
  }
  const id = await insertSnapshot(db, {
    name: plan.name,
    asOf: plan.asOf,
    dataVersion: context.dataVersion,
    baseYear: context.defaultBaseYear,
    createdBy: plan.createdBy,
    strategy,
    answers,
  });
  const snapshot = await findSnapshot(db, id);
  if (!snapshot) throw new Error(`Snapshot ${id} was stored but cannot be read back`);
  return snapshot;
}

/** The snapshot, or a Danish 404. */
export async function requireSnapshot(db: Kysely<Tables>, id: number): Promise<SnapshotRow> {
  const snapshot = await findSnapshot(db, id);
  if (!snapshot) throw new ClientError(404, `Øjebliksbillede ${id} findes ikke`);
  return snapshot;
}

export function snapshotMarker(snapshot: SnapshotRow): NonNullable<SnapshotMarker> {
  return { id: snapshot.id, name: snapshot.name, asOf: snapshot.asOf, dataVersion: snapshot.dataVersion, createdAt: snapshot.createdAt };
}

/** A frozen KPI answer, marked with its snapshot; a Danish 400 when the snapshot lacks the request. */
export async function getSnapshotKpiResult(
  db: Kysely<Tables>,
  kpi: KpiDefinition,
  input: Omit<KpiAnswerQueryString, 'snapshot'>,
  context: KpiContext,
  snapshot: SnapshotRow,
): Promise<KpiResult> {
  const key = snapshotKeyOfRequest(kpi, input, context, snapshot);
  const answer = await readSnapshotAnswer(db, snapshot.id, key);
  if (answer === undefined) throw new BadRequestError(`${NOT_IN_SNAPSHOT}.`);
  // Written by freezeSnapshot from a KpiResult; the route's response schema serializes it again.
  return { ...(answer as KpiResult), snapshot: snapshotMarker(snapshot) };
}

/**
 * GET /api/kpis/:id and the exports: the live answer, or with `snapshot` the frozen one. Both are
 * answers that went through getKpiResult; the frozen one did so when the snapshot was taken.
 */
export async function answerKpiRequest(
  db: Kysely<Tables>,
  kpi: KpiDefinition,
  input: KpiAnswerQueryString,
  context: KpiContext,
  onStoreMiss: () => void,
): Promise<KpiResult> {
  const { snapshot: snapshotId, ...query } = input;
  if (snapshotId === undefined) return getKpiResult(db, kpi, query, context, { onStoreMiss });
  return getSnapshotKpiResult(db, kpi, query, context, await requireSnapshot(db, snapshotId));
}

/** The frozen strategy page, marked; a Danish 400 for another strategy, as-of date or none frozen. */
export async function getSnapshotStrategy(
  db: Kysely<Tables>,
  snapshot: SnapshotRow,
  query: { strategy?: string; asOf?: string },
): Promise<StrategyProgress> {
  // Written by freezeSnapshot from getStrategyProgress's answer.
  const frozen = (await readSnapshotStrategy(db, snapshot.id)) as StrategyProgress | null;
  if (!frozen) throw new BadRequestError('Øjebliksbilledet indeholder ikke strategien; der var ingen aktiv strategi, da det blev taget.');
  if (query.strategy !== undefined && query.strategy !== frozen.strategy.strategyId) {
    throw new BadRequestError(`${NOT_IN_SNAPSHOT} (strategien "${frozen.strategy.strategyId}", ikke "${query.strategy}").`);
  }
  if (query.asOf !== undefined && query.asOf !== snapshot.asOf) {
    throw new BadRequestError(`${NOT_IN_SNAPSHOT} (opgørelsesdato ${snapshot.asOf}, ikke ${query.asOf}).`);
  }
  return { ...frozen, snapshot: snapshotMarker(snapshot) };
}
