-- 0004: the published figures of Høje-Taastrup Kommune's "Plan for det specialiserede socialområde
-- for voksne 2018-2022" (transcribed in shared/data/plan-2018), kept as reference data so the
-- dashboard can show them beside the live figures. Realised effect per year is entered by the
-- administration (plan_effect_realized) and starts empty.

CREATE TABLE plan_key_figure (
  year integer PRIMARY KEY,
  unit_cost_2016_prices integer NOT NULL,
  rank_of_29 integer NOT NULL CHECK (rank_of_29 BETWEEN 1 AND 29),
  recipients_per_1000 numeric(6, 1) NOT NULL
);

CREATE TABLE plan_expenditure_figure (
  figure_no integer PRIMARY KEY,
  title text NOT NULL,
  value numeric(12, 1) NOT NULL,
  unit text NOT NULL
);

CREATE TABLE plan_offer (
  offer_no integer PRIMARY KEY,
  name text NOT NULL,
  category text NOT NULL,
  target_group text NOT NULL,
  paragraph text NOT NULL,
  places integer NOT NULL CHECK (places >= 0),
  note text
);

-- Tabel 4: expected accumulated effect (negative = saving) and investment, 1,000 kr.
CREATE TABLE plan_effect (
  area text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('effekt', 'investering')),
  period text NOT NULL,
  amount_1000_kr integer NOT NULL,
  is_total boolean NOT NULL DEFAULT false,
  PRIMARY KEY (area, kind, period)
);

CREATE TABLE plan_effect_realized (
  area text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2014 AND 2100),
  amount_1000_kr integer NOT NULL,
  note text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (area, year)
);

INSERT INTO plan_key_figure (year, unit_cost_2016_prices, rank_of_29, recipients_per_1000) VALUES
  (2014, 255649, 9, 32.2),
  (2015, 255348, 11, 33.1),
  (2016, 253419, 8, 34.1);

INSERT INTO plan_expenditure_figure (figure_no, title, value, unit) VALUES
  (1, 'Udgifter til sociale serviceydelser 2017', 312.5, 'mio. kr.'),
  (2, 'Andel af udgifter til længerevarende og midlertidige botilbud samt aktivitets- og samværstilbud', 73, '%'),
  (3, 'Interne bo- og dagtilbud: borgere', 641, 'antal'),
  (4, 'Interne bo- og dagtilbud: udgift', 84, 'mio. kr.'),
  (5, 'Eksterne bo- og dagtilbud: borgere', 465, 'antal'),
  (6, 'Eksterne bo- og dagtilbud: udgift', 172, 'mio. kr.'),
  (7, 'Pladser solgt til andre kommuner', 59, 'antal'),
  (8, 'Udgiftsstigning 2015-2017 (2018-priser)', 26.9, 'mio. kr.'),
  (9, 'Gennemsnitlig årlig stigning 2015-2017', 4.7, '%'),
  (10, 'Gennemsnitlig årlig stigning siden 2008', 4.4, '%');

INSERT INTO plan_offer (offer_no, name, category, target_group, paragraph, places, note) VALUES
  (1, 'Kløverhuset', 'Botilbud', 'Socialpsykiatri', '105/85', 14, NULL),
  (2, 'Kløverhuset – afklaringsplads', 'Botilbud', 'Socialpsykiatri', '84', 5, NULL),
  (3, 'Møllergården', 'Botilbud', 'Socialpsykiatri', '105/85', 10, NULL),
  (4, 'Cirklen', 'Botilbud', 'Socialpsykiatri', '107', 6, NULL),
  (5, 'Cirklen', 'Botilbud', 'Socialpsykiatri', '105/85', 4, NULL),
  (6, 'Porsehaven', 'Botilbud', 'Socialpsykiatri', '105/85', 11, NULL),
  (7, 'Thorsholm', 'Botilbud', 'Socialt udsatte', '105/85', 11, NULL),
  (8, 'Taastrup Torv', 'Botilbud', 'Udviklingshæmning', '105/85', 12, NULL),
  (9, 'Sønderby Torv', 'Botilbud', 'Udviklingshæmning', '105/85', 11, NULL),
  (10, 'Pile Alle', 'Botilbud', 'Udviklingshæmning', '108', 5, NULL),
  (11, 'Stationsvej', 'Botilbud', 'Udviklingshæmning/autisme', '108', 5, NULL),
  (12, 'Frøgaard Alle', 'Botilbud', 'Udviklingshæmning', '108', 24, NULL),
  (13, 'Taxhuset', 'Botilbud', 'Erhvervet hjerneskade', '105/85', 50, NULL),
  (14, 'Taxhuset udredningsplads', 'Botilbud', 'Erhvervet hjerneskade', '107', 2, NULL),
  (15, 'Støttecentret - udkørende', 'Bostøtte i selvstændig bolig', 'Udviklingshæmning', '85', 113, 'øjebliksbillede (antal borgere)'),
  (16, 'Udkørende team SP', 'Bostøtte i selvstændig bolig', 'Socialpsykiatri', '85', 195, 'øjebliksbillede (antal borgere)'),
  (17, 'Udkørende team - Taxhuset', 'Bostøtte i selvstændig bolig', 'Erhvervet hjerneskade', '85', 22, 'øjebliksbillede (antal borgere)'),
  (18, 'Solgården', 'Dagtilbud', 'Alle målgrupper', '103 og 104', 74, NULL),
  (19, 'Basen', 'Dagtilbud', 'Erhvervet hjerneskade', '104', 12, NULL),
  (20, 'Oasen', 'Dagtilbud', 'Erhvervet hjerneskade', '104', 25, NULL);

INSERT INTO plan_effect (area, kind, period, amount_1000_kr, is_total) VALUES
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen selv driver', 'effekt', '2014-2018', -13200, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen selv driver', 'effekt', '2019', -16662, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen selv driver', 'effekt', '2020', -17874, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen selv driver', 'effekt', '2021', -19537, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen selv driver', 'effekt', '2022', -19965, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen køber hos eksterne leverandører', 'effekt', '2014-2018', -3500, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen køber hos eksterne leverandører', 'effekt', '2019', -7000, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen køber hos eksterne leverandører', 'effekt', '2020', -7000, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen køber hos eksterne leverandører', 'effekt', '2021', -7000, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen køber hos eksterne leverandører', 'effekt', '2022', -7000, false),
  ('Samlet økonomisk effekt af aktiviteter', 'effekt', '2014-2018', -16700, true),
  ('Samlet økonomisk effekt af aktiviteter', 'effekt', '2019', -23662, true),
  ('Samlet økonomisk effekt af aktiviteter', 'effekt', '2020', -24874, true),
  ('Samlet økonomisk effekt af aktiviteter', 'effekt', '2021', -26537, true),
  ('Samlet økonomisk effekt af aktiviteter', 'effekt', '2022', -26965, true),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen selv driver', 'investering', '2014-2018', 1720, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen selv driver', 'investering', '2019', 1720, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen selv driver', 'investering', '2020', 1720, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen selv driver', 'investering', '2021', 1720, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen selv driver', 'investering', '2022', 1720, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen køber hos eksterne leverandører', 'investering', '2014-2018', 920, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen køber hos eksterne leverandører', 'investering', '2019', 2048, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen køber hos eksterne leverandører', 'investering', '2020', 2048, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen køber hos eksterne leverandører', 'investering', '2021', 2048, false),
  ('Mere effekt i indsatsen vedr. borgere i de tilbud kommunen køber hos eksterne leverandører', 'investering', '2022', 2048, false),
  ('Samlet økonomisk investering i aktiviteter', 'investering', '2014-2018', 2640, true),
  ('Samlet økonomisk investering i aktiviteter', 'investering', '2019', 3768, true),
  ('Samlet økonomisk investering i aktiviteter', 'investering', '2020', 3768, true),
  ('Samlet økonomisk investering i aktiviteter', 'investering', '2021', 3768, true),
  ('Samlet økonomisk investering i aktiviteter', 'investering', '2022', 3768, true);

