import { describe, expect, test } from 'vitest';
import { buildStack, composeLinear, lineFit, minimaxLine, stackCurves, stackSizes } from '../../src/engine/index.ts';

describe('collapse', () => {
  test('stackSizes(depth, width) is [1, width × (depth − 1), 1] and refuses sizes past the limits', () => {
    expect(stackSizes(1, 3)).toEqual([1, 1]);
    expect(stackSizes(3, 2)).toEqual([1, 2, 2, 1]);
    expect(() => stackSizes(0, 1)).toThrow(/depth must be a positive integer/);
    expect(() => stackSizes(13, 1)).toThrow(/depth must be at most 12, got 13/);
    expect(() => stackSizes(2, 9)).toThrow(/width must be at most 8, got 9/);
  });

  test('buildStack(spec) puts the same seeded weights in both networks, none near zero', () => {
    const { straight, bent } = buildStack({ depth: 4, width: 3, activation: 'tanh', seed: 7 });
    expect(Array.from(bent.params)).toEqual(Array.from(straight.params));
    expect(straight.hidden).toBe('linear');
    expect(bent.hidden).toBe('tanh');
    for (const layer of straight.layers) {
      const scale = 1 / Math.sqrt(layer.inputs);
      for (let i = 0; i < layer.inputs * layer.outputs; i++) {
        const w = Math.abs(straight.params[layer.weightOffset + i]);
        expect(w).toBeGreaterThanOrEqual(0.6 * scale);
        expect(w).toBeLessThan(1.6 * scale);
      }
    }
    const again = buildStack({ depth: 4, width: 3, activation: 'relu', seed: 7 });
    expect(Array.from(again.straight.params)).toEqual(Array.from(straight.params));
  });

  test('stackCurves with one unit per layer: the slope is the product of the weights', () => {
    const c = stackCurves({ depth: 3, width: 1, activation: 'tanh', seed: 1 }, -3, 3, 61);
    expect(c.chainWeights).toHaveLength(3);
    const [w1, w2, w3] = c.chainWeights;
    expect(c.slope).toBeCloseTo(w3 * w2 * w1, 15);
    // the intercept follows the biases through: b = w₃(w₂b₁ + b₂) + b₃
    const { straight } = buildStack({ depth: 3, width: 1, activation: 'tanh', seed: 1 });
    const [b1, b2, b3] = straight.layers.map((l) => straight.params[l.biasOffset]);
    expect(c.intercept).toBeCloseTo(w3 * (w2 * b1 + b2) + b3, 15);
    // the straight stack is that line, to rounding
    expect(c.collapseGap).toBeLessThan(1e-14);
    c.x.forEach((x, i) => expect(c.straight[i]).toBeCloseTo(c.slope * x + c.intercept, 13));
    c.x.forEach((x, i) => expect(c.single[i]).toBe(c.slope * x + c.intercept));
    // tanh between the layers bends it
    expect(c.bend).toBeGreaterThan(0.1);
    // and the bent curve is what tanh layers compute, by hand
    const x = 1.5;
    const i = c.x.indexOf(x);
    const hand = w3 * Math.tanh(w2 * Math.tanh(w1 * x + b1) + b2) + b3;
    expect(c.bent[i]).toBeCloseTo(hand, 14);
  });

  test.each([1, 2, 3, 5])('stackCurves of a width-%d stack: straight = composeLinear line, bent ≠ line', (width) => {
    const c = stackCurves({ depth: 4, width, activation: 'tanh', seed: 3 }, -3, 3);
    expect(c.collapseGap).toBeLessThan(1e-13);
    const { straight } = buildStack({ depth: 4, width, activation: 'tanh', seed: 3 });
    const single = composeLinear(straight);
    expect(c.slope).toBe(single.weights[0]);
    expect(c.intercept).toBe(single.bias[0]);
    expect(c.bend).toBeGreaterThan(1e-3);
    expect(c.chainWeights.length).toBe(width === 1 ? 4 : 0);
  });

  test('one layer has nowhere to put an activation: both curves are the same line', () => {
    const c = stackCurves({ depth: 1, width: 4, activation: 'relu', seed: 2 }, -2, 2, 9);
    expect(Array.from(c.bent)).toEqual(Array.from(c.straight));
    expect(c.bend).toBeLessThan(1e-15);
  });

  test('lineFit recovers y = 2x − 1 exactly and measures the distance of y = x² from its best line', () => {
    const x = [-2, -1, 0, 1, 2];
    expect(lineFit(x, x.map((v) => 2 * v - 1))).toEqual({ slope: 2, intercept: -1, maxResidual: 0 });
    // y = x² on these points: best line y = 2 (slope 0); largest residual |0 − 2| = 2
    expect(lineFit(x, x.map((v) => v * v))).toEqual({ slope: 0, intercept: 2, maxResidual: 2 });
    expect(() => lineFit([1, 1], [0, 2])).toThrow(/two different x/);
    expect(() => lineFit([1], [0])).toThrow(/same length ≥ 2/);
  });

  test('stackCurves rejects a reversed range', () => {
    expect(() => stackCurves({ depth: 2, width: 1, activation: 'tanh', seed: 1 }, 3, -3)).toThrow(/xMin < xMax/);
    expect(() => stackCurves({ depth: 2, width: 1, activation: 'swish' as never, seed: 1 }, -3, 3)).toThrow(/unknown activation/);
  });
});

describe('minimaxLine', () => {
  test('minimaxLine of y = x² on [−1, 1] is y = 0.5 with largest gap 0.5; of a line, the line itself', () => {
    const x = Array.from({ length: 201 }, (_, i) => -1 + i / 100);
    const fit = minimaxLine(x, x.map((v) => v * v));
    expect(fit.slope).toBeCloseTo(0, 9);
    expect(fit.intercept).toBeCloseTo(0.5, 9);
    expect(fit.maxResidual).toBeCloseTo(0.5, 9);
    const line = minimaxLine(x, x.map((v) => 3 * v - 2));
    expect(line.slope).toBeCloseTo(3, 12);
    expect(line.maxResidual).toBeLessThan(1e-12);
    // no line does better than the minimax one; the least-squares line does worse at its worst
    const y = x.map((v) => Math.tanh(3 * v));
    const best = minimaxLine(x, y).maxResidual;
    expect(lineFit(x, y).maxResidual).toBeGreaterThan(best);
    for (const m of [0.5, 1, 1.5]) for (const b of [-0.1, 0, 0.1]) expect(Math.max(...x.map((v, i) => Math.abs(y[i] - m * v - b)))).toBeGreaterThanOrEqual(best - 1e-12);
    expect(() => minimaxLine([1, 1], [0, 2])).toThrow(/two different x/);
  });
});
