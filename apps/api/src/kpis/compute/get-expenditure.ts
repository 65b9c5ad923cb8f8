/**
 * K2 Udgifter pr. hovedområde (DESIGN §6): net postings per chart-of-accounts function in the
 * period, with the budgets of the year of the period end, the latest forecast as of the as-of
 * date, the deviation, each function's share of the total, growth on the same period a year
 * earlier and the amount per inhabitant. Fixed prices convert each amount by its own year: a
 * posting by its posting year, a budget by its budget year.
 */
import { sql } from 'kysely';
import type { ComputeKpi } from '../kpi-query.ts';
import { groupKeyFor, priceBaseYear, toKpiRows, totalAndGroups, type GroupedRow } from './query-fragments.ts';

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
  const { from, to } = query.period;
  const budgetYear = Number(to.slice(0, 4));
  const baseYear = priceBaseYear(query.prices);
  const groupKey = groupKeyFor(query.by, { function: sql`function_code` });

  const { rows } = await sql<ExpenditureRow>`
    WITH previous_period AS (
      -- the same period a year earlier; a period ending on a month's last day compares with
      -- that month's last day (February 2025 with all of February 2024)
      SELECT (${from}::date - interval '1 year')::date AS from_date,
             CASE WHEN extract(day FROM ${to}::date + 1) = 1
                  THEN (date_trunc('month', ${to}::date - interval '1 year') + interval '1 month - 1 day')::date
                  ELSE (${to}::date - interval '1 year')::date
             END AS to_date
    ), current_postings AS (
      SELECT * FROM kpi.net_postings(${from}::date, ${to}::date, ${baseYear}::integer)
    ), previous_postings AS (
      SELECT n.* FROM previous_period, kpi.net_postings(previous_period.from_date, previous_period.to_date, ${baseYear}::integer) n
    ), latest_budget AS (
      -- per function and type the row that stands on the as-of date: the latest reported_on
      -- ≤ as-of; an undated budget stands from the start and gives way to a dated one
      SELECT DISTINCT ON (b.function_code, b.budget_type)
             b.function_code,
             b.budget_type,
             CASE WHEN ${baseYear}::integer IS NULL THEN b.amount
                  ELSE b.amount * kpi.price_factor(b.year, ${baseYear}::integer)
             END AS amount
      FROM budget b
      WHERE b.year = ${budgetYear}::integer AND (b.reported_on IS NULL OR b.reported_on <= ${query.asOf}::date)
      ORDER BY b.function_code, b.budget_type, b.reported_on DESC NULLS LAST
    ), budget_by_function AS (
      SELECT function_code,
             sum(amount) FILTER (WHERE budget_type = 'oprindeligt') AS budget_original,
             sum(amount) FILTER (WHERE budget_type = 'korrigeret') AS budget_corrected,
             sum(amount) FILTER (WHERE budget_type = 'forventet') AS forecast
      FROM latest_budget
      GROUP BY function_code
    ), by_function AS (
      SELECT function_code,
             coalesce(c.amount, 0) AS amount,
             coalesce(p.amount, 0) AS previous_amount,
             coalesce(p.postings, 0) AS previous_postings,
             b.budget_original,
             b.budget_corrected,
             b.forecast,
             -- a function gets a row when it has postings in the period or a budget for the year;
             -- functions with postings only a year earlier still count in the total's growth
             c.function_code IS NOT NULL OR b.function_code IS NOT NULL AS shown
      FROM (SELECT function_code FROM current_postings
            UNION SELECT function_code FROM previous_postings
            UNION SELECT function_code FROM budget_by_function) f
      LEFT JOIN current_postings c USING (function_code)
      LEFT JOIN previous_postings p USING (function_code)
      LEFT JOIN budget_by_function b USING (function_code)
    ), grouped AS (
      SELECT *, ${groupKey} AS group_key FROM by_function
    )
    SELECT grouping(group_key) = 1 AS is_total,
           group_key,
           coalesce(sum(amount), 0) AS amount,
           coalesce(sum(previous_amount), 0) AS previous_amount,
           coalesce(sum(previous_postings), 0)::integer AS previous_postings,
           sum(budget_original) AS budget_original,
           sum(budget_corrected) AS budget_corrected,
           sum(forecast) AS forecast,
           (SELECT nullif(inhabitants, 0) FROM kpi.population_total WHERE year = ${budgetYear}::integer) AS inhabitants
    FROM grouped
    GROUP BY ${totalAndGroups}
    HAVING grouping(group_key) = 1 OR bool_or(shown)
  `.execute(db);

  const totalAmount = rows.find((row) => row.is_total)?.amount ?? 0;
  return {
    rows: toKpiRows(rows, query.by, (row) => ({
      amount: row.amount,
      budgetOriginal: row.budget_original,
      budgetCorrected: row.budget_corrected,
      forecast: row.forecast,
      deviation: row.forecast !== null && row.budget_corrected !== null ? row.forecast - row.budget_corrected : null,
      shareOfTotal: totalAmount !== 0 ? row.amount / totalAmount : null,
      growth: row.previous_postings > 0 && row.previous_amount !== 0 ? row.amount / row.previous_amount - 1 : null,
      perInhabitant: row.inhabitants !== null ? row.amount / row.inhabitants : null,
    })),
  };
};
