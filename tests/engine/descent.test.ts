import { describe, expect, test } from 'vitest';
import { curve, curveNames, descend, doubleWell, quadratic, quadraticRegime } from '../../src/engine/descent.ts';
import { centralDifference } from '../../src/engine/index.ts';

describe('curves', () => {
  test.each(curveNames)('curve(%s).df matches a central difference, and df is 0 at every minimum', (name) => {
    const c = curve(name);
    for (const w of [-2, -0.5, 0, 0.7, 2]) expect(c.df(w)).toBeCloseTo(centralDifference(c.f, w), 7);
    for (const m of c.minima) expect(Math.abs(c.df(m))).toBeLessThan(1e-12);
    expect(c.curvature).toBeCloseTo(centralDifference(c.df, c.minima[0]), 6);
  });
  test('the double well: the left minimum is the deeper one', () => {
    expect(doubleWell.f(doubleWell.minima[0])).toBeLessThan(doubleWell.f(doubleWell.minima[1]));
    expect(() => curve('cubic' as 'quadratic')).toThrow(/curve/);
  });
});

describe('descend', () => {
  test('descend(quadratic, w₀, η) scales the distance to the minimum by 1 − 2η every step', () => {
    const path = descend(quadratic, -2.5, 0.2, 5);
    for (let t = 0; t <= 5; t++) expect(path.w[t] - 1).toBeCloseTo(-3.5 * 0.6 ** t, 14);
    expect(path.loss[5]).toBeCloseTo((3.5 * 0.6 ** 5) ** 2, 14);
    expect(path.diverged).toBe(false);
  });
  test('descend at η = 1/c lands on the minimum in one step; at 2/c it bounces; past it, it diverges and stops', () => {
    expect(descend(quadratic, -2.5, 0.5, 1).w[1]).toBe(1);
    const bounce = descend(quadratic, -2.5, 1, 4);
    expect(Array.from(bounce.w)).toEqual([-2.5, 4.5, -2.5, 4.5, -2.5]);
    const away = descend(quadratic, -2.5, 1.5, 1000);
    expect(away.diverged).toBe(true);
    expect(away.taken).toBeLessThan(20);
    expect(away.w.every(Number.isFinite)).toBe(true);
  });
  test('descend on the double well: the start decides which valley, and a large η can jump across', () => {
    expect(descend(doubleWell, 2.2, 0.05, 500).w[500]).toBeCloseTo(doubleWell.minima[1], 10);
    expect(descend(doubleWell, -2.2, 0.05, 500).w[500]).toBeCloseTo(doubleWell.minima[0], 10);
    expect(() => descend(quadratic, 0, -1, 10)).toThrow(/lr/);
    expect(() => descend(quadratic, Number.NaN, 0.1, 10)).toThrow(/w0/);
  });
});

describe('quadraticRegime', () => {
  test.each([
    [0, 'still', 1], [0.02, 'crawl', 0.96], [0.25, 'converge', 0.5], [0.5, 'one-step', 0],
    [0.75, 'oscillate', -0.5], [1, 'bounce', -1], [1.2, 'diverge', -1.4],
  ] as const)('quadraticRegime(%s, 2) is %s with factor %s', (lr, regime, factor) => {
    const info = quadraticRegime(lr, 2);
    expect(info.regime).toBe(regime);
    expect(info.factor).toBeCloseTo(factor, 15);
  });
  test('quadraticRegime counts the steps to 1e-6 of the start: 20 at η = 0.25, and agrees with descend', () => {
    expect(quadraticRegime(0.25, 2).steps).toBe(20); // 0.5^20 ≈ 9.5e-7
    const path = descend(quadratic, -2.5, 0.25, 20);
    expect(Math.abs(path.w[20] - 1) / 3.5).toBeLessThan(1e-6);
    expect(Math.abs(path.w[19] - 1) / 3.5).toBeGreaterThan(1e-6);
    expect(quadraticRegime(1.5, 2).steps).toBe(Infinity);
    expect(() => quadraticRegime(0.1, 0)).toThrow(/curvature/);
  });
});
