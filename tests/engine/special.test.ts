import { describe, expect, test } from 'vitest';
import { erf, erfc, normalCdf, normalPdf, sigmoid, softplus } from '../../src/engine/index.ts';

// Reference values to 16 digits, from an arbitrary-precision evaluation (mpmath, 40 digits).
const erfTable: [number, number, number][] = [
  [0, 0, 1],
  [0.1, 0.1124629160182849, 0.887537083981715],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [1, 0.8427007929497149, 0.15729920705028513],
  [1.5, 0.9661051464753108, 0.033894853524689274],
  [2, 0.9953222650189527, 0.004677734981047266],
  [3, 0.9999779095030014, 2.209049699858544e-5],
  [5, 0.9999999999984626, 1.537459794428035e-12],
  [10, 1, 2.088487583762545e-45],
  [26, 1, 5.663192408856143e-296],
];

describe('special functions', () => {
  test.each(erfTable)('erf(%d) and erfc match 16-digit references', (x, e, ec) => {
    expect(erf(x)).toBeCloseTo(e, 15);
    expect(Math.abs(erfc(x) - ec)).toBeLessThanOrEqual(1e-14 * ec);
    expect(erf(-x)).toBe(-erf(x));
    expect(erfc(-x)).toBeCloseTo(2 - ec, 15);
  });

  test('erf and erfc stay finite and exact at the far tails', () => {
    expect(erf(1e3)).toBe(1);
    expect(erf(-1e3)).toBe(-1);
    expect(erfc(1e3)).toBe(0);
    expect(erfc(-1e3)).toBe(2);
    expect(Number.isNaN(erf(NaN))).toBe(true);
  });

  test('erf′(x) = (2/√π)e^(−x²) matches a central difference', () => {
    for (const x of [-2.5, -1, -0.3, 0, 0.7, 1.4, 1.6, 2.2]) {
      const h = 1e-6;
      expect((erf(x + h) - erf(x - h)) / (2 * h)).toBeCloseTo((2 / Math.sqrt(Math.PI)) * Math.exp(-x * x), 8);
    }
  });

  test('normalCdf and normalPdf give Φ(0) = 1/2, Φ(1.96) ≈ 0.975, φ(0) = 1/√(2π)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(normalCdf(-40)).toBeGreaterThanOrEqual(0);
    expect(normalPdf(0)).toBe(1 / Math.sqrt(2 * Math.PI));
  });

  test('sigmoid(x) is exact at 0 and saturates without NaN', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(1e3)).toBe(1);
    expect(sigmoid(-1e3)).toBe(0);
    expect(sigmoid(-745)).toBeGreaterThanOrEqual(0);
    expect(sigmoid(-30)).toBeCloseTo(Math.exp(-30) / (1 + Math.exp(-30)), 25);
  });

  test('softplus(x) = ln(1 + eˣ) without overflow or cancellation', () => {
    expect(softplus(0)).toBe(Math.LN2);
    expect(softplus(1e3)).toBe(1e3);
    expect(softplus(-1e3)).toBe(0);
    expect(softplus(-40)).toBeCloseTo(Math.exp(-40), 30);
    expect(softplus(2)).toBeCloseTo(Math.log(1 + Math.exp(2)), 15);
  });
});
