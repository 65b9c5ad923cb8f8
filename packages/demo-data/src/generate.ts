/**
 * Deterministic demo data for the dashboard (DESIGN §10): every file of the import contract, in
 * the import format, for a municipality resembling Høje-Taastrup's 2018 plan. Same seed, scale and
 * "today" ⇒ byte-identical files.
 */
import { mkdir } from 'node:fs/promises';
import { TARGET_GROUP_CODES } from '@sol/domain/codes.ts';
import { IMPORT_FILES } from '@sol/domain/import-contract.ts';
import { formatDay, parseIsoDate, yearOf } from './dates.ts';
import { formatDecimal, idWidth, makeId } from './format.ts';
import { writeBudget } from './model/budget.ts';
import { calibratePriceLevels } from './model/calibration.ts';
import { costGroupOf, type PriceLevels } from './model/costs.ts';
import { indexGrantsByCitizen, writeMeasurements } from './model/measurements.ts';
import { POPULATION_FIRST_YEAR, buildPopulation } from './model/population.ts';
import {
  EXPECTED_CREDIT_NOTE_SHARE,
  SALE_MARKUP,
  UNLINKED_SPENDING,
  soldPlacesIn,
  writePostings,
  type YearFunctionTotals,
} from './model/postings.ts';
import { priceIndex } from './model/price-index.ts';
import { buildProviders, type Provider } from './model/providers.ts';
import { writeReviews } from './model/reviews.ts';
import { serviceAt } from './model/services.ts';
import { DATA_START, simulate, type SimulationResult } from './model/simulation.ts';
import { DECISION_CODES, FORMERLY_PLACED_NO, FORMERLY_PLACED_YES, NO_PROVIDER } from './model/store.ts';
import { CsvFileWriter } from './write.ts';

export const DEFAULT_SEED = 20180101;

export interface DemoOptions {
  outDir: string;
  /** default 20180101 */
  seed?: number;
  /** default 1; 100 = national scale: ×100 citizens and postings */
  scale?: number;
  /** 'YYYY-MM-DD', default: the real current date (Europe/Copenhagen) */
  today?: string;
  /** progress for command-line output; not part of the data */
  onProgress?: (event: DemoProgress) => void;
}

export type DemoProgress =
  | { kind: 'simulated'; citizens: number; grants: number; applications: number; priceLevels: PriceLevels }
  | { kind: 'file'; fileName: string; rows: number };

export interface DemoResult {
  files: { fileName: string; rows: number }[];
}

/** Today's date in Copenhagen as YYYY-MM-DD (the only place the generator reads the clock). */
export function currentDate(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

export async function generateDemoData(options: DemoOptions): Promise<DemoResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`seed skal være et heltal (fik ${seed})`);
  if (!(scale > 0) || scale > 1000) throw new Error(`scale skal være over 0 og højst 1000 (fik ${scale})`);
  const today = parseIsoDate(options.today ?? currentDate());
  if (today < DATA_START) throw new Error(`today skal være 2018-01-01 eller senere (fik ${formatDay(today)})`);
  await mkdir(options.outDir, { recursive: true });

  const providers = buildProviders(scale);
  const simulation = simulate(seed, scale, today, providers);
  const priceLevels = calibratePriceLevels({
    grantCost2018: simulation.grantCost2018,
    refundableQuarters2018: simulation.refundableQuarters2018,
    saleIncome2018: providers.reduce(
      (sum, provider) => sum + soldPlacesIn(seed, provider, 2018) * (provider.dailyRate2018 ?? 0) * SALE_MARKUP * 365,
      0,
    ),
    scale,
    unlinkedSpending2018: UNLINKED_SPENDING.reduce((sum, line) => sum + line.perYear2018 * scale, 0),
    creditNoteShare: EXPECTED_CREDIT_NOTE_SHARE,
  });
  const { grants } = simulation;
  grants.scaleDailyRates((grant) => priceLevels[costGroupOf(providers, grants.provider(grant))]);
  options.onProgress?.({
    kind: 'simulated',
    citizens: countEmitted(simulation),
    grants: simulation.grants.length,
    applications: simulation.applications.length,
    priceLevels,
  });

  const ids = assignIds(simulation);
  const written = new Map<string, { fileName: string; rows: number }>();
  const withWriter = async (fileName: string, fill: (writer: CsvFileWriter) => Promise<void>): Promise<void> => {
    const writer = new CsvFileWriter(options.outDir, fileName);
    await fill(writer);
    const file = await writer.close();
    written.set(file.fileName, file);
    options.onProgress?.({ kind: 'file', ...file });
  };

  await withWriter('pl_indeks.csv', async (writer) => {
    for (let year = POPULATION_FIRST_YEAR; year <= yearOf(today) + 1; year++) {
      await writer.write([String(year), formatDecimal(priceIndex(year), 1)]);
    }
  });

  await withWriter('befolkning.csv', async (writer) => {
    for (const { year, byAge } of buildPopulation(seed, scale, yearOf(today))) {
      for (let age = 0; age < byAge.length; age++) await writer.write([String(year), String(age), String(byAge[age] ?? 0)]);
    }
  });

  await withWriter('borgere.csv', (writer) => writeCitizens(writer, simulation, ids.citizenId));
  await withWriter('tilbud.csv', (writer) => writeProviders(writer, providers));
  await withWriter('ansoegninger.csv', (writer) => writeApplications(writer, simulation, today, ids.citizenId));
  await withWriter('indsatser.csv', (writer) => writeGrants(writer, simulation, today, providers, ids));
  await withWriter('opfoelgninger.csv', (writer) => writeReviews(writer, seed, today, simulation.grants, ids.grantId));

  let totals: YearFunctionTotals = new Map();
  await withWriter('posteringer.csv', async (writer) => {
    totals = await writePostings(writer, { seed, scale, today, grants: simulation.grants, providers, priceLevels });
  });
  await withWriter('budget.csv', (writer) => writeBudget(writer, seed, today, totals));
  await withWriter('maalinger.csv', (writer) => {
    const byCitizen = indexGrantsByCitizen(simulation.grants, simulation.citizens.length);
    return writeMeasurements(writer, seed, today, simulation.grants, byCitizen, ids.citizenId);
  });

  // report in contract order
  return { files: IMPORT_FILES.flatMap((spec) => written.get(spec.fileName) ?? []) };
}

interface Ids {
  citizenId: (citizen: number) => string | undefined;
  grantId: (grant: number) => string;
}

/** Only citizens that appear in a grant or application get an id, numbered in arrival order. */
function assignIds(simulation: SimulationResult): Ids {
  const { citizens, grants } = simulation;
  const sequence = new Int32Array(citizens.length);
  let next = 0;
  for (let citizen = 0; citizen < citizens.length; citizen++) sequence[citizen] = citizens.isEmitted(citizen) ? ++next : 0;
  const citizenWidth = idWidth(next, 6);
  const grantWidth = idWidth(grants.length, 7);
  return {
    citizenId: (citizen) => {
      const number = sequence[citizen] ?? 0;
      return number === 0 ? undefined : makeId('B', number, citizenWidth);
    },
    grantId: (grant) => makeId('I', grant + 1, grantWidth),
  };
}

function countEmitted(simulation: SimulationResult): number {
  let count = 0;
  for (let citizen = 0; citizen < simulation.citizens.length; citizen++) if (simulation.citizens.isEmitted(citizen)) count++;
  return count;
}

async function writeCitizens(
  writer: CsvFileWriter,
  { citizens }: SimulationResult,
  citizenId: (citizen: number) => string | undefined,
): Promise<void> {
  for (let citizen = 0; citizen < citizens.length; citizen++) {
    const id = citizenId(citizen);
    if (id === undefined) continue;
    const placed = citizens.formerlyPlaced(citizen);
    const pending = writer.write([
      id,
      String(citizens.birthYear(citizen)),
      TARGET_GROUP_CODES[citizens.group(citizen)] ?? 'UDSAT',
      placed === FORMERLY_PLACED_YES ? 'ja' : placed === FORMERLY_PLACED_NO ? 'nej' : '',
    ]);
    if (pending) await pending;
  }
}

async function writeProviders(writer: CsvFileWriter, providers: readonly Provider[]): Promise<void> {
  for (const provider of providers) {
    await writer.write([
      provider.id,
      provider.name,
      provider.operation,
      provider.service,
      provider.targetGroup ?? '',
      provider.places === null ? '' : String(provider.places),
    ]);
  }
}

/** Applications in the order they were received; decided after today ⇒ still open (empty). */
async function writeApplications(
  writer: CsvFileWriter,
  { applications }: SimulationResult,
  today: number,
  citizenId: (citizen: number) => string | undefined,
): Promise<void> {
  const order = Int32Array.from({ length: applications.length }, (_, index) => index);
  order.sort((a, b) => applications.received(a) - applications.received(b) || a - b);
  const width = idWidth(applications.length, 7);
  for (let position = 0; position < order.length; position++) {
    const application = order[position] ?? 0;
    const decided = applications.decided(application);
    const isDecided = decided <= today;
    const pending = writer.write([
      makeId('S', position + 1, width),
      citizenId(applications.citizen(application)) ?? '',
      serviceAt(applications.service(application)),
      formatDay(applications.received(application)),
      isDecided ? formatDay(decided) : '',
      isDecided ? (DECISION_CODES[applications.decision(application)] ?? 'bevilget') : '',
    ]);
    if (pending) await pending;
  }
}

async function writeGrants(
  writer: CsvFileWriter,
  { grants }: SimulationResult,
  today: number,
  providers: readonly Provider[],
  ids: Ids,
): Promise<void> {
  for (let grant = 0; grant < grants.length; grant++) {
    const end = grants.end(grant);
    const provider = grants.provider(grant);
    const hours = grants.hoursPerWeek(grant);
    const rate = grants.dailyRate(grant);
    const pending = writer.write([
      ids.grantId(grant),
      ids.citizenId(grants.citizen(grant)) ?? '',
      serviceAt(grants.service(grant)),
      formatDay(grants.start(grant)),
      end <= today ? formatDay(end) : '',
      provider === NO_PROVIDER ? '' : (providers[provider]?.id ?? ''),
      Number.isNaN(hours) ? '' : formatDecimal(hours, 2),
      Number.isNaN(rate) ? '' : formatDecimal(rate, 2),
    ]);
    if (pending) await pending;
  }
}
