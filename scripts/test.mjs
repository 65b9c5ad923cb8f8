#!/usr/bin/env node
// The whole test suite, as the README and CI run it: lint, typecheck, then every vitest project
// (unit, integration on PGlite, integration on a throwaway PostgreSQL 15). Lint and typecheck count
// as one check each. Ends with the line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const run = (label, command, args) => {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return status === 0;
};
const check = (label, command, args) => {
  if (run(label, command, args)) results.passed += 1;
  else {
    results.failed += 1;
    console.log(`FAILED: ${label}`);
  }
};

const bin = (name) => `node_modules/.bin/${name}`;
check('lint', bin('eslint'), ['.', '--max-warnings=0']);
check('typecheck (rod)', bin('tsc'), ['-p', 'tsconfig.json']);
// Each workspace package is typechecked against its own tsconfig (web and charts have DOM types, and
// so does api, which renders the chart component for exports).
for (const dir of ['packages', 'apps']) {
  for (const name of readdirSync(dir).sort()) {
    if (existsSync(`${dir}/${name}/tsconfig.json`)) check(`typecheck ${dir}/${name}`, bin('tsc'), ['-p', `${dir}/${name}/tsconfig.json`]);
  }
}

const report = '.vitest-results.json';
rmSync(report, { force: true });
const vitestOk = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests;
  results.failed += json.numFailedTests;
  // A suite that fails to load (syntax error, failing global setup) has no tests to count.
  const brokenSuites = json.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0);
  results.failed += brokenSuites.length;
  if (!vitestOk && json.numFailedTests === 0 && brokenSuites.length === 0) results.failed += 1;
} else {
  console.log('FAILED: vitest skrev ingen resultatfil (fx fordi opsætningen af PostgreSQL fejlede)');
  results.failed += 1;
}

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
