/**
 * Every number chapter 5 prints, recomputed by the engine. Where the prose shows arithmetic, the
 * printed operands are put through the same formula and must round to the printed result.
 */
import { describe, expect, test } from 'vitest';
import {
  backpropSteps, createMLP, epsilonSweep, gradientCost, logSpace, lossCurve, numericalLossGrad, relativeError, type BackpropPass,
} from '../../src/engine/index.ts';

const PARAMS = [0.6, -0.4, 0.2, 0.9, 0, -0.1, 0.7, -0.5, 0.1];
const X = [1, 0.5];
const net = (params = PARAMS, hidden: 'sigmoid' | 'relu' = 'sigmoid') => {
  const n = createMLP({ sizes: [2, 2, 1], hidden, output: 'sigmoid' });
  n.params.set(params);
  return n;
};
/** `value` rounded to `digits` significant digits. */
const sig = (value: number, digits: number) => Number(value.toPrecision(digits));
/** The step computing `q` in layer l, unit j (not an update). */
const at = (pass: BackpropPass, q: string, l?: number, j?: number, k?: number) =>
  pass.steps.find((s) => s.phase !== 'update' && s.out.q === q && s.out.l === l && s.out.j === j && s.out.k === k)!.value;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

const bce = backpropSteps(net(), X, [1], 'bce', { lr: 0.5 });
const mse = backpropSteps(net(), X, [1], 'mse', { lr: 0.5 });

describe('chapter 5: the forward pass', () => {
  test('z and a of every unit, ŷ and both losses, as printed', () => {
    expect(at(bce, 'z', 1, 0)).toBeCloseTo(0.4, 15);
    expect(sig(at(bce, 'a', 1, 0), 4)).toBe(0.5987);
    expect(sig(at(bce, 'a', 1, 0), 5)).toBe(0.59869);
    expect(at(bce, 'z', 1, 1)).toBeCloseTo(0.55, 15);
    expect(sig(at(bce, 'a', 1, 1), 4)).toBe(0.6341);
    expect(sig(at(bce, 'a', 1, 1), 5)).toBe(0.63414);
    expect(sig(at(bce, 'z', 2, 0), 4)).toBe(0.202);
    expect(sig(at(bce, 'z', 2, 0), 5)).toBe(0.20201);
    expect(sig(bce.output[0], 4)).toBe(0.5503);
    expect(sig(bce.output[0], 5)).toBe(0.55033);
    expect(sig(bce.loss, 4)).toBe(0.5972);
    expect(sig(mse.loss, 4)).toBe(0.2022);
  });
  test('the printed arithmetic checks: 0.7·0.59869 − 0.5·0.63414 + 0.1 = 0.2020, σ(0.20201) = 0.5503, −ln 0.55033 = 0.5972', () => {
    expect(sig(0.7 * 0.59869 - 0.5 * 0.63414 + 0.1, 4)).toBe(0.202);
    expect(sig(sigmoid(0.20201), 4)).toBe(0.5503);
    expect(sig(-Math.log(0.55033), 4)).toBe(0.5972);
    expect(sig((0.55033 - 1) ** 2, 4)).toBe(0.2022);
    expect(sig(-Math.log(0.001), 4)).toBe(6.908);
    expect(sig(0.999 ** 2, 3)).toBe(0.998);
  });
});

describe('chapter 5: the backward pass', () => {
  test('every gradient and δ the prose prints, from the engine', () => {
    expect(sig(at(bce, 'dA', 2, 0), 4)).toBe(-1.817);
    expect(sig(at(bce, 'df', 2, 0), 4)).toBe(0.2475);
    expect(sig(at(bce, 'delta', 2, 0), 4)).toBe(-0.4497);
    expect(at(bce, 'delta', 2, 0)).toBeCloseTo(bce.output[0] - 1, 15);
    expect(sig(bce.grad[6], 4)).toBe(-0.2692);
    expect(sig(bce.grad[7], 4)).toBe(-0.2852);
    expect(sig(bce.grad[8], 4)).toBe(-0.4497);
    expect(sig(at(bce, 'dA', 1, 0), 4)).toBe(-0.3148);
    expect(sig(at(bce, 'dA', 1, 1), 4)).toBe(0.2248);
    expect(sig(at(bce, 'df', 1, 0), 4)).toBe(0.2403);
    expect(sig(at(bce, 'df', 1, 1), 4)).toBe(0.232);
    expect(sig(at(bce, 'delta', 1, 0), 4)).toBe(-0.07563);
    expect(sig(at(bce, 'delta', 1, 1), 4)).toBe(0.05216);
    expect(sig(bce.grad[0], 4)).toBe(-0.07563);
    expect(sig(bce.grad[1], 4)).toBe(-0.03781);
    expect(sig(bce.grad[2], 4)).toBe(0.05216);
    expect(sig(bce.grad[3], 4)).toBe(0.02608);
    expect(sig(mse.steps.find((s) => s.out.q === 'delta' && s.out.l === 2)!.value, 4)).toBe(-0.2226);
  });
  test('the printed products check at the digits shown', () => {
    expect(sig((0.55033 - 1) / (0.55033 * 0.44967), 4)).toBe(-1.817);
    expect(sig(0.55033 * 0.44967, 4)).toBe(0.2475);
    expect(sig(-1.8171 * 0.24747, 4)).toBe(-0.4497);
    expect(sig(0.5503 - 1, 4)).toBe(-0.4497);
    expect(sig(-0.44967 * 0.59869, 4)).toBe(-0.2692);
    expect(sig(-0.44967 * 0.63414, 4)).toBe(-0.2852);
    expect(sig(0.7 * -0.44967, 4)).toBe(-0.3148);
    expect(sig(-0.5 * -0.44967, 4)).toBe(0.2248);
    expect(sig(0.59869 * 0.40131, 4)).toBe(0.2403);
    expect(sig(0.63414 * 0.36586, 4)).toBe(0.232);
    expect(sig(-0.31477 * 0.24026, 4)).toBe(-0.07563);
    expect(sig(0.22483 * 0.23201, 4)).toBe(0.05216);
    expect(sig(-0.075626 * 0.5, 4)).toBe(-0.03781);
    expect(sig(0.7 - 0.5 * -0.26921, 4)).toBe(0.8346);
    // the operands printed with five digits are the engine's values
    expect(sig(at(bce, 'dA', 2, 0), 5)).toBe(-1.8171);
    expect(sig(at(bce, 'df', 2, 0), 5)).toBe(0.24747);
    expect(sig(at(bce, 'delta', 2, 0), 5)).toBe(-0.44967);
    expect(sig(at(bce, 'dA', 1, 0), 5)).toBe(-0.31477);
    expect(sig(at(bce, 'dA', 1, 1), 5)).toBe(0.22483);
    expect(sig(at(bce, 'df', 1, 0), 5)).toBe(0.24026);
    expect(sig(at(bce, 'df', 1, 1), 5)).toBe(0.23201);
    expect(sig(1 - at(bce, 'a', 1, 0), 5)).toBe(0.40131);
    expect(sig(1 - at(bce, 'a', 1, 1), 5)).toBe(0.36586);
    expect(sig(1 - bce.output[0], 5)).toBe(0.44967);
    expect(sig(bce.grad[0], 5)).toBe(-0.075626);
    expect(sig(bce.grad[6], 5)).toBe(-0.26921);
  });
  test('the update: w⁽²⁾₁₁ becomes 0.8346 and the loss falls from 0.5972 to 0.4306', () => {
    expect(sig(bce.updated[6], 4)).toBe(0.8346);
    expect(sig(backpropSteps(net(Array.from(bce.updated)), X, [1], 'bce').loss, 4)).toBe(0.4306);
  });
  test('the stepper’s counts: 34 steps a pass, the output δ at step 10', () => {
    expect(bce.steps).toHaveLength(34);
    expect(bce.steps[9].out).toEqual({ q: 'delta', l: 2, j: 0 });
  });
});

describe('chapter 5: MSE against BCE at a saturated output', () => {
  test('ŷ = 0.001, y = 1: δ is −0.999 under BCE and −0.001996 under MSE, about 500 times weaker', () => {
    const b = lossCurve('bce', 1, [0.001]).dz[0];
    const m = lossCurve('mse', 1, [0.001]).dz[0];
    expect(b).toBeCloseTo(-0.999, 15);
    expect(sig(m, 4)).toBe(-0.001996);
    expect(Math.round(b / m / 100) * 100).toBe(500);
  });
  test('the Saturated preset: ŷ = 0.00098, loss 0.998, every MSE gradient below 0.002; BCE δ = −0.999', () => {
    const params = [0.6, -0.4, 0.2, 0.9, 0, -0.1, -4, -4, -2];
    const m = backpropSteps(net(params), X, [1], 'mse');
    expect(sig(m.output[0], 2)).toBe(0.00098);
    expect(sig(m.loss, 3)).toBe(0.998);
    expect(Math.max(...Array.from(m.grad, Math.abs))).toBeLessThan(0.002);
    const b = backpropSteps(net(params), X, [1], 'bce');
    expect(sig(b.grad[8], 3)).toBe(-0.999);
  });
  test('the XOR preset on (0, 1): ŷ = 0.9924 and every gradient below 0.01', () => {
    const xor = backpropSteps(net([10, 10, -10, -10, -5, 15, 10, 10, -15]), [0, 1], [1], 'bce');
    expect(sig(xor.output[0], 4)).toBe(0.9924);
    expect(Math.max(...Array.from(xor.grad, Math.abs))).toBeLessThan(0.01);
  });
  test('ReLU with b⁽¹⁾₁ = −2: the first hidden unit is dead and its three gradients are exactly 0', () => {
    const r = backpropSteps(net([0.6, -0.4, 0.2, 0.9, -2, -0.1, 0.7, -0.5, 0.1], 'relu'), X, [1], 'bce');
    expect([r.grad[0], r.grad[1], r.grad[4]].map(Math.abs)).toEqual([0, 0, 0]);
  });
});

describe('chapter 5: symmetry', () => {
  test('all weights 0.5, biases 0: after three updates both hidden units have weights (0.55205, 0.52603) and bias 0.05205', () => {
    let p = [0.5, 0.5, 0.5, 0.5, 0, 0, 0.5, 0.5, 0];
    for (let i = 0; i < 3; i++) p = Array.from(backpropSteps(net(p), X, [1], 'bce', { lr: 0.5 }).updated);
    expect(p[0]).toBe(p[2]);
    expect(p[1]).toBe(p[3]);
    expect(p[4]).toBe(p[5]);
    expect([sig(p[0], 5), sig(p[1], 5), sig(p[4], 4)]).toEqual([0.55205, 0.52603, 0.05205]);
  });
});

describe('chapter 5: cost', () => {
  test.each([
    [[2, 2, 1], 9, 6, 8, 18],
    [[2, 4, 2, 1], 25, 18, 28, 50],
    [[2, 8, 8, 1], 105, 88, 160, 210],
    [[784, 128, 10], 101770, 101632, 102912, 203540],
  ])('gradientCost(%j): %i parameters, %i multiply-adds forward, %i backward, %i passes by differences', (sizes, params, forward, backward, passes) => {
    expect(gradientCost(sizes)).toEqual({ params, forward, backward, finiteDifferencePasses: passes });
  });
});

describe('chapter 5: the gradient check', () => {
  test('the V for w⁽¹⁾₁₁: 6.4e−4 at ε = 0.1, 1.6e−11 at 1e−5 (the bottom), 2.7e−4 at 1e−12', () => {
    const rows = epsilonSweep(net(), [X], [[1]], 'bce', 0, bce.grad[0], logSpace(-1, -12));
    const e = rows.map((r) => r.relError);
    expect(sig(e[0], 2)).toBe(6.4e-4);
    expect(sig(e[4], 2)).toBe(1.6e-11);
    expect(sig(e[11], 2)).toBe(2.7e-4);
    expect(e.indexOf(Math.min(...e))).toBe(4);
  });
  test('the planted bug: first-layer relative errors 0.76 and 0.77 (= 1 − σ′), output layer exact', () => {
    const bad = backpropSteps(net(), X, [1], 'bce', { bug: 'drop-df' }).grad;
    const numeric = numericalLossGrad(net(), [X], [[1]], 'bce');
    expect(sig(relativeError(bad[0], numeric[0]), 2)).toBe(0.76);
    expect(sig(relativeError(bad[2], numeric[2]), 2)).toBe(0.77);
    expect(relativeError(bad[0], bce.grad[0])).toBeCloseTo(1 - at(bce, 'df', 1, 0), 12);
    for (const i of [6, 7, 8]) expect(relativeError(bad[i], numeric[i])).toBeLessThan(1e-9);
    for (const eps of logSpace(-4, -7)) {
      const [row] = epsilonSweep(net(), [X], [[1]], 'bce', 0, bad[0], [eps]);
      expect(sig(row.relError, 2)).toBe(0.76);
    }
  });
});

describe('chapter 5: exercises and challenge', () => {
  test('ch5-forward: x = (0, 1) gives z⁽¹⁾₂ = 0.8 and a⁽¹⁾₂ = 0.6900', () => {
    const p = backpropSteps(net(), [0, 1], [1], 'bce');
    expect(at(p, 'z', 1, 1)).toBeCloseTo(0.8, 15);
    expect(Number(at(p, 'a', 1, 1).toFixed(4))).toBe(0.69);
    expect(sig(at(p, 'a', 1, 1), 5)).toBe(0.68997);
  });
  test('ch5-delta, ch5-grad, ch5-update: target 0 gives δ⁽²⁾ = 0.5503, ∂L/∂w⁽²⁾₁₂ = 0.3490, new w⁽²⁾₁₂ = −0.6745', () => {
    const p = backpropSteps(net(), X, [0], 'bce', { lr: 0.5 });
    expect(Number(at(p, 'delta', 2, 0).toFixed(4))).toBe(0.5503);
    expect(Number(p.grad[7].toFixed(4))).toBe(0.349);
    expect(sig(p.grad[7], 5)).toBe(0.34899);
    expect(sig(0.55033 * 0.63414, 5)).toBe(0.34899);
    expect(Number(p.updated[7].toFixed(4))).toBe(-0.6745);
    expect(sig(p.updated[7], 5)).toBe(-0.67449);
  });
  test('ch5-cost: 2 × 25 = 50 forward passes for the 2-4-2-1 network', () => {
    expect(gradientCost([2, 4, 2, 1]).finiteDifferencePasses).toBe(50);
  });
  test('challenge answers: saturated MSE (output weights −8, −8, bias −4) and BCE with y = 0.5 at ŷ = 0.5', () => {
    const flat = backpropSteps(net([0.6, -0.4, 0.2, 0.9, 0, -0.1, -8, -8, -4]), X, [1], 'mse');
    expect(Math.max(...Array.from(flat.grad, Math.abs))).toBeLessThan(1e-4);
    expect(flat.loss).toBeGreaterThan(0.99);
    expect(sig(flat.output[0] * (1 - flat.output[0]), 1)).toBe(1e-6);
    const soft = backpropSteps(net([0.6, -0.4, 0.2, 0.9, 0, -0.1, 0, 0, 0]), X, [0.5], 'bce');
    expect(Array.from(soft.grad, Math.abs)).toEqual(Array(9).fill(0));
    expect(soft.loss).toBeCloseTo(Math.LN2, 15);
  });
});
