import { describe, expect, test } from 'vitest';
import {
  crossing,
  DATA_SIZE_DEFAULTS,
  DataSizeJob,
  dataSizeCurve,
  dataset,
  featureColumns,
  featureRows,
  handFeatureKeys,
  LinearFeatureModel,
  NetworkModel,
  TEST_SEED,
  type DataSizeSpec,
} from '../../src/engine/index.ts';

describe('crossing', () => {
  test('ahead at every size is "ahead"', () => {
    expect(crossing([10, 100], [0.5, 0.6], [0.7, 0.61])).toEqual({ kind: 'ahead' });
  });

  test('behind or level at the largest size is "never"; a tie does not count as ahead', () => {
    expect(crossing([10, 100], [0.9, 0.9], [0.5, 0.8])).toEqual({ kind: 'never' });
    expect(crossing([10, 100], [0.5, 0.5], [0.5, 0.5])).toEqual({ kind: 'never' });
    expect(crossing([10, 100], [0.5, 0.75], [0.6, 0.75])).toEqual({ kind: 'never' }); // ahead, then level
    expect(crossing([10], [0.5], [0.5])).toEqual({ kind: 'never' });
  });

  test('"crossed" interpolates the gap on a log scale of the size', () => {
    // gap −0.25 at 10, +0.25 at 100: halfway in log n, √(10·100) ≈ 31.62
    const half = crossing([10, 100], [0.5, 0.5], [0.25, 0.75]);
    expect(half).toMatchObject({ kind: 'crossed', from: 10, to: 100 });
    expect(half.kind === 'crossed' && half.at).toBeCloseTo(Math.sqrt(1000), 12);
    expect(half.kind === 'crossed' && half.at).toBeCloseTo(31.6228, 4);
    // gaps −0.1 → +0.1 as the brief's figures would give them (not exact in binary): still √1000
    const decimal = crossing([10, 100], [0.8, 0.8], [0.7, 0.9]);
    expect(decimal.kind === 'crossed' && decimal.at).toBeCloseTo(Math.sqrt(1000), 10);
    // gap −0.125 at 8, +0.25 at 64: a third of the way in log n, 8 · 8^(1/3) = 16
    const third = crossing([8, 64], [0.5, 0.5], [0.375, 0.75]);
    expect(third).toMatchObject({ kind: 'crossed', from: 8, to: 64 });
    expect(third.kind === 'crossed' && third.at).toBeCloseTo(16, 12);
    // level at the smaller size: the crossing is at that size
    const level = crossing([10, 100, 1000], [0.5, 0.5, 0.5], [0.4, 0.5, 0.6]);
    expect(level).toMatchObject({ kind: 'crossed', from: 100, to: 1000 });
    expect(level.kind === 'crossed' && level.at).toBeCloseTo(100, 12);
  });

  test('ahead, behind, ahead again: the last crossing is the one that holds', () => {
    const dip = crossing([10, 100, 1000], [0.5, 0.5, 0.5], [0.75, 0.25, 0.75]);
    expect(dip).toMatchObject({ kind: 'crossed', from: 100, to: 1000 });
    expect(dip.kind === 'crossed' && dip.at).toBeCloseTo(Math.sqrt(100 * 1000), 10);
  });
});

describe('DataSizeJob', () => {
  const small: DataSizeSpec = { dataset: 'circle', sizes: [8, 32], repeats: 2, steps: 200 };

  test('rejects a bad spec with a message naming what is wrong', () => {
    const bad = (spec: Partial<DataSizeSpec>) => () => new DataSizeJob({ dataset: 'circle', ...spec } as DataSizeSpec);
    expect(bad({ sizes: [] })).toThrow(/sizes must be a non-empty array/);
    expect(bad({ sizes: [32, 8] })).toThrow(/sizes must be ascending, got 32 then 8/);
    expect(bad({ sizes: [8, 8] })).toThrow(/sizes must be ascending, got 8 then 8/);
    expect(bad({ sizes: [8, 2.5] })).toThrow(/size must be a positive integer, got 2.5/);
    expect(bad({ sizes: [8, 20000] })).toThrow(/a size must be at most 10000 points, got 20000/);
    expect(bad({ repeats: 0 })).toThrow(/repeats must be a positive integer, got 0/);
    expect(bad({ repeats: 51 })).toThrow(/repeats must be at most 50, got 51/);
    expect(bad({ testSize: 0 })).toThrow(/testSize must be a positive integer, got 0/);
    expect(bad({ steps: 1.5 })).toThrow(/steps must be a positive integer, got 1.5/);
    expect(bad({ dataset: 'xor' as never })).toThrow(/unknown dataset "xor"; known: circle, quadrants, petals/);
    expect(bad({ hand: ['x1sq', 'x3'] })).toThrow(/hand feature must be one of x1sq, x2sq, x1x2, sinx1, sinx2, got "x3"/);
  });

  test('fields left out or undefined take the defaults: 8 … 1024 points, 5 repeats, 2000 test points, all five features, 8 units, 1000 steps', () => {
    const job = new DataSizeJob({ dataset: 'petals' });
    expect(job.spec).toEqual({ dataset: 'petals', ...DATA_SIZE_DEFAULTS });
    expect(DATA_SIZE_DEFAULTS).toMatchObject({ sizes: [8, 16, 32, 64, 128, 256, 512, 1024], repeats: 5, testSize: 2000, hidden: 8, steps: 1000 });
    expect(DATA_SIZE_DEFAULTS.hand).toEqual(handFeatureKeys);
    // (8 + 16 + … + 1024) = 2040 points × 1000 steps × 2 models × 5 repeats
    expect(job.total).toBe(2040 * 1000 * 2 * 5);
    expect(new DataSizeJob({ dataset: 'petals', repeats: undefined, sizes: undefined }).spec).toEqual(job.spec);
  });

  test('total is Σ size · steps · 2 models · repeats; before any work the curves hold NaN', () => {
    const job = new DataSizeJob(small);
    expect(job.total).toBe((8 + 32) * 200 * 2 * 2);
    expect(job.done).toBe(0);
    expect(job.progress).toBe(0);
    expect(job.finished).toBe(false);
    const r = job.result();
    expect(r.sizes).toEqual([8, 32]);
    expect(r.linear.mean.every(Number.isNaN)).toBe(true);
    expect(r.network.runs).toEqual([
      [NaN, NaN],
      [NaN, NaN],
    ]);
    expect(r.crossing).toEqual({ kind: 'never' });
  });

  test('runFor(0) does one slice of 25 steps a call: 64 calls, each adding 25 · size to done', () => {
    const job = new DataSizeJob(small);
    const deltas: number[] = [];
    let calls = 0;
    for (;;) {
      const before = job.done;
      const finished = job.runFor(0);
      calls++;
      deltas.push(job.done - before);
      expect(job.progress).toBe(job.done / job.total);
      if (finished) break;
      expect(calls).toBeLessThan(1000);
    }
    // 2 sizes × 2 repeats × 2 models = 8 runs of 200 / 25 = 8 slices; the size-8 runs come first
    expect(calls).toBe(64);
    expect(deltas).toEqual([...new Array(32).fill(25 * 8), ...new Array(32).fill(25 * 32)]);
    expect(job.done).toBe(job.total);
    expect(job.progress).toBe(1);
    expect(job.runFor(0)).toBe(true);
    expect(job.done).toBe(job.total);
  });

  test('runFor(5) slices: progress climbs from 0 to 1 and never falls, and the result equals dataSizeCurve exactly', () => {
    const job = new DataSizeJob(small);
    const seen = [job.progress];
    while (!job.runFor(5)) {
      expect(job.progress).toBe(job.done / job.total);
      seen.push(job.progress);
    }
    seen.push(job.progress);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen.length).toBeGreaterThan(2);

    const r = job.result();
    expect(r).toEqual(dataSizeCurve(small));
    expect(r.dataset).toBe('circle');
    for (const c of [r.linear, r.network]) {
      c.runs.forEach((runs, i) => {
        expect(runs).toHaveLength(2);
        runs.forEach((a) => expect(a >= 0 && a <= 1).toBe(true));
        expect(c.mean[i]).toBe((runs[0] + runs[1]) / 2);
        expect(c.min[i]).toBe(Math.min(...runs));
        expect(c.max[i]).toBe(Math.max(...runs));
      });
    }
    expect(r.crossing).toEqual(crossing(r.sizes, r.linear.mean, r.network.mean));
  });

  test('nested sets: each run is an independent model on the first n points of one seeded sample, scored on the fixed test set', () => {
    const spec = { dataset: 'quadrants', sizes: [6, 20], repeats: 2, steps: 60, testSize: 300, hand: ['x1x2'], hidden: 3 } as const;
    const r = dataSizeCurve(spec);
    const test = dataset(spec.dataset, { n: spec.testSize, seed: TEST_SEED }).train;
    const columns = featureColumns(spec.hand);
    spec.sizes.forEach((n, i) => {
      for (let rep = 0; rep < spec.repeats; rep++) {
        const sample = dataset(spec.dataset, { n: 20, seed: rep + 1 }).train;
        const train = { x: sample.x.slice(0, n), y: sample.y.slice(0, n) };
        const linear = new LinearFeatureModel({ train }, spec.hand, spec.steps);
        linear.advance();
        expect(r.linear.runs[i][rep]).toBe(linear.net.evaluate(featureRows(test.x, columns), test.y, 'bce').accuracy);
        const network = new NetworkModel({ train }, spec.hidden, rep + 1, spec.steps);
        network.advance();
        expect(r.network.runs[i][rep]).toBe(network.net.evaluate(test.x, test.y, 'bce').accuracy);
      }
    });
    // accuracies on 300 points are multiples of 1/300
    for (const runs of [...r.linear.runs, ...r.network.runs]) for (const a of runs) expect(Math.abs(a * 300 - Math.round(a * 300))).toBeLessThan(1e-9);
  });
});
