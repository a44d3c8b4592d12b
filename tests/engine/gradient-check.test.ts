import { describe, expect, test } from 'vitest';
import { epsilonSweep, gradientCost, logSpace, relativeError } from '../../src/engine/gradient-check.ts';
import { createMLP } from '../../src/engine/index.ts';

describe('relativeError', () => {
  test('relativeError(a, b) is |a − b| / max(|a|, |b|), 0 for two zeros', () => {
    expect(relativeError(1, 1.5)).toBeCloseTo(1 / 3, 15);
    expect(relativeError(-2, 2)).toBe(2);
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(0, 1e-30)).toBe(1);
    expect(() => relativeError(Number.NaN, 1)).toThrow(/a/);
  });
});

describe('logSpace', () => {
  test('logSpace(-1, -12) gives the twelve powers 1e-1 … 1e-12, downwards', () => {
    const eps = logSpace(-1, -12);
    expect(eps).toHaveLength(12);
    expect(eps[0]).toBeCloseTo(0.1, 15);
    expect(eps[11]).toBeCloseTo(1e-12, 25);
    expect(logSpace(0, 1, 2)).toEqual([1, 10 ** 0.5, 10]);
  });
});

describe('epsilonSweep', () => {
  test('epsilonSweep makes a V: large ε truncates, tiny ε rounds, the best ε lies in between', () => {
    const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid', seed: 2 });
    const x = [[0.4, -0.7]];
    const y = [[1]];
    const analytic = net.trace(x[0], y[0], 'mse').grad[0];
    const rows = epsilonSweep(net, x, y, 'mse', 0, analytic, logSpace(-1, -12));
    const errors = rows.map((r) => r.relError);
    const best = errors.indexOf(Math.min(...errors));
    expect(rows[best].eps).toBeGreaterThanOrEqual(1e-8);
    expect(rows[best].eps).toBeLessThanOrEqual(1e-3);
    expect(errors[best]).toBeLessThan(1e-8);
    expect(errors[0]).toBeGreaterThan(1e3 * errors[best]); // ε = 0.1: truncation
    expect(errors[11]).toBeGreaterThan(1e3 * errors[best]); // ε = 1e-12: rounding
    expect(net.params[0]).toBe(createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid', seed: 2 }).params[0]);
  });

  test('epsilonSweep rejects ε ≤ 0 and an index outside the parameters', () => {
    const net = createMLP({ sizes: [2, 1], hidden: 'linear', output: 'sigmoid' });
    expect(() => epsilonSweep(net, [[1, 1]], [[1]], 'mse', 0, 0, [0])).toThrow(/positive/);
    expect(() => epsilonSweep(net, [[1, 1]], [[1]], 'mse', 3, 0, [1e-3])).toThrow(/index/);
  });
});

describe('gradientCost', () => {
  test('gradientCost([2, 2, 1]): 9 parameters, 6 multiply-adds forward, 8 backward, 18 passes by differences', () => {
    expect(gradientCost([2, 2, 1])).toEqual({ params: 9, forward: 6, backward: 8, finiteDifferencePasses: 18 });
  });
  test('gradientCost([2, 8, 8, 1]): backward costs between one and two forward passes', () => {
    const cost = gradientCost([2, 8, 8, 1]);
    expect(cost.params).toBe(105);
    expect(cost.forward).toBe(88);
    expect(cost.backward).toBe(16 + 128 + 16);
    expect(cost.backward / cost.forward).toBeGreaterThan(1);
    expect(cost.backward / cost.forward).toBeLessThan(2);
    expect(() => gradientCost([2])).toThrow(/sizes/);
  });
});
