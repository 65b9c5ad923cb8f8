import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoFiles, recipientsPer1000, spending } from './support/metrics.ts';
import { generateToTemp, type TempOutput } from './support/temp-output.ts';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('scale', () => {
  let single: TempOutput;
  let double: TempOutput;
  beforeAll(async () => {
    [single, double] = await Promise.all([generateToTemp({ today: '2024-03-15' }), generateToTemp({ today: '2024-03-15', scale: 2 })]);
  });
  afterAll(async () => {
    await Promise.all([single, double].map((output) => output?.cleanup()));
  });

  it('multiplies citizens, grants, applications, postings and population, keeping the rates', () => {
    const rows = (output: TempOutput, fileName: string): number => output.result.files.find((f) => f.fileName === fileName)?.rows ?? 0;
    for (const fileName of ['borgere.csv', 'ansoegninger.csv', 'indsatser.csv', 'posteringer.csv', 'maalinger.csv']) {
      const ratio = rows(double, fileName) / rows(single, fileName);
      expect(ratio, fileName).toBeGreaterThan(1.8);
      expect(ratio, fileName).toBeLessThan(2.2);
    }
    const one = loadDemoFiles(single.dir);
    const two = loadDemoFiles(double.dir);
    expect((two.populationByYear.get(2020) ?? 0) / (one.populationByYear.get(2020) ?? 1)).toBeCloseTo(2, 1);
    expect(recipientsPer1000(two, 2019)).toBeGreaterThan(30);
    expect(recipientsPer1000(two, 2019)).toBeLessThan(38);
    expect(spending(two, 2018) / spending(one, 2018)).toBeCloseTo(2, 1);
  });

  it('stops the data at today', () => {
    const files = loadDemoFiles(single.dir);
    expect(files.postings.every((posting) => posting.date <= '2024-03-15')).toBe(true);
    expect(files.grants.every((grant) => grant.start <= '2024-03-15' && grant.end <= '2024-03-15')).toBe(true);
    expect(files.populationByYear.has(2024)).toBe(true);
    expect(files.populationByYear.has(2025)).toBe(false);
  });
});

describe('command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sol-demo-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the files and reports row counts in Danish', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', '--', '--out', dir, '--scale', '0.3', '--seed', '42', '--today', '2025-01-31'],
      { cwd: packageDir },
    );
    expect(stdout).toContain('posteringer.csv');
    expect(stdout).toMatch(/Færdig: 10 filer/);
    expect(loadDemoFiles(dir).grants.length).toBeGreaterThan(0);
  });

  it('refuses a missing --out and an impossible date with exit code 2', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--scale', '2'], { cwd: packageDir })).rejects.toMatchObject({ code: 2 });
    await expect(
      run(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--out', dir, '--today', '2025-02-30'], { cwd: packageDir }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
