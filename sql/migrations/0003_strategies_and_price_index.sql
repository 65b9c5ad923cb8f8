-- 0003: the shipped strategies (DESIGN §8) and a default P/L index. Both are reference data an
-- administrator replaces: the index by importing pl_indeks.csv, the strategy by editing the tables.
--
-- Default P/L index, 2018 = 100. Source and assumptions: the yearly growth rates approximate KL's
-- published pay-and-price development for municipal service expenditure ("serviceudgifter i alt"),
-- rounded to one decimal: 2015–2021 about 1.5–1.9 % a year, the inflation years 2022 (4.1 %) and
-- 2023 (4.3 %), then 2.9 %, 2.7 % and 2.6 % for 2024–2026 and an assumed 2.5 % for 2027. Before 2016
-- a flat 2.0 % is assumed. It is a starting point for fixed prices, not an official series: a
-- municipality should import the index its finance department uses.
INSERT INTO price_index (year, index_value) VALUES
  (2014, 93.6),
  (2015, 95.4),
  (2016, 97.0),
  (2017, 98.4),
  (2018, 100.0),
  (2019, 101.7),
  (2020, 103.5),
  (2021, 105.5),
  (2022, 109.8),
  (2023, 114.5),
  (2024, 117.9),
  (2025, 121.0),
  (2026, 124.2),
  (2027, 127.3);

-- How an indicator reads its KPI: `measure` of the total row of `kpi_id` for each calendar year,
-- with `filter` as extra query parameters (e.g. {"prices": "fixed"}).
INSERT INTO strategy (strategy_id, municipality, title, first_year, last_year, baseline_year) VALUES
  ('hoeje-taastrup-2023-2026', 'Høje-Taastrup Kommune', 'Socialstrategi for voksne med særlige behov 2023–2026', 2023, 2026, 2022),
  ('halsnaes-2023-2026', 'Halsnæs Kommune', 'Principper for det specialiserede voksenområde 2023–2026', 2023, 2026, 2022);

INSERT INTO strategy_theme (strategy_id, theme_no, title) VALUES
  ('hoeje-taastrup-2023-2026', 1, 'Vi styrker overgange mellem forskellige livsfaser'),
  ('hoeje-taastrup-2023-2026', 2, 'Vi gør det muligt at bo selvstændigt'),
  ('hoeje-taastrup-2023-2026', 3, 'Vi styrker sagsbehandlingen'),
  ('halsnaes-2023-2026', 1, 'Mindst indgribende støtte'),
  ('halsnaes-2023-2026', 2, 'Lokalt før eksternt'),
  ('halsnaes-2023-2026', 3, 'Støtte uden effekt skal ophøre'),
  ('halsnaes-2023-2026', 4, 'Gruppetilbud før individuelle tilbud');

INSERT INTO strategy_indicator
  (indicator_id, strategy_id, theme_no, sort_order, wording, kpi_id, measure, filter, direction, baseline_year) VALUES
  ('ht-young-botilbud', 'hoeje-taastrup-2023-2026', 1, 1, 'Færre unge har brug for et botilbud',
   'housing', 'youngEntering', '{}', 'down', 2022),
  ('ht-young-homeless', 'hoeje-taastrup-2023-2026', 1, 2, 'Færre unge tidligere anbragte rammes af hjemløshed',
   'strategy-measures', 'youngFormerlyPlacedHomeless', '{}', 'down', 2022),
  ('ht-older-internal', 'hoeje-taastrup-2023-2026', 1, 3, 'De rette tilbud til ældre borgere med handicap',
   'strategy-measures', 'olderInternalShare', '{}', 'up', 2022),
  ('ht-independent', 'hoeje-taastrup-2023-2026', 2, 1, 'Flere borgere bor i egen bolig frem for i botilbud',
   'housing', 'independentShare', '{}', 'up', 2022),
  ('ht-temporary-stays', 'hoeje-taastrup-2023-2026', 2, 2, 'Kortere ophold på midlertidige botilbud',
   'temporary-stays', 'medianDays', '{}', 'down', 2022),
  ('ht-community', 'hoeje-taastrup-2023-2026', 2, 3, 'Borgerne deltager i fællesskaber',
   'measurements', 'faellesskabShare', '{}', 'up', 2022),
  ('ht-reviews', 'hoeje-taastrup-2023-2026', 3, 1, 'Løbende opfølgning på indsatserne',
   'reviews', 'reviewedShare', '{}', 'up', 2022),
  ('ht-dialog', 'hoeje-taastrup-2023-2026', 3, 2, 'Borgerne oplever løbende dialog med sagsbehandleren',
   'measurements', 'dialogAverage', '{}', 'up', 2022),
  ('ht-effect', 'hoeje-taastrup-2023-2026', 3, 3, 'Borgerne oplever effekt af indsatsen',
   'measurements', 'effektAverage', '{}', 'up', 2022),
  ('ht-wellbeing', 'hoeje-taastrup-2023-2026', 3, 4, 'Borgerne trives i tilbuddene',
   'measurements', 'trivselAverage', '{}', 'up', 2022),
  ('ht-daily-rate', 'hoeje-taastrup-2023-2026', 3, 5, 'Den rette pris i tilbuddene (gennemsnitlig døgntakst i faste priser)',
   'strategy-measures', 'averageDailyRate', '{"prices": "fixed"}', 'down', 2022),
  ('ht-coherence', 'hoeje-taastrup-2023-2026', 3, 6, 'Borgerne oplever sammenhængende støtte',
   'measurements', 'sammenhaengAverage', '{}', 'up', 2022),
  ('hal-independent', 'halsnaes-2023-2026', 1, 1, 'Flere borgere bor i selvstændig bolig frem for i botilbud',
   'housing', 'independentShare', '{}', 'up', 2022),
  ('hal-internal', 'halsnaes-2023-2026', 2, 1, 'Flere borgere får støtte i kommunens egne tilbud',
   'providers', 'internalShare', '{}', 'up', 2022),
  ('hal-reviews', 'halsnaes-2023-2026', 3, 1, 'Flere indsatser følges op, så støtte uden effekt kan ophøre',
   'reviews', 'reviewedShare', '{}', 'up', 2022),
  ('hal-group', 'halsnaes-2023-2026', 4, 1, 'Flere nye indsatser gives som gruppetilbud efter § 82 a',
   'strategy-measures', 'newGrants82aShare', '{}', 'up', 2022);

UPDATE municipality_settings SET active_strategy_id = 'hoeje-taastrup-2023-2026';
