/** Generates demo data into a fresh temporary folder (removed again by `cleanup`). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData, type DemoOptions, type DemoResult } from '../../src/generate.ts';

export interface TempOutput {
  dir: string;
  result: DemoResult;
  cleanup: () => Promise<void>;
}

export async function generateToTemp(options: Omit<DemoOptions, 'outDir'>): Promise<TempOutput> {
  const dir = await mkdtemp(join(tmpdir(), 'sol-demo-test-'));
  const result = await generateDemoData({ ...options, outDir: dir });
  return { dir, result, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
