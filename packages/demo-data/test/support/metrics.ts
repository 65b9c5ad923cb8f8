/**
 * KPI-style figures computed straight from the generated files with the DESIGN §5/§6
 * definitions, for the calibration tests (and the numbers in the package report).
 */
import { parseDecimal, readCsv } from './read-csv.ts';

export interface Grant {
  id: string;
  citizen: string;
  paragraph: string;
  start: string;
  /** '' = still active */
  end: string;
  provider: string;
}

export interface DemoFiles {
  grants: Grant[];
  operationByProvider: Map<string, string>;
  populationByYear: Map<number, number>;
  postings: { date: string; functionCode: string; amount: number; provider: string }[];
  citizens: Map<string, { birthYear: number; group: string; formerlyPlaced: string }>;
}

export function loadDemoFiles(dir: string): DemoFiles {
  const grantsTable = readCsv(dir, 'indsatser.csv');
  const grants = grantsTable.rows.map((row) => ({
    id: grantsTable.get(row, 'indsats_id'),
    citizen: grantsTable.get(row, 'borger_id'),
    paragraph: grantsTable.get(row, 'paragraf'),
    start: grantsTable.get(row, 'start'),
    end: grantsTable.get(row, 'slut'),
    provider: grantsTable.get(row, 'tilbud_id'),
  }));
  const providers = readCsv(dir, 'tilbud.csv');
  const operationByProvider = new Map(providers.rows.map((row) => [providers.get(row, 'tilbud_id'), providers.get(row, 'driftsform')]));
  const population = readCsv(dir, 'befolkning.csv');
  const populationByYear = new Map<number, number>();
  for (const row of population.rows) {
    const year = Number(population.get(row, 'aar'));
    populationByYear.set(year, (populationByYear.get(year) ?? 0) + Number(population.get(row, 'antal')));
  }
  const postingTable = readCsv(dir, 'posteringer.csv');
  const postings = postingTable.rows.map((row) => ({
    date: postingTable.get(row, 'dato'),
    functionCode: postingTable.get(row, 'funktion'),
    amount: parseDecimal(postingTable.get(row, 'beloeb')),
    provider: postingTable.get(row, 'tilbud_id'),
  }));
  const citizenTable = readCsv(dir, 'borgere.csv');
  const citizens = new Map(
    citizenTable.rows.map((row) => [
      citizenTable.get(row, 'borger_id'),
      {
        birthYear: Number(citizenTable.get(row, 'foedselsaar')),
        group: citizenTable.get(row, 'maalgruppe'),
        formerlyPlaced: citizenTable.get(row, 'tidligere_anbragt'),
      },
    ]),
  );
  return { grants, operationByProvider, populationByYear, postings, citizens };
}

/** Active in [from, to] (DESIGN §5); ISO dates compare as strings. */
export function activeInPeriod(grant: Grant, from: string, to: string): boolean {
  return grant.start <= to && (grant.end === '' || grant.end >= from);
}

export function recipients(files: DemoFiles, year: number): number {
  const set = new Set<string>();
  for (const grant of files.grants) if (activeInPeriod(grant, `${year}-01-01`, `${year}-12-31`)) set.add(grant.citizen);
  return set.size;
}

export function recipientsPer1000(files: DemoFiles, year: number): number {
  return (recipients(files, year) / (files.populationByYear.get(year) ?? Number.NaN)) * 1000;
}

export function spending(files: DemoFiles, year: number, functions?: readonly string[]): number {
  let total = 0;
  for (const posting of files.postings) {
    if (!posting.date.startsWith(`${year}-`)) continue;
    if (functions && !functions.includes(posting.functionCode)) continue;
    total += posting.amount;
  }
  return total;
}

/** K6: citizens with a grant active in the year at internal/external providers. */
export function citizensByOperation(files: DemoFiles, year: number): { intern: number; ekstern: number } {
  const intern = new Set<string>();
  const ekstern = new Set<string>();
  for (const grant of files.grants) {
    if (grant.provider === '' || !activeInPeriod(grant, `${year}-01-01`, `${year}-12-31`)) continue;
    (files.operationByProvider.get(grant.provider) === 'intern' ? intern : ekstern).add(grant.citizen);
  }
  return { intern: intern.size, ekstern: ekstern.size };
}

/** K6: postings linked to internal/external providers in the year. */
export function spendingByOperation(files: DemoFiles, year: number): { intern: number; ekstern: number } {
  const result = { intern: 0, ekstern: 0 };
  for (const posting of files.postings) {
    if (posting.provider === '' || !posting.date.startsWith(`${year}-`)) continue;
    if (files.operationByProvider.get(posting.provider) === 'intern') result.intern += posting.amount;
    else result.ekstern += posting.amount;
  }
  return result;
}

/** K3: share in independent housing on a date. */
export function independentShare(files: DemoFiles, date: string): { independent: number; residential: number; share: number } {
  const residential = new Set<string>();
  const independent = new Set<string>();
  for (const grant of files.grants) {
    if (!activeInPeriod(grant, date, date)) continue;
    if (grant.paragraph === '105' || grant.paragraph === '107' || grant.paragraph === '108') residential.add(grant.citizen);
    else if (grant.paragraph === '85') independent.add(grant.citizen);
  }
  for (const citizen of residential) independent.delete(citizen);
  return { independent: independent.size, residential: residential.size, share: independent.size / (independent.size + residential.size) };
}

/** K3: citizens aged 18–24 whose earliest §105/107/108 grant starts in the year. */
export function youngEnteringResidential(files: DemoFiles, year: number): number {
  const first = new Map<string, string>();
  for (const grant of files.grants) {
    if (grant.paragraph !== '105' && grant.paragraph !== '107' && grant.paragraph !== '108') continue;
    const earlier = first.get(grant.citizen);
    if (earlier === undefined || grant.start < earlier) first.set(grant.citizen, grant.start);
  }
  let count = 0;
  for (const [citizen, start] of first) {
    const age = Number(start.slice(0, 4)) - (files.citizens.get(citizen)?.birthYear ?? 0);
    if (start.startsWith(`${year}-`) && age >= 18 && age <= 24) count++;
  }
  return count;
}

const DAY_MS = 86_400_000;
function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/**
 * K4: §107 stays (grants merged when the next starts no later than the day after the previous
 * ends) starting in the cohort years, Kaplan–Meier median length in days as of `asOf`.
 */
export function temporaryStayMedian(files: DemoFiles, cohortYear: number, asOf: string, lastCohortYear = cohortYear): number | null {
  const byCitizen = new Map<string, Grant[]>();
  for (const grant of files.grants) {
    if (grant.paragraph !== '107' || grant.start > asOf) continue;
    const list = byCitizen.get(grant.citizen) ?? [];
    list.push(grant);
    byCitizen.set(grant.citizen, list);
  }
  const asOfDay = dayNumber(asOf);
  const observations: { length: number; ended: boolean }[] = [];
  for (const list of byCitizen.values()) {
    list.sort((a, b) => (a.start < b.start ? -1 : 1));
    let stayStart = -1;
    let stayEnd = -1;
    const flush = (): void => {
      if (stayStart < 0) return;
      const startYear = new Date(stayStart * DAY_MS).getUTCFullYear();
      if (startYear < cohortYear || startYear > lastCohortYear) return;
      const ended = stayEnd <= asOfDay;
      observations.push({ length: (ended ? stayEnd : asOfDay) - stayStart + 1, ended });
    };
    for (const grant of list) {
      const start = dayNumber(grant.start);
      const end = grant.end === '' || grant.end > asOf ? Number.POSITIVE_INFINITY : dayNumber(grant.end);
      if (stayStart >= 0 && start <= stayEnd + 1) stayEnd = Math.max(stayEnd, end);
      else {
        flush();
        stayStart = start;
        stayEnd = end;
      }
    }
    flush();
  }
  observations.sort((a, b) => a.length - b.length);
  let atRisk = observations.length;
  let survival = 1;
  for (let i = 0; i < observations.length; ) {
    const length = observations[i]?.length ?? 0;
    let events = 0;
    let leaving = 0;
    while (i < observations.length && observations[i]?.length === length) {
      if (observations[i]?.ended) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (survival <= 0.5) return length;
    }
    atRisk -= leaving;
  }
  return null;
}

const DEADLINES: Readonly<Record<string, number>> = {
  '85': 56, '82a': 28, '82b': 28, '97': 42, '99': 42, '101': 14, '103': 84, '104': 84, '105': 84, '107': 84, '108': 84, '110': 2,
};

/** K1: share of applications decided in the year within the deadline of their paragraph. */
export function shareWithinDeadline(dir: string, year: number): number {
  const table = readCsv(dir, 'ansoegninger.csv');
  let decided = 0;
  let within = 0;
  for (const row of table.rows) {
    const decidedOn = table.get(row, 'afgjort');
    const deadline = DEADLINES[table.get(row, 'paragraf')];
    if (!decidedOn.startsWith(`${year}-`) || deadline === undefined) continue;
    decided++;
    if (dayNumber(decidedOn) - dayNumber(table.get(row, 'modtaget')) <= deadline) within++;
  }
  return within / decided;
}

/** K7: among grants active on D and due (start ≤ D − 365), the share reviewed in D − 364 … D. */
export function shareReviewed(dir: string, files: DemoFiles, date: string): number {
  const reviews = readCsv(dir, 'opfoelgninger.csv');
  const day = dayNumber(date);
  const reviewed = new Set<string>();
  for (const row of reviews.rows) {
    const reviewDay = dayNumber(reviews.get(row, 'dato'));
    if (reviewDay <= day && reviewDay >= day - 364) reviewed.add(reviews.get(row, 'indsats_id'));
  }
  let due = 0;
  let done = 0;
  for (const grant of files.grants) {
    if (!activeInPeriod(grant, date, date) || dayNumber(grant.start) > day - 365) continue;
    due++;
    if (reviewed.has(grant.id)) done++;
  }
  return done / due;
}

/** K8: per code, the average value of measurements taken in the year. */
export function measurementAverages(dir: string, year: number): Record<string, number> {
  const table = readCsv(dir, 'maalinger.csv');
  const sums = new Map<string, [number, number]>();
  for (const row of table.rows) {
    if (!table.get(row, 'dato').startsWith(`${year}-`)) continue;
    const code = table.get(row, 'maaling');
    const [sum, count] = sums.get(code) ?? [0, 0];
    sums.set(code, [sum + Number(table.get(row, 'vaerdi')), count + 1]);
  }
  return Object.fromEntries([...sums].map(([code, [sum, count]]) => [code, sum / count]));
}
