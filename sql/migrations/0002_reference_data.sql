-- 0002: reference data the product ships (DESIGN §4, §6). Administrators edit it later; this is
-- only the starting point. Deadlines are the DESIGN defaults, valid from 2000-01-01.

INSERT INTO municipality_settings (name) VALUES ('Demokommune');

INSERT INTO paragraph (code, title) VALUES
  ('82a', 'Gruppebaseret hjælp og støtte (§ 82 a)'),
  ('82b', 'Individuel, tidsbegrænset hjælp og støtte (§ 82 b)'),
  ('83', 'Personlig hjælp og pleje (§ 83)'),
  ('84', 'Aflastning og afløsning (§ 84)'),
  ('85', 'Socialpædagogisk støtte (§ 85)'),
  ('95', 'Borgerstyret personlig assistance, kontant tilskud (§ 95)'),
  ('96', 'Borgerstyret personlig assistance (§ 96)'),
  ('97', 'Ledsageordning (§ 97)'),
  ('98', 'Kontaktperson for døvblinde (§ 98)'),
  ('99', 'Støtte- og kontaktperson (§ 99)'),
  ('101', 'Behandling af stofmisbrugere (§ 101)'),
  ('102', 'Behandling (§ 102)'),
  ('103', 'Beskyttet beskæftigelse (§ 103)'),
  ('104', 'Aktivitets- og samværstilbud (§ 104)'),
  ('105', 'Almenbolig med støtte efter § 85 (§ 105)'),
  ('107', 'Midlertidigt botilbud (§ 107)'),
  ('108', 'Længerevarende botilbud (§ 108)'),
  ('109', 'Krisecenter (§ 109)'),
  ('110', 'Forsorgshjem og herberg (§ 110)');

INSERT INTO processing_deadline (paragraph, valid_from, deadline_days) VALUES
  ('85', DATE '2000-01-01', 56),
  ('82a', DATE '2000-01-01', 28),
  ('82b', DATE '2000-01-01', 28),
  ('97', DATE '2000-01-01', 42),
  ('99', DATE '2000-01-01', 42),
  ('101', DATE '2000-01-01', 14),
  ('103', DATE '2000-01-01', 84),
  ('104', DATE '2000-01-01', 84),
  ('105', DATE '2000-01-01', 84),
  ('107', DATE '2000-01-01', 84),
  ('108', DATE '2000-01-01', 84),
  ('110', DATE '2000-01-01', 2);

INSERT INTO account_function (code, title, paragraphs) VALUES
  ('5.38.38', 'Personlig støtte og pasning af personer med handicap m.v.', '§§ 85, 95, 96, 102'),
  ('5.38.39', 'Personlig støtte i botilbudslignende tilbud', '§ 85 i § 105-boliger'),
  ('5.38.40', 'Rådgivning og rådgivningsinstitutioner', NULL),
  ('5.38.42', 'Botilbud for personer med særlige sociale problemer', '§§ 109–110'),
  ('5.38.44', 'Alkoholbehandling og behandlingshjem for alkoholskadede', NULL),
  ('5.38.45', 'Behandling af stofmisbrugere', '§ 101'),
  ('5.38.50', 'Botilbud til længerevarende ophold', '§ 108'),
  ('5.38.51', 'Botilbudslignende tilbud', '§ 105'),
  ('5.38.52', 'Botilbud til midlertidigt ophold', '§ 107'),
  ('5.38.53', 'Kontaktperson- og ledsageordninger', '§§ 97–99'),
  ('5.38.58', 'Beskyttet beskæftigelse', '§ 103'),
  ('5.38.59', 'Aktivitets- og samværstilbud', '§ 104');
