/**
 * The contract between the drill route and the one file per KPI that lists the records behind a
 * cell. A lister gets the KPI's own resolved query narrowed to the cell — one period (the asked one
 * or a point of its series) and one group — and returns the records the KPI counts there, sorted
 * so the same data always gives the same rows. Suppression is decided before and after, in one
 * place (get-kpi-drill.ts), so no lister can forget it.
 */
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import type { KpiContext } from '../../repositories/get-kpi-context.ts';
import type { DrillRow } from '../../schemas/kpi-drill.ts';
import { groupKeyFor, type SqlFragment } from '../compute/query-fragments.ts';
import { groupLabel } from '../group-labels.ts';
import type { KpiQuery, ResolvedPeriod } from '../kpi-query.ts';

export type { DrillRow };

export interface DrillQuery extends Omit<KpiQuery, 'periods'> {
  /** The cell's period; a stock KPI is read on its last day. */
  period: ResolvedPeriod;
  /** The group's code in the breakdown `by`; null (with `by` null) for the total. */
  group: string | null;
  /** At most this many rows, the first in the lister's order. */
  limit: number;
}

export type ListDrillRows = (db: Kysely<Tables>, query: DrillQuery, context: KpiContext) => Promise<DrillRow[]>;

/** `key = group` for the breakdown's key expression, or true for the total. */
export function inGroup(query: DrillQuery, keys: Parameters<typeof groupKeyFor>[1]): SqlFragment {
  return query.by === null ? sql`true` : sql`${groupKeyFor(query.by, keys)} = ${query.group}`;
}

/**
 * A text key in code-point order: the same order on PGlite and on a PostgreSQL server whatever
 * their collation, so a drill gives the same rows in the same order on both.
 */
export function byCodePoint(column: SqlFragment): SqlFragment {
  return sql`${column} COLLATE "C"`;
}

/** An aggregate listing the distinct paragraphs of `column` as one text, e.g. "107, 85". */
export function paragraphList(column: SqlFragment): SqlFragment {
  // Paragraph codes are digits and lower-case letters, ordered alike by every collation.
  return sql`string_agg(DISTINCT ${column}, ', ' ORDER BY ${column})`;
}

/** The Danish label of a code in a breakdown's code list (target group, age band, operation …). */
export function codeLabel(
  by: 'targetGroup' | 'ageBand' | 'operation' | 'decision',
  code: string | null,
  context: KpiContext,
): string | null {
  return code === null ? null : groupLabel(by, code, context);
}
