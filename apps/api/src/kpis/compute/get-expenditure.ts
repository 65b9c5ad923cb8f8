/**
 * K2 Udgifter pr. hovedområde (DESIGN §6): net postings per chart-of-accounts function in each
 * period, with the budgets of the year of the period end, the latest forecast as of the as-of
 * date, the deviation, each function's share of the period's total, growth on the same period a
 * year earlier and the amount per inhabitant. Fixed prices convert each amount by its own year:
 * a posting by its posting year, a budget by its budget year. All periods in one statement.
 */
import { sql } from 'kysely';
import type { ComputeKpi } from '../kpi-query.ts';
import { groupKeyFor, periodsTable, priceBaseYear, toKpiComputations, totalAndGroups, type GroupedRow } from './query-fragments.ts';

interface ExpenditureRow extends GroupedRow {
  amount: number;
  previous_amount: number;
  previous_postings: number;
  budget_original: number | null;
  budget_corrected: number | null;
  forecast: number | null;
  inhabitants: number | null;
}

export const getExpenditure: ComputeKpi = async (db, query) => {
  const baseYear = priceBaseYear(query.prices);
  const groupKey = groupKeyFor(query.by, { function: sql`function_code` });

  const { rows } = await sql<ExpenditureRow>`
    WITH p AS (
      SELECT period_no,
             period_from,
             period_to,
             extract(year FROM period_to)::integer AS budget_year,
             -- the same period a year earlier; a period ending on a month's last day compares
             -- with that month's last day (February 2025 with all of February 2024)
             (period_from - interval '1 year')::date AS previous_from,
             CASE WHEN extract(day FROM period_to + 1) = 1
                  THEN (date_trunc('month', period_to - interval '1 year') + interval '1 month - 1 day')::date
                  ELSE (period_to - interval '1 year')::date
             END AS previous_to
      FROM ${periodsTable(query.periods)}
    ), current_postings AS (
      SELECT p.period_no, n.*
      FROM p CROSS JOIN LATERAL kpi.net_postings(p.period_from, p.period_to, ${baseYear}::integer) n
    ), previous_postings AS (
      SELECT p.period_no, n.*
      FROM p CROSS JOIN LATERAL kpi.net_postings(p.previous_from, p.previous_to, ${baseYear}::integer) n
    ), latest_budget AS (
      -- per year, function and type the row that stands on the as-of date: the latest
      -- reported_on ≤ as-of; an undated budget stands from the start and gives way to a dated one
      SELECT DISTINCT ON (b.year, b.function_code, b.budget_type)
             b.year,
             b.function_code,
             b.budget_type,
             CASE WHEN ${baseYear}::integer IS NULL THEN b.amount
                  ELSE b.amount * kpi.price_factor(b.year, ${baseYear}::integer)
             END AS amount
      FROM budget b
      WHERE b.year IN (SELECT budget_year FROM p) AND (b.reported_on IS NULL OR b.reported_on <= ${query.asOf}::date)
      ORDER BY b.year, b.function_code, b.budget_type, b.reported_on DESC NULLS LAST
    ), budget_by_function AS (
      SELECT p.period_no,
             l.function_code,
             sum(l.amount) FILTER (WHERE l.budget_type = 'oprindeligt') AS budget_original,
             sum(l.amount) FILTER (WHERE l.budget_type = 'korrigeret') AS budget_corrected,
             sum(l.amount) FILTER (WHERE l.budget_type = 'forventet') AS forecast
      FROM p JOIN latest_budget l ON l.year = p.budget_year
      GROUP BY p.period_no, l.function_code
    ), by_function AS (
      SELECT period_no,
             function_code,
             coalesce(c.amount, 0) AS amount,
             coalesce(pp.amount, 0) AS previous_amount,
             coalesce(pp.postings, 0) AS previous_postings,
             b.budget_original,
             b.budget_corrected,
             b.forecast,
             -- a function gets a row when it has postings in the period or a budget for the year;
             -- functions with postings only a year earlier still count in the total's growth
             c.function_code IS NOT NULL OR b.function_code IS NOT NULL AS shown
      FROM (SELECT period_no, function_code FROM current_postings
            UNION SELECT period_no, function_code FROM previous_postings
            UNION SELECT period_no, function_code FROM budget_by_function) f
      LEFT JOIN current_postings c USING (period_no, function_code)
      LEFT JOIN previous_postings pp USING (period_no, function_code)
      LEFT JOIN budget_by_function b USING (period_no, function_code)
    ), grouped AS (
      -- every period, so one without postings or budgets still gets its total row (amount 0,
      -- and per inhabitant 0 when the year has a population)
      SELECT p.period_no, f.function_code, f.amount, f.previous_amount, f.previous_postings,
             f.budget_original, f.budget_corrected, f.forecast, f.shown,
             nullif(pop.inhabitants, 0) AS inhabitants
      FROM p
      LEFT JOIN by_function f USING (period_no)
      LEFT JOIN kpi.population_total pop ON pop.year = p.budget_year
    )
    SELECT period_no,
           grouping(group_key) = 1 AS is_total,
           group_key,
           coalesce(sum(amount), 0) AS amount,
           coalesce(sum(previous_amount), 0) AS previous_amount,
           coalesce(sum(previous_postings), 0)::integer AS previous_postings,
           sum(budget_original) AS budget_original,
           sum(budget_corrected) AS budget_corrected,
           sum(forecast) AS forecast,
           min(inhabitants) AS inhabitants
    FROM (SELECT *, ${groupKey} AS group_key FROM grouped) g
    GROUP BY ${totalAndGroups}
    HAVING grouping(group_key) = 1 OR bool_or(shown)
  `.execute(db);

  const periodTotals = new Map(rows.filter((row) => row.is_total).map((row) => [Number(row.period_no), row.amount]));
  return toKpiComputations(
    rows,
    query,
    (row) => {
      const totalAmount = periodTotals.get(Number(row.period_no)) ?? 0;
      return {
        amount: row.amount,
        budgetOriginal: row.budget_original,
        budgetCorrected: row.budget_corrected,
        forecast: row.forecast,
        deviation: row.forecast !== null && row.budget_corrected !== null ? row.forecast - row.budget_corrected : null,
        shareOfTotal: totalAmount !== 0 ? row.amount / totalAmount : null,
        growth: row.previous_postings > 0 && row.previous_amount !== 0 ? row.amount / row.previous_amount - 1 : null,
        perInhabitant: row.inhabitants !== null ? row.amount / row.inhabitants : null,
      };
    },
    // not reached: the statement gives every period its total row
    () => ({ amount: 0, budgetOriginal: null, budgetCorrected: null, forecast: null, deviation: null, shareOfTotal: null, growth: null, perInhabitant: null }),
  );
};
