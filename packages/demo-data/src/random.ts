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
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let target = this.next() * total;
    for (const [value, weight] of entries) {
      target -= weight;
      if (target < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error('weighted draw from an empty list');
    return last[0];
  }
}
