/**
 * The base of the background jobs of one kind (imports, snapshot freezes): remembered in memory for polling,
 * the oldest finished ones forgotten first, and the running one awaitable so the server can wait
 * for it before closing the database.
 */
export class KeptJobs<Job extends { jobId: string; state: string }> {
  readonly #jobs = new Map<string, Job>();
  #running: Promise<void> | null = null;

  constructor(private readonly keep: number) {}

  /** Whether a job's work is still under way. */
  protected get busy(): boolean {
    return this.#running !== null;
  }

  /** Remembers the job and tracks its work until it settles (work must not reject). */
  protected run(job: Job, work: Promise<void>): void {
    this.#jobs.set(job.jobId, job);
    for (const [jobId, kept] of this.#jobs) {
      if (this.#jobs.size <= this.keep) break;
      if (kept.state !== 'running') this.#jobs.delete(jobId);
    }
    this.#running = work.finally(() => {
      this.#running = null;
    });
  }

  get(jobId: string): Job | undefined {
    return this.#jobs.get(jobId);
  }

  /** Resolves once no job runs, so the server can wait for it before closing the database. */
  async idle(): Promise<void> {
    await this.#running;
  }
}
