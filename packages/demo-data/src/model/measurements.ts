/**
 * Measurements (maalinger.csv): about 45 % of the citizens receiving support in a year answer
 * the yearly survey, on all five codes. Each citizen has a personal level; after 2022 the
 * strategy lifts dialogue, experienced effect, wellbeing, coherence and taking part in
 * communities slowly.
 */
import { MEASUREMENTS, type MeasurementCode } from '@sol/domain/codes.ts';
import { endOfYear, formatDay, startOfYear, yearOf } from '../dates.ts';
import { Random } from '../random.ts';
import type { CsvFileWriter } from '../write.ts';
import { DATA_START, strategyProgress } from './simulation.ts';
import type { GrantStore } from './store.ts';

const MEASURED_SHARE = 0.45;
const MEASUREMENT_CODES = Object.keys(MEASUREMENTS) as MeasurementCode[];

/** Average on the 1–5 scales before the strategy, and the lift at full strategy. */
const SCALE_LEVELS: Readonly<Record<Exclude<MeasurementCode, 'faellesskab'>, readonly [number, number]>> = {
  dialog: [3.3, 0.45],
  effekt: [3.4, 0.35],
  trivsel: [3.7, 0.3],
  sammenhaeng: [3.1, 0.4],
};

/** Grants of each citizen (compressed sparse rows over the grant store). */
export interface GrantsByCitizen {
  offsets: Int32Array;
  grants: Int32Array;
}

export function indexGrantsByCitizen(grants: GrantStore, citizenCount: number): GrantsByCitizen {
  const counts = new Int32Array(citizenCount);
  for (let grant = 0; grant < grants.length; grant++) counts[grants.citizen(grant)] = (counts[grants.citizen(grant)] ?? 0) + 1;
  const offsets = new Int32Array(citizenCount + 1);
  for (let citizen = 0; citizen < citizenCount; citizen++) offsets[citizen + 1] = (offsets[citizen] ?? 0) + (counts[citizen] ?? 0);
  const next = offsets.slice(0, citizenCount);
  const list = new Int32Array(grants.length);
  for (let grant = 0; grant < grants.length; grant++) {
    const citizen = grants.citizen(grant);
    const position = next[citizen] ?? 0;
    list[position] = grant;
    next[citizen] = position + 1;
  }
  return { offsets, grants: list };
}

export async function writeMeasurements(
  writer: CsvFileWriter,
  seed: number,
  today: number,
  grants: GrantStore,
  byCitizen: GrantsByCitizen,
  citizenId: (citizen: number) => string | undefined,
): Promise<void> {
  const random = new Random(seed, 'measurements');
  const citizenCount = byCitizen.offsets.length - 1;
  const overlapping: number[] = [];
  for (let citizen = 0; citizen < citizenCount; citizen++) {
    const first = byCitizen.offsets[citizen] ?? 0;
    const last = byCitizen.offsets[citizen + 1] ?? 0;
    const id = citizenId(citizen);
    if (first === last || id === undefined) continue;
    let personalLevel: number | undefined;
    for (let year = yearOf(DATA_START); year <= yearOf(today); year++) {
      const windowStart = Math.max(startOfYear(year), DATA_START);
      const windowEnd = Math.min(endOfYear(year), today);
      overlapping.length = 0;
      for (let i = first; i < last; i++) {
        const grant = byCitizen.grants[i] ?? 0;
        if (grants.start(grant) <= windowEnd && grants.end(grant) >= windowStart) overlapping.push(grant);
      }
      // the yearly survey reaches ~45 % of a full year's recipients; fewer so far in a partial year
      const yearShare = (windowEnd - windowStart + 1) / (endOfYear(year) - startOfYear(year) + 1);
      if (overlapping.length === 0 || !random.chance(MEASURED_SHARE * yearShare)) continue;
      const grant = random.pick(overlapping);
      const from = Math.max(grants.start(grant), windowStart);
      const to = Math.min(grants.end(grant), windowEnd);
      const day = random.int(from, to);
      personalLevel ??= random.normal();
      const strategy = strategyProgress(day);
      for (const code of MEASUREMENT_CODES) {
        let value: number;
        if (code === 'faellesskab') {
          value = random.chance(clamp(0.34 + 0.06 * personalLevel + 0.12 * strategy, 0.05, 0.95)) ? 1 : 0;
        } else {
          const [level, lift] = SCALE_LEVELS[code];
          value = clamp(Math.round(level + 0.55 * personalLevel + lift * strategy + random.normal(0, 0.7)), 1, 5);
        }
        const pending = writer.write([id, formatDay(day), code, String(value)]);
        if (pending) await pending;
      }
    }
  }
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
