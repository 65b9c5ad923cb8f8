/**
 * K3 `housing` (DESIGN §5 boform, §6 K3), per period: citizens by boform on the period's last day
 * D (already no later than the as-of date), the share in independent housing, and the young
 * people (18–24 on the start date) whose first-ever botilbud grant starts in the period. Every
 * period is read in one statement from counts precomputed per target group, birth year and
 * boform on every month-end, and the day-to-day moves between them (sql/views/30-housing.sql).
 */
import { sql } from 'kysely';
import type { ComputeKpi, KpiRow } from '../kpi-query.ts';
import { lastDayOfMonth } from '../resolve-period.ts';
import {
  filterConditions,
  groupKeyFor,
  periodsTable,
  toKpiComputations,
  totalAndGroups,
  type GroupedRow,
  type SqlFragment,
} from './query-fragments.ts';

interface HousingRow extends GroupedRow {
  independent: number;
  residential: number;
  young_entering: number;
}

export const getHousing: ComputeKpi = async (db, query) => {
  // Each counted citizen carries the target group and age band the breakdowns and filters use:
  // in the stock the age on D, among young people entering the age on the start date.
  const columns = { targetGroup: sql`target_group`, ageBand: sql`age_band` };
  const groupKey = groupKeyFor(query.by, columns);
  const stockDates = query.periods.map(({ to }, index) => ({ periodNo: index + 1, day: to, monthEnd: monthEndOnOrBefore(to) }));

  const { rows } = await sql<HousingRow>`
    WITH stock AS (
      -- the stock on D: the count on the last month-end on or before D (or on the last month-end
      -- there is, when D is later: nothing moves after it) …
      SELECT r.period_no, r.period_to, s.target_group, s.birth_year, s.measure, s.citizens
      FROM ${stockDatesTable(stockDates)}
      JOIN kpi.housing_stock s ON s.month_end = least(r.month_end, (SELECT max(month_end) FROM kpi.housing_stock))
      UNION ALL
      -- … plus, when D is not a month-end, the moves after it up to D
      SELECT r.period_no, r.period_to, m.target_group, m.birth_year, m.measure, m.delta
      FROM ${stockDatesTable(stockDates.filter(({ day, monthEnd }) => day !== monthEnd))}
      JOIN kpi.housing_move m ON m.day > r.month_end AND m.day <= r.period_to
    ), counted AS (
      SELECT period_no, target_group, kpi.age_band(kpi.age_on(birth_year, period_to)) AS age_band, measure, citizens
      FROM stock
      UNION ALL
      SELECT p.period_no, e.target_group, e.age_band, 'youngEntering', e.citizens
      FROM ${periodsTable(query.periods)}
      JOIN kpi.young_residential_entry e ON e.entry_date BETWEEN p.period_from AND p.period_to
    )
    SELECT period_no,
           grouping(group_key) = 1 AS is_total,
           group_key,
           coalesce(sum(citizens) FILTER (WHERE measure = 'independent'), 0)::integer AS independent,
           coalesce(sum(citizens) FILTER (WHERE measure = 'residential'), 0)::integer AS residential,
           coalesce(sum(citizens) FILTER (WHERE measure = 'youngEntering'), 0)::integer AS young_entering
    FROM (
      SELECT period_no, measure, citizens, ${groupKey} AS group_key
      FROM counted
      WHERE ${filterConditions(query.filters, columns)}
    ) filtered
    GROUP BY ${totalAndGroups}
    -- counts are never negative, so this leaves out exactly the groups with nobody counted
    HAVING sum(citizens) > 0`.execute(db);

  return toKpiComputations(rows, query, housingValues, () => housingValues({ independent: 0, residential: 0, young_entering: 0 }));
};

interface StockDate {
  periodNo: number;
  /** D, the period's last day. */
  day: string;
  /** The last month-end on or before D. */
  monthEnd: string;
}

/**
 * Stock dates as a table `r(period_no, period_to, month_end)`. The moves are read only for the
 * periods that do not end on a month-end, passed on their own so the planner knows how few they
 * are (usually none).
 */
function stockDatesTable(dates: readonly StockDate[]): SqlFragment {
  return sql`unnest(${dates.map((date) => date.periodNo)}::integer[], ${dates.map((date) => date.day)}::date[],
                    ${dates.map((date) => date.monthEnd)}::date[]) AS r(period_no, period_to, month_end)`;
}

function monthEndOnOrBefore(date: string): string {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (date === lastDayOfMonth(year, month)) return date;
  return month === 1 ? lastDayOfMonth(year - 1, 12) : lastDayOfMonth(year, month - 1);
}

function housingValues({ independent, residential, young_entering }: Omit<HousingRow, keyof GroupedRow>): KpiRow['values'] {
  const total = independent + residential;
  return {
    independent,
    residential,
    total,
    independentShare: total === 0 ? null : independent / total,
    youngEntering: young_entering,
  };
}
