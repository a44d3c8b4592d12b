import { describe, expect, test } from 'vitest';
import {
  FLOW_DATA,
  attenuation,
  chainProfile,
  createMLP,
  deadUnits,
  flowData,
  flowNetwork,
  gradientProfile,
} from '../../src/engine/index.ts';

describe('gradient flow', () => {
  test('gradientProfile(net, grad) is each layer’s mean |∂L/∂w|, as trace reports it', () => {
    const net = createMLP({ sizes: [2, 5, 4, 1], hidden: 'tanh', output: 'sigmoid', seed: 3 });
    const data = flowData();
    const trace = net.trace(data.train.x, data.train.y, 'bce');
    const profile = gradientProfile(net, trace.grad);
    expect(Array.from(profile)).toEqual(trace.layers.map((l) => l.gradWMeanAbs));
    expect(() => gradientProfile(net, new Float64Array(3))).toThrow(/3 values but the network has 44 parameters/);
  });

  test('chainProfile(L, g, 0.25) is g·0.25^(L−1−l), the σ′ factors between layer l and the output', () => {
    expect(Array.from(chainProfile(4, 2, 0.25))).toEqual([2 / 64, 2 / 16, 2 / 4, 2]);
    expect(Array.from(chainProfile(1, 0.5, 0.25))).toEqual([0.5]);
    expect(() => chainProfile(0, 1, 0.25)).toThrow(/layers must be a positive integer/);
  });

  test('flowNetwork builds 2 → depth × width → 1 with the usual start: He for ReLU, Glorot otherwise', () => {
    const relu = flowNetwork('relu', 3, 4, 5);
    expect(relu.sizes).toEqual([2, 4, 4, 4, 1]);
    expect(relu.init).toBe('he');
    expect(relu.output).toBe('sigmoid');
    expect(flowNetwork('sigmoid', 2, 2, 5).init).toBe('xavier');
    expect(() => flowNetwork('relu', 21, 4, 1)).toThrow(/depth must be a whole number from 2 to 20, got 21/);
    expect(() => flowNetwork('relu', 4, 1, 1)).toThrow(/width must be a whole number from 2 to 16, got 1/);
    expect(() => flowNetwork('gelu' as never, 4, 4, 1)).toThrow(/unknown activation "gelu"/);
  });

  test('flowData() is the fixed circle: 200 points, both classes equally often', () => {
    const data = flowData();
    expect(FLOW_DATA).toEqual({ name: 'circle', n: 200, noise: 0.05, seed: 1 });
    expect(data.train.x).toHaveLength(200);
    expect(data.train.labels.filter((l) => l === 1)).toHaveLength(100);
    expect(flowData().train.x).toEqual(data.train.x);
  });

  test('a sigmoid net of depth 10 at initialisation: the gradient shrinks layer by layer toward the input', () => {
    const net = flowNetwork('sigmoid', 10, 8, 1);
    const data = flowData();
    const { grad } = net.lossAndGrad(data.train.x, data.train.y, 'bce');
    const profile = gradientProfile(net, grad);
    for (let l = 0; l + 1 < profile.length; l++) expect(profile[l]).toBeLessThan(profile[l + 1]);
    // ten sigmoid layers between the first weights and the output: six orders of magnitude
    expect(profile[0] / profile[10]).toBeLessThan(1e-5);
    // ReLU and tanh keep the first layer within a factor 10 of the last
    for (const hidden of ['relu', 'tanh'] as const) {
      const other = flowNetwork(hidden, 10, 8, 1);
      const p = gradientProfile(other, other.lossAndGrad(data.train.x, data.train.y, 'bce').grad);
      expect(p[0] / p[10]).toBeGreaterThan(0.05);
    }
  });

  test('deadUnits counts hidden units whose f′(z) is 0 for every input', () => {
    const net = createMLP({ sizes: [2, 3, 2, 1], hidden: 'relu', output: 'sigmoid', seed: 1 });
    const inputs = [[0, 0], [1, 0], [0, 1], [1, 1]];
    // layer 0: unit 0 always on (bias 5), unit 1 dead (bias −5, small weights), unit 2 on for some inputs
    net.params.set([1, 1, 0.1, 0.1, 1, -1, /* b */ 5, -5, 0]);
    // layer 1: unit 0 dead (all weights negative, bias −1), unit 1 alive
    net.params.set([-1, -1, -1, 1, 0, 0, /* b */ -1, 0.5], 9);
    expect(deadUnits(net, inputs)).toEqual([1, 1]);
    // a sigmoid layer is never dead: σ′ > 0 everywhere
    const smooth = createMLP({ sizes: [2, 3, 1], hidden: 'sigmoid', output: 'sigmoid', seed: 1 });
    expect(deadUnits(smooth, inputs)).toEqual([0]);
    expect(() => deadUnits(net, [])).toThrow(/at least one input/);
  });
});

describe('attenuation', () => {
  test('attenuation(profile) is first / last, null when nothing reaches the last layer', () => {
    expect(attenuation([1e-6, 1e-3, 0.5])).toBe(2e-6);
    expect(attenuation([0, 0])).toBeNull();
    expect(attenuation([3])).toBe(1);
    expect(() => attenuation([])).toThrow(/at least one layer/);
  });
});
