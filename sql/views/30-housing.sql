-- K3 `housing` (DESIGN §5 boform, §6 K3). The stock is read on one date chosen per request, so
-- what is precomputed here is the grants that can decide a boform, and each citizen's entry into
-- botilbud, which does not depend on the date.

-- Grants that decide a citizen's boform on a date: any 105/107/108 grant active on the date makes
-- the citizen 'botilbud', even with an 85 grant active the same day; an 85 grant alone makes
-- 'selvstændig bolig'; citizens with neither are not counted.
CREATE MATERIALIZED VIEW kpi.housing_grant AS
SELECT citizen_id,
       birth_year,
       target_group,
       start_date,
       end_date,
       paragraph IN ('105', '107', '108') AS residential
FROM kpi.grant_fact
WHERE paragraph IN ('85', '105', '107', '108');

CREATE INDEX housing_grant_period_idx ON kpi.housing_grant (start_date, end_date);

-- The start of each citizen's earliest-ever grant under 105/107/108, with the age on that day:
-- young people entering botilbud are those aged 18–24 on it.
CREATE MATERIALIZED VIEW kpi.residential_entry AS
SELECT citizen_id,
       target_group,
       entry_date,
       kpi.age_on(birth_year, entry_date) AS age_on_entry
FROM (
  SELECT citizen_id, target_group, birth_year, min(start_date) AS entry_date
  FROM kpi.grant_fact
  WHERE paragraph IN ('105', '107', '108')
  GROUP BY citizen_id, target_group, birth_year
) entries;

CREATE INDEX residential_entry_date_idx ON kpi.residential_entry (entry_date);
