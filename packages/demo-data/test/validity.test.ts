/**
 * Every rule the strict importer (and the database) enforces, checked on the files as written —
 * so the demo data can never be refused. Each check collects all problems and shows the first.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASUREMENTS, TARGET_GROUPS } from '@sol/domain/codes.ts';
import { IMPORT_FILES } from '@sol/domain/import-contract.ts';
import { parseDecimal, readCsv, type CsvTable } from './support/read-csv.ts';
import { generateToTemp, type TempOutput } from './support/temp-output.ts';

const TODAY = '2026-11-22';
const migration = readFileSync(new URL('../../../sql/migrations/0002_reference_data.sql', import.meta.url), 'utf8');
const section = (table: string): string => migration.split(`INSERT INTO ${table} `)[1]?.split(';')[0] ?? '';
const PARAGRAPHS = new Set([...section('paragraph').matchAll(/\('([0-9a-z]+)', '/g)].map((match) => match[1]));
const FUNCTIONS = new Set([...section('account_function').matchAll(/\('(5\.38\.\d{2})', '/g)].map((match) => match[1]));

function firstProblems(problems: string[]): string[] {
  return problems.slice(0, 10);
}

describe('validity of the generated files', () => {
  let output: TempOutput;
  const tables = new Map<string, CsvTable>();
  const table = (fileName: string): CsvTable => {
    const found = tables.get(fileName);
    if (!found) throw new Error(`${fileName} not read`);
    return found;
  };
  const column = (fileName: string, header: string): string[] => {
    const t = table(fileName);
    return t.rows.map((row) => t.get(row, header));
  };

  beforeAll(async () => {
    output = await generateToTemp({ today: TODAY });
    for (const spec of IMPORT_FILES) tables.set(spec.fileName, readCsv(output.dir, spec.fileName));
  });
  afterAll(() => output?.cleanup());

  it('reads the reference lists from the migration', () => {
    expect(PARAGRAPHS.has('107')).toBe(true);
    expect(FUNCTIONS.has('5.38.52')).toBe(true);
  });

  it('uses pseudonymous ids with a letter prefix — never CPR-like values anywhere', () => {
    const idColumns: [string, string, string][] = [
      ['borgere.csv', 'borger_id', 'B'],
      ['tilbud.csv', 'tilbud_id', 'T'],
      ['ansoegninger.csv', 'sag_id', 'S'],
      ['indsatser.csv', 'indsats_id', 'I'],
      ['posteringer.csv', 'posterings_id', 'P'],
    ];
    const problems: string[] = [];
    for (const [fileName, header, prefix] of idColumns) {
      for (const id of column(fileName, header)) if (!new RegExp(`^${prefix}\\d+$`).test(id)) problems.push(`${fileName} ${id}`);
    }
    for (const [fileName, t] of tables) {
      for (const row of t.rows) {
        for (const cell of row) if (/^\d{6}-?\d{4}$/.test(cell)) problems.push(`${fileName} looks like CPR: ${cell}`);
      }
    }
    expect(firstProblems(problems)).toEqual([]);
  });

  it('has unique keys in every file', () => {
    const keys: [string, string[]][] = [
      ['pl_indeks.csv', ['aar']],
      ['befolkning.csv', ['aar', 'alder']],
      ['borgere.csv', ['borger_id']],
      ['tilbud.csv', ['tilbud_id']],
      ['ansoegninger.csv', ['sag_id']],
      ['indsatser.csv', ['indsats_id']],
      ['opfoelgninger.csv', ['indsats_id', 'dato']],
      ['posteringer.csv', ['posterings_id']],
      ['budget.csv', ['aar', 'funktion', 'type', 'opgjort_dato']],
      ['maalinger.csv', ['borger_id', 'dato', 'maaling']],
    ];
    const problems: string[] = [];
    for (const [fileName, headers] of keys) {
      const t = table(fileName);
      const seen = new Set<string>();
      for (const row of t.rows) {
        const key = headers.map((header) => t.get(row, header)).join('|');
        if (seen.has(key)) problems.push(`${fileName} duplicate ${key}`);
        seen.add(key);
      }
    }
    expect(firstProblems(problems)).toEqual([]);
  });

  it('only refers to citizens, providers and grants that exist', () => {
    const citizens = new Set(column('borgere.csv', 'borger_id'));
    const providers = new Set(column('tilbud.csv', 'tilbud_id'));
    const grants = new Set(column('indsatser.csv', 'indsats_id'));
    const references: [string, string, Set<string>][] = [
      ['ansoegninger.csv', 'borger_id', citizens],
      ['indsatser.csv', 'borger_id', citizens],
      ['indsatser.csv', 'tilbud_id', providers],
      ['opfoelgninger.csv', 'indsats_id', grants],
      ['posteringer.csv', 'tilbud_id', providers],
      ['maalinger.csv', 'borger_id', citizens],
    ];
    const problems: string[] = [];
    for (const [fileName, header, existing] of references) {
      for (const value of column(fileName, header)) if (value !== '' && !existing.has(value)) problems.push(`${fileName} ${header} ${value}`);
    }
    // and every citizen is used by a grant or an application
    const used = new Set([...column('ansoegninger.csv', 'borger_id'), ...column('indsatser.csv', 'borger_id')]);
    for (const citizen of citizens) if (!used.has(citizen)) problems.push(`unused citizen ${citizen}`);
    expect(firstProblems(problems)).toEqual([]);
  });

  it('uses only known codes', () => {
    const problems: string[] = [];
    const check = (fileName: string, header: string, allowed: ReadonlySet<string>, optional = false): void => {
      for (const value of column(fileName, header)) {
        if (optional && value === '') continue;
        if (!allowed.has(value)) problems.push(`${fileName} ${header} "${value}"`);
      }
    };
    const groups = new Set(Object.keys(TARGET_GROUPS));
    check('borgere.csv', 'maalgruppe', groups);
    check('borgere.csv', 'tidligere_anbragt', new Set(['ja', 'nej']), true);
    check('tilbud.csv', 'maalgruppe', groups, true);
    check('tilbud.csv', 'driftsform', new Set(['intern', 'ekstern']));
    check('tilbud.csv', 'paragraf', PARAGRAPHS as Set<string>, true);
    check('ansoegninger.csv', 'paragraf', PARAGRAPHS as Set<string>);
    check('ansoegninger.csv', 'afgoerelse', new Set(['bevilget', 'afslag', 'henlagt']), true);
    check('indsatser.csv', 'paragraf', PARAGRAPHS as Set<string>);
    check('posteringer.csv', 'funktion', FUNCTIONS as Set<string>);
    check('budget.csv', 'funktion', FUNCTIONS as Set<string>);
    check('budget.csv', 'type', new Set(['oprindeligt', 'korrigeret', 'forventet']));
    check('maalinger.csv', 'maaling', new Set(Object.keys(MEASUREMENTS)));
    expect(firstProblems(problems)).toEqual([]);
  });

  it('has no date after today and valid calendar dates', () => {
    const problems: string[] = [];
    for (const spec of IMPORT_FILES) {
      const t = table(spec.fileName);
      for (const columnSpec of spec.columns) {
        if (columnSpec.value.kind !== 'date') continue;
        for (const row of t.rows) {
          const value = t.get(row, columnSpec.header);
          if (value === '') continue;
          const parsed = new Date(`${value}T00:00:00Z`);
          if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) problems.push(`${spec.fileName} invalid ${value}`);
          if (value > TODAY) problems.push(`${spec.fileName} ${columnSpec.header} ${value} after today`);
        }
      }
    }
    expect(firstProblems(problems)).toEqual([]);
  });

  it('keeps applications consistent: decision iff decided, decided ≥ received, some still open', () => {
    const t = table('ansoegninger.csv');
    const problems: string[] = [];
    let open = 0;
    for (const row of t.rows) {
      const decided = t.get(row, 'afgjort');
      const decision = t.get(row, 'afgoerelse');
      if ((decided === '') !== (decision === '')) problems.push(`decision without date: ${row.join(';')}`);
      if (decided !== '' && decided < t.get(row, 'modtaget')) problems.push(`decided before received: ${row.join(';')}`);
      if (decided === '') open++;
    }
    expect(firstProblems(problems)).toEqual([]);
    expect(open).toBeGreaterThan(0);
    const decisions = new Set(column('ansoegninger.csv', 'afgoerelse'));
    expect([...decisions].sort()).toEqual(['', 'afslag', 'bevilget', 'henlagt']);
  });

  it('keeps grants consistent: slut ≥ start, active in the data years, limits on hours, rates and places', () => {
    const t = table('indsatser.csv');
    const problems: string[] = [];
    for (const row of t.rows) {
      const start = t.get(row, 'start');
      const end = t.get(row, 'slut');
      if (end !== '' && end < start) problems.push(`slut before start: ${row.join(';')}`);
      if (end !== '' && end < '2018-01-01') problems.push(`ended before the data years: ${row.join(';')}`);
      const hours = t.get(row, 'timer_pr_uge');
      if (hours !== '' && !(parseDecimal(hours) > 0 && parseDecimal(hours) <= 168)) problems.push(`hours ${hours}`);
      const rate = t.get(row, 'takst_pr_dag');
      if (rate !== '' && !(parseDecimal(rate) >= 0)) problems.push(`rate ${rate}`);
      if ((hours === '') === (rate === '')) problems.push(`needs exactly one of hours and rate: ${row.join(';')}`);
    }
    const providers = table('tilbud.csv');
    for (const row of providers.rows) {
      const places = providers.get(row, 'pladser');
      if (places !== '' && !(Number(places) >= 0)) problems.push(`places ${places}`);
    }
    expect(firstProblems(problems)).toEqual([]);
  });

  it('gives every grant a granted application for the same citizen and paragraph, decided by its start', () => {
    const applications = table('ansoegninger.csv');
    const granted = new Map<string, string[]>();
    for (const row of applications.rows) {
      if (applications.get(row, 'afgoerelse') !== 'bevilget') continue;
      const key = `${applications.get(row, 'borger_id')}|${applications.get(row, 'paragraf')}`;
      granted.set(key, [...(granted.get(key) ?? []), applications.get(row, 'afgjort')]);
    }
    const grants = table('indsatser.csv');
    const problems: string[] = [];
    for (const row of grants.rows) {
      const key = `${grants.get(row, 'borger_id')}|${grants.get(row, 'paragraf')}`;
      const start = grants.get(row, 'start');
      if (!(granted.get(key) ?? []).some((decided) => decided <= start)) problems.push(`no application for ${row.join(';')}`);
    }
    expect(firstProblems(problems)).toEqual([]);
  });

  it('dates reviews within the active period of their grant', () => {
    const grants = table('indsatser.csv');
    const periods = new Map(grants.rows.map((row) => [grants.get(row, 'indsats_id'), [grants.get(row, 'start'), grants.get(row, 'slut')]]));
    const reviews = table('opfoelgninger.csv');
    const problems: string[] = [];
    for (const row of reviews.rows) {
      const [start = '', end = ''] = periods.get(reviews.get(row, 'indsats_id')) ?? [];
      const date = reviews.get(row, 'dato');
      if (date < start || (end !== '' && date > end)) problems.push(row.join(';'));
    }
    expect(firstProblems(problems)).toEqual([]);
  });

  it('has integer measurement values in range, from 2018 on', () => {
    const t = table('maalinger.csv');
    const problems: string[] = [];
    for (const row of t.rows) {
      const code = t.get(row, 'maaling') as keyof typeof MEASUREMENTS;
      const value = t.get(row, 'vaerdi');
      const range = MEASUREMENTS[code];
      if (!/^\d+$/.test(value) || Number(value) < range.min || Number(value) > range.max) problems.push(row.join(';'));
      if (t.get(row, 'dato') < '2018-01-01') problems.push(`before 2018: ${row.join(';')}`);
    }
    expect(firstProblems(problems)).toEqual([]);
  });

  it('gives forecasts a reporting date and keeps budget, postings and population in the data years', () => {
    const budget = table('budget.csv');
    const problems: string[] = [];
    for (const row of budget.rows) {
      const type = budget.get(row, 'type');
      const reportedOn = budget.get(row, 'opgjort_dato');
      if (type === 'forventet' && reportedOn === '') problems.push(`forecast without date: ${row.join(';')}`);
      if (type !== 'forventet' && reportedOn !== '') problems.push(`dated ${type}: ${row.join(';')}`);
      if (Number(budget.get(row, 'aar')) < 2018) problems.push(`budget before 2018: ${row.join(';')}`);
    }
    for (const date of column('posteringer.csv', 'dato')) if (date < '2018-01-01') problems.push(`posting ${date}`);
    expect(firstProblems(problems)).toEqual([]);
    const years = new Set(column('befolkning.csv', 'aar'));
    expect(years.has('2018') && years.has('2026')).toBe(true);
    expect(new Set(column('befolkning.csv', 'alder')).size).toBe(100);
    const indexYears = column('pl_indeks.csv', 'aar');
    expect(indexYears.at(-1)).toBe('2027');
    expect(table('pl_indeks.csv').rows.find((row) => row[0] === '2018')?.[1]).toBe('100');
  });
});
