import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FILES } from '@sol/domain/import-contract.ts';
import { formatDecimal } from '../src/format.ts';
import { readCsv } from './support/read-csv.ts';
import { generateToTemp, type TempOutput } from './support/temp-output.ts';

describe('import format', () => {
  let output: TempOutput;
  beforeAll(async () => {
    output = await generateToTemp({ today: '2026-11-22' });
  });
  afterAll(() => output?.cleanup());

  it('writes every file of the contract, reported in contract order with its row count', async () => {
    expect(output.result.files.map((file) => file.fileName)).toEqual(IMPORT_FILES.map((spec) => spec.fileName));
    for (const file of output.result.files) {
      expect(file.rows, file.fileName).toBeGreaterThan(0);
      expect(readCsv(output.dir, file.fileName).rows.length, file.fileName).toBe(file.rows);
    }
  });

  it.each(IMPORT_FILES.map((spec) => [spec.fileName, spec] as const))('%s has exactly the contract headers', async (fileName, spec) => {
    const table = readCsv(output.dir, fileName);
    expect(table.header).toEqual(spec.columns.map((column) => column.header));
    const widths = new Set(table.rows.map((row) => row.length));
    expect([...widths]).toEqual([spec.columns.length]);
  });

  it('is UTF-8 without BOM, `;`-separated, one record per line, and keeps æøå', async () => {
    const bytes = await readFile(join(output.dir, 'tilbud.csv'));
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\n')[0]).toBe('tilbud_id;navn;driftsform;paragraf;maalgruppe;pladser');
    expect(text).toContain('Kløverhuset');
    expect(text).toContain('Frøgaard Alle');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('formats values the way the importer reads them', async () => {
    expect(formatDecimal(1234.5)).toBe('1234,5');
    expect(formatDecimal(-1234.567)).toBe('-1234,57');
    expect(formatDecimal(100)).toBe('100');
    expect(formatDecimal(-0.001)).toBe('0');
    const problems: string[] = [];
    for (const spec of IMPORT_FILES) {
      const table = readCsv(output.dir, spec.fileName);
      for (const row of table.rows) {
        spec.columns.forEach((column, index) => {
          const value = row[index] ?? '';
          const kind = column.value.kind;
          const bad =
            (column.required && value === '') ||
            (value !== '' &&
              ((kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) ||
                (kind === 'decimal' && !/^-?\d+(,\d+)?$/.test(value)) ||
                (kind === 'integer' && !/^\d+$/.test(value))));
          if (bad) problems.push(`${spec.fileName} ${column.header} "${value}"`);
        });
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
