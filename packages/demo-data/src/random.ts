/**
 * Seeded randomness for the demo-data model. Everything random in the generator comes from here,
 * so the same seed gives byte-identical files. Never use Math.random or the clock in the model.
 */
import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/** FNV-1a over the label, mixed with the seed: independent sub-streams per model part. */
function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // final avalanche (murmur3 fmix32) so close seeds give unrelated streams
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash | 0;
}

const TWO_POW_21 = 2_097_152;
const TWO_POW_53 = 9_007_199_254_740_992;

export class Random {
  private readonly generator: RandomGenerator;
  private spareNormal: number | undefined;

  /**
   * Each part of the model (simulation, postings, reviews, …) gets its own stream, so changing how
   * many numbers one part draws does not reshuffle the others.
   */
  constructor(seed: number, label: string) {
    this.generator = xoroshiro128plus(deriveSeed(seed, label));
    // xoroshiro's state right after seeding from 32 bits is poorly mixed; skip the first outputs
    for (let i = 0; i < 32; i++) this.generator.unsafeNext();
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    const high = this.generator.unsafeNext() >>> 0;
    const low = this.generator.unsafeNext() >>> 11;
    return (high * TWO_POW_21 + low) / TWO_POW_53;
  }

  /** Integer uniform in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Standard normal by Box–Muller (the second value is kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const value = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * value;
    }
    let u = this.next();
    while (u <= Number.MIN_VALUE) u = this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return mean + sd * radius * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal given its median and the sd of the log. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Draws a value with probability proportional to its weight (weights ≥ 0, not all zero). */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    return weightedAt(entries, this.next());
  }
}

/** The value whose share of the total weight covers the point `u` in [0, 1) (inverse CDF). */
export function weightedAt<T>(entries: readonly (readonly [T, number])[], u: number): T {
  let total = 0;
  for (const [, weight] of entries) total += weight;
  let target = u * total;
  for (const [value, weight] of entries) {
    target -= weight;
    if (target < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (last === undefined) throw new Error('weighted draw from an empty list');
  return last[0];
}

/** Fractional part of the golden ratio: steps of it spread points evenly over [0, 1). */
const GOLDEN_STEP = 0.6180339887498949;

/**
 * A low-discrepancy stream in [0, 1) (the golden-ratio sequence from a random start): over any
 * run of draws each interval gets its share almost exactly, unlike independent draws. Used where
 * a rare choice decides a lot of money, so the mix of choices does not wobble with the seed.
 */
export class EvenStream {
  constructor(private value: number) {}
  next(): number {
    this.value += GOLDEN_STEP;
    if (this.value >= 1) this.value -= 1;
    return this.value;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  /** Log-normal given its median and the sd of the log, from the next point of the stream. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * inverseNormal(this.next()));
  }
}

const NORMAL_TAIL = 0.02425;
const NORMAL_A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
] as const;
const NORMAL_B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572] as const;
const NORMAL_C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783,
] as const;
const NORMAL_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416] as const;

/** Quantile of the standard normal distribution (Acklam's rational approximation, |error| < 1.2e-9). */
export function inverseNormal(p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  if (q < NORMAL_TAIL || q > 1 - NORMAL_TAIL) {
    const r = Math.sqrt(-2 * Math.log(q < NORMAL_TAIL ? q : 1 - q));
    const [c0, c1, c2, c3, c4, c5] = NORMAL_C;
    const [d0, d1, d2, d3] = NORMAL_D;
    const x = (((((c0 * r + c1) * r + c2) * r + c3) * r + c4) * r + c5) / ((((d0 * r + d1) * r + d2) * r + d3) * r + 1);
    return q < NORMAL_TAIL ? x : -x;
  }
  const r = (q - 0.5) * (q - 0.5);
  const [a0, a1, a2, a3, a4, a5] = NORMAL_A;
  const [b0, b1, b2, b3, b4] = NORMAL_B;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * (q - 0.5)) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}
