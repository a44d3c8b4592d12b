import { describe, expect, test } from 'vitest';
import { loss, lossNames, logSumExp, sigmoid, softmax } from '../../src/engine/index.ts';

/** Central-difference gradient of f at pred. */
function numericGrad(f: (p: number[]) => number, pred: number[], h = 1e-6): number[] {
  return pred.map((_, i) => {
    const up = [...pred];
    const down = [...pred];
    up[i] += h;
    down[i] -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

const cases: Record<(typeof lossNames)[number], { pred: number[]; target: number[] }> = {
  mse: { pred: [0.3, -1.2, 2.5, 0.9], target: [0, -1, 3, 1] },
  bce: { pred: [0.2, 0.7, 0.95, 0.4], target: [0, 1, 1, 0.3] },
  bce_logits: { pred: [-2.1, 0.3, 4.2, -0.5], target: [0, 1, 1, 0.25] },
  cross_entropy: { pred: [1.5, -0.3, 0.2, 2.2], target: [0, 0.25, 0, 0.75] },
};

describe('losses', () => {
  test.each(lossNames.map((n) => [n] as const))('loss(%s).grad matches a central difference', (name) => {
    const { pred, target } = cases[name];
    const l = loss(name);
    const numeric = numericGrad((p) => l.value(p, target), pred);
    const grad = l.grad(pred, target);
    numeric.forEach((g, i) => expect(grad[i]).toBeCloseTo(g, 8));
  });

  test('mse: mean of squared differences, gradient 2(p − t)/n', () => {
    expect(loss('mse').value([1, 2], [0, 4])).toBe(2.5);
    expect(Array.from(loss('mse').grad([1, 2], [0, 4]))).toEqual([1, -2]);
  });

  test('bce: −[t ln p + (1 − t) ln(1 − p)], averaged', () => {
    expect(loss('bce').value([0.8], [1])).toBeCloseTo(-Math.log(0.8), 15);
    expect(loss('bce').value([0.8, 0.3], [1, 0])).toBeCloseTo((-Math.log(0.8) - Math.log(0.7)) / 2, 15);
    expect(loss('bce').grad([0.8], [1])[0]).toBeCloseTo(-1 / 0.8, 14);
  });

  test('bce stays finite at p = 0 and p = 1, as torch clamps the log at −100', () => {
    expect(loss('bce').value([0], [1])).toBe(100);
    expect(loss('bce').value([1], [0])).toBe(100);
    expect(loss('bce').value([1, 0], [1, 0])).toBe(0);
    expect(loss('bce').grad([0], [1])[0]).toBe(-1e12);
    expect(loss('bce').grad([1], [1])[0]).toBe(0);
  });

  test('bce_logits equals bce of σ(z), and stays exact where σ(z) rounds to 0 or 1', () => {
    for (const z of [-3, -0.5, 0, 0.7, 4]) {
      for (const t of [0, 0.4, 1]) {
        expect(loss('bce_logits').value([z], [t])).toBeCloseTo(loss('bce').value([sigmoid(z)], [t]), 13);
      }
    }
    expect(loss('bce_logits').value([1e3], [0])).toBe(1e3);
    expect(loss('bce_logits').value([-1e3], [0])).toBe(0);
    expect(loss('bce_logits').value([-40], [1])).toBe(40);
    expect(loss('bce_logits').grad([1e3], [1])[0]).toBe(0);
  });

  test('cross_entropy of equal logits is ln(classes), gradient softmax − target', () => {
    expect(loss('cross_entropy').value([0, 0, 0], [1, 0, 0])).toBeCloseTo(Math.log(3), 15);
    const g = loss('cross_entropy').grad([0, 0, 0], [1, 0, 0]);
    expect(g[0]).toBeCloseTo(1 / 3 - 1, 15);
    expect(g[1]).toBeCloseTo(1 / 3, 15);
  });

  test('cross_entropy is stable for logits of ±1e3', () => {
    expect(loss('cross_entropy').value([1e3, 0, -1e3], [1, 0, 0])).toBe(0);
    expect(loss('cross_entropy').value([1e3, 0, -1e3], [0, 0, 1])).toBe(2e3);
    expect(Array.from(loss('cross_entropy').grad([1e3, 0, -1e3], [0, 1, 0]))).toEqual([1, -1, 0]);
  });

  test('softmax sums to 1 and survives huge logits; logSumExp is shift-safe', () => {
    const p = softmax([1, 2, 3]);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 15);
    expect(p[2]).toBeCloseTo(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), 15);
    expect(Array.from(softmax([1000, 1000]))).toEqual([0.5, 0.5]);
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
  });

  test('loss(name) rejects unknown names, mismatched lengths, bad numbers and out-of-range probabilities', () => {
    expect(() => loss('hinge' as never)).toThrow(/unknown loss "hinge"; known: mse, bce, bce_logits, cross_entropy/);
    expect(() => loss('mse').value([1, 2], [1])).toThrow(/target has 1 values but 2 were expected/);
    expect(() => loss('mse').value([], [])).toThrow(/at least one prediction/);
    expect(() => loss('mse').grad([NaN], [1])).toThrow(/pred\[0\] must be a finite number, got NaN/);
    expect(() => loss('bce').value([1.5], [1])).toThrow(/bce needs predictions in \[0, 1\], but pred\[0\] is 1.5/);
    expect(() => loss('cross_entropy').value([], [])).toThrow(/at least one logit/);
  });
});
