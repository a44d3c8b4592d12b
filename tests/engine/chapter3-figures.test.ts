/**
 * Every number the chapter 3 lesson (content/lessons/03-activation-functions.mdx) states, computed
 * with the engine. When one of these changes, the prose must change with it.
 */
import { describe, expect, test } from 'vitest';
import {
  activation,
  attenuation,
  chainBound,
  createTrainer,
  deadUnits,
  derivativeFacts,
  flowData,
  flowNetwork,
  gradientProfile,
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

  test('linear collapse at its defaults: a = 1.321 × 1.568 × 0.6027 = 1.249, b = −0.3065, tanh bends it by 0.48', () => {
    const c = stackCurves({ depth: 3, width: 1, activation: 'tanh', seed: 1 }, -3, 3);
    expect(c.chainWeights.map((w) => round(w, 4))).toEqual([0.6027, 1.568, 1.321]);
    expect(round(c.slope, 4)).toBe(1.249);
    expect(round(c.intercept, 4)).toBe(-0.3065);
    expect(round(c.bend, 2)).toBe(0.48);
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

  test('after 200 steps: ReLU 0.068, tanh 0.12, sigmoid 0.693 = ln 2', () => {
    const losses = Object.fromEntries(
      (['sigmoid', 'tanh', 'relu'] as const).map((name) => {
        const { trainer } = flowRun(name);
        trainer.run(200);
        return [name, trainer.history.lastLoss!];
      }),
    );
    expect(round(losses.relu, 2)).toBe(0.068);
    expect(round(losses.tanh, 2)).toBe(0.12);
    expect(round(losses.sigmoid, 3)).toBe(0.693);
    expect(losses.sigmoid).toBeCloseTo(Math.LN2, 6);
  });

  test('the stuck sigmoid network: after 200 steps its gradient is below 1e-8 in every layer', () => {
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

  test('2 hidden layers at learning rate 3: the sigmoid network learns too', () => {
    const data = flowData();
    const net = flowNetwork('sigmoid', 2, 8, 1);
    const trainer = createTrainer({ net, data: { train: data.train }, optimizer: { kind: 'sgd', lr: 3 }, loss: 'bce', seed: 1, stopAtLoss: 0 });
    trainer.run(1000);
    expect(trainer.history.lastLoss!).toBeLessThan(0.05);
  });

  test('learning rate 1: within 50 steps 64 of the 80 ReLU units are dead, all 8 of the last layer, every gradient 0', () => {
    const { net, trainer, data } = flowRun('relu', 1);
    trainer.run(50);
    const dead = deadUnits(net, data.train.x);
    expect(dead.reduce((a, b) => a + b, 0)).toBe(64);
    expect(dead.at(-1)).toBe(8);
    expect(Array.from(gradientProfile(net, trainer.grad)).every((g) => g === 0)).toBe(true);
    trainer.run(500);
    expect(trainer.history.lastLoss!).toBeCloseTo(Math.LN2, 6);
  });
});
