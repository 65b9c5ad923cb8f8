/**
 * Fills an empty database with the demo municipality: the generator writes the import files and
 * they go through the same importer as real data, so the demo proves the import path too.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentDate, generateDemoData } from '@sol/demo-data/generate.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { importFiles } from '../import/import-files.ts';
import type { ImportProgress, ImportReport } from '../import/import-report.ts';

export interface SeedOptions {
  /** The demo extract's last day; by default the last day of the previous month. */
  today?: string;
  scale?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * The last day of the month before `iso`. The demo data is an extract as of the latest month end,
 * as a municipality's monthly extract from its case and finance systems is: with data running to
 * today, the as-of date (the end of the latest month with data, DESIGN §5) would lie in the future
 * and the running month would look like a fall against the same full month last year.
 */
export function previousMonthEnd(iso: string): string {
  const firstOfMonth = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  return new Date(firstOfMonth.getTime() - 86_400_000).toISOString().slice(0, 10);
}

export async function seedDemoData(db: Kysely<Tables>, options: SeedOptions = {}): Promise<ImportReport> {
  const outDir = await mkdtemp(join(tmpdir(), 'sol-demo-'));
  try {
    await generateDemoData({ outDir, today: options.today ?? previousMonthEnd(currentDate()), scale: options.scale });
    const files = (await readdir(outDir)).filter((name) => name.endsWith('.csv')).map((name) => ({ path: join(outDir, name) }));
    const report = await importFiles(db, files, { source: 'demo', onProgress: options.onProgress });
    if (report.ok) {
      await db.updateTable('municipality_settings').set({ name: 'Demokommune (demodata)' }).execute();
    }
    return report;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
