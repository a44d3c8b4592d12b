import { describe, expect, test } from 'vitest';
import { activationNames, createMLP, normal, seeded, type ActivationName, type LossName, type OutputName } from '../../src/engine/index.ts';

/** Central-difference gradient of the network's mean loss with respect to every parameter. */
function numericGrad(net: ReturnType<typeof createMLP>, x: number[][], y: number[][], lossName: LossName, h = 1e-6): Float64Array {
  const grad = new Float64Array(net.params.length);
  for (let i = 0; i < net.params.length; i++) {
    const saved = net.params[i];
    net.params[i] = saved + h;
    const up = net.evaluate(x, y, lossName).loss;
    net.params[i] = saved - h;
    const down = net.evaluate(x, y, lossName).loss;
    net.params[i] = saved;
    grad[i] = (up - down) / (2 * h);
  }
  return grad;
}

/** Random inputs and targets suited to the loss: 0/1 for bce, one-hot for cross-entropy, reals for mse. */
function data(inputs: number, outputs: number, lossName: LossName, n = 5, seed = 4) {
  const random = seeded(seed);
  const x = Array.from({ length: n }, () => Array.from({ length: inputs }, () => normal(random)));
  const y = Array.from({ length: n }, (_, s) => Array.from({ length: outputs }, (_, j) => {
    if (lossName === 'cross_entropy') return j === s % outputs ? 1 : 0;
    if (lossName === 'mse') return normal(random, 0, 0.5);
    return random() < 0.5 ? 0 : 1;
  }));
  return { x, y };
}

function expectGradientsToMatch(sizes: number[], hidden: ActivationName, output: OutputName, lossName: LossName, seed = 3) {
  const net = createMLP({ sizes, hidden, output, seed, init: 'uniform' });
  const { x, y } = data(sizes[0], sizes[sizes.length - 1], lossName);
  const { loss, grad } = net.lossAndGrad(x, y, lossName);
  expect(Number.isFinite(loss)).toBe(true);
  const numeric = numericGrad(net, x, y, lossName);
  for (let i = 0; i < grad.length; i++) {
    expect(Math.abs(grad[i] - numeric[i])).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric[i])));
  }
}

describe('mlp gradients', () => {
  test.each(activationNames.map((a) => [a] as const))('lossAndGrad with %s hidden units matches central differences (bce and mse)', (hidden) => {
    expectGradientsToMatch([3, 4, 3, 1], hidden, 'sigmoid', 'bce');
    expectGradientsToMatch([3, 4, 3, 2], hidden, 'linear', 'mse');
  });

  test.each([
    [[2, 1], 'sigmoid', 'bce'],
    [[2, 5, 1], 'tanh', 'mse'],
    [[4, 3, 3, 3, 3, 2], 'sigmoid', 'mse'],
    [[3, 6, 3], 'softmax', 'cross_entropy'],
    [[3, 4, 4, 3], 'softmax', 'mse'],
    [[3, 4, 3], 'softmax', 'bce'],
    [[3, 5, 2], 'linear', 'bce_logits'],
    [[2, 3, 3, 1], 'elu', 'mse'],
  ] as const)('lossAndGrad for sizes %j, %s output, %s loss matches central differences', (sizes, output, lossName) => {
    expectGradientsToMatch([...sizes], 'tanh', output, lossName);
  });

  test('a 2-2-1 linear network gives the hand-derived loss and gradient exactly', () => {
    const net = createMLP({ sizes: [2, 2, 1], hidden: 'linear', output: 'linear' });
    // W1 = [[1, 2], [3, −1]], b1 = [0, 1], W2 = [[2, −1]], b2 = [1]
    net.params.set([1, 2, 3, -1, 0, 1, 2, -1, 1]);
    // x = (1, 2): h = (5, 2), y = 2·5 − 2 + 1 = 9; target 3: loss (9 − 3)² = 36
    // ∂L/∂y = 12; ∂L/∂W2 = 12·h = (60, 24); ∂L/∂h = 12·W2 = (24, −12); ∂L/∂W1 = ∂L/∂h ⊗ x
    const { loss, grad } = net.lossAndGrad([[1, 2]], [[3]], 'mse');
    expect(loss).toBe(36);
    expect(Array.from(grad)).toEqual([24, 48, -12, -24, 24, -12, 60, 24, 12]);
    expect(Array.from(net.forward([1, 2]))).toEqual([9]);
  });

  test('a 2-2-1 tanh/sigmoid network gives the hand-derived chain-rule values', () => {
    const net = createMLP({ sizes: [2, 2, 1], hidden: 'tanh', output: 'sigmoid' });
    net.params.set([0.5, 0.25, -0.75, 1, 0.1, -0.2, 1.5, -2, 0.3]);
    const x = [1, -2];
    // forward, unit by unit
    const z1 = 0.5 * 1 + 0.25 * -2 + 0.1;
    const z2 = -0.75 * 1 + 1 * -2 - 0.2;
    const h1 = Math.tanh(z1);
    const h2 = Math.tanh(z2);
    const zo = 1.5 * h1 - 2 * h2 + 0.3;
    const p = 1 / (1 + Math.exp(-zo));
    // backward: bce with target 1 through a sigmoid gives ∂L/∂zo = p − 1
    const dzo = p - 1;
    const dz1 = 1.5 * dzo * (1 - h1 * h1);
    const dz2 = -2 * dzo * (1 - h2 * h2);
    const expected = [dz1 * 1, dz1 * -2, dz2 * 1, dz2 * -2, dz1, dz2, dzo * h1, dzo * h2, dzo];
    const { loss, grad } = net.lossAndGrad([x], [[1]], 'bce');
    expect(loss).toBeCloseTo(-Math.log(p), 15);
    expected.forEach((g, i) => expect(grad[i]).toBeCloseTo(g, 15));
    expect(net.forward(x)[0]).toBeCloseTo(p, 16);
  });

  test('lossAndGrad averages over the batch: the mean of single-sample gradients', () => {
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'relu', output: 'sigmoid', seed: 5, init: 'he' });
    const x = [[0.5, -1], [2, 0.25], [-1, -1]];
    const y = [[1], [0], [1]];
    const whole = net.lossAndGrad(x, y, 'bce');
    const parts = x.map((xi, i) => net.lossAndGrad([xi], [y[i]], 'bce'));
    expect(whole.loss).toBeCloseTo((parts[0].loss + parts[1].loss + parts[2].loss) / 3, 15);
    whole.grad.forEach((g, i) => expect(g).toBeCloseTo((parts[0].grad[i] + parts[1].grad[i] + parts[2].grad[i]) / 3, 15));
  });

  test('a sigmoid output with bce stays finite when the output saturates', () => {
    const net = createMLP({ sizes: [1, 1], hidden: 'linear', output: 'sigmoid' });
    net.params.set([1000, 0]);
    const { loss, grad } = net.lossAndGrad([[1]], [[0]], 'bce');
    expect(loss).toBe(1000);
    expect(Array.from(grad)).toEqual([1, 1]);
  });
});

describe('mlp structure', () => {
  test('createMLP lays parameters out as torch does: per layer W[out][in], then b', () => {
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid' });
    expect(net.params.length).toBe(2 * 3 + 3 + 3 * 1 + 1);
    expect(net.layers.map((l) => [l.inputs, l.outputs, l.weightOffset, l.biasOffset, l.activation])).toEqual([
      [2, 3, 0, 6, 'tanh'],
      [3, 1, 9, 12, 'sigmoid'],
    ]);
    net.params.fill(0);
    net.params[12] = 2; // output bias
    expect(net.forward([5, -5])[0]).toBeCloseTo(1 / (1 + Math.exp(-2)), 16);
    net.params[9] = 1; // weight from hidden unit 0 to the output
    net.params[0] = 1; // weight from input 0 to hidden unit 0
    expect(net.forward([0.5, 9])[0]).toBeCloseTo(1 / (1 + Math.exp(-(2 + Math.tanh(0.5)))), 16);
  });

  test('createMLP with the same seed gives the same parameters, another seed others', () => {
    const spec = { sizes: [2, 8, 8, 1], hidden: 'tanh', output: 'sigmoid' } as const;
    expect(createMLP({ ...spec, seed: 4 }).params).toEqual(createMLP({ ...spec, seed: 4 }).params);
    expect(createMLP({ ...spec, seed: 4 }).params).not.toEqual(createMLP({ ...spec, seed: 5 }).params);
  });

  test('createMLP defaults to seed 1 with Xavier-uniform weights and zero biases', () => {
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid' });
    expect(net.params).toEqual(createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: 1, init: 'xavier' }).params);
    expect(Array.from(net.params.subarray(6, 9))).toEqual([0, 0, 0]);
    const bound = Math.sqrt(6 / 5);
    for (const w of net.params.subarray(0, 6)) expect(Math.abs(w)).toBeLessThanOrEqual(bound);
  });

  test("initialize: 'uniform' draws within ±1/√fan_in, 'he' has standard deviation √(2/fan_in)", () => {
    const uniform = createMLP({ sizes: [16, 10], hidden: 'relu', output: 'linear', init: 'uniform' });
    for (const v of uniform.params) expect(Math.abs(v)).toBeLessThanOrEqual(0.25);
    expect(uniform.params[160]).not.toBe(0);
    const he = createMLP({ sizes: [200, 200], hidden: 'relu', output: 'linear', init: 'he', seed: 9 });
    const weights = he.params.subarray(0, 40_000);
    const mean = weights.reduce((s, w) => s + w, 0) / weights.length;
    const std = Math.sqrt(weights.reduce((s, w) => s + (w - mean) ** 2, 0) / weights.length);
    expect(std / Math.sqrt(2 / 200)).toBeCloseTo(1, 1);
    expect(Array.from(he.params.subarray(40_000)).every((b) => b === 0)).toBe(true);
  });

  /** Mean and (population) variance of some values. */
  const moments = (values: ArrayLike<number>) => {
    let mean = 0;
    for (let i = 0; i < values.length; i++) mean += values[i];
    mean /= values.length;
    let variance = 0;
    for (let i = 0; i < values.length; i++) variance += (values[i] - mean) ** 2;
    return { mean, variance: variance / values.length };
  };

  // A 2-layer network [120, 80, 40] (fan_in 120 then 80): 9600 and 3200 weights, seed 7.
  test.each([
    // scheme, Var(W) of each layer, bound of |W| (Infinity: a normal), biases zero?
    ['xavier', [2 / (120 + 80), 2 / (80 + 40)], [Math.sqrt(6 / 200), Math.sqrt(6 / 120)], true],
    ['he', [2 / 120, 2 / 80], [Infinity, Infinity], true],
    ['uniform', [1 / (3 * 120), 1 / (3 * 80)], [1 / Math.sqrt(120), 1 / Math.sqrt(80)], false],
  ] as const)("initialize '%s': each layer's weights have the scheme's variance and bound (seed 7)", (scheme, variances, bounds, zeroBiases) => {
    const net = createMLP({ sizes: [120, 80, 40], hidden: 'relu', output: 'linear', init: scheme, seed: 7 });
    net.layers.forEach((layer, l) => {
      const w = net.params.subarray(layer.weightOffset, layer.weightOffset + layer.inputs * layer.outputs);
      const b = net.params.subarray(layer.biasOffset, layer.biasOffset + layer.outputs);
      const m = moments(w);
      // 9600 / 3200 draws: the sample variance is within 5% of the true one, the mean within 4 standard errors of 0
      expect(m.variance / variances[l]).toBeGreaterThan(0.95);
      expect(m.variance / variances[l]).toBeLessThan(1.05);
      expect(Math.abs(m.mean)).toBeLessThan(4 * Math.sqrt(variances[l] / w.length));
      let largest = 0;
      for (const v of w) largest = Math.max(largest, Math.abs(v));
      expect(largest).toBeLessThanOrEqual(bounds[l]);
      // a uniform's draws come close to its bound
      if (Number.isFinite(bounds[l])) expect(largest).toBeGreaterThan(0.99 * bounds[l]);
      if (zeroBiases) expect(Array.from(b).every((v) => v === 0)).toBe(true);
      else {
        // torch's nn.Linear: biases U(−1/√fan_in, 1/√fan_in) too
        for (const v of b) expect(Math.abs(v)).toBeLessThanOrEqual(bounds[l]);
        expect(new Set(b).size).toBe(b.length);
        expect(moments(b).variance / variances[l]).toBeGreaterThan(0.6);
        expect(moments(b).variance / variances[l]).toBeLessThan(1.4);
      }
    });
  });

  test('initialize(seed, scheme) redraws the parameters in place', () => {
    const net = createMLP({ sizes: [2, 4, 1], hidden: 'tanh', output: 'sigmoid', seed: 2 });
    const before = net.params.slice();
    const array = net.params;
    net.initialize(3, 'uniform');
    expect(net.params).toBe(array);
    expect(net.params).not.toEqual(before);
    net.initialize(2, 'xavier');
    expect(net.params).toEqual(before);
  });

  test('forwardBatch gives the same numbers as forward, row by row', () => {
    const net = createMLP({ sizes: [2, 5, 3], hidden: 'gelu', output: 'softmax', seed: 8 });
    const rows = [[0.1, 0.2], [-1, 3], [2, -0.5]];
    const batch = net.forwardBatch(rows);
    rows.forEach((row, r) => expect(Array.from(batch.subarray(r * 3, r * 3 + 3))).toEqual(Array.from(net.forward(row))));
    const p = net.forward([0.3, 0.3]);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 15);
  });

  test('evaluate reports mean loss and accuracy (argmax for several outputs, 0.5 cut for one)', () => {
    const net = createMLP({ sizes: [1, 2], hidden: 'linear', output: 'softmax' });
    net.params.set([1, -1, 0, 0]); // logits (x, −x)
    const result = net.evaluate([[2], [-1], [3]], [[1, 0], [0, 1], [0, 1]], 'cross_entropy');
    expect(result.accuracy).toBeCloseTo(2 / 3, 15);
    const ce = (z: number, cls: number) => Math.log(Math.exp(z) + Math.exp(-z)) - (cls === 0 ? z : -z);
    expect(result.loss).toBeCloseTo((ce(2, 0) + ce(-1, 1) + ce(3, 1)) / 3, 15);
    const single = createMLP({ sizes: [1, 1], hidden: 'linear', output: 'sigmoid' });
    single.params.set([1, 0]);
    expect(single.evaluate([[1], [-1], [2]], [[1], [0], [0]], 'bce').accuracy).toBeCloseTo(2 / 3, 15);
  });

  test('createMLP and its methods reject bad arguments with messages naming the problem', () => {
    expect(() => createMLP({ sizes: [2], hidden: 'tanh', output: 'sigmoid' })).toThrow(/at least 2 layer sizes/);
    expect(() => createMLP({ sizes: [2, -3, 1], hidden: 'tanh', output: 'sigmoid' })).toThrow(/sizes\[1\] must be a positive integer, got -3/);
    expect(() => createMLP({ sizes: [2, 2.5, 1], hidden: 'tanh', output: 'sigmoid' })).toThrow(/sizes\[1\]/);
    expect(() => createMLP({ sizes: [2, 0, 1], hidden: 'tanh', output: 'sigmoid' })).toThrow(/got 0/);
    expect(() => createMLP({ sizes: [2, 3, 1], hidden: 'swish' as never, output: 'sigmoid' })).toThrow(/unknown hidden activation "swish"/);
    expect(() => createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'softmax' })).toThrow(/softmax output needs at least 2/);
    expect(() => createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: NaN })).toThrow(/seed must be a finite number/);
    expect(() => createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', init: 'zeros' as never })).toThrow(/unknown init scheme "zeros"/);
    expect(() => createMLP({ sizes: [2, 1e5, 1e5, 1], hidden: 'tanh', output: 'sigmoid' })).toThrow(/parameters; the limit/);
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid' });
    expect(() => net.forward([1])).toThrow(/x has 1 values but 2 were expected/);
    expect(() => net.forward([1, NaN])).toThrow(/x\[1\] must be a finite number, got NaN/);
    expect(() => net.lossAndGrad([[1, 2]], [[1], [0]], 'bce')).toThrow(/inputs has 1 rows but targets has 2/);
    expect(() => net.lossAndGrad([[1, 2, 3]], [[1]], 'bce')).toThrow(/inputs have 3 values per row but the network takes 2/);
    expect(() => net.lossAndGrad([[1, 2]], [[1, 0]], 'bce')).toThrow(/targets have 2 values per row but the network gives 1/);
    expect(() => net.lossAndGrad([[1, 2]], [[Infinity]], 'bce')).toThrow(/targets\[0\]\[0\] must be a finite number, got Infinity/);
    expect(() => net.lossAndGrad([], [], 'bce')).toThrow(/non-empty/);
    expect(() => net.lossAndGrad([[1, 2]], [[1]], 'cross_entropy')).toThrow(/needs a 'softmax' output, but the network's output is 'sigmoid'/);
    expect(() => net.lossAndGrad([[1, 2]], [[1]], 'bce_logits')).toThrow(/needs a 'linear' output/);
    expect(() => net.lossAndGrad([[1, 2]], [[1]], 'l1' as never)).toThrow(/unknown loss "l1"/);
    const linear = createMLP({ sizes: [2, 1], hidden: 'tanh', output: 'linear' });
    expect(() => linear.lossAndGrad([[1, 2]], [[1]], 'bce')).toThrow(/needs a 'sigmoid' \(or 'softmax'\) output/);
  });
});
