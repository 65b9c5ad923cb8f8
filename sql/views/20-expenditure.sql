-- K2 Udgifter pr. hovedområde (DESIGN §6) and the unit cost of K5: net postings per function.

-- Postings summed per function and day: every request sums a date range, and the P/L factor
-- depends only on the year, so days lose nothing and there are far fewer of them than postings
-- (at most functions × days, however many postings the municipality has).
CREATE MATERIALIZED VIEW kpi.posting_day AS
SELECT function_code,
       posting_date,
       sum(amount) AS amount,
       count(*) AS postings
FROM posting
GROUP BY function_code, posting_date;

CREATE UNIQUE INDEX posting_day_key_idx ON kpi.posting_day (posting_date, function_code);

-- Net amount and number of postings per function dated from_date to to_date inclusive, in
-- current prices (base_year NULL) or in base_year prices, each amount converted by its own year
-- (summed per year first, so the factor is looked up once per year, not once per day).
-- Functions without postings in the range are absent (not 0), so "no postings" stays visible.
-- Many periods at once: call it LATERAL per period (an index range scan of posting_day each).
CREATE FUNCTION kpi.net_postings(from_date date, to_date date, base_year integer)
RETURNS TABLE (function_code text, amount numeric, postings bigint)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT y.function_code,
         sum(CASE
               WHEN base_year IS NULL THEN y.amount
               ELSE y.amount * kpi.price_factor(y.posting_year, base_year)
             END),
         sum(y.postings)::bigint
  FROM (
    SELECT p.function_code,
           extract(year FROM p.posting_date)::integer AS posting_year,
           sum(p.amount) AS amount,
           sum(p.postings) AS postings
    FROM kpi.posting_day p
    WHERE p.posting_date BETWEEN from_date AND to_date
    GROUP BY p.function_code, extract(year FROM p.posting_date)
  ) y
  GROUP BY y.function_code;
END;
