/**
 * Imports run as background jobs so the dashboard can show their progress: an upload is stored,
 * the import starts, and the caller polls the job. One import at a time per process — the slot is
 * taken when an upload starts arriving, not when the import starts, so a second upload is refused
 * at once instead of after it has been received. Jobs live in this process's memory; the import's
 * result itself (the data and import_log) is in the database as always.
 */
import { randomUUID } from 'node:crypto';
import type { ImportedFileLog } from '../db/schema.ts';
import { KeptJobs } from '../jobs/kept-jobs.ts';
import { formatImportError, type ImportError, type ImportProgress, type ImportReport } from './import-report.ts';

export type ImportJobState = 'running' | 'succeeded' | 'failed';

export interface ImportJobProgress {
  bytesRead: number;
  totalBytes: number;
  fileName: string;
}

export type ImportJobReport =
  | { ok: true; importId: number; files: ImportedFileLog[]; totalRows: number; durationMs: number }
  | {
      ok: false;
      /** Every error the importer listed, each with the Danish line the CLI prints for it. */
      errors: (ImportError & { message: string })[];
      errorCount: number;
      durationMs: number;
    };

export interface ImportJob {
  jobId: string;
  state: ImportJobState;
  progress: ImportJobProgress;
  /** null while running. */
  report: ImportJobReport | null;
  startedAt: string;
  finishedAt: string | null;
}

/** Finished jobs kept for polling; the oldest are forgotten first. */
const KEPT_JOBS = 50;

export class ImportJobs extends KeptJobs<ImportJob> {
  constructor() {
    super(KEPT_JOBS);
  }

  #slotTaken = false;

  /** Takes the process's one import slot; false while an upload is being received or an import runs. */
  reserve(): boolean {
    if (this.#slotTaken) return false;
    this.#slotTaken = true;
    return true;
  }

  /** Gives the slot back when a reserved upload is refused before its import starts. */
  release(): void {
    this.#slotTaken = false;
  }

  /**
   * Starts `work` in the reserved slot and returns the job at once. `work` reports progress as the
   * importer does; its report decides the job's state; a throw fails the job with a Danish report.
   * The slot is freed when `work` settles.
   */
  start(
    initial: ImportJobProgress,
    work: (onProgress: (progress: ImportProgress) => void) => Promise<ImportReport>,
    log: { error: (error: unknown, message: string) => void },
  ): ImportJob {
    const started = performance.now();
    const job: ImportJob = {
      jobId: randomUUID(),
      state: 'running',
      progress: { ...initial },
      report: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    const finish = (report: ImportJobReport): void => {
      job.report = report;
      job.state = report.ok ? 'succeeded' : 'failed';
      if (report.ok) job.progress = { ...job.progress, bytesRead: job.progress.totalBytes };
      job.finishedAt = new Date().toISOString();
    };
    const running = work((progress) => {
      job.progress = { bytesRead: progress.bytesRead, totalBytes: progress.totalBytes, fileName: progress.fileName };
    })
      .then((report) => finish(toJobReport(report)))
      .catch((error: unknown) => {
        log.error(error, 'Indlæsning fejlede uventet');
        finish({
          ok: false,
          errors: [withMessage({ file: job.progress.fileName, line: null, column: null, value: null, reason: UNEXPECTED })],
          errorCount: 1,
          durationMs: Math.round(performance.now() - started),
        });
      })
      .finally(() => {
        this.#slotTaken = false;
      });
    this.run(job, running);
    return job;
  }
}

const UNEXPECTED = 'Indlæsningen stoppede på grund af en uventet fejl på serveren. Prøv igen, eller kontakt administratoren.';

function withMessage(error: ImportError): ImportError & { message: string } {
  return { ...error, message: formatImportError(error) };
}

function toJobReport(report: ImportReport): ImportJobReport {
  return report.ok ? report : { ...report, errors: report.errors.map(withMessage) };
}
