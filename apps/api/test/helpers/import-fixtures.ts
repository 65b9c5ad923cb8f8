/**
 * A small, valid set of import files (every file of the contract, with Danish formats mixed in),
 * and helpers to write files to a temp folder and to fingerprint the whole database.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTED_TABLES } from '@sol/domain/data-tables.ts';
import iconv from 'iconv-lite';
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../src/db/schema.ts';
import type { ImportInput } from '../../src/import/import-files.ts';

export const VALID_FILES: Record<string, string> = {
  'pl_indeks.csv': ['aar;indeks', '2018;100', '2019;101,5', '2024;118,3'].join('\n'),
  'befolkning.csv': ['aar;alder;antal', '2024;20;700', '2024;21;1.010'].join('\n'),
  'borgere.csv': [
    'borger_id;foedselsaar;maalgruppe;tidligere_anbragt',
    'B001;1990;SIND;nej',
    'B002;2001;uh;ja',
    'B003;1960;HJERNE;',
  ].join('\n'),
  'tilbud.csv': [
    'tilbud_id;navn;driftsform;paragraf;maalgruppe;pladser',
    'T01;Kløverhuset;intern;105;SIND;14',
    'T02;Bostedet Ærø Søhøj;ekstern;§ 108;;',
  ].join('\n'),
  'ansoegninger.csv': [
    'sag_id;borger_id;paragraf;modtaget;afgjort;afgoerelse',
    'S1;B001;85;2024-01-02;2024-02-01;bevilget',
    'S2;B002;108;15.03.2024;;',
    'S3;B003;107;01-04-2024;10-04-2024;afslag',
  ].join('\n'),
  'indsatser.csv': [
    'indsats_id;borger_id;paragraf;start;slut;tilbud_id;timer_pr_uge;takst_pr_dag',
    'I1;B001;85;2024-02-01;;;4,5;',
    'I2;B002;108;2023-01-01;2024-06-30;T02;;2.950,50',
    'I3;B003;105;2020-05-01;;T01;;1200.5',
  ].join('\n'),
  'opfoelgninger.csv': ['indsats_id;dato', 'I1;2024-08-01', 'I2;15.01.2024'].join('\n'),
  'posteringer.csv': [
    'posterings_id;dato;funktion;beloeb;tilbud_id',
    'P1;2024-01-31;5.38.50;91.465,50;T02',
    'P2;2024-01-31;5.38.38;-1234,5;',
  ].join('\n'),
  'budget.csv': [
    'aar;funktion;type;beloeb;opgjort_dato',
    '2024;5.38.50;oprindeligt;1.000.000;',
    '2024;5.38.50;korrigeret;1.100.000;',
    '2024;5.38.50;forventet;1.050.000;31.03.2024',
    '2024;5.38.50;forventet;1.080.000;31.08.2024',
  ].join('\n'),
  'maalinger.csv': ['borger_id;dato;maaling;vaerdi', 'B001;2024-05-01;faellesskab;1', 'B001;2024-05-01;trivsel;4'].join('\n'),
};

export type FileContent = string | Buffer | { text: string; encoding: 'windows-1252' | 'utf-8-bom' };

export async function writeImportFiles(files: Record<string, FileContent>): Promise<ImportInput[]> {
  const dir = await mkdtemp(join(tmpdir(), 'sol-import-'));
  const inputs: ImportInput[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    let bytes: Buffer;
    if (typeof content === 'string') bytes = Buffer.from(content, 'utf8');
    else if (Buffer.isBuffer(content)) bytes = content;
    else if (content.encoding === 'windows-1252') bytes = iconv.encode(content.text, 'win1252');
    else bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(content.text, 'utf8')]);
    await writeFile(path, bytes);
    inputs.push({ path });
  }
  return inputs;
}

const DATA_TABLES = [
  'municipality_settings',
  'paragraph',
  'processing_deadline',
  'account_function',
  ...COUNTED_TABLES,
  'import_log',
  'strategy',
  'strategy_theme',
  'strategy_indicator',
] as const satisfies readonly (keyof Tables)[];

/**
 * An md5 over every row of every table, in a stable order: equal fingerprints mean the database
 * holds exactly the same data, which row counts alone cannot show.
 */
export async function databaseFingerprint(
  db: Kysely<Tables>,
  options: { exclude?: readonly string[] } = {},
): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const table of DATA_TABLES) {
    if (options.exclude?.includes(table)) continue;
    const result = await sql<{ digest: string | null }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.table(table)} t`.execute(db);
    fingerprint[table] = result.rows[0]?.digest ?? '';
  }
  return fingerprint;
}
