-- K2 Udgifter pr. hovedområde (DESIGN §6) and the unit cost of K5: net postings per function.

-- Postings summed per function and day: every request sums a date range, and the P/L factor
-- depends only on the year, so days lose nothing and there are far fewer of them than postings.
CREATE MATERIALIZED VIEW kpi.posting_day AS
SELECT function_code,
       posting_date,
       sum(amount) AS amount,
       count(*) AS postings
FROM posting
GROUP BY function_code, posting_date;

CREATE UNIQUE INDEX posting_day_key_idx ON kpi.posting_day (posting_date, function_code);

-- Net amount and number of postings per function dated from_date to to_date inclusive, in
-- current prices (base_year NULL) or in base_year prices, each day converted by its own year.
-- Functions without postings in the range are absent (not 0), so "no postings" stays visible.
CREATE FUNCTION kpi.net_postings(from_date date, to_date date, base_year integer)
RETURNS TABLE (function_code text, amount numeric, postings bigint)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT p.function_code,
         sum(CASE
               WHEN base_year IS NULL THEN p.amount
               ELSE p.amount * kpi.price_factor(extract(year FROM p.posting_date)::integer, base_year)
             END),
         sum(p.postings)::bigint
  FROM kpi.posting_day p
  WHERE p.posting_date BETWEEN from_date AND to_date
  GROUP BY p.function_code;
END;
