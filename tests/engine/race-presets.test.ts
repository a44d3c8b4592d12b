import { describe, expect, test } from 'vitest';
import { race, surface, surfaceNames } from '../../src/engine/index.ts';
import { LR_GRID, TUNED_LR, defaultSettings, racerNames, runnerFor, settledAt, tailLoss, tuneLr } from '../../src/engine/race-presets.ts';

describe('race presets', () => {
  test('LR_GRID is 10^(k/8) from 1e-5 to 10, to three figures', () => {
    expect(LR_GRID).toHaveLength(49);
    expect(LR_GRID[0]).toBe(1e-5);
    expect(LR_GRID[40]).toBe(1);
    expect(LR_GRID[48]).toBe(10);
    expect(LR_GRID[39]).toBe(0.75);
  });
  test.each(surfaceNames)('TUNED_LR.%s is what tuneLr finds for every racer', (name) => {
    const s = surface(name);
    for (const r of racerNames) expect([r, tuneLr(s, r)]).toEqual([r, TUNED_LR[name][r]]);
  });
  test('runnerFor builds torch’s specs: momentum 0.9 by default, Adam betas (β, β₂), noise only for SGD', () => {
    expect(runnerFor('momentum', defaultSettings('momentum', 0.01))).toEqual({ spec: { kind: 'momentum', lr: 0.01, momentum: 0.9 } });
    expect(runnerFor('adam', defaultSettings('adam', 0.1))).toEqual({ spec: { kind: 'adam', lr: 0.1, betas: [0.9, 0.999] } });
    expect(runnerFor('rmsprop', defaultSettings('rmsprop', 0.1)).spec).toEqual({ kind: 'rmsprop', lr: 0.1, alpha: 0.99 });
    expect(runnerFor('sgd', defaultSettings('sgd', 0.1))).toEqual({ spec: { kind: 'sgd', lr: 0.1 }, noise: 2 });
    expect(runnerFor('gd', defaultSettings('gd', 0.1))).toEqual({ spec: { kind: 'sgd', lr: 0.1 } });
    expect(() => runnerFor('lion' as 'gd', defaultSettings('gd', 0.1))).toThrow(/racer/);
  });
  test('a Nesterov lane matches torch’s Nesterov rule stepped by hand', () => {
    const s = surface('beale');
    const [lane] = race(s, [runnerFor('nesterov', { ...defaultSettings('nesterov', 0.003), beta: 0.8 })], s.start, { steps: 30 });
    const p = Float64Array.from(s.start);
    const b = new Float64Array(2);
    for (let t = 1; t <= 30; t++) {
      const g = s.grad(p[0], p[1]);
      for (let i = 0; i < 2; i++) {
        b[i] = t === 1 ? g[i] : 0.8 * b[i] + g[i];
        p[i] -= 0.003 * (g[i] + 0.8 * b[i]);
      }
    }
    expect(lane.path[60]).toBeCloseTo(p[0], 12);
    expect(lane.path[61]).toBeCloseTo(p[1], 12);
  });
  test('settledAt is the first step from which the loss stays below tol; null if it leaves again or diverged', () => {
    const lane = (loss: number[], diverged = false) => ({ path: new Float64Array(loss.length * 2), loss: Float64Array.from(loss), reached: null, diverged });
    expect(settledAt(lane([5, 1e-7, 1, 1e-7, 1e-8]), 0)).toBe(3);
    expect(settledAt(lane([5, 1e-7, 1]), 0)).toBeNull();
    expect(settledAt(lane([1e-9, 1e-9]), 0)).toBe(0);
    expect(settledAt(lane([5, 1e-9], true), 0)).toBeNull();
    expect(tailLoss(lane([0, 0, 0, 0, 0, 0, 0, 0, 0, 4]), 0)).toBe(4);
    expect(tailLoss(lane([1], true), 0)).toBe(Infinity);
  });
});
