import { describe, expect, test } from 'vitest';
import { seeded, surface, surfaceNames, uniform } from '../../src/engine/index.ts';

const names = surfaceNames.map((n) => [n] as const);

describe('surfaces', () => {
  test.each(names)('surface(%s).grad matches central differences across its view', (name) => {
    const s = surface(name);
    const random = seeded(12);
    for (let i = 0; i < 50; i++) {
      const x = uniform(random, s.view.xMin, s.view.xMax);
      const y = uniform(random, s.view.yMin, s.view.yMax);
      const h = 1e-6;
      const [gx, gy] = s.grad(x, y);
      const scale = Math.max(1, Math.abs(gx), Math.abs(gy));
      expect(Math.abs(gx - (s.f(x + h, y) - s.f(x - h, y)) / (2 * h))).toBeLessThan(1e-6 * scale);
      expect(Math.abs(gy - (s.f(x, y + h) - s.f(x, y - h)) / (2 * h))).toBeLessThan(1e-6 * scale);
    }
  });

  test.each(names)('surface(%s) has zero gradient and its lowest value at each listed minimum', (name) => {
    const s = surface(name);
    expect(s.minima.length).toBeGreaterThan(0);
    for (const [x, y] of s.minima) {
      expect(s.f(x, y)).toBeCloseTo(s.minValue, 12);
      const [gx, gy] = s.grad(x, y);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-12);
      // nearby points are higher
      for (const [dx, dy] of [[1e-3, 0], [0, 1e-3], [-1e-3, 0], [0, -1e-3]]) expect(s.f(x + dx, y + dy)).toBeGreaterThan(s.f(x, y));
      expect(x >= s.view.xMin && x <= s.view.xMax && y >= s.view.yMin && y <= s.view.yMax).toBe(true);
    }
    const [sx, sy] = s.start;
    expect(s.f(sx, sy)).toBeGreaterThan(s.minValue);
  });

  test('the standard forms: Rosenbrock (a = 1, b = 100), Beale, Himmelblau, at hand-checked points', () => {
    expect(surface('rosenbrock').f(0, 0)).toBe(1);
    expect(surface('rosenbrock').f(-1, 1)).toBe(4);
    expect(surface('rosenbrock').f(1, 2)).toBe(100);
    expect(surface('beale').f(0, 0)).toBe(1.5 ** 2 + 2.25 ** 2 + 2.625 ** 2);
    expect(surface('beale').f(3, 0.5)).toBe(0);
    expect(surface('himmelblau').f(0, 0)).toBe(170);
    expect(surface('himmelblau').f(3, 2)).toBe(0);
    expect(surface('bowl').f(1, 1)).toBe(11);
  });

  test('the saddle: zero gradient at the origin, curving up along x and down along y', () => {
    const s = surface('saddle');
    expect(s.saddles).toEqual([[0, 0]]);
    expect(s.grad(0, 0)).toEqual([0, 0]);
    expect(s.f(0.1, 0)).toBeGreaterThan(0);
    expect(s.f(0, 0.1)).toBeLessThan(0);
    expect(s.minima).toEqual([[0, 1], [0, -1]]);
  });

  test('surface(name) rejects unknown names', () => {
    expect(() => surface('ackley' as never)).toThrow(/unknown surface "ackley"; known: bowl, rosenbrock, beale, saddle, himmelblau/);
  });
});
