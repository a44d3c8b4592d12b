import { describe, expect, test } from 'vitest';
import { composeLinear, createMLP, gateSamples, linspace, lossAlong, numericalLossGrad } from '../../src/engine/index.ts';

describe('probe', () => {
  test('lossAlong(net, …, index, values) evaluates the loss as one weight moves, then restores it', () => {
    const net = createMLP({ sizes: [2, 2, 1], hidden: 'tanh', output: 'sigmoid', seed: 2 });
    const xor = gateSamples('xor');
    const before = net.params.slice();
    const values = linspace(-3, 3, 13);
    const losses = lossAlong(net, xor.x, xor.y, 'bce', 6, values);
    expect(Array.from(net.params)).toEqual(Array.from(before));
    values.forEach((v, i) => {
      const probe = createMLP({ sizes: [2, 2, 1], hidden: 'tanh', output: 'sigmoid' });
      probe.params.set(before);
      probe.params[6] = v;
      expect(losses[i]).toBe(probe.evaluate(xor.x, xor.y, 'bce').loss);
    });
    expect(() => lossAlong(net, xor.x, xor.y, 'bce', 9, values)).toThrow(/index must be an integer from 0 to 8, got 9/);
  });

  test('numericalLossGrad agrees with backprop to 1e-8', () => {
    const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid', seed: 4, init: 'uniform' });
    const xor = gateSamples('xor');
    const numeric = numericalLossGrad(net, xor.x, xor.y, 'mse');
    const { grad } = net.lossAndGrad(xor.x, xor.y, 'mse');
    numeric.forEach((g, i) => expect(g).toBeCloseTo(grad[i], 8));
  });

  test('composeLinear(net) is the single layer a linear stack equals', () => {
    const net = createMLP({ sizes: [2, 4, 3, 2], hidden: 'linear', output: 'linear', seed: 6, init: 'uniform' });
    const { weights, bias } = composeLinear(net);
    for (const x of [[0, 0], [1, -2], [0.5, 3]]) {
      const y = net.forward(x);
      for (let j = 0; j < 2; j++) expect(y[j]).toBeCloseTo(weights[j * 2] * x[0] + weights[j * 2 + 1] * x[1] + bias[j], 14);
    }
    expect(() => composeLinear(createMLP({ sizes: [2, 3, 1], hidden: 'relu', output: 'linear' }))).toThrow(/layer 0 is 'relu', so the network is not one linear map/);
  });
});
