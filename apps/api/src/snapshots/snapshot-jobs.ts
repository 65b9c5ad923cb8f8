/**
 * Freezing runs as a background job: on the demo data it takes seconds when the result store is
 * current and about a minute at another as-of date (every answer computed live), too long for a
 * request to wait. One freeze at a time per app — two would only compete for the embedded
 * database's one connection. Jobs live in memory; the snapshot itself is in the database.
 */
import { randomUUID } from 'node:crypto';
import { KeptJobs } from '../jobs/kept-jobs.ts';
import { ClientError } from '../schemas/client-error.ts';
import type { SnapshotRow } from '../repositories/snapshots.ts';

export interface SnapshotJob {
  jobId: string;
  state: 'running' | 'succeeded' | 'failed';
  progress: { done: number; total: number };
  snapshot: SnapshotRow | null;
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

const KEPT_JOBS = 20;
const UNEXPECTED = 'Øjebliksbilledet kunne ikke tages på grund af en uventet fejl på serveren. Prøv igen, eller kontakt administratoren.';

export class SnapshotJobs extends KeptJobs<SnapshotJob> {
  constructor() {
    super(KEPT_JOBS);
  }


  /** Starts `work` and returns its job at once, or null while another freeze runs. */
  start(
    work: (onProgress: (done: number, total: number) => void) => Promise<SnapshotRow>,
    log: { error: (error: unknown, message: string) => void },
  ): SnapshotJob | null {
    if (this.busy) return null;
    const started = performance.now();
    const job: SnapshotJob = {
      jobId: randomUUID(),
      state: 'running',
      progress: { done: 0, total: 0 },
      snapshot: null,
      message: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      durationMs: null,
    };
    const finish = (state: SnapshotJob['state']): void => {
      job.state = state;
      job.finishedAt = new Date().toISOString();
      job.durationMs = Math.round(performance.now() - started);
    };
    const running = work((done, total) => {
      job.progress = { done, total };
    })
      .then((snapshot) => {
        job.snapshot = snapshot;
        finish('succeeded');
      })
      .catch((error: unknown) => {
        // A client error's message is Danish and meant for the user; anything else is logged only.
        if (error instanceof ClientError) job.message = error.message;
        else {
          log.error(error, 'Øjebliksbillede fejlede');
          job.message = UNEXPECTED;
        }
        finish('failed');
      })
    this.run(job, running);
    return job;
  }
}
