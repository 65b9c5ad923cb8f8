-- K6 providers (DESIGN §6): grants held at a provider and postings linked to one. Grants without
-- a provider are not part of this KPI at all, so they are left out once here.
CREATE MATERIALIZED VIEW kpi.provider_grant_fact AS
SELECT grant_id, citizen_id, paragraph, start_date, end_date, provider_id, operation, birth_year, target_group
FROM kpi.grant_fact
WHERE provider_id IS NOT NULL;

-- An interval of days as two entries of a day ledger: it starts on its first day and ends on its
-- last (an open interval never ends); the sums of day numbers ride along. Read at any day D, the
-- running totals of such a ledger give both how many intervals have started and ended by D and,
-- through kpi.days_through, how many of their days lie on or before D — so counts and day sums for
-- any number of periods come from one pass over the ledger (readLedgerAtPeriods in
-- get-providers.ts), however many intervals overlap each period. K7 and the strategy measures use
-- these functions too.
CREATE FUNCTION kpi.day_no(on_day date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN on_day - DATE '2000-01-01';

CREATE FUNCTION kpi.interval_entries(first_day date, last_day date)
RETURNS TABLE (day date, starts integer, start_sum integer, ends integer, end_sum integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT e.day, e.starts, e.start_sum, e.ends, e.end_sum
  FROM (VALUES (first_day, 1, kpi.day_no(first_day), 0, 0),
               (last_day, 0, 0, 1, kpi.day_no(last_day))) AS e (day, starts, start_sum, ends, end_sum)
  WHERE e.day IS NOT NULL;
END;

-- Days of the intervals up to and including on_day, from the running totals on that day: each
-- interval started by then counts on_day − first + 1 days, less on_day − last for one ended by then.
-- Weighted totals (sums of weight × entry) give the weighted days.
CREATE FUNCTION kpi.days_through(on_day date, starts numeric, start_sum numeric, ends numeric, end_sum numeric)
RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (kpi.day_no(on_day) + 1) * starts - start_sum - kpi.day_no(on_day) * ends + end_sum;

-- A citizen's stays at providers: her grants (optionally only those under some paragraphs) merged
-- into runs of days, as a citizen fills one place a day however many grants she holds there. At
-- three levels: per provider (the provider breakdown and occupancy), per operation (the operation
-- breakdown and the internal count) and across all providers (the total). The runs of one citizen
-- at one level are disjoint, so the citizens in a period are the runs overlapping it less the gaps
-- between two of her runs that both overlap it, i.e. the gaps [previous_last_day, first_day]
-- lying within the period — no DISTINCT over citizens and periods.
CREATE FUNCTION kpi.provider_stays(paragraphs text[])
RETURNS TABLE (
  stay_level text, citizen_id text, birth_year integer, target_group text, provider_id text, operation text,
  first_day date, last_day date, previous_last_day date
)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH merged AS (
    SELECT grouping(g.provider_id, g.operation) AS grouped, g.citizen_id, g.birth_year, g.target_group,
           g.provider_id, g.operation, range_agg(daterange(g.start_date, g.end_date, '[]')) AS days
    FROM kpi.provider_grant_fact g
    WHERE paragraphs IS NULL OR g.paragraph = ANY (paragraphs)
    GROUP BY GROUPING SETS ((g.citizen_id, g.birth_year, g.target_group, g.provider_id, g.operation),
                            (g.citizen_id, g.birth_year, g.target_group, g.operation),
                            (g.citizen_id, g.birth_year, g.target_group))
  )
  SELECT CASE m.grouped WHEN 0 THEN 'provider' WHEN 2 THEN 'operation' ELSE 'all' END,
         m.citizen_id, m.birth_year, m.target_group, m.provider_id, m.operation,
         lower(run.days), upper(run.days) - 1,
         lag(upper(run.days) - 1) OVER (PARTITION BY m.citizen_id, m.grouped, m.provider_id, m.operation ORDER BY lower(run.days))
  FROM merged m CROSS JOIN LATERAL unnest(m.days) AS run (days);
END;

CREATE MATERIALIZED VIEW kpi.provider_stay AS SELECT * FROM kpi.provider_stays(NULL);

CREATE INDEX provider_stay_gap_idx ON kpi.provider_stay (previous_last_day, first_day) WHERE previous_last_day IS NOT NULL;
-- Ledgers built at request time read only the stays that can overlap the periods.
CREATE INDEX provider_stay_last_day_idx ON kpi.provider_stay (last_day);

-- The stays as a day ledger per level, provider and operation, for queries without a filter on
-- the citizen or the paragraph (those build their ledger from the stays at request time).
CREATE MATERIALIZED VIEW kpi.provider_stay_day AS
SELECT s.stay_level, s.provider_id, s.operation, e.day,
       sum(e.starts) AS starts, sum(e.start_sum) AS start_sum, sum(e.ends) AS ends, sum(e.end_sum) AS end_sum
FROM kpi.provider_stay s
CROSS JOIN LATERAL kpi.interval_entries(s.first_day, s.last_day) e
GROUP BY s.stay_level, s.provider_id, s.operation, e.day;

CREATE INDEX provider_stay_day_level_idx ON kpi.provider_stay_day (stay_level, day);

-- Postings summed per provider and day: a period's expenditure is then a range scan over far
-- fewer rows than the finance system's lines. The year is kept for the fixed-price factor.
CREATE MATERIALIZED VIEW kpi.provider_posting_day AS
SELECT po.posting_date,
       extract(year FROM po.posting_date)::integer AS posting_year,
       po.provider_id,
       pr.operation,
       sum(po.amount) AS amount
FROM posting po
JOIN provider pr USING (provider_id)
GROUP BY po.posting_date, po.provider_id, pr.operation;

CREATE INDEX provider_posting_day_date_idx ON kpi.provider_posting_day (posting_date);
