/**
 * Pieces the KPI queries share: filter conditions bound as parameters, the GROUP BY that yields
 * the total row and one row per group in one pass, turning its result into KpiRows, and the
 * base year of a price choice. Column expressions passed in are fixed SQL written in the compute
 * files, never user input; user input only ever reaches SQL as bound parameters.
 */
import type { FilterId } from '@sol/domain/kpi-catalogue.ts';
import { sql, type RawBuilder } from 'kysely';
import type { KpiComputation, KpiFilters, KpiQuery, KpiRow } from '../kpi-query.ts';

export type SqlFragment = RawBuilder<unknown>;

/** `expression = ANY(codes)` for every filter that is set and this KPI knows how to apply. */
export function filterConditions(filters: KpiFilters, columns: Partial<Record<FilterId, SqlFragment>>): SqlFragment {
  const conditions = (Object.keys(columns) as FilterId[]).flatMap((id) => {
    const codes = filters[id];
    const column = columns[id];
    return column && codes && codes.length > 0 ? [sql`${column} = ANY(${[...codes]}::text[])`] : [];
  });
  return conditions.length > 0 ? sql.join(conditions, sql` AND `) : sql`true`;
}

export function hasFilters(filters: KpiFilters): boolean {
  return Object.values(filters).some((codes) => codes !== undefined && codes.length > 0);
}

/**
 * The query's periods as a table `p(period_from, period_to, period_no)` (period_no counts from 1
 * in the order of `query.periods`), to join facts against so every period is computed in the
 * same statement.
 */
export function periodsTable(periods: KpiQuery['periods']): SqlFragment {
  const froms = periods.map((period) => period.from);
  const tos = periods.map((period) => period.to);
  return sql`unnest(${froms}::date[], ${tos}::date[]) WITH ORDINALITY AS p(period_from, period_to, period_no)`;
}

/**
 * GROUP BY for a query whose input has columns `period_no` and `group_key` (NULL::text without a
 * breakdown): per period, the grand total and one group per key in one pass. Select
 * `grouping(group_key) = 1 AS is_total` with it; toKpiComputations drops the groups again when no
 * breakdown was asked for.
 */
export const totalAndGroups = sql`GROUPING SETS ((period_no), (period_no, group_key))`;

export interface GroupedRow {
  period_no: number;
  is_total: boolean;
  group_key: string | null;
}

/**
 * Splits grouped rows by period into one KpiComputation per period of the query. A period with
 * no input rows at all gets a total row from `empty` (counts 0, statistics null).
 */
export function toKpiComputations<Row extends GroupedRow>(
  rows: readonly Row[],
  query: Pick<KpiQuery, 'periods' | 'by'>,
  values: (row: Row) => KpiRow['values'],
  empty: (periodNo: number) => KpiRow['values'],
): KpiComputation[] {
  // Grouped once: results of a 134-period precompute by provider run to ~700,000 rows.
  const rowsByPeriod = new Map<number, Row[]>();
  for (const row of rows) {
    const periodNo = Number(row.period_no);
    const list = rowsByPeriod.get(periodNo);
    if (list) list.push(row);
    else rowsByPeriod.set(periodNo, [row]);
  }
  return query.periods.map((_, index) => {
    const periodNo = index + 1;
    const periodRows = rowsByPeriod.get(periodNo) ?? [];
    return {
      rows: periodRows.some((row) => row.is_total)
        ? toKpiRows(periodRows, query.by, values)
        : [{ group: null, values: empty(periodNo) }],
    };
  });
}

/**
 * The total row first, then (with a breakdown) the groups sorted by key in code-point order,
 * the same on every engine whatever its collation.
 */
export function toKpiRows<Row extends GroupedRow>(
  rows: readonly Row[],
  by: KpiQuery['by'],
  values: (row: Row) => KpiRow['values'],
): KpiRow[] {
  const total = rows.find((row) => row.is_total);
  if (!total) throw new Error('Forespørgslen gav ingen totalrække');
  const groups = rows
    .filter((row) => by !== null && !row.is_total)
    .map((row) => ({ group: String(row.group_key), values: values(row) }))
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return [{ group: null, values: values(total) }, ...groups];
}

/** The P/L base year for `kpi.price_factor`, or null for current prices. */
export function priceBaseYear(prices: KpiQuery['prices']): number | null {
  return prices.kind === 'fixed' ? prices.baseYear : null;
}

/** The SQL expression for a breakdown this KPI supports; any other breakdown is a caller error. */
export function groupKeyFor(
  by: KpiQuery['by'],
  keys: Partial<Record<NonNullable<KpiQuery['by']>, SqlFragment>>,
): SqlFragment {
  if (by === null) return sql`NULL::text`;
  const key = keys[by];
  if (!key) throw new Error(`Opdelingen ${by} findes ikke for dette nøgletal`);
  return key;
}
