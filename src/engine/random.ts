/**
 * Seeded randomness. Every random number in the engine (data, initial weights, mini-batch order)
 * comes from a `Random` made by `seeded(seed)`, passed in as a parameter: the same seed gives the
 * same numbers, in every browser and in Node.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** Checks that a seed is a finite number and returns it as an unsigned 32-bit integer. */
export function seedOf(seed: number): number {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new Error(`seed must be a finite number, got ${String(seed)}`);
  }
  return Math.trunc(seed) >>> 0;
}

/**
 * Seeded generator (the "mulberry32" scheme): a 32-bit state advanced by a fixed odd constant,
 * then scrambled by multiply-xorshift rounds; returns k / 2³² for a 32-bit k, period 2³².
 */
export function seeded(seed: number): Random {
  let state = seedOf(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let h = Math.imul(state ^ (state >>> 15), state | 1);
    h ^= h + Math.imul(h ^ (h >>> 7), h | 61);
    return ((h ^ (h >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform number in [lo, hi): lo + (hi − lo)·u. */
export function uniform(random: Random, lo = 0, hi = 1): number {
  return lo + (hi - lo) * random();
}

/**
 * A normal (Gaussian) number with the given mean and standard deviation, by the Box–Muller
 * transform: mean + std·√(−2 ln u₁)·cos(2π u₂), with u₁ in (0, 1] so the log stays finite.
 */
export function normal(random: Random, mean = 0, std = 1): number {
  const u1 = 1 - random();
  const u2 = random();
  return mean + std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A uniform integer in 0, 1, …, n − 1: ⌊n·u⌋. */
export function integer(random: Random, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`integer(random, n) needs a positive integer n, got ${n}`);
  return Math.floor(n * random());
}

/** Shuffles `array` in place (Fisher–Yates: each position swaps with a uniform earlier-or-same one) and returns it. */
export function shuffle<T extends { length: number; [i: number]: unknown }>(random: Random, array: T): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor((i + 1) * random());
    const swap = array[i];
    array[i] = array[j];
    array[j] = swap;
  }
  return array;
}

/** A random ordering of 0, 1, …, n − 1. */
export function permutation(random: Random, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffle(random, order);
}
