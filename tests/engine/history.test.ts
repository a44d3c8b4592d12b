import { describe, expect, test } from 'vitest';
import { History, stopMessage } from '../../src/engine/index.ts';

describe('history', () => {
  test('recordStep keeps every step until the cap, then every other one', () => {
    const history = new History(4);
    for (let step = 1; step <= 9; step++) history.recordStep(step, step / 10, 1);
    // cap 4: at 4 rows it halves to steps 2, 4 and records every 2nd step; at 4 rows again it keeps 4, 8
    expect(history.steps.step).toEqual([4, 8]);
    expect(history.steps.loss).toEqual([0.4, 0.8]);
    expect(history.steps.stride).toBe(4);
    expect(history.lastLoss).toBe(0.9);
  });

  test('recordEpoch keeps test columns in step with the epochs', () => {
    const history = new History(3);
    for (let epoch = 1; epoch <= 6; epoch++) history.recordEpoch(epoch, epoch * 10, 1 / epoch, 0.5, { loss: 2 / epoch, correct: epoch, count: 10 });
    expect(history.epochs.epoch).toEqual([4]);
    history.recordEpoch(7, 70, 0, 0, { loss: 0, correct: 0, count: 1 });
    history.recordEpoch(8, 80, 1 / 8, 0.5, { loss: 0.25, correct: 8, count: 10 });
    expect(history.epochs.epoch).toEqual([4, 8]);
    expect(history.epochs.testLoss).toEqual([0.5, 0.25]);
    expect(history.epochs.testAccuracy).toEqual([0.4, 0.8]);
    expect(history.epochs.step).toEqual([40, 80]);
  });

  test('stopMessage says what happened in a sentence', () => {
    expect(stopMessage({ code: 'loss-not-finite', step: 3, value: NaN, reason: '' }, 10)).toBe(
      'Training diverged at step 3: the loss became NaN. The learning rate (10) is probably too large.',
    );
    expect(stopMessage({ code: 'weights-exploded', step: 5, value: 2.5e7, reason: '' }, 1)).toContain('a weight grew to 25000000.');
    expect(stopMessage({ code: 'weights-exploded', step: 5, value: Infinity, reason: '' }, 1)).toContain('a weight became Infinity');
    expect(stopMessage({ code: 'loss-below-target', step: 9, value: 0.00005, reason: '' }, 1)).toBe('Converged at step 9: the training loss fell to 0.00005.');
  });

  test('new History(cap) needs a cap of at least 2', () => {
    expect(() => new History(1)).toThrow(/integer ≥ 2, got 1/);
  });
});
