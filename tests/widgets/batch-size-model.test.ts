import { describe, expect, test } from 'vitest';
import { batchChoices, batchData, batchTrainer, fullLoss } from '../../src/engine/batch-size.ts';
import { BatchModel, DEFAULT_STATE, batchStateSchema } from '../../src/widgets/BatchSize/model.svelte.ts';

const losses = (m: BatchModel) => m.byEpoch.map((s) => s.points.map((p) => p.y));

/** Presses Train and waits for the frame loop to finish all epochs. */
async function trainToEnd(m: BatchModel): Promise<void> {
  m.train();
  const deadline = Date.now() + 120_000;
  while (m.running && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
  expect(m.running).toBe(false);
}

describe('BatchModel', () => {
  test('before training: three runs from the same start, one point each', () => {
    const m = new BatchModel();
    expect(m.toState()).toEqual(DEFAULT_STATE);
    expect(m.status).toBe('Ready: the same 2-8-1 network, three batch sizes.');
    const [a, b, c] = losses(m);
    expect(a).toHaveLength(1);
    expect(a[0]).toBe(b[0]);
    expect(a[0]).toBe(c[0]);
    expect(m.progress).toBeNull();
  });

  test('a link’s epochs replay to exactly the losses of a fresh engine run (10 epochs: 0.172 vs 0.695)', () => {
    const m = new BatchModel();
    m.fromState({ lr: 0.3, epochs: 20, trained: 10 });
    expect(m.toState()).toEqual({ lr: 0.3, epochs: 20, trained: 10 });
    const data = batchData();
    batchChoices.forEach((batch, i) => {
      const fresh = batchTrainer(data, batch, 0.3);
      const expected = [fullLoss(fresh, data)];
      for (let e = 0; e < 10; e++) {
        fresh.run(fresh.stepsPerEpoch);
        expected.push(fullLoss(fresh, data));
      }
      expect(losses(m)[i]).toEqual(expected);
    });
    expect(m.status).toBe('After 10 epochs: batch 1 0.172, batch 16 ' + losses(m)[1][10].toFixed(3) + ', full batch 0.695 (2000, 130 and 10 steps).');
  });

  test('training with Train and replaying the link it gives draw the same loss curves', async () => {
    const a = new BatchModel();
    a.setEpochs(20);
    await trainToEnd(a);
    expect(a.toState()).toEqual({ lr: 0.3, epochs: 20, trained: 20 });
    const b = new BatchModel();
    b.fromState(JSON.parse(JSON.stringify(a.toState())));
    expect(losses(b)).toEqual(losses(a));
    expect(b.status).toBe(a.status);
    expect(b.status).toMatch(/^After 20 epochs: batch 1 \d\.\d{3}, batch 16 \d\.\d{3}, full batch \d\.\d{3} \(4000, 260 and 20 steps\)\.$/);
    // the time axis is re-measured, never NaN, and grows
    for (const s of b.byTime) {
      expect(s.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
      for (let k = 1; k < s.points.length; k++) expect(s.points[k].x).toBeGreaterThanOrEqual(s.points[k - 1].x);
    }
  }, 150_000);

  test('setters refuse values outside the share schema and keep the runs', () => {
    const m = new BatchModel();
    m.fromState({ lr: 0.3, epochs: 20, trained: 2 });
    const before = losses(m);
    for (const bad of [0, 0.5, -1, Number.NaN, 100]) m.setLr(bad);
    for (const bad of [0, 30, 101, Number.NaN]) m.setEpochs(bad);
    expect(m.toState()).toEqual({ lr: 0.3, epochs: 20, trained: 2 });
    expect(losses(m)).toEqual(before);
    // a new rate restarts from epoch 0
    m.setLr(0.1);
    expect(m.toState()).toEqual({ lr: 0.1, epochs: 20, trained: 0 });
    expect(batchStateSchema.safeParse(m.toState()).success).toBe(true);
  });

  test('fromState refuses malformed links, including more epochs trained than asked for', () => {
    const m = new BatchModel();
    for (const bad of [{ lr: 0.3, epochs: 20, trained: 21 }, { lr: 0.2, epochs: 20, trained: 0 }, { lr: 0.3, epochs: 25, trained: 0 }, { lr: 0.3, epochs: 20, trained: 1.5 }, { lr: 0.3, epochs: 20, trained: 0, x: 1 }]) {
      expect(() => m.fromState(bad as never)).toThrow();
    }
    expect(m.toState()).toEqual(DEFAULT_STATE);
  });
});
