import { describe, expect, test } from 'vitest';
import { lossCurve } from '../../src/engine/loss-curves.ts';
import { centralDifference } from '../../src/engine/index.ts';

const ps = [0.001, 0.1, 0.5, 0.9, 0.999];
const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('lossCurve', () => {
  test.each(['mse', 'bce'] as const)('lossCurve(%s).dp and .dz match central differences in ŷ and in z', (name) => {
    const curve = lossCurve(name, 1, ps);
    ps.forEach((p, i) => {
      const inP = centralDifference((q) => lossCurve(name, 1, [q]).value[0], p, 1e-7);
      const inZ = centralDifference((z) => lossCurve(name, 1, [sigmoid(z)]).value[0], logit(p), 1e-6);
      expect(Math.abs(curve.dp[i] - inP)).toBeLessThan(1e-5 * Math.max(1, Math.abs(inP)));
      expect(Math.abs(curve.dz[i] - inZ)).toBeLessThan(1e-6);
    });
  });

  test('lossCurve: at a confidently wrong ŷ = 0.001 for y = 1, BCE still pushes with ∂L/∂z ≈ −1, MSE with ≈ −0.002', () => {
    const mse = lossCurve('mse', 1, [0.001]);
    const bce = lossCurve('bce', 1, [0.001]);
    expect(bce.dz[0]).toBeCloseTo(-0.999, 15);
    expect(mse.dz[0]).toBeCloseTo(2 * (0.001 - 1) * 0.001 * 0.999, 15);
    expect(Math.abs(bce.dz[0] / mse.dz[0])).toBeGreaterThan(500);
    expect(mse.value[0]).toBeCloseTo(0.998001, 12);
    expect(bce.value[0]).toBeCloseTo(-Math.log(0.001), 12);
  });

  test('lossCurve rejects predictions outside [0, 1], a target outside [0, 1] and an unknown loss', () => {
    expect(() => lossCurve('mse', 1, [1.5])).toThrow(/predictions/);
    expect(() => lossCurve('bce', 2, [0.5])).toThrow(/target/);
    expect(() => lossCurve('hinge' as 'mse', 1, [0.5])).toThrow(/loss/);
  });
});
