-- K3 `housing` (DESIGN §5 boform, §6 K3). The stock is read on each asked period's last day, so
-- what is precomputed here does not depend on the date: how the number of citizens of each target
-- group and birth year with each boform changes from day to day, that number at every month-end,
-- and the young people entering botilbud. Age is not stored with the stock: it depends on the date
-- read (age on D = year(D) − birth year), so the age band is taken when reading.

-- Boform on a date D (DESIGN §5): any 105/107/108 grant active on D makes the citizen
-- 'residential' (botilbud), even with an 85 grant active the same day; an 85 grant alone makes
-- 'independent' (selvstændig bolig); citizens with neither are not counted.
--
-- A grant is active from its start to its end inclusive, so it switches on at its start and off
-- the day after its end. Per citizen and day on which any of her grants switches: the number of
-- residential and of 85 grants active from that day on, hence her boform (`measure`, NULL = none)
-- from `first_day` up to the day before `next_day` (NULL: from then on). The stock below counts
-- these, and the drill to rows lists the citizens they hold on a date, so both read one formula.
CREATE MATERIALIZED VIEW kpi.housing_boform AS
WITH switch AS (
  SELECT citizen_id, target_group, birth_year, start_date AS day,
         paragraph IN ('105', '107', '108') AS residential, 1 AS delta
  FROM kpi.grant_fact
  WHERE paragraph IN ('85', '105', '107', '108')
  UNION ALL
  SELECT citizen_id, target_group, birth_year, end_date + 1,
         paragraph IN ('105', '107', '108'), -1
  FROM kpi.grant_fact
  WHERE paragraph IN ('85', '105', '107', '108') AND end_date IS NOT NULL
), active AS (
  SELECT citizen_id, target_group, birth_year, day,
         sum(coalesce(sum(delta) FILTER (WHERE residential), 0)) OVER citizen_days AS residential_grants,
         sum(coalesce(sum(delta) FILTER (WHERE NOT residential), 0)) OVER citizen_days AS independent_grants
  FROM switch
  GROUP BY citizen_id, target_group, birth_year, day
  WINDOW citizen_days AS (PARTITION BY citizen_id ORDER BY day)
)
SELECT citizen_id, target_group, birth_year, day AS first_day,
       lead(day) OVER (PARTITION BY citizen_id ORDER BY day) AS next_day,
       CASE WHEN residential_grants > 0 THEN 'residential'
            WHEN independent_grants > 0 THEN 'independent' END AS measure
FROM active;

-- The citizens holding a boform on a day D: the spans containing D.
CREATE INDEX housing_boform_days_idx ON kpi.housing_boform USING gist (daterange(first_day, next_day));

-- A citizen going from one boform to another (or to none) moves one count between the two.
-- `delta` is the net move per target group, birth year and boform on a day: the count on D is the
-- sum of the deltas on days ≤ D.
CREATE MATERIALIZED VIEW kpi.housing_move AS
WITH change AS (
  SELECT target_group, birth_year, first_day AS day, measure,
         lag(measure) OVER (PARTITION BY citizen_id ORDER BY first_day) AS previous
  FROM kpi.housing_boform
), move AS (
  SELECT target_group, birth_year, day, measure, 1 AS delta
  FROM change WHERE measure IS NOT NULL AND measure IS DISTINCT FROM previous
  UNION ALL
  SELECT target_group, birth_year, day, previous, -1
  FROM change WHERE previous IS NOT NULL AND measure IS DISTINCT FROM previous
)
SELECT target_group, birth_year, measure, day, sum(delta)::integer AS delta
FROM move
GROUP BY target_group, birth_year, measure, day
HAVING sum(delta) <> 0;

CREATE INDEX housing_move_day_idx ON kpi.housing_move (day);

-- The count per target group, birth year and boform on every month-end from the one before the
-- first move to the one of the last (zero counts left out), so the stock on a month-end — every
-- standard period and series point ends on one — is read directly; on any other day D it is the
-- count on the month-end before D (or the last one) plus the moves after it up to D.
CREATE MATERIALIZED VIEW kpi.housing_stock AS
WITH month_ends AS (
  SELECT (month_start + interval '1 month - 1 day')::date AS month_end
  FROM (SELECT min(day)::timestamp AS first_day, max(day)::timestamp AS last_day FROM kpi.housing_move) extent,
       generate_series(date_trunc('month', first_day) - interval '1 month', date_trunc('month', last_day), interval '1 month') AS month_start
), monthly AS (
  SELECT target_group, birth_year, measure,
         (date_trunc('month', day::timestamp) + interval '1 month - 1 day')::date AS month_end,
         sum(delta) AS delta
  FROM kpi.housing_move
  GROUP BY target_group, birth_year, measure, month_end
), running AS (
  SELECT k.target_group, k.birth_year, k.measure, e.month_end,
         sum(coalesce(m.delta, 0)) OVER (PARTITION BY k.target_group, k.birth_year, k.measure ORDER BY e.month_end) AS citizens
  FROM (SELECT DISTINCT target_group, birth_year, measure FROM kpi.housing_move) k
  CROSS JOIN month_ends e
  LEFT JOIN monthly m USING (target_group, birth_year, measure, month_end)
)
SELECT target_group, birth_year, measure, month_end, citizens::integer AS citizens
FROM running
WHERE citizens > 0;

CREATE INDEX housing_stock_month_end_idx ON kpi.housing_stock (month_end);

-- Young people entering botilbud (DESIGN §6 K3): citizens whose earliest-ever grant under
-- 105/107/108 starts when they are 18–24, counted per start date, target group and age band.
CREATE MATERIALIZED VIEW kpi.young_residential_entry AS
SELECT entry_date, target_group, kpi.age_band(age_on_entry) AS age_band, count(*)::integer AS citizens
FROM (
  SELECT target_group, entry_date, kpi.age_on(birth_year, entry_date) AS age_on_entry
  FROM (
    SELECT citizen_id, target_group, birth_year, min(start_date) AS entry_date
    FROM kpi.grant_fact
    WHERE paragraph IN ('105', '107', '108')
    GROUP BY citizen_id, target_group, birth_year
  ) entry
) aged
WHERE age_on_entry BETWEEN 18 AND 24
GROUP BY entry_date, target_group, age_band;

CREATE INDEX young_residential_entry_date_idx ON kpi.young_residential_entry (entry_date);
