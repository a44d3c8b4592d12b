import { describe, expect, test } from 'vitest';
import { createMLP, createTrainer, dataset, gateSamples, type TrainerSpec } from '../../src/engine/index.ts';

const xorSpec = (lr = 2): TrainerSpec => ({
  net: createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 }),
  data: { train: gateSamples('xor') },
  optimizer: { kind: 'sgd', lr },
  loss: 'bce',
  stopAtLoss: 0.01,
});

describe('train', () => {
  test('a 2-3-1 network learns XOR within 200 full-batch SGD steps (seed 1, lr 2)', () => {
    const trainer = createTrainer(xorSpec());
    expect(trainer.status).toBe('ready');
    const report = trainer.run(200);
    expect(trainer.status).toBe('converged');
    expect(report.steps).toBeLessThan(200);
    expect(trainer.reason).toMatch(/^Converged at step \d+: the training loss fell to 0\.00\d+\.$/);
    expect(trainer.evaluate().train.accuracy).toBe(1);
    const out = gateSamples('xor').x.map((x) => trainer.net.forward(x)[0]);
    expect(out[0]).toBeLessThan(0.05);
    expect(out[1]).toBeGreaterThan(0.95);
    expect(out[2]).toBeGreaterThan(0.95);
    expect(out[3]).toBeLessThan(0.05);
  });

  test('onEpoch(trainer) is called once per epoch, after its last step, with the weights after the epoch', () => {
    const data = dataset('circle', { n: 40, noise: 0.1, seed: 3 });
    const seen: { epoch: number; step: number; loss: number }[] = [];
    const trainer = createTrainer({
      net: createMLP({ sizes: [2, 4, 1], hidden: 'tanh', output: 'sigmoid', seed: 2 }),
      data: { train: data.train },
      optimizer: { kind: 'sgd', lr: 0.5 },
      loss: 'bce',
      batchSize: 16,
      onEpoch: (t) => seen.push({ epoch: t.epoch, step: t.step, loss: t.evaluate().train.loss }),
    });
    // 40 rows in batches of 16: 3 steps an epoch; 7 steps end 2 epochs and start a third
    trainer.run(7);
    expect(seen.map((s) => [s.epoch, s.step])).toEqual([[1, 3], [2, 6]]);
    trainer.run(2);
    expect(seen.map((s) => s.epoch)).toEqual([1, 2, 3]);
    // the loss the hook measured is the whole training set's with the weights after epoch 3
    expect(seen[2].loss).toBe(trainer.evaluate().train.loss);
    // and it differs from the recorded epoch loss, the mean over the epoch's batches before each step
    expect(trainer.history.epochs.trainLoss[2]).not.toBe(seen[2].loss);
  });

  test('the same seeds give bit-identical training twice, mini-batches included', () => {
    const runOnce = (seed: number) => {
      const data = dataset('circle', { n: 60, noise: 0.1, testFraction: 0.25, seed: 2 });
      const net = createMLP({ sizes: [2, 5, 1], hidden: 'tanh', output: 'sigmoid', seed: 3 });
      const trainer = createTrainer({ net, data, optimizer: { kind: 'adam', lr: 0.05 }, loss: 'bce', batchSize: 8, seed });
      trainer.run(100);
      return { params: Array.from(net.params), history: trainer.history };
    };
    const a = runOnce(7);
    const b = runOnce(7);
    expect(b.params).toEqual(a.params);
    expect(b.history).toEqual(a.history);
    expect(runOnce(8).params).not.toEqual(a.params);
  });

  test('run in slices equals run all at once', () => {
    const whole = createTrainer(xorSpec(0.5));
    whole.run(60);
    const sliced = createTrainer(xorSpec(0.5));
    for (let i = 0; i < 6; i++) sliced.run(10);
    expect(Array.from(sliced.net.params)).toEqual(Array.from(whole.net.params));
  });

  test('full-batch training equals lossAndGrad then an optimizer step, by hand', () => {
    const spec = xorSpec(0.5);
    const net = spec.net;
    const start = net.params.slice();
    const xor = gateSamples('xor');
    const { grad } = net.lossAndGrad(xor.x, xor.y, 'bce');
    createTrainer(spec).run(1);
    start.forEach((p, i) => expect(net.params[i]).toBe(p - 0.5 * grad[i]));
  });

  test('learning rate 1e3 is caught as divergence, with the last finite weights kept', () => {
    const data = dataset('spirals', { n: 100, seed: 1 });
    const net = createMLP({ sizes: [2, 8, 1], hidden: 'relu', output: 'sigmoid', seed: 1, init: 'he' });
    const start = net.params.slice();
    const quick = createTrainer({ net, data, optimizer: { kind: 'sgd', lr: 1e3 }, loss: 'bce' });
    expect(quick.run(500).status).toBe('diverged');
    expect(quick.reason).toMatch(/The learning rate \(1000\) is probably too large/);
    // with the loss-growth check off, the weights themselves run away
    net.params.set(start);
    const trainer = createTrainer({ net, data, optimizer: { kind: 'sgd', lr: 1e3 }, loss: 'bce', maxLossGrowth: Infinity });
    const report = trainer.run(500);
    expect(trainer.status).toBe('diverged');
    expect(report.status).toBe('diverged');
    expect(report.steps).toBeLessThan(500);
    expect(trainer.stop?.code).toBe('weights-exploded');
    expect(trainer.reason).toMatch(/^Training diverged at step \d+: .*The learning rate \(1000\) is probably too large\.$/);
    expect(Array.from(net.params).every(Number.isFinite)).toBe(true);
    expect(Math.max(...net.params.map(Math.abs))).toBeLessThanOrEqual(1e6);
    expect(trainer.run(10).steps).toBe(0);
    expect(trainer.history.steps.loss.every(Number.isFinite)).toBe(true);
  });

  test('a training loss ten times its starting value counts as divergence', () => {
    const data = dataset('circle', { n: 200, noise: 0.05, seed: 1 });
    const net = createMLP({ sizes: [2, 6, 6, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 });
    const trainer = createTrainer({ net, data, optimizer: { kind: 'sgd', lr: 10 }, loss: 'bce', batchSize: 10 });
    trainer.run(3000);
    expect(trainer.status).toBe('diverged');
    expect(trainer.stop?.code).toBe('loss-grew');
    expect(trainer.stop!.value).toBeGreaterThan(10 * Math.LN2 * 0.9);
    expect(trainer.reason).toMatch(/the training loss rose to [\d.]+, many times its starting value/);
    const calm = createTrainer({ net: createMLP({ sizes: [2, 6, 6, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 }), data,
      optimizer: { kind: 'sgd', lr: 10 }, loss: 'bce', batchSize: 10, maxLossGrowth: Infinity });
    calm.run(100);
    expect(calm.status).toBe('training');
  });

  test('an infinite loss stops training before the update', () => {
    const net = createMLP({ sizes: [1, 1], hidden: 'linear', output: 'linear' });
    net.params.set([1e200, 0]);
    const trainer = createTrainer({ net, data: { train: { x: [[1e200]], y: [[0]] } }, optimizer: { kind: 'sgd', lr: 0.1 }, loss: 'mse', maxWeight: Infinity });
    trainer.run(3);
    expect(trainer.status).toBe('diverged');
    expect(trainer.stop).toMatchObject({ code: 'loss-not-finite', step: 1, value: Infinity });
    expect(trainer.reason).toContain('the loss became Infinity');
    expect(Array.from(net.params)).toEqual([1e200, 0]);
  });

  test('mini-batches: ⌈n / batchSize⌉ steps per epoch, each epoch recorded with its test loss', () => {
    const data = dataset('blobs', { n: 50, testFraction: 0.2, seed: 4 });
    const net = createMLP({ sizes: [2, 4, 1], hidden: 'tanh', output: 'sigmoid', seed: 2 });
    const trainer = createTrainer({ net, data, optimizer: { kind: 'sgd', lr: 0.1 }, loss: 'bce', batchSize: 16, stopAtLoss: 0 });
    expect(trainer.stepsPerEpoch).toBe(3);
    trainer.run(10);
    expect(trainer.step).toBe(10);
    expect(trainer.epoch).toBe(3);
    const { epochs, steps } = trainer.history;
    expect(epochs.epoch).toEqual([1, 2, 3]);
    expect(epochs.step).toEqual([3, 6, 9]);
    expect(epochs.testLoss.length).toBe(3);
    expect(steps.step).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // an epoch's train loss is the sample-weighted mean of its batch losses (16, 16, 8 samples)
    const [l1, l2, l3] = steps.loss;
    expect(epochs.trainLoss[0]).toBeCloseTo((16 * l1 + 16 * l2 + 8 * l3) / 40, 15);
    // the test loss is measured after the epoch's last step
    expect(trainer.evaluate().test).not.toBeNull();
  });

  test('stochastic training (batchSize 1) visits every sample once per epoch, in a seeded order', () => {
    const data = { train: gateSamples('or') };
    const net = createMLP({ sizes: [2, 1], hidden: 'linear', output: 'sigmoid', seed: 1 });
    const trainer = createTrainer({ net, data, optimizer: { kind: 'sgd', lr: 0.5 }, loss: 'bce', batchSize: 1, seed: 5 });
    trainer.run(400);
    expect(trainer.epoch).toBe(100);
    expect(trainer.evaluate().train.accuracy).toBe(1);
  });

  test('runFor(ms) trains for about that long, at least one step', () => {
    const data = dataset('spirals', { n: 400, seed: 1 });
    const net = createMLP({ sizes: [2, 8, 8, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 });
    const trainer = createTrainer({ net, data, optimizer: { kind: 'sgd', lr: 0.1 }, loss: 'bce' });
    const start = performance.now();
    const report = trainer.runFor(30);
    const elapsed = performance.now() - start;
    expect(report.steps).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(30);
    expect(elapsed).toBeLessThan(200);
    expect(trainer.runFor(0).steps).toBe(1);
  });

  test('a three-class softmax network learns the gaussian blobs with cross-entropy', () => {
    const data = dataset('blobs3', { n: 300, noise: 0.05, testFraction: 0.3, seed: 1 });
    const net = createMLP({ sizes: [2, 8, 3], hidden: 'relu', output: 'softmax', seed: 1, init: 'he' });
    const trainer = createTrainer({ net, data, optimizer: { kind: 'adam', lr: 0.02 }, loss: 'cross_entropy', batchSize: 32 });
    trainer.run(300);
    const { train, test } = trainer.evaluate();
    expect(train.accuracy).toBeGreaterThan(0.9);
    expect(test!.accuracy).toBeGreaterThan(0.85);
    expect(train.loss).toBeLessThan(0.35);
  });

  test('createTrainer rejects bad specs with clear messages', () => {
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid' });
    const data = { train: gateSamples('xor') };
    expect(() => createTrainer({ net, data, optimizer: { kind: 'sgd' }, loss: 'cross_entropy' })).toThrow(/needs a 'softmax' output/);
    expect(() => createTrainer({ net, data, optimizer: { kind: 'sgd' }, loss: 'bce', batchSize: 0 })).toThrow(/batchSize must be a positive integer, got 0/);
    expect(() => createTrainer({ net, data, optimizer: { kind: 'sgd', lr: -1 }, loss: 'bce' })).toThrow(/lr must be ≥ 0/);
    expect(() => createTrainer({ net, data: { train: { x: [[1, 2]], y: [] } }, optimizer: { kind: 'sgd' }, loss: 'bce' })).toThrow(/inputs has 1 rows but targets has 0/);
    expect(() => createTrainer({ net: {} as never, data, optimizer: { kind: 'sgd' }, loss: 'bce' })).toThrow(/needs net/);
    expect(() => createTrainer({ net, data, optimizer: { kind: 'sgd' }, loss: 'bce', stopAtLoss: -1 })).toThrow(/stopAtLoss must be ≥ 0/);
    expect(() => createTrainer({ net, data, optimizer: { kind: 'sgd' }, loss: 'bce', maxLossGrowth: 1 })).toThrow(/maxLossGrowth must be a number above 1/);
    expect(() => createTrainer({ net, data, optimizer: { kind: 'sgd' }, loss: 'bce', maxWeight: NaN })).toThrow(/maxWeight must be a positive number/);
    const trainer = createTrainer({ net, data, optimizer: { kind: 'sgd' }, loss: 'bce' });
    expect(() => trainer.run(-1)).toThrow(/whole number ≥ 0, got -1/);
    expect(() => trainer.run(1.5)).toThrow(/whole number/);
    expect(() => trainer.runFor(NaN)).toThrow(/milliseconds must be a finite number/);
  });
});
