import { describe, expect, test } from 'vitest';
import { batchData, batchNet, batchTrainer, fullLoss, gradientNoise } from '../../src/engine/batch-size.ts';

describe('batch size', () => {
  const data = batchData();
  test('batchTrainer: 200 steps an epoch at batch 1, 13 at 16, 1 at full; the same start for all', () => {
    const [a, b, c] = ([1, 16, 'full'] as const).map((batch) => batchTrainer(data, batch, 0.3));
    expect([a.stepsPerEpoch, b.stepsPerEpoch, c.stepsPerEpoch]).toEqual([200, 13, 1]);
    expect(fullLoss(a, data)).toBe(fullLoss(c, data));
  });
  test('after 10 epochs at lr 0.3, batch 1 is far ahead of full batch per epoch (0.17 vs 0.70)', () => {
    const small = batchTrainer(data, 1, 0.3);
    const full = batchTrainer(data, 'full', 0.3);
    small.run(10 * small.stepsPerEpoch);
    full.run(10);
    expect(fullLoss(small, data)).toBeCloseTo(0.1717, 3);
    expect(fullLoss(full, data)).toBeCloseTo(0.6954, 3);
  });
  test('gradientNoise is seeded and shrinks as the batch grows', () => {
    const net = batchNet(1);
    expect(gradientNoise(net, data, 4, 50, 3)).toBe(gradientNoise(net, data, 4, 50, 3));
    expect(gradientNoise(net, data, 64, 200)).toBeLessThan(gradientNoise(net, data, 4, 200));
    expect(() => gradientNoise(net, data, 0, 10)).toThrow(/batchSize/);
  });
});
