import { describe, expect, test } from 'vitest';
import { centralDifference, numericalGradient } from '../../src/engine/index.ts';

describe('gradcheck', () => {
  test('centralDifference(f, x) recovers cos from sin to 1e-9', () => {
    for (const x of [-2, 0, 0.5, 3]) expect(centralDifference(Math.sin, x)).toBeCloseTo(Math.cos(x), 9);
  });

  test('numericalGradient(loss, params) matches an analytic gradient and restores params exactly', () => {
    const params = new Float64Array([0.3, -1.2, 2]);
    const loss = (p: Float64Array) => p[0] * p[0] * p[1] + Math.exp(p[2]);
    const grad = numericalGradient(loss, params);
    expect(grad[0]).toBeCloseTo(2 * 0.3 * -1.2, 8);
    expect(grad[1]).toBeCloseTo(0.09, 8);
    expect(grad[2]).toBeCloseTo(Math.exp(2), 7);
    expect(Array.from(params)).toEqual([0.3, -1.2, 2]);
  });

  test('numericalGradient rejects a bad step', () => {
    expect(() => numericalGradient(() => 0, new Float64Array(1), 0)).toThrow(/h must be a positive finite number, got 0/);
    expect(() => centralDifference(Math.sin, NaN)).toThrow(/x must be a finite number/);
  });
});
