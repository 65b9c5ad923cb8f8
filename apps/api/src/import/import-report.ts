/** What an import tells its caller: every error as file, line, column, value and Danish reason. */
import type { ImportedFileLog } from '../db/schema.ts';

export interface ImportError {
  file: string;
  /** 1-based line in the file (the header is line 1); null for file-level errors */
  line: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface ImportProgress {
  fileName: string;
  fileIndex: number;
  fileCount: number;
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export type ImportReport =
  | { ok: true; importId: number; files: ImportedFileLog[]; totalRows: number; durationMs: number }
  | { ok: false; errors: ImportError[]; errorCount: number; durationMs: number };

/** Past this many, errors are counted but not listed, so a wholly wrong 1M-row file cannot exhaust memory. */
export const MAX_LISTED_ERRORS = 50_000;

export class ErrorCollector {
  readonly errors: ImportError[] = [];
  count = 0;

  add(error: ImportError): void {
    this.count += 1;
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(error);
  }

  get any(): boolean {
    return this.count > 0;
  }
}

export function formatImportError(error: ImportError): string {
  const where = [error.file, error.line === null ? null : `linje ${error.line}`, error.column && `kolonne ${error.column}`]
    .filter(Boolean)
    .join(', ');
  const value = error.value === null ? '' : ` (værdi: "${error.value}")`;
  return `${where}: ${error.reason}${value}`;
}
