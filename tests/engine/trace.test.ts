import { describe, expect, test } from 'vitest';
import { createMLP, dataset, meanAbs, norm } from '../../src/engine/index.ts';

describe('trace', () => {
  test('trace(x, target) of one sample keeps every value of the forward and backward pass', () => {
    const net = createMLP({ sizes: [2, 3, 2, 1], hidden: 'tanh', output: 'sigmoid', seed: 6, init: 'uniform' });
    const trace = net.trace([0.4, -1.1], [1], 'bce');
    const { loss, grad } = net.lossAndGrad([[0.4, -1.1]], [[1]], 'bce');
    expect(trace.samples).toBe(1);
    expect(trace.loss).toBe(loss);
    expect(Array.from(trace.grad)).toEqual(Array.from(grad));
    expect(Array.from(trace.output)).toEqual(Array.from(net.forward([0.4, -1.1])));
    const [first, second, out] = trace.layers;
    // z = W·a_prev + b, recomputed from the parameters
    for (let j = 0; j < 3; j++) {
      const zj = net.params[j * 2] * 0.4 + net.params[j * 2 + 1] * -1.1 + net.params[6 + j];
      expect(first.z[j]).toBeCloseTo(zj, 15);
      expect(first.a[j]).toBe(Math.tanh(first.z[j]));
      expect(first.df![j]).toBe(1 - first.a[j] ** 2);
      expect(first.delta[j]).toBe(first.dA[j] * first.df![j]);
    }
    // the output's ∂L/∂z is p − t for a sigmoid with bce
    expect(out.delta[0]).toBeCloseTo(out.a[0] - 1, 16);
    // ∂L/∂W of a layer is the outer product of its δ and the previous activations
    for (let j = 0; j < 2; j++) for (let k = 0; k < 3; k++) expect(second.gradW[j * 3 + k]).toBeCloseTo(second.delta[j] * first.a[k], 16);
    expect(second.gradWNorm).toBeCloseTo(norm(second.gradW), 16);
    expect(second.gradWMeanAbs).toBeCloseTo(meanAbs(second.gradW), 16);
    expect(Array.from(second.gradB)).toEqual(Array.from(second.delta));
  });

  test('trace(rows, targets) of a batch gives the same mean gradient as lossAndGrad, and per-sample rows', () => {
    const net = createMLP({ sizes: [2, 4, 3], hidden: 'relu', output: 'softmax', seed: 2 });
    const data = dataset('blobs3', { n: 12, seed: 3 });
    const trace = net.trace(data.train.x, data.train.y, 'cross_entropy');
    const { loss, grad } = net.lossAndGrad(data.train.x, data.train.y, 'cross_entropy');
    expect(trace.samples).toBe(12);
    expect(trace.loss).toBeCloseTo(loss, 15);
    trace.grad.forEach((g, i) => expect(g).toBeCloseTo(grad[i], 15));
    expect(trace.layers[1].a.length).toBe(12 * 3);
    expect(trace.layers[1].df).toBeNull();
    expect(trace.losses.length).toBe(12);
    const mean = trace.losses.reduce((s, v) => s + v, 0) / 12;
    expect(mean).toBeCloseTo(loss, 15);
    // each sample's output δ is (p − t)/N
    for (let s = 0; s < 12; s++) {
      for (let c = 0; c < 3; c++) {
        expect(trace.layers[1].delta[s * 3 + c]).toBeCloseTo((trace.layers[1].a[s * 3 + c] - data.train.y[s][c]) / 12, 16);
      }
    }
  });

  test('trace shows gradients vanishing through ten sigmoid layers but not through ReLU layers', () => {
    const sizes = [2, ...Array(10).fill(8), 1];
    const data = dataset('circle', { n: 64, seed: 1 });
    const ratio = (hidden: 'sigmoid' | 'relu') => {
      const net = createMLP({ sizes, hidden, output: 'sigmoid', seed: 1, init: hidden === 'relu' ? 'he' : 'xavier' });
      const layers = net.trace(data.train.x, data.train.y, 'bce').layers;
      return layers[0].gradWMeanAbs / layers[layers.length - 1].gradWMeanAbs;
    };
    expect(ratio('sigmoid')).toBeLessThan(1e-3);
    expect(ratio('relu')).toBeGreaterThan(1e-2);
  });

  test('layerNorms(grad) sums a gradient layer by layer', () => {
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: 2 });
    const { grad } = net.lossAndGrad([[1, 1]], [[0]], 'bce');
    const norms = net.layerNorms(grad);
    expect(norms[1].weightNorm).toBeCloseTo(Math.hypot(grad[9], grad[10], grad[11]), 15);
    expect(norms[1].biasNorm).toBe(Math.abs(grad[12]));
    expect(norms[0].weightMeanAbs).toBeCloseTo(meanAbs(grad.subarray(0, 6)), 16);
    expect(() => net.layerNorms(new Float64Array(3))).toThrow(/3 values but the network has 13 parameters/);
  });

  test('trace rejects targets of the wrong width', () => {
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid' });
    expect(() => net.trace([1, 2], [1, 0], 'bce')).toThrow(/targets of 1 values, got 2 and 2|targets have 2/);
  });
});
