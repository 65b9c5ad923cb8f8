/**
 * Drill to rows: the records behind one cell of a KPI answer — a group of the breakdown, in the
 * period or in one point of its series. The cell is first computed and suppressed exactly as the
 * KPI answer shows it (getKpiResult); the records are listed only when every count they make
 * readable is shown there, and are withheld again when fewer than the threshold turn up. So a
 * drill never tells what the answer hides, primary or secondary.
 */
import { KPI_CATALOGUE, findMeasure, type DrillDefinition, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import { BadRequestError } from '../schemas/bad-request.ts';
import type { KpiDrillQueryString, KpiDrillResult } from '../schemas/kpi-drill.ts';
import { toDrillDefinitionResponse } from '../schemas/kpi-drill.ts';
import type { KpiResultRow } from '../schemas/kpi-result.ts';
import type { ListDrillRows } from './drill/drill-query.ts';
import { listCaseProcessingRows } from './drill/list-case-processing-rows.ts';
import { listHousingRows } from './drill/list-housing-rows.ts';
import { listMeasurementRows } from './drill/list-measurement-rows.ts';
import { listProviderRows } from './drill/list-provider-rows.ts';
import { listRecipientRows } from './drill/list-recipient-rows.ts';
import { listReviewRows } from './drill/list-review-rows.ts';
import { listTemporaryStayRows } from './drill/list-temporary-stay-rows.ts';
import { getKpiResult } from './get-kpi-result.ts';
import { groupLabel } from './group-labels.ts';
import { resolveKpiQuery } from './resolve-kpi-query.ts';

/** Which file lists the records of which KPI; a KPI is drillable when the catalogue says so. */
export const LIST_ROWS_BY_KPI: Readonly<Record<string, ListDrillRows>> = {
  'case-processing': listCaseProcessingRows,
  housing: listHousingRows,
  'temporary-stays': listTemporaryStayRows,
  recipients: listRecipientRows,
  providers: listProviderRows,
  reviews: listReviewRows,
  measurements: listMeasurementRows,
};

/** Rows in one answer at most; a table of more is not read, and an export has its own path. */
export const MAX_DRILL_ROWS = 5_000;

export interface KpiDrillOptions {
  maxRows?: number;
  /** Called when the cell's standard result was not in the result store (so it can be filled). */
  onStoreMiss?: () => void;
}

export async function getKpiDrill(
  db: Kysely<Tables>,
  kpi: KpiDefinition,
  input: KpiDrillQueryString,
  context: KpiContext,
  options: KpiDrillOptions = {},
): Promise<KpiDrillResult> {
  const drill = kpi.drill;
  const listRows = LIST_ROWS_BY_KPI[kpi.id];
  if (!drill || !listRows) throw new BadRequestError(noDrillMessage(kpi));
  const { group: groupInput, point, ...kpiInput } = input;
  const group = groupInput ?? null;
  if (kpiInput.by !== undefined && group === null) {
    throw new BadRequestError(`group mangler: med by=${kpiInput.by} angives koden for den gruppe, hvis rækker skal vises`);
  }
  if (kpiInput.by === undefined && group !== null) {
    throw new BadRequestError('group bruges kun sammen med by (opdelingen, gruppen hører til)');
  }

  const { query, period } = resolveKpiQuery(kpi, kpiInput, context);
  const result = await getKpiResult(db, kpi, kpiInput, context, { withSeries: point !== undefined, onStoreMiss: options.onStoreMiss });
  let cell: { from: string; to: string; label: string; rows: KpiResultRow[] } = { ...period, rows: result.rows };
  if (point !== undefined) {
    const found = result.series.find((entry) => entry.key === point);
    if (!found) {
      const keys = result.series.map((entry) => entry.key);
      throw new BadRequestError(`point=${point} er ikke et punkt i periodens serie. Mulige punkter: ${keys.join(', ')}`);
    }
    cell = found;
  }

  const maxRows = options.maxRows ?? MAX_DRILL_ROWS;
  const threshold = context.suppressionThreshold;
  const row = cell.rows.find((candidate) => candidate.group === group);
  const answer = (
    parts: Pick<KpiDrillResult, 'count' | 'suppressed' | 'message'> & Partial<Pick<KpiDrillResult, 'rows' | 'truncated'>>,
  ): KpiDrillResult => ({
    kpi: { id: kpi.id, code: kpi.code, title: kpi.title },
    period: { from: cell.from, to: cell.to, asOf: period.asOf, label: cell.label },
    by: query.by,
    group,
    groupLabel: groupLabel(query.by, group, context),
    point: point ?? null,
    filters: result.query.filters,
    dataVersion: context.dataVersion,
    suppressionThreshold: threshold,
    columns: toDrillDefinitionResponse(drill).columns,
    rows: [],
    truncated: false,
    maxRows,
    ...parts,
  });

  // A group absent from the answer has nobody in it: no records to show.
  if (!row) return answer({ count: 0, suppressed: false, message: null });
  const count = cellCount(drill, row);
  const withheld = withheldMessage(kpi, drill, row, threshold);
  // Never listed: the rows would show a count the answer withholds.
  if (withheld || count === null) {
    return answer({ count, suppressed: true, message: withheld ?? 'Cellens antal er skjult (diskretionering), så posterne bag den vises ikke.' });
  }
  if (count === 0) return answer({ count, suppressed: false, message: null });

  const rows = await listRows(db, { ...query, period: { from: cell.from, to: cell.to }, group, limit: maxRows + 1 }, context);
  // The listing is the KPI's own reading, so it finds what the count says; should a small cell
  // turn up all the same, its records stay hidden.
  if (rows.length < threshold) {
    return answer({ count, suppressed: true, message: `Cellen rummer færre end ${threshold} poster, så de vises ikke (diskretionering).` });
  }
  const truncated = rows.length > maxRows;
  return answer({
    count,
    suppressed: false,
    message: truncated ? `Viser de første ${maxRows.toLocaleString('da-DK')} af ${count.toLocaleString('da-DK')} poster.` : null,
    rows: rows.slice(0, maxRows),
    truncated,
  });
}

/** The cell's count: the counts whose records the rows are, added up; null when one is withheld. */
function cellCount(drill: DrillDefinition, row: KpiResultRow): number | null {
  let sum = 0;
  for (const measure of drill.counts) {
    const value = row.values[measure];
    if (value === null || value === undefined) return null;
    sum += value;
  }
  return sum;
}

/**
 * Why the rows are withheld, in Danish: the first count they would make readable that the answer
 * withholds — a count the rows are records of, or one a column lets a reader recount — or null.
 */
function withheldMessage(kpi: KpiDefinition, drill: DrillDefinition, row: KpiResultRow, threshold: number): string | null {
  for (const measure of [...drill.counts, ...drill.revealed]) {
    const reason = row.suppressed[measure];
    if (!reason) continue;
    const title = findMeasure(kpi, measure)?.title ?? measure;
    return reason === 'small-count'
      ? `${title} er under ${threshold} i cellen, så posterne bag den vises ikke (diskretionering).`
      : `${title} er skjult i cellen, så et andet lille tal ikke kan regnes ud; posterne bag den vises derfor heller ikke (diskretionering).`;
  }
  return null;
}

function noDrillMessage(kpi: KpiDefinition): string {
  const drillable = KPI_CATALOGUE.filter((entry) => entry.drill).map((entry) => `${entry.id} (${entry.code})`);
  return `${kpi.title} (${kpi.code}) kan ikke åbnes som enkelte poster: tallene er ikke optællinger af borgere, sager eller indsatser. Det kan: ${drillable.join(', ')}`;
}
