/**
 * `pnpm import <files or folders>`: imports CSV files all or nothing and prints every error.
 * Exit code 0 on success, 1 when the files were refused, 2 on wrong usage.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { createDatabase } from '../db/create-database.ts';
import { migrate } from '../db/migrate.ts';
import { importFiles, type ImportInput } from '../import/import-files.ts';
import { formatImportError } from '../import/import-report.ts';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
if (args.length === 0) {
  console.error('Brug: pnpm import <fil.csv …> eller <mappe>');
  process.exit(2);
}

// pnpm runs scripts in the package folder; INIT_CWD is where the user typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
const inputs: ImportInput[] = [];
for (const arg of args) {
  const path = resolve(cwd, arg);
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    for (const name of (await readdir(path)).sort()) {
      if (name.toLowerCase().endsWith('.csv')) inputs.push({ path: join(path, name) });
    }
  } else {
    inputs.push({ path });
  }
}

const database = await createDatabase(loadConfig().database);
// Set after the database closes: PGlite's shutdown resets process.exitCode.
let exitCode = 0;
try {
  await migrate(database);
  let lastShown = 0;
  const report = await importFiles(database.db, inputs, {
    source: 'cli',
    onProgress: (p) => {
      const now = Date.now();
      if (now - lastShown < 1000) return;
      lastShown = now;
      const percent = Math.floor((100 * p.bytesRead) / Math.max(1, p.totalBytes));
      process.stderr.write(`  ${percent} % – ${p.fileName}: ${p.rows.toLocaleString('da-DK')} rækker\n`);
    },
  });
  if (report.ok) {
    for (const file of report.files) {
      console.log(`${file.fileName}: ${file.rows.toLocaleString('da-DK')} rækker (${file.encoding}, skilletegn "${file.delimiter}")`);
    }
    console.log(`Indlæst på ${(report.durationMs / 1000).toLocaleString('da-DK')} s (indlæsning nr. ${report.importId}).`);
  } else {
    console.error(`Filerne blev afvist – databasen er uændret. ${report.errorCount.toLocaleString('da-DK')} fejl:`);
    for (const error of report.errors) console.error(`  ${formatImportError(error)}`);
    if (report.errorCount > report.errors.length) {
      console.error(`  … og ${(report.errorCount - report.errors.length).toLocaleString('da-DK')} fejl mere`);
    }
    exitCode = 1;
  }
} finally {
  await database.close();
}
process.exit(exitCode);
