/**
 * The import service (DESIGN §4): a batch of CSV files goes in all or nothing, in one transaction,
 * files in dependency order. Every error is reported as file, line, column, value and a Danish
 * reason; on any error the transaction is rolled back and the database is unchanged. Rows are
 * streamed and upserted in batches, so a file of a million postings never sits in memory at once.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
import { IMPORT_FILES, findFileSpec, type ColumnSpec, type FileSpec, type ReferenceTable } from '@sol/domain/import-contract.ts';
import { MEASUREMENTS, type MeasurementCode } from '@sol/domain/codes.ts';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ImportedFileLog, Tables } from '../db/schema.ts';
import { refreshKpiViews } from '../db/kpi-views.ts';
import { looksLikeCpr, maskCpr } from './cpr.ts';
import { detectFileFormat, type FileFormat } from './detect-file-format.ts';
import { ErrorCollector, type ImportError, type ImportProgress, type ImportReport } from './import-report.ts';
import { parseDate, parseDecimal, parseInteger, type Parsed } from './parse-values.ts';

export interface ImportInput {
  path: string;
  /** the name the user gave the file; defaults to the path's base name */
  fileName?: string;
}

export interface ImportOptions {
  source: 'cli' | 'api' | 'demo';
  onProgress?: (progress: ImportProgress) => void;
}

type CellValue = string | number | boolean | null;

interface PendingRow {
  line: number;
  values: CellValue[];
}

/** Thrown inside the transaction to roll it back when the batch has errors. */
class RollbackForErrors extends Error {}

/** Keys of the tables other files refer to, as seen in this batch (valid or not). */
type SeenKeys = Map<ReferenceTable, Set<string>>;

const REFERENCE_KEY: Record<ReferenceTable, string> = {
  citizen: 'citizen_id',
  provider: 'provider_id',
  service_grant: 'grant_id',
  paragraph: 'code',
  account_function: 'code',
};

/** Why a file whose name is not one of the contract's is refused (the upload refuses it up front). */
export const UNKNOWN_FILE_NAME = `Ukendt filnavn. Filen skal hedde en af: ${IMPORT_FILES.map((f) => f.fileName).join(', ')}`;

/** Rows per INSERT: large enough to amortise the round trip, small enough to keep memory flat. */
const ROWS_PER_BATCH = 5_000;

export async function importFiles(
  db: Kysely<Tables>,
  inputs: readonly ImportInput[],
  options: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const errors = new ErrorCollector();
  const elapsed = (): number => Math.round(performance.now() - started);

  const planned = planFiles(inputs, errors);
  const formats = new Map<string, FileFormat>();
  for (const file of planned) {
    try {
      const format = await detectFileFormat(file.path);
      formats.set(file.spec.fileName, format);
      if (format.bytes === 0) errors.add(fileError(file.displayName, 'Filen er tom'));
      else if (format.binary) {
        errors.add(fileError(file.displayName, 'Filen ser ud til at være binær (fx et Excel-regneark), ikke en CSV-fil'));
      }
    } catch (error) {
      errors.add(fileError(file.displayName, `Filen kan ikke læses: ${describeFsError(error)}`));
    }
  }
  if (errors.any || planned.length === 0) {
    if (planned.length === 0 && !errors.any) errors.add(fileError('(ingen filer)', 'Der er ingen filer at indlæse'));
    return { ok: false, errors: errors.errors, errorCount: errors.count, durationMs: elapsed() };
  }

  const totalBytes = planned.reduce((sum, file) => sum + (formats.get(file.spec.fileName)?.bytes ?? 0), 0);
  let bytesBefore = 0;
  try {
    const report = await db.transaction().execute(async (trx) => {
      const references = await loadReferenceData(trx);
      const seenKeys: SeenKeys = new Map();
      const fileLogs: ImportedFileLog[] = [];
      for (const [fileIndex, file] of planned.entries()) {
        const format = formats.get(file.spec.fileName) as FileFormat;
        const rows = await importOneFile(trx, file, format, {
          errors,
          references,
          seenKeys,
          onProgress: (bytesRead, rowsSoFar) =>
            options.onProgress?.({
              fileName: file.displayName,
              fileIndex,
              fileCount: planned.length,
              bytesRead: bytesBefore + bytesRead,
              totalBytes,
              rows: rowsSoFar,
            }),
        });
        bytesBefore += format.bytes;
        fileLogs.push({
          fileName: file.spec.fileName,
          rows,
          bytes: format.bytes,
          sha256: format.sha256,
          encoding: format.encoding,
          delimiter: format.delimiter ?? ';',
        });
      }
      if (errors.any) throw new RollbackForErrors();

      const checksum = createHash('sha256')
        .update(fileLogs.map((f) => `${f.fileName}:${f.sha256}`).join('\n'))
        .digest('hex');
      const totalRows = fileLogs.reduce((sum, f) => sum + f.rows, 0);
      const durationMs = elapsed();
      const logged = await trx
        .insertInto('import_log')
        .values({
          source: options.source,
          files: JSON.stringify(fileLogs),
          total_rows: totalRows,
          checksum,
          duration_ms: durationMs,
        })
        .returning('import_id')
        .executeTakeFirstOrThrow();
      return { ok: true as const, importId: Number(logged.import_id), files: fileLogs, totalRows, durationMs };
    });
    // The KPI layer's materialized views read the imported tables; refresh them once the batch
    // is committed, so every way in (CLI, upload, demo) leaves the figures current.
    await refreshKpiViews(db);
    return report;
  } catch (error) {
    if (!(error instanceof RollbackForErrors)) throw error;
    return { ok: false, errors: sortedForReport(errors.errors, planned), errorCount: errors.count, durationMs: elapsed() };
  }
}

/** Errors in the order a reader checks them: by file (in import order), then line. */
function sortedForReport(errors: ImportError[], planned: readonly PlannedFile[]): ImportError[] {
  const fileOrder = new Map(planned.map((file, index) => [file.displayName, index]));
  return [...errors].sort(
    (a, b) => (fileOrder.get(a.file) ?? -1) - (fileOrder.get(b.file) ?? -1) || (a.line ?? 0) - (b.line ?? 0),
  );
}

interface PlannedFile {
  path: string;
  displayName: string;
  spec: FileSpec;
}

/** Matches inputs to the contract's files and orders them so every reference points backwards. */
function planFiles(inputs: readonly ImportInput[], errors: ErrorCollector): PlannedFile[] {
  const bySpec = new Map<FileSpec, PlannedFile>();
  for (const input of inputs) {
    const displayName = input.fileName ?? basename(input.path);
    const spec = findFileSpec(displayName);
    if (!spec) {
      errors.add(fileError(displayName, UNKNOWN_FILE_NAME));
      continue;
    }
    if (bySpec.has(spec)) {
      errors.add(fileError(displayName, `${spec.fileName} er valgt mere end én gang i samme indlæsning`));
      continue;
    }
    bySpec.set(spec, { path: input.path, displayName, spec });
  }
  return IMPORT_FILES.flatMap((spec) => {
    const file = bySpec.get(spec);
    return file ? [file] : [];
  });
}

interface ReferenceData {
  paragraph: Set<string>;
  account_function: Set<string>;
}

async function loadReferenceData(trx: Transaction<Tables>): Promise<ReferenceData> {
  const [paragraphs, functions] = await Promise.all([
    trx.selectFrom('paragraph').select('code').execute(),
    trx.selectFrom('account_function').select('code').execute(),
  ]);
  return {
    paragraph: new Set(paragraphs.map((p) => p.code)),
    account_function: new Set(functions.map((f) => f.code)),
  };
}

interface FileContext {
  errors: ErrorCollector;
  references: ReferenceData;
  seenKeys: SeenKeys;
  onProgress: (bytesRead: number, rows: number) => void;
}

/** Reads, validates and upserts one file; returns the number of data rows. */
async function importOneFile(
  trx: Transaction<Tables>,
  file: PlannedFile,
  format: FileFormat,
  context: FileContext,
): Promise<number> {
  const { spec, displayName } = file;
  const { errors } = context;
  let bytesRead = 0;
  const countBytes = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.length;
      callback(null, chunk);
    },
  });
  const parser = createReadStream(file.path)
    .pipe(countBytes)
    .pipe(iconv.decodeStream(format.encoding === 'utf-8' ? 'utf8' : 'win1252'))
    .pipe(
      parse({
        delimiter: format.delimiter ?? ';',
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
      }),
    );

  let columns: (ColumnSpec | null)[] | null = null;
  const keyIndexes: number[] = [];
  const seenKeysInFile = new Map<string, number>();
  const ownSeen = ownReferenceSet(spec, context.seenKeys);
  let batch: PendingRow[] = [];
  let rows = 0;

  const flush = async (): Promise<void> => {
    const pending = batch;
    batch = [];
    const valid = await checkReferences(trx, spec, pending, context, displayName);
    // Once the batch has an error it will be rolled back, so stop writing and only validate.
    if (!errors.any && valid.length > 0) {
      try {
        await upsertRows(trx, spec, valid);
      } catch (error) {
        // The importer checks every rule the schema has, so this is a backstop. The transaction is
        // aborted after a database error, so the import stops here with what it has found.
        const first = valid[0]?.line ?? null;
        const last = valid.at(-1)?.line ?? null;
        errors.add({
          file: displayName,
          line: first,
          column: null,
          value: null,
          reason: `Databasen afviste rækkerne i linje ${first}–${last}: ${error instanceof Error ? error.message : String(error)}`,
        });
        throw new RollbackForErrors();
      }
    }
    context.onProgress(bytesRead, rows);
  };

  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (columns === null) {
        columns = matchHeader(record, spec, displayName, errors);
        if (columns === null) return 0;
        for (const keyColumn of spec.key) {
          keyIndexes.push(columns.findIndex((c) => c?.column === keyColumn));
        }
        continue;
      }
      if (record.length !== columns.length) {
        errors.add({
          file: displayName,
          line,
          column: null,
          value: null,
          reason: `Linjen har ${record.length} felter, men overskriften har ${columns.length}`,
        });
        continue;
      }
      const values = parseRow(record, columns, spec, line, displayName, context);
      if (values === null) {
        // Later files referring to this row's key should not repeat its error as a missing reference.
        const rawKey = record[keyIndexes[0] ?? -1]?.trim();
        if (ownSeen && rawKey) ownSeen.add(rawKey);
        continue;
      }
      rows += 1;

      const keyValues = keyIndexes.map((i) => values[i]);
      if (ownSeen && typeof keyValues[0] === 'string') ownSeen.add(keyValues[0]);
      const key = JSON.stringify(keyValues);
      const earlierLine = seenKeysInFile.get(key);
      if (earlierLine !== undefined) {
        errors.add({
          file: displayName,
          line,
          column: spec.columns.find((c) => c.column === spec.key[0])?.header ?? null,
          value: keyValues.map((v) => (v === null ? '' : String(v))).join(' / '),
          reason: `Samme nøgle som linje ${earlierLine}: hver række må kun stå én gang i filen`,
        });
        continue;
      }
      seenKeysInFile.set(key, line);
      batch.push({ line, values: orderedForSpec(values, columns, spec) });
      if (batch.length >= ROWS_PER_BATCH) await flush();
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    errors.add({
      file: displayName,
      line: typeof error.lines === 'number' ? error.lines : null,
      column: null,
      value: null,
      reason: describeCsvError(error),
    });
    return rows;
  }
  if (columns === null) {
    errors.add(fileError(displayName, 'Filen har ingen overskriftslinje'));
    return 0;
  }
  if (batch.length > 0) await flush();
  return rows;
}

/** The set that records this file's own keys when other files refer to them. */
function ownReferenceSet(spec: FileSpec, seenKeys: SeenKeys): Set<string> | null {
  const table = spec.table as ReferenceTable;
  if (!(table in REFERENCE_KEY) || spec.key.length !== 1) return null;
  const set = seenKeys.get(table) ?? new Set<string>();
  seenKeys.set(table, set);
  return set;
}

/** Maps header cells to the contract's columns; reports unknown, duplicate and missing columns. */
function matchHeader(
  header: string[],
  spec: FileSpec,
  file: string,
  errors: ErrorCollector,
): (ColumnSpec | null)[] | null {
  let ok = true;
  const seen = new Set<string>();
  const columns = header.map((cell, index) => {
    const name = cell.trim().toLowerCase();
    const report = (reason: string, value: string | null = cell): void => {
      ok = false;
      errors.add({ file, line: 1, column: `${index + 1}`, value, reason });
    };
    if (looksLikeCpr(name) || /\bcpr/.test(name)) {
      report('Kolonnen ligner et CPR-nummer. Produktet må kun indeholde pseudonyme id’er', maskCpr(cell));
      return null;
    }
    const column = spec.columns.find((c) => c.header === name);
    if (!column) {
      const expected = spec.columns.map((c) => c.header).join(', ');
      report(name === '' ? 'Tom kolonneoverskrift' : `Ukendt kolonne for ${spec.fileName}. Tilladte kolonner: ${expected}`);
      return null;
    }
    if (seen.has(name)) {
      report('Kolonnen står mere end én gang i overskriften');
      return null;
    }
    seen.add(name);
    return column;
  });
  for (const column of spec.columns) {
    if (column.required && !seen.has(column.header)) {
      ok = false;
      errors.add({ file, line: 1, column: column.header, value: null, reason: 'Påkrævet kolonne mangler' });
    }
  }
  return ok ? columns : null;
}

/** Parses and validates one data row; returns values in header order, or null when it had errors. */
function parseRow(
  record: string[],
  columns: (ColumnSpec | null)[],
  spec: FileSpec,
  line: number,
  file: string,
  context: FileContext,
): CellValue[] | null {
  let rowOk = true;
  const report = (column: string | null, value: string | null, reason: string): void => {
    rowOk = false;
    context.errors.add({ file, line, column, value, reason });
  };
  const values = record.map((raw, index) => {
    const column = columns[index] as ColumnSpec;
    const text = raw.trim();
    if (looksLikeCpr(text, { amountColumn: column.value.kind === 'decimal' })) {
      report(column.header, maskCpr(text), 'Værdien ligner et CPR-nummer. Filen afvises: brug pseudonyme id’er');
      return null;
    }
    if (text === '') {
      if (column.required) report(column.header, '', 'Værdi mangler');
      return null;
    }
    const parsed = parseCell(text, column, context.references);
    if (!parsed.ok) {
      report(column.header, text, parsed.reason);
      return null;
    }
    return parsed.value;
  });
  if (!rowOk) return null;
  const byColumn = new Map(columns.map((c, i) => [(c as ColumnSpec).column, values[i] ?? null]));
  for (const problem of crossFieldProblems(spec, byColumn)) report(problem.column, problem.value, problem.reason);
  return rowOk ? values : null;
}

function parseCell(text: string, column: ColumnSpec, references: ReferenceData): Parsed<CellValue> {
  const spec = column.value;
  switch (spec.kind) {
    case 'id':
      return text.length <= 64 ? { ok: true, value: text } : { ok: false, reason: 'Id’et er længere end 64 tegn' };
    case 'text':
      return text.length <= spec.maxLength
        ? { ok: true, value: text }
        : { ok: false, reason: `Teksten er længere end ${spec.maxLength} tegn` };
    case 'integer':
      return parseInteger(text, spec.min, spec.max);
    case 'decimal': {
      const parsed = parseDecimal(text);
      if (!parsed.ok) return parsed;
      if ((spec.min !== undefined && parsed.value < spec.min) || (spec.max !== undefined && parsed.value > spec.max)) {
        const range =
          spec.max === undefined ? `mindst ${spec.min ?? 0}` : `mellem ${spec.min ?? 0} og ${spec.max}`;
        return { ok: false, reason: `Tallet skal være ${range}` };
      }
      return parsed;
    }
    case 'date':
      return parseDate(text);
    case 'code': {
      const code = spec.codes.find((c) => c.toLowerCase() === text.toLowerCase());
      return code ? { ok: true, value: code } : { ok: false, reason: `Ukendt kode. Tilladte: ${spec.codes.join(', ')}` };
    }
    case 'yesNo': {
      const lower = text.toLowerCase();
      if (lower === 'ja') return { ok: true, value: true };
      if (lower === 'nej') return { ok: true, value: false };
      return { ok: false, reason: 'Skal være ja eller nej' };
    }
    case 'reference': {
      if (spec.table === 'paragraph' || spec.table === 'account_function') {
        const normalised = spec.table === 'paragraph' ? text.toLowerCase().replace(/^§\s*/, '').replace(/\s+/g, '') : text;
        return references[spec.table].has(normalised)
          ? { ok: true, value: normalised }
          : { ok: false, reason: `Findes ikke i ${spec.label}` };
      }
      return text.length <= 64 ? { ok: true, value: text } : { ok: false, reason: 'Id’et er længere end 64 tegn' };
    }
  }
}

interface Problem {
  column: string;
  value: string | null;
  reason: string;
}

/** Rules that span several cells of a row (mirrored by CHECK constraints in the schema). */
function crossFieldProblems(spec: FileSpec, row: Map<string, CellValue>): Problem[] {
  const get = (column: string): CellValue => row.get(column) ?? null;
  const show = (value: CellValue): string | null => (value === null ? null : String(value));
  switch (spec.table) {
    case 'application': {
      const problems: Problem[] = [];
      const received = get('received');
      const decided = get('decided');
      const decision = get('decision');
      if (decided !== null && received !== null && String(decided) < String(received)) {
        problems.push({ column: 'afgjort', value: show(decided), reason: 'Afgjort ligger før modtaget' });
      }
      if (decided !== null && decision === null) {
        problems.push({ column: 'afgoerelse', value: null, reason: 'En afgjort sag skal have en afgørelse' });
      }
      if (decided === null && decision !== null) {
        problems.push({ column: 'afgjort', value: null, reason: 'En afgørelse kræver en afgørelsesdato (afgjort)' });
      }
      return problems;
    }
    case 'service_grant': {
      const start = get('start_date');
      const end = get('end_date');
      return end !== null && start !== null && String(end) < String(start)
        ? [{ column: 'slut', value: show(end), reason: 'Slut ligger før start (slut er sidste dag med indsatsen)' }]
        : [];
    }
    case 'budget':
      return get('budget_type') === 'forventet' && get('reported_on') === null
        ? [{ column: 'opgjort_dato', value: null, reason: 'Forventet regnskab kræver en opgjort_dato' }]
        : [];
    case 'measurement': {
      const measure = MEASUREMENTS[get('measure') as MeasurementCode];
      const value = get('value');
      if (!measure || typeof value !== 'number') return [];
      return Number.isInteger(value) && value >= measure.min && value <= measure.max
        ? []
        : [{ column: 'vaerdi', value: show(value), reason: `Skal være et helt tal fra ${measure.min} til ${measure.max}` }];
    }
    case 'citizen': {
      const birthYear = get('birth_year');
      return typeof birthYear === 'number' && birthYear > new Date().getFullYear()
        ? [{ column: 'foedselsaar', value: show(birthYear), reason: 'Fødselsåret ligger i fremtiden' }]
        : [];
    }
    default:
      return [];
  }
}

/** Values in the order of spec.columns, with null for optional columns the file leaves out. */
function orderedForSpec(values: CellValue[], columns: (ColumnSpec | null)[], spec: FileSpec): CellValue[] {
  return spec.columns.map((column) => {
    const index = columns.indexOf(column);
    return index >= 0 ? (values[index] ?? null) : null;
  });
}

/**
 * Checks the batch's references to citizens, providers and grants: a key is known when an earlier
 * file of this batch had it (valid or not — a broken row is reported once, at its own line) or
 * when the database already holds it. Returns the rows whose references all resolve.
 */
async function checkReferences(
  trx: Transaction<Tables>,
  spec: FileSpec,
  rows: PendingRow[],
  context: FileContext,
  file: string,
): Promise<PendingRow[]> {
  const invalidLines = new Set<number>();
  for (const [columnIndex, column] of spec.columns.entries()) {
    if (column.value.kind !== 'reference') continue;
    const table = column.value.table;
    if (table === 'paragraph' || table === 'account_function') continue;
    const seen = context.seenKeys.get(table);
    const unresolved = new Set<string>();
    for (const row of rows) {
      const value = row.values[columnIndex];
      if (typeof value === 'string' && !seen?.has(value)) unresolved.add(value);
    }
    if (unresolved.size === 0) continue;
    const keyColumn = REFERENCE_KEY[table];
    const found = await sql<{ key: string }>`select ${sql.ref(keyColumn)} as key from ${sql.table(table)} where ${sql.ref(keyColumn)} = any(${[...unresolved]}::text[])`.execute(trx);
    const existing = new Set(found.rows.map((r) => r.key));
    for (const row of rows) {
      const value = row.values[columnIndex];
      if (typeof value === 'string' && unresolved.has(value) && !existing.has(value)) {
        invalidLines.add(row.line);
        context.errors.add({
          file,
          line: row.line,
          column: column.header,
          value,
          reason: `Findes ikke i ${column.value.label} eller i databasen`,
        });
      }
    }
  }
  return invalidLines.size === 0 ? rows : rows.filter((row) => !invalidLines.has(row.line));
}

/** The SQL type each kind of value is sent as. */
function sqlType(column: ColumnSpec): string {
  switch (column.value.kind) {
    case 'integer':
      return 'integer';
    case 'decimal':
      return 'numeric';
    case 'date':
      return 'date';
    case 'yesNo':
      return 'boolean';
    default:
      return 'text';
  }
}

/**
 * Idempotent upsert on the file's key: re-importing the same rows changes nothing. Each column is
 * sent as one array parameter and unnested, so a batch costs a handful of parameters instead of
 * one per cell (several times faster on both engines than a VALUES list).
 */
async function upsertRows(trx: Transaction<Tables>, spec: FileSpec, rows: PendingRow[]): Promise<void> {
  const columnNames = spec.columns.map((c) => c.column);
  const arrays = spec.columns.map(
    (column, index) => sql`${rows.map((row) => row.values[index] ?? null)}::${sql.raw(sqlType(column))}[]`,
  );
  const updatable = columnNames.filter((c) => !spec.key.includes(c));
  const onConflict =
    updatable.length === 0
      ? sql`do nothing`
      : sql`do update set ${sql.join(updatable.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}`;
  await sql`insert into ${sql.table(spec.table)} (${sql.join(columnNames.map((c) => sql.ref(c)))})
    select * from unnest(${sql.join(arrays)})
    on conflict (${sql.join(spec.key.map((c) => sql.ref(c)))}) ${onConflict}`.execute(trx);
}

function fileError(file: string, reason: string) {
  return { file, line: null, column: null, value: null, reason };
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'Et anførselstegn (") åbnes, men lukkes aldrig. Filen kan ikke læses videre herfra';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'Ugyldigt tegn efter et afsluttende anførselstegn ("). Filen kan ikke læses videre herfra';
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'Tegn efter et afsluttende anførselstegn ("). Filen kan ikke læses videre herfra';
    default:
      return `Filen kan ikke læses som CSV (${error.code}). Filen kan ikke læses videre herfra`;
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'filen findes ikke';
  if (code === 'EACCES') return 'ingen adgang til filen';
  if (code === 'EISDIR') return 'det er en mappe, ikke en fil';
  return error instanceof Error ? error.message : String(error);
}
