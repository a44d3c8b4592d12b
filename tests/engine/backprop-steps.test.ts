import { describe, expect, test } from 'vitest';
import { backpropSteps, paramIndex, type BackpropStep } from '../../src/engine/backprop-steps.ts';
import { createMLP, numericalLossGrad } from '../../src/engine/index.ts';
import { relativeError } from '../../src/engine/gradient-check.ts';

/** A 2-2-1 sigmoid network with every weight and bias set by hand (torch layout: W⁽¹⁾ rows, b⁽¹⁾, W⁽²⁾, b⁽²⁾). */
function handNet(params: number[], hidden: 'sigmoid' | 'tanh' | 'relu' = 'sigmoid') {
  const net = createMLP({ sizes: [2, 2, 1], hidden, output: 'sigmoid' });
  net.params.set(params);
  return net;
}

const find = (steps: readonly BackpropStep[], q: string, l?: number, j?: number, k?: number) =>
  steps.find((s) => s.out.q === q && s.out.l === l && s.out.j === j && s.out.k === k && s.phase !== 'update');

describe('backpropSteps on a hand-derived 2-2-1 network', () => {
  // x = (1, 0), zero first layer, W⁽²⁾ = (1, −1), y = 1: every sum is 0, every σ is 0.5, σ′ = 0.25
  const params = [0, 0, 0, 0, 0, 0, 1, -1, 0];

  test('backpropSteps(mse) gives the hand-derived forward values, loss, gradients and update', () => {
    const pass = backpropSteps(handNet(params), [1, 0], [1], 'mse', { lr: 0.5 });
    expect(find(pass.steps, 'a', 1, 0)!.value).toBe(0.5);
    expect(pass.output[0]).toBe(0.5);
    expect(pass.loss).toBe(0.25); // (0.5 − 1)²
    expect(find(pass.steps, 'dA', 2, 0)!.value).toBe(-1); // 2(ŷ − y)
    expect(find(pass.steps, 'df', 2, 0)!.value).toBe(0.25);
    expect(find(pass.steps, 'delta', 2, 0)!.value).toBe(-0.25);
    expect(Array.from(pass.grad, (v) => v + 0)).toEqual([-0.0625, 0, 0.0625, 0, -0.0625, 0.0625, -0.125, -0.125, -0.25]);
    expect(find(pass.steps, 'dA', 1, 1)!.value).toBe(0.25); // w⁽²⁾₀₁ · δ⁽²⁾ = −1 · −0.25
    expect(Array.from(pass.updated, (v) => v + 0)).toEqual([0.03125, 0, -0.03125, 0, 0.03125, -0.03125, 1.0625, -0.9375, 0.125]);
  });

  test('backpropSteps(bce): the output δ is ŷ − y, with the two cancelling factors shown', () => {
    const pass = backpropSteps(handNet(params), [1, 0], [1], 'bce');
    const delta = find(pass.steps, 'delta', 2, 0)!;
    expect(find(pass.steps, 'dA', 2, 0)!.value).toBe(-2); // (ŷ − y) / (ŷ(1 − ŷ))
    expect(delta.value).toBe(-0.5);
    expect(delta.shortcut).toBe(-0.5);
    expect(delta.terms.map((t) => t.value)).toEqual([-2, 0.25]);
    expect(pass.loss).toBeCloseTo(Math.LN2, 15);
  });

  test('backpropSteps lists forward, loss, backward and update steps in order', () => {
    const { steps } = backpropSteps(handNet(params), [1, 0], [1], 'mse');
    const phases = steps.map((s) => s.phase);
    expect(phases.indexOf('loss')).toBe(6); // 3 units × (sum, activate)
    expect(phases.lastIndexOf('forward')).toBe(5);
    expect(phases.filter((p) => p === 'update')).toHaveLength(9);
    expect(steps[0]).toMatchObject({ rule: 'sum', out: { q: 'z', l: 1, j: 0 } });
    expect(steps[0].terms.map((t) => t.sym.q)).toEqual(['w', 'x', 'w', 'x', 'b']);
    // backward goes output first: the loss gradient, then layer 2, then back to layer 1
    const backward = steps.filter((s) => s.phase === 'backward').map((s) => `${s.out.q}${s.out.l}`);
    expect(backward.slice(0, 3)).toEqual(['dA2', 'df2', 'delta2']);
    expect(backward.indexOf('dA1')).toBeGreaterThan(backward.indexOf('gb2'));
    expect(backward.indexOf('delta1')).toBeGreaterThan(backward.indexOf('dA1'));
  });
});

describe('backpropSteps equals the engine and central differences', () => {
  const cases = [
    { sizes: [2, 2, 1], hidden: 'sigmoid', loss: 'mse' },
    { sizes: [2, 2, 1], hidden: 'tanh', loss: 'bce' },
    { sizes: [2, 2, 1], hidden: 'relu', loss: 'bce' },
    { sizes: [2, 2, 2], hidden: 'sigmoid', loss: 'mse' },
    { sizes: [2, 3, 2, 1], hidden: 'tanh', loss: 'mse' },
  ] as const;

  test.each(cases)('backpropSteps($sizes, $hidden, $loss) matches net.trace to 1e-15 and numericalLossGrad to 1e-8', ({ sizes, hidden, loss }) => {
    const net = createMLP({ sizes: [...sizes], hidden, output: 'sigmoid', seed: 7 });
    const x = [0.3, -0.8];
    const y = sizes[sizes.length - 1] === 2 ? [1, 0] : [1];
    const pass = backpropSteps(net, x, y, loss);
    const trace = net.trace(x, y, loss);
    expect(pass.loss).toBeCloseTo(trace.loss, 15);
    pass.grad.forEach((g, i) => expect(g).toBeCloseTo(trace.grad[i], 15));
    const numeric = numericalLossGrad(net, [x], [y], loss);
    pass.grad.forEach((g, i) => expect(Math.abs(g - numeric[i])).toBeLessThan(1e-8));
  });

  test('backpropSteps: one update with a small η lowers the loss by about η‖∂L/∂p‖²', () => {
    const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid', seed: 3 });
    const lr = 1e-3;
    const pass = backpropSteps(net, [1, 1], [0], 'bce', { lr });
    const predicted = lr * pass.grad.reduce((s, g) => s + g * g, 0);
    net.params.set(pass.updated);
    const after = net.evaluate([[1, 1]], [[0]], 'bce').loss;
    expect(relativeError(pass.loss - after, predicted)).toBeLessThan(1e-2);
  });
});

describe('backpropSteps with a planted bug', () => {
  test("backpropSteps(bug 'drop-df') leaves the output layer right and puts the first layer off by 1/σ′", () => {
    const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid', seed: 5 });
    const good = backpropSteps(net, [0.5, -1], [1], 'mse');
    const bad = backpropSteps(net, [0.5, -1], [1], 'mse', { bug: 'drop-df' });
    for (const i of [6, 7, 8]) expect(bad.grad[i]).toBe(good.grad[i]);
    const numeric = numericalLossGrad(net, [[0.5, -1]], [[1]], 'mse');
    for (let i = 0; i < 6; i++) {
      if (numeric[i] === 0) continue;
      expect(relativeError(good.grad[i], numeric[i])).toBeLessThan(1e-6);
      // σ′ ≤ 0.25, so the buggy gradient is at least 4× too large: relative error ≥ 0.75
      expect(relativeError(bad.grad[i], numeric[i])).toBeGreaterThan(0.7);
    }
  });
});

describe('symmetry', () => {
  test('backpropSteps: with all-equal weights, the two hidden units stay identical after 200 updates', () => {
    const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid' });
    net.params.set([0.5, 0.5, 0.5, 0.5, 0.1, 0.1, 0.5, 0.5, 0.1]);
    const data = [[[0, 0], [0]], [[0, 1], [1]], [[1, 0], [1]], [[1, 1], [0]]] as const;
    for (let step = 0; step < 200; step++) {
      const [x, y] = data[step % 4];
      net.params.set(backpropSteps(net, x, y, 'bce', { lr: 1 }).updated);
    }
    const p = net.params;
    expect(p[paramIndex(net, 1, 0, 0)]).toBe(p[paramIndex(net, 1, 1, 0)]);
    expect(p[paramIndex(net, 1, 0, 1)]).toBe(p[paramIndex(net, 1, 1, 1)]);
    expect(p[paramIndex(net, 1, 0)]).toBe(p[paramIndex(net, 1, 1)]);
    expect(p[paramIndex(net, 2, 0, 0)]).toBe(p[paramIndex(net, 2, 0, 1)]);
    expect(p[paramIndex(net, 1, 0, 0)]).not.toBe(0.5); // they did move, in step
  });
});

describe('bad arguments', () => {
  const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid' });
  test('backpropSteps throws on a wrong-length input, an unknown loss and a non-finite η', () => {
    expect(() => backpropSteps(net, [1], [1], 'mse')).toThrow(/x/);
    expect(() => backpropSteps(net, [1, 0], [1], 'hinge' as 'mse')).toThrow(/loss must be/);
    expect(() => backpropSteps(net, [1, 0], [1], 'mse', { lr: Number.NaN })).toThrow(/lr/);
  });
  test('backpropSteps refuses bce without a sigmoid output', () => {
    const linear = createMLP({ sizes: [2, 2, 1], hidden: 'tanh', output: 'linear' });
    expect(() => backpropSteps(linear, [1, 0], [1], 'bce')).toThrow(/sigmoid/);
  });
  test('paramIndex names the layout and rejects units out of range', () => {
    expect(paramIndex(net, 1, 1, 0)).toBe(2);
    expect(paramIndex(net, 1, 1)).toBe(5);
    expect(paramIndex(net, 2, 0, 1)).toBe(7);
    expect(() => paramIndex(net, 3, 0)).toThrow(/layer/);
    expect(() => paramIndex(net, 1, 2)).toThrow(/unit/);
  });
});
