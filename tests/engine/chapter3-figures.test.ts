/**
 * Every number the chapter 3 lesson (content/lessons/03-activation-functions.mdx) states, computed
 * with the engine. When one of these changes, the prose must change with it.
 */
import { describe, expect, test } from 'vitest';
import { formatNumber } from '../../src/components/charts/format.ts';
import {
  activation,
  attenuation,
  backwardGrowth,
  derivativeRoot,
  lineFit,
  minimaxLine,
  scaledNetwork,
  signalSizes,
  chainBound,
  createTrainer,
  deadUnits,
  derivativeFacts,
  flowData,
  flowNetwork,
  gradientProfile,
  seeded,
  shuffle,
  stackCurves,
  type FlowActivation,
} from '../../src/engine/index.ts';

/** The gradient-flow widget's networks at its defaults: 10 hidden layers of 8 units, seed 1, lr 0.1. */
function flowRun(name: FlowActivation, lr = 0.1) {
  const data = flowData();
  const net = flowNetwork(name, 10, 8, 1);
  const start = gradientProfile(net, net.lossAndGrad(data.train.x, data.train.y, 'bce').grad);
  const trainer = createTrainer({ net, data: { train: data.train }, optimizer: { kind: 'sgd', lr }, loss: 'bce', seed: 1, stopAtLoss: 0 });
  return { net, start, trainer, data };
}

const round = (x: number, digits: number) => Number(x.toPrecision(digits));

describe('chapter 3 figures', () => {
  test('σ′ is at most 0.25, at z = 0; σ′(2) ≈ 0.105 and σ′(4) ≈ 0.0177', () => {
    expect(derivativeFacts('sigmoid')).toMatchObject({ max: 0.25, at: 0 });
    const df = activation('sigmoid').df;
    expect(round(df(2), 3)).toBe(0.105);
    expect(round(df(4), 3)).toBe(0.0177);
  });

  test('tanh′ peaks at 1 (at 0); tanh′(2) ≈ 0.0707 and tanh′(3) ≈ 0.0099', () => {
    expect(derivativeFacts('tanh')).toMatchObject({ max: 1, at: 0 });
    const df = activation('tanh').df;
    expect(round(df(2), 3)).toBe(0.0707);
    expect(round(df(3), 2)).toBe(0.0099);
  });

  test('GELU′ peaks at about 1.129, at z = √2 ≈ 1.414; softplus′ only approaches 1', () => {
    const gelu = derivativeFacts('gelu');
    expect(round(gelu.max, 4)).toBe(1.129);
    expect(round(gelu.at!, 4)).toBe(1.414);
    expect(derivativeFacts('softplus')).toMatchObject({ max: 1, kind: 'limit' });
    expect(derivativeFacts('elu')).toMatchObject({ max: 1, kind: 'ray', closed: true });
    expect(activation('leaky_relu').df(-1)).toBe(0.01);
  });

  test('the table of 0.25ⁿ: 0.25, 0.0625, 0.015625, 9.8e-4, 9.5e-7 (9.5367e-7), 9.1e-13', () => {
    expect([1, 2, 3].map((n) => chainBound('sigmoid', n))).toEqual([0.25, 0.0625, 0.015625]);
    expect(round(chainBound('sigmoid', 5), 2)).toBe(9.8e-4);
    expect(round(chainBound('sigmoid', 10), 2)).toBe(9.5e-7);
    expect(round(chainBound('sigmoid', 10), 5)).toBe(9.5367e-7);
    expect(round(chainBound('sigmoid', 20), 2)).toBe(9.1e-13);
    // not the 0.027 that a maximum of 0.3 would give for three layers
    expect(chainBound('sigmoid', 3)).toBeLessThan(0.3 ** 3);
    // the exercises: ten layers, and the first n with 0.25ⁿ < 0.001
    expect(chainBound('sigmoid', 10)).toBe(1 / 1_048_576);
    expect(chainBound('sigmoid', 4)).toBeGreaterThan(0.001);
    expect(chainBound('sigmoid', 5)).toBeLessThan(0.001);
  });

  test('linear collapse at its defaults: w = 1.3207 × 1.5684 × 0.60274 = 1.2485, b = −0.3065; tanh: the best straight line is still 0.40 away', () => {
    const c = stackCurves({ depth: 3, width: 1, activation: 'tanh', seed: 1 }, -3, 3);
    expect(c.chainWeights.map((w) => round(w, 5))).toEqual([0.60274, 1.5684, 1.3207]);
    expect(round(c.slope, 5)).toBe(1.2485);
    // the printed factors multiply out to the printed slope (four digits would not: 1.248 ≠ 1.249)
    expect(round(1.3207 * 1.5684 * 0.60274, 5)).toBe(1.2485);
    expect(round(1.321 * 1.568 * 0.6027, 4)).not.toBe(round(c.slope, 4));
    expect(round(c.intercept, 4)).toBe(-0.3065);
    // the bend is the distance from the minimax line: no straight line comes closer everywhere
    expect(round(c.bend, 2)).toBe(0.4);
    expect(c.bend).toBe(minimaxLine(c.x, c.bent).maxResidual);
    // the same on a grid a hundred times finer, so 0.40 is a property of the curve, not of the grid
    expect(round(stackCurves({ depth: 3, width: 1, activation: 'tanh', seed: 1 }, -3, 3, 24_001).bend, 2)).toBe(0.4);
    // the least-squares line is further away at its worst (0.48): it minimises the squares, not the largest gap
    expect(round(lineFit(c.x, c.bent).maxResidual, 2)).toBe(0.48);
  });

  test('softplus′ = σ never reaches 1: the 4-digit readout shows 1 only from about x = 9.9, and f′(10) = 0.99995', () => {
    const df = activation('softplus').df;
    // the smallest x at which the readout (formatNumber, 4 significant digits) prints "1"
    let lo = 0;
    let hi = 20;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (formatNumber(df(mid)) === '1') hi = mid;
      else lo = mid;
    }
    expect(round(hi, 2)).toBe(9.9);
    expect(round(df(10), 5)).toBe(0.99995);
    expect(df(20)).toBeLessThan(1);
    expect(round(1 - df(20), 1)).toBe(2e-9);
  });

  test('GELU′ is negative below about −0.75 (zero at −0.7518), lowest about −0.13 at −√2, and tends to 0; ELU′(−5) ≈ 0.0067', () => {
    const root = derivativeRoot('gelu', -2, 0);
    expect(round(root, 4)).toBe(-0.7518);
    expect(round(root, 2)).toBe(-0.75);
    const gelu = activation('gelu').df;
    expect(gelu(root - 0.01)).toBeLessThan(0);
    expect(gelu(root + 0.01)).toBeGreaterThan(0);
    expect(round(gelu(-Math.SQRT2), 2)).toBe(-0.13);
    expect(gelu(-Math.SQRT2)).toBeLessThan(gelu(-Math.SQRT2 - 0.01));
    expect(gelu(-Math.SQRT2)).toBeLessThan(gelu(-Math.SQRT2 + 0.01));
    expect(Math.abs(gelu(-6))).toBeLessThan(1e-6);
    const elu = activation('elu').df;
    expect(round(elu(-3), 2)).toBe(0.05);
    expect(round(elu(-5), 2)).toBe(0.0067);
    // only leaky ReLU keeps one fixed slope for every negative z
    for (const z of [-0.5, -5, -50]) expect(activation('leaky_relu').df(z)).toBe(0.01);
  });

  test('gradient flow at step 0: layer 1 gets 7.2e-7 of the output layer’s gradient (sigmoid), 0.16 (tanh), 0.39 (ReLU)', () => {
    expect(round(attenuation(flowRun('sigmoid').start)!, 2)).toBe(7.2e-7);
    expect(round(attenuation(flowRun('tanh').start)!, 2)).toBe(0.16);
    expect(round(attenuation(flowRun('relu').start)!, 2)).toBe(0.39);
    // the sigmoid's first layer sits close to the 0.25¹⁰ chain
    const ratio = attenuation(flowRun('sigmoid').start)!;
    expect(ratio).toBeLessThan(chainBound('sigmoid', 10));
    expect(ratio).toBeGreaterThan(chainBound('sigmoid', 10) / 2);
  });

  test('after 200 steps (the loss at the weights after 200 updates): ReLU 0.068, sigmoid 0.693 = ln 2', { timeout: 120_000 }, () => {
    const losses = Object.fromEntries(
      (['sigmoid', 'relu'] as const).map((name) => {
        const { trainer, net, data } = flowRun(name);
        trainer.run(200);
        return [name, net.lossAndGrad(data.train.x, data.train.y, 'bce').loss];
      }),
    );
    expect(round(losses.relu, 2)).toBe(0.068);
    expect(round(losses.sigmoid, 3)).toBe(0.693);
    expect(losses.sigmoid).toBeCloseTo(Math.LN2, 6);
  });

  test('tanh at step 200 is "about 0.1, with spikes": true for three orders of the 200 points, over steps 195–215', { timeout: 120_000 }, () => {
    const data = flowData();
    const n = data.train.x.length;
    for (let order = 0; order < 3; order++) {
      // order 0 is the dataset's own; the others (two shuffles) sum the same full-batch gradient in another order
      const idx = Array.from({ length: n }, (_, i) => i);
      const random = seeded(order + 100);
      if (order > 0) shuffle(random, idx);
      const train = { x: idx.map((i) => data.train.x[i]), y: idx.map((i) => data.train.y[i]) };
      const net = flowNetwork('tanh', 10, 8, 1);
      const trainer = createTrainer({ net, data: { train }, optimizer: { kind: 'sgd', lr: 0.1 }, loss: 'bce', seed: 1, stopAtLoss: 0 });
      const loss: number[] = [];
      trainer.run(179);
      for (let step = 180; step <= 215; step++) {
        trainer.run(1);
        loss[step] = net.lossAndGrad(train.x, train.y, 'bce').loss;
      }
      // a spike to about 2 just before step 190
      const spike = Math.max(...loss.slice(180, 195));
      expect(spike).toBeGreaterThan(1.5);
      expect(spike).toBeLessThan(2.5);
      // then back to about 0.1 around step 200
      for (let step = 195; step <= 215; step++) {
        expect(loss[step]).toBeGreaterThan(0.04);
        expect(loss[step]).toBeLessThan(0.16);
      }
      expect(round(loss[200], 1)).toBe(0.1);
    }
  });

  test('ReLU at step 0 (zero biases, 8 units a layer): 14 of the 80 units are already dead, none in layer 1, 4 of 8 in the last', () => {
    const { net, data } = flowRun('relu');
    const dead = deadUnits(net, data.train.x);
    expect(dead).toEqual([0, 0, 0, 1, 2, 2, 2, 2, 1, 4]);
    expect(dead.reduce((a, b) => a + b, 0)).toBe(14);
    // every bias starts at 0
    for (const l of net.layers) expect(Array.from(net.params.subarray(l.biasOffset, l.biasOffset + l.outputs)).every((b) => b === 0)).toBe(true);
  });

  test('exercise: 16 units a layer gives 34 of 160 dead ReLU units at step 0, a larger share than 14 of 80', () => {
    const data = flowData();
    const dead = deadUnits(flowNetwork('relu', 10, 16, 1), data.train.x);
    expect(dead.reduce((a, b) => a + b, 0)).toBe(34);
    expect(dead[0]).toBe(0);
    expect(34 / 160).toBeGreaterThan(14 / 80);
    expect((14 / 80) * 100).toBe(17.5);
    expect(Math.round((34 / 160) * 100)).toBe(21);
  });

  test('exercise: with 5 hidden layers the sigmoid’s layer 1 gets 4.14e−6 of the output layer’s gradient, far below 0.25⁵', () => {
    const data = flowData();
    const net = flowNetwork('sigmoid', 5, 8, 1);
    const ratio = attenuation(gradientProfile(net, net.lossAndGrad(data.train.x, data.train.y, 'bce').grad))!;
    // what the table's "Layer 1 ÷ output" cell shows (three significant digits)
    expect(formatNumber(Number(ratio.toPrecision(3)))).toBe('4.14e\u22126');
    expect(Math.abs(ratio - 4.14e-6)).toBeLessThan(0.005e-6);
    expect(ratio).toBeLessThan(chainBound('sigmoid', 5));
    // "about 240 times below the bound"
    expect(Math.round(chainBound('sigmoid', 5) / ratio / 10) * 10).toBe(240);
    expect(round(chainBound('sigmoid', 5), 2)).toBe(9.8e-4);
  });

  test('init scale, 10 hidden ReLU layers of 100 units: the gradient at layer 1 is 0.049 (Var(w) = 1/n_in), 1.1 (He, 2/n_in), 25 (4/n_in) times the one at layer 10', { timeout: 120_000 }, () => {
    const data = flowData();
    const growth = (gain: number) => backwardGrowth(signalSizes(scaledNetwork('relu', 10, 100, gain, 1), data.train.x, data.train.y));
    expect(round(growth(1), 2)).toBe(0.049);
    expect(round(growth(2), 2)).toBe(1.1);
    expect(round(growth(4), 2)).toBe(25);
    // the variance argument predicts (gain / 2)^(9 / 2) over the 9 layers in between: 0.044, 1, 23
    expect(round((1 / 2) ** 4.5, 2)).toBe(0.044);
    expect(round(2 ** 4.5, 2)).toBe(23);
    // and the forward signal shrinks or grows the same way
    const forward = (gain: number) => {
      const f = signalSizes(scaledNetwork('relu', 10, 100, gain, 1), data.train.x, data.train.y).forward;
      return f[9] / f[0];
    };
    expect(forward(1)).toBeLessThan(0.05);
    expect(forward(2)).toBeGreaterThan(0.5);
    expect(forward(2)).toBeLessThan(2);
    expect(forward(4)).toBeGreaterThan(10);
  });

  test('the stuck sigmoid network: after 200 steps its gradient is below 1e-8 in every layer', { timeout: 120_000 }, () => {
    const { net, trainer } = flowRun('sigmoid');
    trainer.run(200);
    const profile = Array.from(gradientProfile(net, trainer.grad));
    expect(profile).toHaveLength(11);
    for (const g of profile) expect(g).toBeLessThan(1e-8);
  });

  test('20 hidden layers: the sigmoid’s first layer gets about 1e-14 of the output layer’s gradient', () => {
    const data = flowData();
    const net = flowNetwork('sigmoid', 20, 8, 1);
    const ratio = attenuation(gradientProfile(net, net.lossAndGrad(data.train.x, data.train.y, 'bce').grad))!;
    expect(Math.round(Math.log10(ratio))).toBe(-14);
  });

  test('2 hidden layers at learning rate 3: the sigmoid network learns too', { timeout: 120_000 }, () => {
    const data = flowData();
    const net = flowNetwork('sigmoid', 2, 8, 1);
    const trainer = createTrainer({ net, data: { train: data.train }, optimizer: { kind: 'sgd', lr: 3 }, loss: 'bce', seed: 1, stopAtLoss: 0 });
    trainer.run(1000);
    expect(trainer.history.lastLoss!).toBeLessThan(0.05);
  });

  test('learning rate 1: within 50 steps 64 of the 80 ReLU units are dead, all 8 of the last layer; only the output bias still gets a gradient', { timeout: 120_000 }, () => {
    const { net, trainer, data } = flowRun('relu', 1);
    trainer.run(50);
    const dead = deadUnits(net, data.train.x);
    expect(dead.reduce((a, b) => a + b, 0)).toBe(64);
    expect(dead.at(-1)).toBe(8);
    expect(Array.from(gradientProfile(net, trainer.grad)).every((g) => g === 0)).toBe(true);
    // not quite every gradient: the output unit's bias still gets one (all it can learn is how common each class is)
    const { grad } = net.lossAndGrad(data.train.x, data.train.y, 'bce');
    const outputBias = net.layers.at(-1)!.biasOffset;
    expect(grad[outputBias]).not.toBe(0);
    expect(Array.from(grad).every((g, i) => i === outputBias || g === 0)).toBe(true);
    expect(data.train.y.reduce((a, y) => a + y[0], 0) / data.train.y.length).toBe(0.5);
    trainer.run(500);
    expect(trainer.history.lastLoss!).toBeCloseTo(Math.LN2, 6);
  });
});
