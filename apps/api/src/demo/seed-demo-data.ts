/**
 * Fills an empty database with the demo municipality: the generator writes the import files and
 * they go through the same importer as real data, so the demo proves the import path too.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData } from '@sol/demo-data/generate.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { importFiles } from '../import/import-files.ts';
import type { ImportProgress, ImportReport } from '../import/import-report.ts';

export interface SeedOptions {
  today?: string;
  scale?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export async function seedDemoData(db: Kysely<Tables>, options: SeedOptions = {}): Promise<ImportReport> {
  const outDir = await mkdtemp(join(tmpdir(), 'sol-demo-'));
  try {
    await generateDemoData({ outDir, today: options.today, scale: options.scale });
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
