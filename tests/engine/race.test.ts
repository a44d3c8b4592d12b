import { describe, expect, test } from 'vitest';
import { momentumRate, race } from '../../src/engine/race.ts';
import { createOptimizer, surface } from '../../src/engine/index.ts';

describe('race', () => {
  const bowl = surface('bowl');

  test('race: plain SGD on the bowl follows p ← p − η∇f exactly', () => {
    const [lane] = race(bowl, [{ spec: { kind: 'sgd', lr: 0.04 } }], [-3.5, 1.5], { steps: 3 });
    let [x, y] = [-3.5, 1.5];
    for (let t = 1; t <= 3; t++) {
      [x, y] = [x - 0.04 * (2 * x), y - 0.04 * (20 * y)];
      expect(lane.path[2 * t]).toBe(x);
      expect(lane.path[2 * t + 1]).toBe(y);
      expect(lane.loss[t]).toBe(x * x + 10 * y * y);
    }
  });

  test('race: each lane equals its optimizer stepped by hand on the surface gradient', () => {
    const specs = [{ kind: 'momentum', lr: 1e-3 }, { kind: 'adam', lr: 0.05 }, { kind: 'rmsprop', lr: 1e-3 }, { kind: 'adagrad', lr: 0.1 }] as const;
    const lanes = race(surface('rosenbrock'), specs.map((spec) => ({ spec })), [-1.2, 1], { steps: 50 });
    specs.forEach((spec, i) => {
      const opt = createOptimizer(spec);
      const p = new Float64Array([-1.2, 1]);
      for (let t = 0; t < 50; t++) opt.step(p, Float64Array.from(surface('rosenbrock').grad(p[0], p[1])));
      expect(lanes[i].diverged).toBe(false);
      expect(lanes[i].path[100]).toBe(p[0]);
      expect(lanes[i].path[101]).toBe(p[1]);
    });
  });

  test('race: reached is the first step within tol of the minimum value, and momentum beats GD on the bowl', () => {
    const [gd, heavy] = race(bowl, [{ spec: { kind: 'sgd', lr: 0.045 } }, { spec: { kind: 'momentum', lr: 0.045, momentum: 0.5 } }], bowl.start, { steps: 2000 });
    expect(gd.reached).not.toBeNull();
    expect(heavy.reached).not.toBeNull();
    expect(gd.loss[gd.reached!]).toBeLessThan(1e-6);
    expect(gd.loss[gd.reached! - 1]).toBeGreaterThanOrEqual(1e-6);
    expect(heavy.reached!).toBeLessThan(gd.reached!);
  });

  test('race: noisy SGD is seeded: the same seed gives the same path, another seed another', () => {
    const runner = [{ spec: { kind: 'sgd', lr: 0.02 } as const, noise: 2 }];
    const a = race(bowl, runner, [-3, 1], { steps: 100, seed: 4 })[0];
    const b = race(bowl, runner, [-3, 1], { steps: 100, seed: 4 })[0];
    const c = race(bowl, runner, [-3, 1], { steps: 100, seed: 5 })[0];
    expect(Array.from(a.path)).toEqual(Array.from(b.path));
    expect(a.path[200]).not.toBe(c.path[200]);
  });

  test('race: a learning rate past 2/λ diverges, stops with finite numbers and says so', () => {
    const [lane] = race(bowl, [{ spec: { kind: 'sgd', lr: 0.2 } }], bowl.start, { steps: 1000 });
    expect(lane.diverged).toBe(true);
    expect(lane.path.every(Number.isFinite)).toBe(true);
    expect(lane.loss.length * 2).toBe(lane.path.length);
    expect(() => race(bowl, [], [Number.NaN, 0], { steps: 10 })).toThrow(/start/);
    expect(() => race(bowl, [], [0, 0], { steps: 0 })).toThrow(/steps/);
  });
});

describe('momentumRate', () => {
  test('momentumRate with β = 0 is plain GD’s |1 − ηλ|', () => {
    expect(momentumRate(0.1, 0, 2)).toBeCloseTo(0.8, 15);
    expect(momentumRate(0.9, 0, 2)).toBeCloseTo(0.8, 15);
  });
  test('momentumRate is smallest, 1 − √(ηλ), at β = (1 − √(ηλ))²', () => {
    const a = 0.04; // ηλ
    const critical = (1 - Math.sqrt(a)) ** 2;
    expect(momentumRate(a, critical, 1)).toBeCloseTo(1 - Math.sqrt(a), 6);
    for (const beta of [0, 0.3, 0.6, 0.7, 0.9, 0.99]) expect(momentumRate(a, beta, 1)).toBeGreaterThan(momentumRate(a, critical, 1) - 1e-9);
  });
  test('momentumRate predicts the decay of the distance on one direction of the bowl', () => {
    const lr = 0.01;
    const beta = 0.5; // below the critical (1 − √0.02)² ≈ 0.737: real roots, a clean geometric decay
    const rate = momentumRate(lr, beta, 2); // the x direction of x² + 10y² has curvature 2
    const [lane] = race(surface('bowl'), [{ spec: { kind: 'momentum', lr, momentum: beta } }], [-3.5, 0], { steps: 400 });
    const measured = (Math.abs(lane.path[800]) / Math.abs(lane.path[600])) ** (1 / 100);
    expect(measured).toBeCloseTo(rate, 3);
    expect(() => momentumRate(0.1, 1, 1)).toThrow(/beta/);
  });
});
