/**
 * The contract between the KPI route and the one file per KPI that computes it. A compute
 * function gets a resolved query (dates already checked and clipped) with one or more periods —
 * the asked period and the points of its series, or every standard period when results are
 * precomputed — and returns, per period, raw values for the total row and one row per group, in
 * one statement where the SQL allows it, so a series costs one round trip, not one per point.
 * Suppression, formatting and metadata happen afterwards in one place (suppress.ts,
 * get-kpi-result.ts), so no compute function can forget them.
 */
import type { AgeBand, BreakdownId, FilterId } from '@sol/domain/kpi-catalogue.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';

export interface KpiFilters {
  targetGroup?: readonly string[];
  paragraph?: readonly string[];
  ageBand?: readonly AgeBand[];
  operation?: readonly string[];
}
export type { FilterId };

export interface ResolvedPeriod {
  /** First day, inclusive, YYYY-MM-DD. */
  from: string;
  /** Last day, inclusive, YYYY-MM-DD; never after the as-of date. */
  to: string;
}

export interface KpiQuery {
  /** Computed independently of each other; each `to` ≤ `asOf`. Never empty. */
  periods: readonly ResolvedPeriod[];
  /** The date the data is read as of (DESIGN §5). */
  asOf: string;
  by: BreakdownId | null;
  filters: KpiFilters;
  prices: { kind: 'current' } | { kind: 'fixed'; baseYear: number };
  /** K4 only: stays starting in the period, or all stays active in it. */
  cohort: 'start' | 'active';
}

/** One row of values: `group` null is the total over everything the filters let through. */
export interface KpiRow {
  group: string | null;
  values: Record<string, number | null>;
}

export interface SurvivalPoint {
  /** Days since the stay started. */
  day: number;
  /** Kaplan–Meier S(t) just after `day`. */
  survival: number;
}

/** The result for one period. */
export interface KpiComputation {
  /** Total row first, then one row per group present in the data (when `by` is set). */
  rows: KpiRow[];
  /** K4: the Kaplan–Meier curve of the total row, with the number of stays it rests on. */
  survivalCurve?: { stays: number; points: SurvivalPoint[] };
  /** K4: the median was not reached (curve stays above 0.5), per group (null = total). */
  notReached?: (string | null)[];
}

/** Returns one KpiComputation per period of the query, in the same order. */
export type ComputeKpi = (db: Kysely<Tables>, query: KpiQuery) => Promise<KpiComputation[]>;
