import { describe, expect, test } from 'vitest';
import { dataset, datasetNames, gateSamples, petalRadius } from '../../src/engine/index.ts';

const names = datasetNames.map((n) => [n] as const);

describe('datasets', () => {
  test.each(names)('dataset(%s) is the same for the same seed and differs for another', (name) => {
    const options = { n: 40, noise: 0.1, testFraction: 0.25 };
    const a = dataset(name, { ...options, seed: 3 });
    expect(dataset(name, { ...options, seed: 3 })).toEqual(a);
    expect(dataset(name, { ...options, seed: 4 })).not.toEqual(a);
  });

  test.each(names)('dataset(%s) splits n points into train and test, with matching rows', (name) => {
    const d = dataset(name, { n: 50, testFraction: 0.2, seed: 1 });
    expect(d.train.x.length).toBe(40);
    expect(d.test.x.length).toBe(10);
    for (const part of [d.train, d.test]) {
      expect(part.y.length).toBe(part.x.length);
      expect(part.labels.length).toBe(part.x.length);
      part.x.forEach((row) => expect(row.length).toBe(2));
      part.y.forEach((row, i) => {
        expect(row.length).toBe(d.classes.length === 2 ? 1 : d.classes.length);
        expect(d.classes.length === 2 ? row[0] : row.indexOf(1)).toBe(part.labels[i]);
      });
    }
  });

  test('dataset("spirals", …) gives these exact seeded points and labels', () => {
    const d = dataset('spirals', { n: 10, seed: 3, noise: 0.1, testFraction: 0.2 });
    expect(d.train.x[0]).toEqual([0.1420671621648655, 0.7759146878701865]);
    expect(d.train.labels).toEqual([0, 1, 1, 1, 1, 0, 0, 0]);
    expect(d.test.labels).toEqual([1, 0]);
  });

  test('circle: class 1 inside radius 0.5, class 0 between 0.7 and 1 (without noise)', () => {
    const d = dataset('circle', { n: 200, seed: 2 });
    d.train.x.forEach(([x, y], i) => {
      const r = Math.hypot(x, y);
      if (d.train.labels[i] === 1) expect(r).toBeLessThanOrEqual(0.5);
      else expect(r >= 0.7 && r <= 1).toBe(true);
    });
    expect(d.train.labels.filter((l) => l === 1).length).toBe(100);
  });

  test('linear: the label says which side of y = 0.5x + 0.1 a point lies', () => {
    const d = dataset('linear', { n: 100, seed: 5 });
    d.train.x.forEach(([x, y], i) => expect(d.train.labels[i]).toBe(y > 0.5 * x + 0.1 ? 1 : 0));
  });

  test('spirals: the two arms are the same curve half a turn apart', () => {
    const d = dataset('spirals', { n: 100, seed: 1 });
    const arm = (label: number) => d.train.x.filter((_, i) => d.train.labels[i] === label);
    const other = arm(1);
    for (const [x, y] of arm(0)) {
      expect(other.some(([u, v]) => Math.abs(u + x) < 1e-12 && Math.abs(v + y) < 1e-12)).toBe(true);
    }
  });

  test('blobs3: three classes, one-hot targets, each cloud centred where stated', () => {
    const d = dataset('blobs3', { n: 3000, seed: 7 });
    expect(d.classes).toEqual(['0', '1', '2']);
    for (let c = 0; c < 3; c++) {
      const pts = d.train.x.filter((_, i) => d.train.labels[i] === c);
      expect(pts.length).toBe(1000);
      const angle = Math.PI / 2 + (2 * Math.PI * c) / 3;
      expect(pts.reduce((s, p) => s + p[0], 0) / pts.length).toBeCloseTo(0.6 * Math.cos(angle), 1);
      expect(pts.reduce((s, p) => s + p[1], 0) / pts.length).toBeCloseTo(0.6 * Math.sin(angle), 1);
    }
  });

  test('noise moves the same points, in the same order, by about its standard deviation', () => {
    const clean = dataset('circle', { n: 400, seed: 9, testFraction: 0.5 });
    const noisy = dataset('circle', { n: 400, seed: 9, testFraction: 0.5, noise: 0.2 });
    expect(noisy.train.labels).toEqual(clean.train.labels);
    expect(noisy.test.labels).toEqual(clean.test.labels);
    const shifts = noisy.train.x.map(([x], i) => x - clean.train.x[i][0]);
    const std = Math.sqrt(shifts.reduce((s, d) => s + d * d, 0) / shifts.length);
    expect(std).toBeGreaterThan(0.17);
    expect(std).toBeLessThan(0.23);
  });

  test('quadrants: uniform in the square, class 1 exactly where x₁ and x₂ have the same sign, half of each', () => {
    const d = dataset('quadrants', { n: 400, seed: 3 });
    d.train.x.forEach(([x, y], i) => {
      expect(Math.abs(x)).toBeLessThanOrEqual(1);
      expect(Math.abs(y)).toBeLessThanOrEqual(1);
      expect(d.train.labels[i]).toBe(x * y > 0 ? 1 : 0);
    });
    expect(d.train.labels.filter((l) => l === 1).length).toBe(200);
    // all four quadrants are used
    const quadrant = ([x, y]: number[]) => (x > 0 ? 1 : 0) + (y > 0 ? 2 : 0);
    expect(new Set(d.train.x.map(quadrant)).size).toBe(4);
  });

  test('petalRadius(θ) = 0.7 + 0.2 cos 3θ: 0.9 on the petals\' tips, 0.5 between them', () => {
    expect(petalRadius(0)).toBeCloseTo(0.9, 15);
    expect(petalRadius((2 * Math.PI) / 3)).toBeCloseTo(0.9, 15);
    expect(petalRadius(Math.PI / 3)).toBeCloseTo(0.5, 15);
    expect(petalRadius(Math.PI)).toBeCloseTo(0.5, 15);
    expect(petalRadius(Math.PI / 6)).toBeCloseTo(0.7, 15);
  });

  test('petals: points in the unit disk, class 1 exactly inside r = petalRadius(θ), half of each', () => {
    const d = dataset('petals', { n: 400, seed: 4 });
    const r1: number[] = [];
    const r0: number[] = [];
    d.train.x.forEach(([x, y], i) => {
      const r = Math.hypot(x, y);
      expect(r).toBeLessThan(1);
      expect(d.train.labels[i]).toBe(r < petalRadius(Math.atan2(y, x)) ? 1 : 0);
      (d.train.labels[i] ? r1 : r0).push(r);
    });
    expect(r1.length).toBe(200);
    // the boundary lies between radius 0.5 and 0.9
    expect(Math.max(...r1)).toBeLessThan(0.9);
    expect(Math.min(...r0)).toBeGreaterThanOrEqual(0.5);
    // and it is not a circle: some class-1 points lie farther out than some class-0 points
    expect(Math.max(...r1)).toBeGreaterThan(Math.min(...r0));
  });

  test('gateSamples(gate) is the truth table, and the gate datasets repeat its corners', () => {
    expect(gateSamples('xor')).toEqual({ x: [[0, 0], [0, 1], [1, 0], [1, 1]], y: [[0], [1], [1], [0]], labels: [0, 1, 1, 0] });
    expect(gateSamples('and').labels).toEqual([0, 0, 0, 1]);
    expect(gateSamples('or').labels).toEqual([0, 1, 1, 1]);
    expect(gateSamples('nand').labels).toEqual([1, 1, 1, 0]);
    const d = dataset('and', { n: 8, seed: 1 });
    d.train.x.forEach(([a, b], i) => expect(d.train.labels[i]).toBe(a & b));
  });

  test('dataset rejects unknown names and bad options', () => {
    expect(() => dataset('moons' as never)).toThrow(/unknown dataset "moons"; known: xor, and/);
    expect(() => dataset('circle', { n: 0 })).toThrow(/n must be a positive integer, got 0/);
    expect(() => dataset('circle', { n: 2.5 })).toThrow(/n must be a positive integer/);
    expect(() => dataset('circle', { n: 1e6 })).toThrow(/at most 100000/);
    expect(() => dataset('circle', { noise: -1 })).toThrow(/noise must be ≥ 0, got -1/);
    expect(() => dataset('circle', { noise: NaN })).toThrow(/noise must be a finite number/);
    expect(() => dataset('circle', { testFraction: 1 })).toThrow(/testFraction must be in \[0, 1\), got 1/);
    expect(() => dataset('circle', { seed: Infinity })).toThrow(/seed must be a finite number/);
    expect(() => gateSamples('xnor' as never)).toThrow(/unknown gate "xnor"/);
  });
});
