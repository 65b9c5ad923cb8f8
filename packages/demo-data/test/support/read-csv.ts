/**
 * A small reader for the generated files, independent of the generator's code: it parses the
 * import format (`;`, optional double quotes) into header + rows of strings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** value of a column in a row, by header name */
  get(row: string[], column: string): string;
}

export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}

export function readCsv(dir: string, fileName: string): CsvTable {
  const { header, rows } = parseCsv(readFileSync(join(dir, fileName), 'utf8'));
  const positions = new Map(header.map((name, index) => [name, index]));
  return {
    header,
    rows,
    get(row, column) {
      const position = positions.get(column);
      if (position === undefined) throw new Error(`${fileName} has no column ${column}`);
      return row[position] ?? '';
    },
  };
}

/** "1234,5" → 1234.5 */
export function parseDecimal(text: string): number {
  return Number(text.replace(',', '.'));
}
