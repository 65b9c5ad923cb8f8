/**
 * Streaming CSV writer for the import format: UTF-8 without BOM, `;` separator, the contract's
 * header row. Rows are buffered in small batches, turned into text by csv-stringify and written
 * with back-pressure, so tens of millions of postings never sit in memory at once.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { findFileSpec } from '@sol/domain/import-contract.ts';

const BATCH_ROWS = 4096;
const STRINGIFY_OPTIONS = { delimiter: ';', record_delimiter: 'unix', header: false } as const;

export class CsvFileWriter {
  readonly fileName: string;
  private readonly columnCount: number;
  private readonly stream: WriteStream;
  private batch: string[][] = [];
  private failure: Error | undefined;
  rows = 0;

  /** Opens `outDir/fileName` and writes the header of the file's contract. */
  constructor(outDir: string, fileName: string) {
    const spec = findFileSpec(fileName);
    if (!spec) throw new Error(`${fileName} er ikke en fil i importkontrakten`);
    this.fileName = spec.fileName;
    const headers = spec.columns.map((column) => column.header);
    this.columnCount = headers.length;
    this.stream = createWriteStream(join(outDir, spec.fileName), { encoding: 'utf8' });
    this.stream.on('error', (error: Error) => {
      this.failure = error;
    });
    this.stream.write(stringify([headers], STRINGIFY_OPTIONS));
  }

  /**
   * Adds a row of already formatted cells (empty string = missing), in contract column order.
   * Returns a promise only when a batch went to disk — `await` it then (cheap for 20M rows).
   */
  write(row: string[]): Promise<void> | undefined {
    if (row.length !== this.columnCount) {
      throw new Error(`${this.fileName}: række med ${row.length} kolonner, forventet ${this.columnCount}`);
    }
    this.batch.push(row);
    this.rows++;
    return this.batch.length >= BATCH_ROWS ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.batch.length === 0) return;
    const text = stringify(this.batch, STRINGIFY_OPTIONS);
    this.batch = [];
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<{ fileName: string; rows: number }> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
    return { fileName: this.fileName, rows: this.rows };
  }
}
