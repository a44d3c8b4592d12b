import { describe, expect, test } from 'vitest';
import {
  activation,
  activationCurve,
  activationNames,
  centralDifference,
  chainBound,
  derivativeAt,
  derivativeFacts,
  normalCdf,
  normalPdf,
  oneSidedSlopes,
} from '../../src/engine/index.ts';

describe('derivativeFacts', () => {
  test('derivativeFacts("sigmoid"): the largest σ′ is 0.25, reached at x = 0 only', () => {
    const facts = derivativeFacts('sigmoid');
    expect(facts).toMatchObject({ max: 0.25, kind: 'point', at: 0, corners: [] });
    // σ′ is strictly below 0.25 away from 0
    for (const x of [-3, -0.5, -1e-3, 1e-3, 0.5, 3]) expect(activation('sigmoid').df(x)).toBeLessThan(0.25);
  });

  test('derivativeFacts("tanh"): the largest tanh′ is 1, at x = 0', () => {
    expect(derivativeFacts('tanh')).toMatchObject({ max: 1, kind: 'point', at: 0 });
  });

  test('derivativeFacts("gelu"): the peak is at √2, where GELU″ = φ(x)(2 − x²) vanishes', () => {
    const facts = derivativeFacts('gelu');
    expect(facts.kind).toBe('point');
    expect(facts.at!).toBeCloseTo(Math.SQRT2, 6);
    expect(facts.max).toBeCloseTo(normalCdf(Math.SQRT2) + Math.SQRT2 * normalPdf(Math.SQRT2), 14);
    expect(facts.max).toBeCloseTo(1.1289041451851547, 12);
  });

  test('derivativeFacts("gelu_tanh") lies within 1e-4 of the exact GELU peak', () => {
    const facts = derivativeFacts('gelu_tanh');
    expect(Math.abs(facts.max - derivativeFacts('gelu').max)).toBeLessThan(1e-4);
    expect(Math.abs(facts.at! - Math.SQRT2)).toBeLessThan(0.01);
  });

  test.each([
    ['relu', 1, 'ray', false, [0]],
    ['leaky_relu', 1, 'ray', false, [0]],
    ['elu', 1, 'ray', true, []],
    ['step', 0, 'everywhere', false, [0]],
    ['linear', 1, 'everywhere', false, []],
    ['softplus', 1, 'limit', false, []],
  ] as const)('derivativeFacts(%j): max %d, reached as %s (closed %s), no derivative at %j', (name, max, kind, closed, corners) => {
    expect(derivativeFacts(name)).toMatchObject({ max, kind, closed, corners });
  });

  test.each(activationNames)('derivativeFacts(%j).max is the largest f′ a fine scan of [−30, 30] finds (never beaten)', (name) => {
    const facts = derivativeFacts(name);
    const scan = activationCurve(name, -30, 30, 60001);
    let best = -Infinity;
    for (const d of scan.df) best = Math.max(best, d);
    expect(best).toBeLessThanOrEqual(facts.max + 1e-15);
    if (facts.kind === 'limit') {
      // approached, not reached: within 1e-12 at x = 30, yet every sample is below it
      expect(facts.max - best).toBeGreaterThan(0);
      expect(facts.max - best).toBeLessThan(1e-12);
    } else expect(best).toBeCloseTo(facts.max, 6); // the grid is 0.001 apart; the peak is refined between samples
  });

  test('the ray kinds: f′ equals the max on the ray and is smaller before it', () => {
    for (const name of ['relu', 'leaky_relu', 'elu'] as const) {
      const df = activation(name).df;
      for (const x of [1e-6, 0.5, 3, 100]) expect(df(x)).toBe(1);
      for (const x of [-1e-3, -1, -5]) expect(df(x)).toBeLessThan(1);
    }
    expect(activation('elu').df(0)).toBe(1);
  });

  test('derivativeFacts rejects an unknown name', () => {
    expect(() => derivativeFacts('swish' as never)).toThrow(/unknown activation "swish"/);
  });
});

describe('derivativeAt and oneSidedSlopes', () => {
  test('derivativeAt(name, 0) is null at a corner or jump and the true slope elsewhere', () => {
    expect(derivativeAt('relu', 0)).toBeNull();
    expect(derivativeAt('leaky_relu', 0)).toBeNull();
    expect(derivativeAt('step', 0)).toBeNull();
    expect(derivativeAt('elu', 0)).toBe(1);
    expect(derivativeAt('sigmoid', 0)).toBe(0.25);
    expect(derivativeAt('relu', 2)).toBe(1);
    expect(derivativeAt('relu', -2)).toBe(0);
    expect(() => derivativeAt('relu', Number.NaN)).toThrow(/finite/);
  });

  test.each(['sigmoid', 'tanh', 'elu', 'gelu', 'softplus'] as const)('derivativeAt(%j, x) matches a central difference', (name) => {
    const f = activation(name).f;
    for (const x of [-2.5, -0.3, 0.7, 1.9]) expect(derivativeAt(name, x)!).toBeCloseTo(centralDifference(f, x), 7);
  });

  test('oneSidedSlopes(name, 0): ReLU 0 then 1, leaky ReLU 0.01 then 1, ELU 1 on both sides', () => {
    expect(oneSidedSlopes('relu', 0)).toEqual({ left: 0, right: 1 });
    expect(oneSidedSlopes('leaky_relu', 0)).toEqual({ left: 0.01, right: 1 });
    const elu = oneSidedSlopes('elu', 0);
    expect(elu.right).toBe(1);
    expect(elu.left).toBeCloseTo(1, 8);
  });
});

describe('chainBound', () => {
  test('chainBound("sigmoid", n) = 0.25ⁿ: 0.015625 for 3 layers, 9.5367431640625e-7 for 10', () => {
    expect(chainBound('sigmoid', 0)).toBe(1);
    expect(chainBound('sigmoid', 3)).toBe(0.015625);
    expect(chainBound('sigmoid', 10)).toBe(9.5367431640625e-7);
    expect(chainBound('tanh', 10)).toBe(1);
    expect(() => chainBound('sigmoid', 2.5)).toThrow(/whole number/);
  });
});
