import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FILES } from '@sol/domain/import-contract.ts';
import { generateToTemp, type TempOutput } from './support/temp-output.ts';

async function checksums(dir: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const { fileName } of IMPORT_FILES) {
    sums[fileName] = createHash('sha256').update(await readFile(join(dir, fileName))).digest('hex');
  }
  return sums;
}

describe('determinism', () => {
  const today = '2026-11-22';
  let first: TempOutput;
  let second: TempOutput;
  let otherSeed: TempOutput;

  beforeAll(async () => {
    [first, second, otherSeed] = await Promise.all([
      generateToTemp({ today }),
      generateToTemp({ today }),
      generateToTemp({ today, seed: 7 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([first, second, otherSeed].map((output) => output?.cleanup()));
  });

  it('writes byte-identical files for the same seed, scale and today', async () => {
    expect(await checksums(second.dir)).toEqual(await checksums(first.dir));
    expect(second.result).toEqual(first.result);
  });

  it('writes different data for another seed', async () => {
    const a = await checksums(first.dir);
    const b = await checksums(otherSeed.dir);
    // the price index and the provider list are facts, not drawn; everything modelled differs
    for (const fileName of ['befolkning.csv', 'borgere.csv', 'ansoegninger.csv', 'indsatser.csv', 'posteringer.csv', 'maalinger.csv']) {
      expect(b[fileName], fileName).not.toBe(a[fileName]);
    }
  });
});
