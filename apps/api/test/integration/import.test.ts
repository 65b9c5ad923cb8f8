import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../src/import/import-report.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { BAD_FILE_CORPUS } from '../helpers/bad-file-corpus.ts';
import { VALID_FILES, databaseFingerprint, writeImportFiles } from '../helpers/import-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

let testDb: TestDatabase;
const db = () => testDb.database.db;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.dispose();
});

describe('importing a valid batch', () => {
  it('imports every file, converting Danish dates and numbers', async () => {
    const progress: ImportProgress[] = [];
    const report = await importFiles(db(), await writeImportFiles(VALID_FILES), {
      source: 'cli',
      onProgress: (p) => progress.push(p),
    });
    expect(report.ok ? [] : report.errors).toEqual([]);
    if (!report.ok) return;
    expect(report.files.map((f) => [f.fileName, f.rows])).toEqual([
      ['pl_indeks.csv', 3],
      ['befolkning.csv', 2],
      ['borgere.csv', 3],
      ['tilbud.csv', 2],
      ['ansoegninger.csv', 3],
      ['indsatser.csv', 3],
      ['opfoelgninger.csv', 2],
      ['posteringer.csv', 2],
      ['budget.csv', 4],
      ['maalinger.csv', 2],
    ]);

    const grants = await db().selectFrom('service_grant').selectAll().orderBy('grant_id').execute();
    expect(grants).toEqual([
      { grant_id: 'I1', citizen_id: 'B001', paragraph: '85', start_date: '2024-02-01', end_date: null, provider_id: null, hours_per_week: 4.5, daily_rate: null },
      { grant_id: 'I2', citizen_id: 'B002', paragraph: '108', start_date: '2023-01-01', end_date: '2024-06-30', provider_id: 'T02', hours_per_week: null, daily_rate: 2950.5 },
      { grant_id: 'I3', citizen_id: 'B003', paragraph: '105', start_date: '2020-05-01', end_date: null, provider_id: 'T01', hours_per_week: null, daily_rate: 1200.5 },
    ]);
    const applications = await db().selectFrom('application').select(['application_id', 'received', 'decided', 'decision']).orderBy('application_id').execute();
    expect(applications).toEqual([
      { application_id: 'S1', received: '2024-01-02', decided: '2024-02-01', decision: 'bevilget' },
      { application_id: 'S2', received: '2024-03-15', decided: null, decision: null },
      { application_id: 'S3', received: '2024-04-01', decided: '2024-04-10', decision: 'afslag' },
    ]);
    const citizens = await db().selectFrom('citizen').selectAll().orderBy('citizen_id').execute();
    expect(citizens.map((c) => [c.target_group, c.formerly_placed])).toEqual([
      ['SIND', false],
      ['UH', true],
      ['HJERNE', null],
    ]);
    const postings = await db().selectFrom('posting').select(['posting_id', 'amount']).orderBy('posting_id').execute();
    expect(postings).toEqual([
      { posting_id: 'P1', amount: 91465.5 },
      { posting_id: 'P2', amount: -1234.5 },
    ]);
    const population = await db().selectFrom('population').select('inhabitants').orderBy('age').execute();
    expect(population.map((p) => p.inhabitants)).toEqual([700, 1010]);
    const providers = await db().selectFrom('provider').select(['name', 'paragraph']).orderBy('provider_id').execute();
    expect(providers).toEqual([
      { name: 'Kløverhuset', paragraph: '105' },
      { name: 'Bostedet Ærø Søhøj', paragraph: '108' },
    ]);

    const log = await db().selectFrom('import_log').selectAll().execute();
    expect(log).toHaveLength(1);
    expect(log[0]?.total_rows).toBe(26);
    expect(log[0]?.files.map((f) => f.sha256)).toEqual(report.files.map((f) => f.sha256));
    expect(log[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);

    // Progress ends at the full size of the batch.
    const last = progress.at(-1);
    expect(last?.bytesRead).toBe(last?.totalBytes);
    expect(progress.map((p) => p.bytesRead)).toEqual([...progress.map((p) => p.bytesRead)].sort((a, b) => a - b));
  });

  it('is idempotent: importing the same rows again changes no data', async () => {
    const before = await databaseFingerprint(db(), { exclude: ['import_log'] });
    const report = await importFiles(db(), await writeImportFiles(VALID_FILES), { source: 'cli' });
    expect(report.ok).toBe(true);
    expect(await databaseFingerprint(db(), { exclude: ['import_log'] })).toEqual(before);
  });

  it('updates rows on their id when a corrected file is imported', async () => {
    const corrected = { 'indsatser.csv': `${VALID_FILES['indsatser.csv']?.split('\n')[0]}\nI1;B001;85;2024-02-01;2024-09-30;;5;` };
    const report = await importFiles(db(), await writeImportFiles(corrected), { source: 'cli' });
    expect(report.ok).toBe(true);
    const grant = await db().selectFrom('service_grant').selectAll().where('grant_id', '=', 'I1').executeTakeFirstOrThrow();
    expect([grant.end_date, grant.hours_per_week]).toEqual(['2024-09-30', 5]);
    expect(await db().selectFrom('service_grant').select('grant_id').execute()).toHaveLength(3);
  });

  it('takes a ten-digit amount as an amount, not a CPR number (a national budget line)', async () => {
    // 2612851234 starts with a valid DDMMYY (26.12.85); in an amount column it is 2.6 bn. kr.
    const files = await writeImportFiles({ 'budget.csv': 'aar;funktion;type;beloeb;opgjort_dato\n2025;5.38.50;oprindeligt;2612851234;' });
    const report = await importFiles(db(), files, { source: 'cli' });
    expect(report.ok, JSON.stringify(report.ok ? null : report.errors)).toBe(true);
    const line = await db().selectFrom('budget').select('amount').where('year', '=', 2025).executeTakeFirstOrThrow();
    expect(line.amount).toBe(2_612_851_234);
  });
});

describe('encodings and separators', () => {
  const names = { 'tilbud.csv': 'tilbud_id;navn;driftsform\nT50;Æblehaven – Søndergårds Bøgely;intern' };

  it('keeps æøå through Windows-1252', async () => {
    const report = await importFiles(
      db(),
      await writeImportFiles({ 'tilbud.csv': { text: names['tilbud.csv'], encoding: 'windows-1252' } }),
      { source: 'cli' },
    );
    expect(report.ok && report.files[0]?.encoding).toBe('windows-1252');
    const provider = await db().selectFrom('provider').select('name').where('provider_id', '=', 'T50').executeTakeFirstOrThrow();
    expect(provider.name).toBe('Æblehaven – Søndergårds Bøgely');
  });

  it('reads UTF-8 with a BOM, comma-separated and quoted, with CRLF line ends', async () => {
    const text = 'Tilbud_ID,NAVN,Driftsform,pladser\r\nT51,"Bostedet Ålholm, afd. Øst",ekstern,"1.234"\r\n';
    const report = await importFiles(db(), await writeImportFiles({ 'tilbud.csv': { text, encoding: 'utf-8-bom' } }), {
      source: 'cli',
    });
    expect(report.ok ? report.files.map((f) => [f.encoding, f.delimiter]) : report.errors).toEqual([['utf-8', ',']]);
    const provider = await db().selectFrom('provider').selectAll().where('provider_id', '=', 'T51').executeTakeFirstOrThrow();
    expect([provider.name, provider.operation, provider.places]).toEqual(['Bostedet Ålholm, afd. Øst', 'ekstern', 1234]);
  });
});

describe('the corpus of bad files', () => {
  it.each(BAD_FILE_CORPUS.map((c) => [c.name, c] as const))('%s: refused with the precise errors, database unchanged', async (_name, badCase) => {
    const before = await databaseFingerprint(db());
    const report = await importFiles(db(), await writeImportFiles(badCase.files), { source: 'cli' });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    const simplified = report.errors.map((e) => ({ file: e.file, line: e.line, column: e.column }));
    expect(simplified).toEqual(badCase.errors.map((e) => ({ file: e.file, line: e.line, column: e.column })));
    badCase.errors.forEach((expected, i) => {
      const actual = report.errors[i];
      expect(actual?.reason).toMatch(expected.reason);
      if (expected.value !== undefined) expect(actual?.value).toBe(expected.value);
    });
    expect(report.errorCount).toBe(badCase.errors.length);
    expect(await databaseFingerprint(db())).toEqual(before);
  });

  it('has at least 15 kinds of bad file', () => {
    expect(BAD_FILE_CORPUS.length).toBeGreaterThanOrEqual(15);
  });

  it('reports every error of a large bad file, not just the first', async () => {
    const lines = ['borger_id;foedselsaar;maalgruppe'];
    for (let i = 0; i < 3000; i++) lines.push(`X${i};${i % 2 === 0 ? '1990' : 'nitten'};UH`);
    const report = await importFiles(db(), await writeImportFiles({ 'borgere.csv': lines.join('\n') }), { source: 'cli' });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.errorCount).toBe(1500);
    expect(report.errors.map((e) => e.line)).toEqual(Array.from({ length: 1500 }, (_, i) => 3 + 2 * i));
    expect(await db().selectFrom('citizen').select('citizen_id').where('citizen_id', 'like', 'X%').execute()).toEqual([]);
  });

  it('refuses a file that does not exist without touching the database', async () => {
    const report = await importFiles(db(), [{ path: '/nonexistent/borgere.csv' }], { source: 'cli' });
    expect(report.ok ? null : report.errors.map((e) => e.reason)).toEqual(['Filen kan ikke læses: filen findes ikke']);
  });
});

describe('the database refuses bad data on its own', () => {
  it.each([
    ['a grant ending before it starts', `insert into service_grant (grant_id, citizen_id, paragraph, start_date, end_date) values ('Z1', 'B001', '85', '2024-02-01', '2024-01-01')`],
    ['a grant for an unknown citizen', `insert into service_grant (grant_id, citizen_id, paragraph, start_date) values ('Z2', 'NOPE', '85', '2024-02-01')`],
    ['an unknown target group', `insert into citizen (citizen_id, birth_year, target_group) values ('Z3', 1990, 'XYZ')`],
    ['a decision without a date', `insert into application (application_id, citizen_id, paragraph, received, decision) values ('Z4', 'B001', '85', '2024-01-01', 'afslag')`],
    ['a posting on an unknown function', `insert into posting (posting_id, posting_date, function_code, amount) values ('Z5', '2024-01-01', '5.38.99', 1)`],
    ['a forecast without its date', `insert into budget (year, function_code, budget_type, amount) values (2024, '5.38.50', 'forventet', 1)`],
    ['a trivsel score of 7', `insert into measurement (citizen_id, measured_on, measure, value) values ('B001', '2024-01-01', 'trivsel', 7)`],
  ])('%s', async (_name, statement) => {
    await expect(testDb.database.execScript(statement)).rejects.toThrow();
  });
});
