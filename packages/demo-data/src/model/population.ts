/**
 * Inhabitants on 1 January by single year of age (befolkning.csv). About 37,000 in 2018 growing
 * ~0.7 % a year: with the model's ~1,250 recipients in 2018 that is the plan's 34.1 per 1,000.
 * Years are rolled forward cohort by cohort (births, survival, net migration) so a person aged 30
 * in 2020 is one of the 31-year-olds of 2021 — a plausible pyramid rather than one shape copied
 * each year.
 */
import { Random } from '../random.ts';

export const POPULATION_FIRST_YEAR = 2015;
const INHABITANTS_2018 = 37_000;
const GROWTH_PER_YEAR = 0.007;
export const MAX_AGE = 99; // the last age group is "99 and older"

/** Relative size of each age, anchors of a Danish suburban municipality (many young adults). */
const AGE_SHAPE_ANCHORS: readonly (readonly [number, number])[] = [
  [0, 1.15], [5, 1.2], [15, 1.25], [20, 1.3], [27, 1.45], [35, 1.3], [45, 1.35], [55, 1.45],
  [62, 1.2], [70, 1.05], [76, 0.8], [82, 0.5], [87, 0.28], [92, 0.1], [96, 0.03], [99, 0.01],
];

function ageShape(age: number): number {
  for (let i = 1; i < AGE_SHAPE_ANCHORS.length; i++) {
    const [a1, w1] = AGE_SHAPE_ANCHORS[i - 1] ?? [0, 0];
    const [a2, w2] = AGE_SHAPE_ANCHORS[i] ?? [0, 0];
    if (age <= a2) return w1 + ((w2 - w1) * (age - a1)) / (a2 - a1);
  }
  return 0.01;
}

/** Yearly survival by age (rough Danish life table). */
function survival(age: number): number {
  if (age < 50) return 0.9995;
  if (age < 65) return 0.996;
  if (age < 75) return 0.985;
  if (age < 85) return 0.95;
  if (age < 95) return 0.85;
  return 0.7;
}

export function totalInhabitantsTarget(year: number, scale: number): number {
  return INHABITANTS_2018 * scale * Math.pow(1 + GROWTH_PER_YEAR, year - 2018);
}

/** Population growth relative to 2018 at a fractional year — drives the number of new citizens. */
export function populationFactor(fractionalYear: number): number {
  return Math.pow(1 + GROWTH_PER_YEAR, fractionalYear - 2018);
}

export interface PopulationYear {
  year: number;
  /** inhabitants by age 0..MAX_AGE */
  byAge: number[];
}

export function buildPopulation(seed: number, scale: number, lastYear: number): PopulationYear[] {
  const random = new Random(seed, 'population');
  const shape = Array.from({ length: MAX_AGE + 1 }, (_, age) => ageShape(age));
  const shapeTotal = shape.reduce((sum, weight) => sum + weight, 0);
  const firstTotal = totalInhabitantsTarget(POPULATION_FIRST_YEAR, scale);
  let current = shape.map((weight) => (weight / shapeTotal) * firstTotal * (1 + random.normal(0, 0.02)));

  const years: PopulationYear[] = [];
  for (let year = POPULATION_FIRST_YEAR; year <= lastYear; year++) {
    if (year > POPULATION_FIRST_YEAR) {
      const previous = current;
      const births = (previous.reduce((sum, n) => sum + n, 0) * 0.0118) * (1 + random.normal(0, 0.03));
      const aged: number[] = [births];
      for (let age = 1; age <= MAX_AGE; age++) {
        const fromYounger = (previous[age - 1] ?? 0) * survival(age - 1);
        const staying = age === MAX_AGE ? (previous[MAX_AGE] ?? 0) * survival(MAX_AGE) : 0;
        aged.push(fromYounger + staying);
      }
      // net migration scales everyone but the newborn so the total follows the growth target
      const target = totalInhabitantsTarget(year, scale) * (1 + random.normal(0, 0.002));
      const agedTotal = aged.reduce((sum, n) => sum + n, 0);
      const migration = (target - births) / (agedTotal - births);
      current = aged.map((n, age) => (age === 0 ? n : n * migration));
    }
    years.push({ year, byAge: current.map((n) => Math.max(0, Math.round(n))) });
  }
  return years;
}
