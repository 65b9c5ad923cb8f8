/**
 * Prints the calibration figures of a generated data set (used for the package report):
 *   npx tsx packages/demo-data/test/support/report.ts DIR
 */
import {
  citizensByOperation,
  independentShare,
  loadDemoFiles,
  measurementAverages,
  shareReviewed,
  shareWithinDeadline,
  recipients,
  recipientsPer1000,
  spending,
  spendingByOperation,
  temporaryStayMedian,
  youngEnteringResidential,
} from './metrics.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: report.ts DIR');
const files = loadDemoFiles(dir);
const GROUP_FUNCTIONS = ['5.38.50', '5.38.51', '5.38.52', '5.38.59'];
const mio = (value: number): string => (value / 1e6).toFixed(1);
const lastYear = Math.max(...files.populationByYear.keys());
console.log('år  pop   modt  /1000  mio   enhed  andel73  int  eks  int-mio eks-mio  unge107 median107  selvst.1/7');
for (let year = 2018; year <= lastYear; year++) {
  const total = spending(files, year);
  const people = recipients(files, year);
  const byOperation = citizensByOperation(files, year);
  const costByOperation = spendingByOperation(files, year);
  const housing = independentShare(files, `${year}-07-01`);
  console.log(
    [
      year,
      files.populationByYear.get(year),
      people,
      recipientsPer1000(files, year).toFixed(1),
      mio(total),
      Math.round(total / people),
      ((spending(files, year, GROUP_FUNCTIONS) / total) * 100).toFixed(1),
      byOperation.intern,
      byOperation.ekstern,
      mio(costByOperation.intern),
      mio(costByOperation.ekstern),
      youngEnteringResidential(files, year),
      temporaryStayMedian(files, year, `${lastYear}-11-01`),
      `${(housing.share * 100).toFixed(1)} (${housing.independent}/${housing.residential})`,
    ].join('  '),
  );
}
const byFunction = new Map<string, number>();
for (const posting of files.postings) {
  if (!posting.date.startsWith('2018-')) continue;
  byFunction.set(posting.functionCode, (byFunction.get(posting.functionCode) ?? 0) + posting.amount);
}
console.log('2018 by function:', [...byFunction].sort().map(([code, amount]) => `${code}: ${mio(amount)}`).join(', '));
const byParagraph = new Map<string, Set<string>>();
for (const grant of files.grants) {
  if (grant.start > '2018-12-31' || (grant.end !== '' && grant.end < '2018-01-01')) continue;
  const set = byParagraph.get(grant.paragraph) ?? new Set<string>();
  set.add(grant.citizen);
  byParagraph.set(grant.paragraph, set);
}
console.log('2018 citizens by paragraph:', [...byParagraph].map(([p, s]) => `${p}: ${s.size}`).join(', '));
const stock = new Map<string, Set<string>>();
for (const grant of files.grants) {
  if (grant.start > '2018-07-01' || (grant.end !== '' && grant.end < '2018-07-01')) continue;
  const operation = grant.provider === '' ? '-' : files.operationByProvider.get(grant.provider) === 'intern' ? 'i' : 'e';
  const key = `${grant.paragraph}${operation}`;
  const set = stock.get(key) ?? new Set<string>();
  set.add(grant.citizen);
  stock.set(key, set);
}
console.log('stock 2018-07-01:', [...stock].sort().map(([p, s]) => `${p}: ${s.size}`).join(', '));
const perProvider = new Map<string, Set<string>>();
for (const grant of files.grants) {
  if (grant.provider === '' || grant.start > '2018-07-01' || (grant.end !== '' && grant.end < '2018-07-01')) continue;
  const set = perProvider.get(grant.provider) ?? new Set<string>();
  set.add(grant.citizen);
  perProvider.set(grant.provider, set);
}
console.log('per provider 2018-07-01:', [...perProvider].sort().map(([p, s]) => `${p}:${s.size}`).join(' '));
for (let year = 2018; year <= lastYear; year++) {
  const averages = measurementAverages(dir, year);
  console.log(
    year,
    'within deadline',
    (shareWithinDeadline(dir, year) * 100).toFixed(1),
    'reviewed 30/6',
    (shareReviewed(dir, files, `${year}-06-30`) * 100).toFixed(1),
    'measurements',
    Object.entries(averages).map(([code, value]) => `${code} ${value.toFixed(2)}`).join(', '),
  );
}
