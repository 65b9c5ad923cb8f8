/**
 * The CSV import contract (DESIGN §4) as data: which files exist, their Danish column names, which
 * are required, how each value is parsed and which table/column it lands in. The importer, the
 * demo-data generator and the user documentation all follow this one definition.
 */
import { BUDGET_TYPES, DECISIONS, MEASUREMENTS, OPERATIONS, TARGET_GROUPS, YES_NO } from './codes.ts';

export type ValueKind =
  /** a pseudonymous identifier (text, 1–64 characters) */
  | { kind: 'id' }
  | { kind: 'text'; maxLength: number }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'decimal'; min?: number; max?: number }
  | { kind: 'date' }
  | { kind: 'code'; codes: readonly string[] }
  | { kind: 'yesNo' }
  /** a value that must exist in another table (reference data or an earlier file) */
  | { kind: 'reference'; table: ReferenceTable; label: string };

export type ReferenceTable = 'citizen' | 'provider' | 'service_grant' | 'paragraph' | 'account_function';

export interface ColumnSpec {
  /** Danish CSV header, lower case */
  header: string;
  /** column in the database table */
  column: string;
  required: boolean;
  value: ValueKind;
}

export interface FileSpec {
  fileName: string;
  /** Danish description for reports and docs */
  title: string;
  table: string;
  /** database columns forming the upsert key */
  key: readonly string[];
  columns: readonly ColumnSpec[];
}

const id: ValueKind = { kind: 'id' };
const date: ValueKind = { kind: 'date' };
const decimal: ValueKind = { kind: 'decimal' };
const citizenRef: ValueKind = { kind: 'reference', table: 'citizen', label: 'borgere.csv' };
const providerRef: ValueKind = { kind: 'reference', table: 'provider', label: 'tilbud.csv' };
const grantRef: ValueKind = { kind: 'reference', table: 'service_grant', label: 'indsatser.csv' };
const paragraphRef: ValueKind = { kind: 'reference', table: 'paragraph', label: 'paragraflisten' };
const functionRef: ValueKind = { kind: 'reference', table: 'account_function', label: 'kontoplanens funktioner' };
const targetGroup: ValueKind = { kind: 'code', codes: Object.keys(TARGET_GROUPS) };
const year: ValueKind = { kind: 'integer', min: 1900, max: 2100 };

const col = (header: string, column: string, required: boolean, value: ValueKind): ColumnSpec => ({
  header,
  column,
  required,
  value,
});

/** Files in dependency order: a file only refers to files before it. */
export const IMPORT_FILES: readonly FileSpec[] = [
  {
    fileName: 'pl_indeks.csv',
    title: 'P/L-indeks',
    table: 'price_index',
    key: ['year'],
    columns: [col('aar', 'year', true, year), col('indeks', 'index_value', true, { kind: 'decimal', min: 0.0001 })],
  },
  {
    fileName: 'befolkning.csv',
    title: 'Befolkning',
    table: 'population',
    key: ['year', 'age'],
    columns: [
      col('aar', 'year', true, year),
      col('alder', 'age', true, { kind: 'integer', min: 0, max: 125 }),
      col('antal', 'inhabitants', true, { kind: 'integer', min: 0, max: 10_000_000 }),
    ],
  },
  {
    fileName: 'borgere.csv',
    title: 'Borgere',
    table: 'citizen',
    key: ['citizen_id'],
    columns: [
      col('borger_id', 'citizen_id', true, id),
      col('foedselsaar', 'birth_year', true, year),
      col('maalgruppe', 'target_group', true, targetGroup),
      col('tidligere_anbragt', 'formerly_placed', false, { kind: 'yesNo' }),
    ],
  },
  {
    fileName: 'tilbud.csv',
    title: 'Tilbud',
    table: 'provider',
    key: ['provider_id'],
    columns: [
      col('tilbud_id', 'provider_id', true, id),
      col('navn', 'name', true, { kind: 'text', maxLength: 200 }),
      col('driftsform', 'operation', true, { kind: 'code', codes: Object.keys(OPERATIONS) }),
      col('paragraf', 'paragraph', false, paragraphRef),
      col('maalgruppe', 'target_group', false, targetGroup),
      col('pladser', 'places', false, { kind: 'integer', min: 0, max: 100_000 }),
    ],
  },
  {
    fileName: 'ansoegninger.csv',
    title: 'Ansøgninger',
    table: 'application',
    key: ['application_id'],
    columns: [
      col('sag_id', 'application_id', true, id),
      col('borger_id', 'citizen_id', true, citizenRef),
      col('paragraf', 'paragraph', true, paragraphRef),
      col('modtaget', 'received', true, date),
      col('afgjort', 'decided', false, date),
      col('afgoerelse', 'decision', false, { kind: 'code', codes: Object.keys(DECISIONS) }),
    ],
  },
  {
    fileName: 'indsatser.csv',
    title: 'Indsatser',
    table: 'service_grant',
    key: ['grant_id'],
    columns: [
      col('indsats_id', 'grant_id', true, id),
      col('borger_id', 'citizen_id', true, citizenRef),
      col('paragraf', 'paragraph', true, paragraphRef),
      col('start', 'start_date', true, date),
      col('slut', 'end_date', false, date),
      col('tilbud_id', 'provider_id', false, providerRef),
      col('timer_pr_uge', 'hours_per_week', false, { kind: 'decimal', min: 0, max: 168 }),
      col('takst_pr_dag', 'daily_rate', false, { kind: 'decimal', min: 0 }),
    ],
  },
  {
    fileName: 'opfoelgninger.csv',
    title: 'Opfølgninger',
    table: 'review',
    key: ['grant_id', 'review_date'],
    columns: [col('indsats_id', 'grant_id', true, grantRef), col('dato', 'review_date', true, date)],
  },
  {
    fileName: 'posteringer.csv',
    title: 'Posteringer',
    table: 'posting',
    key: ['posting_id'],
    columns: [
      col('posterings_id', 'posting_id', true, id),
      col('dato', 'posting_date', true, date),
      col('funktion', 'function_code', true, functionRef),
      col('beloeb', 'amount', true, decimal),
      col('tilbud_id', 'provider_id', false, providerRef),
    ],
  },
  {
    fileName: 'budget.csv',
    title: 'Budget',
    table: 'budget',
    key: ['year', 'function_code', 'budget_type', 'reported_on'],
    columns: [
      col('aar', 'year', true, year),
      col('funktion', 'function_code', true, functionRef),
      col('type', 'budget_type', true, { kind: 'code', codes: Object.keys(BUDGET_TYPES) }),
      col('beloeb', 'amount', true, decimal),
      col('opgjort_dato', 'reported_on', false, date),
    ],
  },
  {
    fileName: 'maalinger.csv',
    title: 'Målinger',
    table: 'measurement',
    key: ['citizen_id', 'measured_on', 'measure'],
    columns: [
      col('borger_id', 'citizen_id', true, citizenRef),
      col('dato', 'measured_on', true, date),
      col('maaling', 'measure', true, { kind: 'code', codes: Object.keys(MEASUREMENTS) }),
      col('vaerdi', 'value', true, decimal),
    ],
  },
];

export const YES_NO_VALUES = YES_NO;

export function findFileSpec(fileName: string): FileSpec | undefined {
  const lower = fileName.toLowerCase();
  return IMPORT_FILES.find((spec) => spec.fileName === lower);
}
