-- K4 `temporary-stays` (DESIGN §6 K4): stays on temporary botilbud (§107), built here and nowhere
-- else. A citizen's §107 grants merge into one stay when the next starts no later than the day
-- after the stay so far ends (overlaps included; "so far" is the latest end of the stay's earlier
-- grants, not just the previous grant's end). Re-grants and changes of provider are one stay.

-- Each §107 grant tagged with its stay. Taken in start order, a grant opens a new stay when every
-- earlier grant of the citizen ended at least two days before it starts (an open end counts as
-- never ending). The earlier grants in that order start no later than this one, so they are all
-- present whenever this grant is, and the tag does not depend on the as-of date; the function
-- below only cuts the stays at the as-of date.
CREATE MATERIALIZED VIEW kpi.temporary_stay_grant AS
WITH ordered AS (
  SELECT grant_id,
         citizen_id,
         target_group,
         operation,
         start_date,
         end_date,
         max(coalesce(end_date, 'infinity'::date)) OVER (
           PARTITION BY citizen_id ORDER BY start_date, grant_id
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
         ) AS earlier_latest_end
  FROM kpi.grant_fact
  WHERE paragraph = '107'
), numbered AS (
  SELECT *,
         sum(CASE WHEN earlier_latest_end IS NULL OR earlier_latest_end < start_date - 1 THEN 1 ELSE 0 END) OVER (
           PARTITION BY citizen_id ORDER BY start_date, grant_id
           ROWS UNBOUNDED PRECEDING
         ) AS stay_no
  FROM ordered
)
-- A stay's start and provider operation are those of its first grant (ties on the start date:
-- the lowest grant id), which is present at every as-of date the stay exists at.
SELECT citizen_id,
       stay_no,
       target_group,
       start_date,
       end_date,
       first_value(start_date) OVER stay AS stay_start,
       first_value(operation) OVER stay AS stay_operation
FROM numbered
WINDOW stay AS (PARTITION BY citizen_id, stay_no ORDER BY start_date, grant_id);

CREATE INDEX temporary_stay_grant_start_idx ON kpi.temporary_stay_grant (start_date);

-- The stays as they stand on the as-of date D: grants starting after D are left out; a stay with
-- a grant without an end, or ending after D, is running on D and censored at D − start + 1 days
-- (never ended); otherwise it ended on its latest grant end and lasted end − start + 1 days.
-- `operation` is NULL when the stay's first grant has no provider.
CREATE FUNCTION kpi.temporary_stays_as_of(as_of date)
RETURNS TABLE (
  citizen_id text,
  target_group text,
  operation text,
  stay_start date,
  stay_end date,
  ended boolean,
  days integer
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT citizen_id,
         target_group,
         stay_operation,
         stay_start,
         CASE WHEN running THEN NULL ELSE latest_end END,
         NOT running,
         CASE WHEN running THEN as_of - stay_start + 1 ELSE latest_end - stay_start + 1 END
  FROM (
    SELECT citizen_id,
           stay_no,
           target_group,
           stay_operation,
           stay_start,
           bool_or(end_date IS NULL OR end_date > as_of) AS running,
           max(end_date) AS latest_end
    FROM kpi.temporary_stay_grant
    WHERE start_date <= as_of
    GROUP BY citizen_id, stay_no, target_group, stay_operation, stay_start
  ) stays
$$;
