import { describe, expect, test } from 'vitest';
import { integer, normal, permutation, seedOf, seeded, shuffle, uniform } from '../../src/engine/index.ts';

describe('random', () => {
  test('seeded(42) gives the exact mulberry32 sequence', () => {
    const random = seeded(42);
    // the same three numbers come from an independent implementation of the algorithm
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  test('seeded(seed) repeats for the same seed and differs for another', () => {
    const a = seeded(7);
    const b = seeded(7);
    const c = seeded(8);
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(first);
  });

  test('seeded(seed)() stays in [0, 1) and averages 1/2', () => {
    const random = seeded(1);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = random();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  test('uniform(random, lo, hi) stays in [lo, hi)', () => {
    const random = seeded(3);
    for (let i = 0; i < 1000; i++) {
      const u = uniform(random, -2, 5);
      expect(u >= -2 && u < 5).toBe(true);
    }
  });

  test('normal(random, mean, std) has that mean and standard deviation', () => {
    const random = seeded(5);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const v = normal(random, 3, 2);
      sum += v;
      squares += v * v;
    }
    expect(Number.isFinite(squares)).toBe(true);
    const mean = sum / n;
    expect(mean).toBeCloseTo(3, 1);
    expect(Math.sqrt(squares / n - mean * mean)).toBeCloseTo(2, 1);
  });

  test('integer(random, n) covers 0 … n − 1 evenly', () => {
    const random = seeded(9);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 50_000; i++) counts[integer(random, 5)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  test('shuffle(random, array) permutes in place, the same way for the same seed', () => {
    const a = shuffle(seeded(11), [1, 2, 3, 4, 5, 6, 7, 8]);
    const b = shuffle(seeded(11), [1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a).toEqual(b);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a).not.toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('permutation(random, n) contains each of 0 … n − 1 once', () => {
    const order = permutation(seeded(2), 50);
    expect(Array.from(order).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  test('seedOf rejects non-finite seeds and integer rejects bad n', () => {
    expect(() => seeded(NaN)).toThrow(/seed must be a finite number, got NaN/);
    expect(() => seedOf(Infinity)).toThrow(/finite/);
    expect(() => seeded('1' as unknown as number)).toThrow(/seed/);
    expect(() => integer(seeded(1), 0)).toThrow(/positive integer n, got 0/);
    expect(seedOf(-1)).toBe(4294967295);
  });
});
