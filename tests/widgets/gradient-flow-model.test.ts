import { formatNumber } from '../../src/components/charts/format.ts';
import { describe, expect, test, vi } from 'vitest';
import { chainBound, createTrainer, deadUnits, flowData, flowNetwork, gradientProfile } from '../../src/engine/index.ts';
import {
  DEFAULT_STATE,
  GradientFlowModel,
  MAX_STEPS,
  flowStateSchema,
} from '../../src/widgets/GradientFlow/model.svelte.ts';

/** A model whose loop runs on this thread (no worker in jsdom anyway), started. */
function started(initial = {}) {
  const m = new GradientFlowModel(initial, { worker: false });
  m.start();
  return m;
}

function row(model: GradientFlowModel, name: 'sigmoid' | 'tanh' | 'relu') {
  return model.view.rows.find((r) => r.name === name)!;
}

/** The gradient series of one network, in layer order. */
function profile(model: GradientFlowModel, label: string): number[] {
  return model.view.gradSeries.find((s) => s.label === label)!.points.map((p) => p.y);
}

function lastLoss(model: GradientFlowModel, label: string): number {
  return model.lossSeries.find((s) => s.label === label)!.points.at(-1)!.y;
}

describe('GradientFlowModel', () => {
  test('at step 0 the chart shows the gradients at initialisation and the 0.25ⁿ chain, before the loop starts', () => {
    const m = new GradientFlowModel({}, { worker: false });
    expect(m.where).toBeNull();
    expect(m.toState()).toEqual(DEFAULT_STATE);
    expect(m.view.step).toBe(0);
    const sigmoid = profile(m, 'Sigmoid');
    expect(sigmoid).toHaveLength(11);
    const net = flowNetwork('sigmoid', 10, 8, 1);
    const data = flowData();
    expect(sigmoid).toEqual(Array.from(gradientProfile(net, net.lossAndGrad(data.train.x, data.train.y, 'bce').grad)));
    const chain = profile(m, '0.25ⁿ chain (σ′ ≤ 0.25)');
    expect(chain[10]).toBe(sigmoid[10]);
    expect(chain[0]).toBeCloseTo(sigmoid[10] * chainBound('sigmoid', 10), 20);
    expect(m.status).toContain('Step 0: three networks of 10 hidden layers × 8 units');
    expect(lastLoss(m, 'Sigmoid')).toBeCloseTo(Math.LN2, 2);
    m.start();
    expect(m.where).toBe('main');
  });

  test('the sigmoid gradient shrinks layer by layer toward the input at step 0, and is still tiny at layer 1 at step 10', () => {
    const m = started();
    for (const steps of [0, 10]) {
      if (steps > 0) m.train(steps);
      const sigmoid = profile(m, 'Sigmoid');
      if (steps === 0) for (let l = 0; l + 1 < sigmoid.length; l++) expect(sigmoid[l]).toBeLessThan(sigmoid[l + 1]);
      expect(Number(row(m, 'sigmoid').ratio.replace('\u2212', '-'))).toBeLessThan(1e-5);
      expect(Number(row(m, 'relu').ratio)).toBeGreaterThan(0.1);
    }
    expect(m.view.step).toBe(10);
  });

  test('train(200): ReLU ends far below sigmoid at depth 10, which is stuck at ln 2', { timeout: 120_000 }, () => {
    const m = started();
    m.train(200);
    expect(m.view.step).toBe(200);
    const relu = lastLoss(m, 'ReLU');
    const sigmoid = lastLoss(m, 'Sigmoid');
    expect(relu).toBeLessThan(0.2);
    expect(sigmoid).toBeGreaterThan(0.69);
    expect(relu).toBeLessThan(sigmoid - 0.4);
    // predicting 0.5 for every point costs ln 2 per point
    expect(sigmoid).toBeCloseTo(Math.LN2, 3);
    // the same 200 steps by hand with the engine's trainer give the same loss
    const net = flowNetwork('relu', 10, 8, 1);
    const trainer = createTrainer({ net, data: { train: flowData().train }, optimizer: { kind: 'sgd', lr: 0.1 }, loss: 'bce', seed: 1, stopAtLoss: 0 });
    trainer.run(200);
    // the chart ends, and the table and status show, the loss at the weights after 200 updates
    const now = net.lossAndGrad(flowData().train.x, flowData().train.y, 'bce').loss;
    expect(relu).toBe(now);
    expect(row(m, 'relu').loss).toBe(formatNumber(Number(now.toPrecision(3))));
    expect(m.status).toBe('Paused at step 200. Loss: Sigmoid 0.693, tanh 0.115, ReLU 0.0681.');
  });

  test('a learning rate of 1 kills the ReLU network: its last hidden layer dies and the gradient is exactly 0', () => {
    const m = started({ lr: 1 });
    m.train(100);
    const net = flowNetwork('relu', 10, 8, 1);
    const trainer = createTrainer({ net, data: { train: flowData().train }, optimizer: { kind: 'sgd', lr: 1 }, loss: 'bce', seed: 1, stopAtLoss: 0 });
    trainer.run(100);
    const dead = deadUnits(net, flowData().train.x);
    expect(dead.at(-1)).toBe(8);
    expect(row(m, 'relu').dead).toBe(`${dead.reduce((a, b) => a + b, 0)} of 80`);
    expect(row(m, 'relu').ratio).toBe('–');
    expect(profile(m, 'ReLU').every((g) => g === 0)).toBe(true);
  });

  test('a network that diverges stops with the engine’s reason; the others train on', () => {
    const m = started({ depth: 5, width: 16, lr: 3 });
    m.train(30);
    expect(row(m, 'tanh').stopped).toMatch(/^tanh stopped: Training diverged at step \d+: the training loss rose to /);
    expect(row(m, 'relu').stopped).toContain('The learning rate (3) is probably too large.');
    expect(row(m, 'sigmoid').stopped).toBe('');
    expect(m.canTrain).toBe(true);
    expect(m.status).toContain('tanh stopped: Training diverged');
    expect(JSON.stringify(m.view)).not.toMatch(/NaN|Infinity/);
  });

  test('play() trains in frames until pause(); the status line changes only every 500 steps while running', async () => {
    const m = started({ depth: 2, width: 4 });
    m.play();
    expect(m.running).toBe(true);
    expect(m.status).toBe('Training. Step 0 passed.');
    await vi.waitFor(() => expect(m.view.step).toBeGreaterThan(20), { timeout: 10_000, interval: 20 });
    m.pause();
    expect(m.running).toBe(false);
    const step = m.view.step;
    expect(m.status).toMatch(new RegExp(`^Paused at step ${step}\\. Loss: `));
    await new Promise((done) => setTimeout(done, 60));
    expect(m.view.step).toBe(step);
    m.destroy();
  });

  test('settings change the networks and restart from step 0; the state schema caps them', () => {
    const m = started();
    m.train(5);
    m.setDepth(3);
    expect(m.view.step).toBe(0);
    expect(profile(m, 'tanh')).toHaveLength(4);
    m.setWidth(16);
    m.setDepth(99);
    m.setWidth(1);
    m.setLr(0.7);
    expect(m.toState()).toMatchObject({ depth: 3, width: 16, lr: 0.1 });
    expect(row(m, 'relu').dead).toMatch(/ of 48$/);
    expect(flowStateSchema.safeParse({ ...DEFAULT_STATE, depth: 21 }).success).toBe(false);
    expect(flowStateSchema.safeParse({ ...DEFAULT_STATE, width: 17 }).success).toBe(false);
    expect(flowStateSchema.safeParse({ ...DEFAULT_STATE, lr: 0.2 }).success).toBe(false);
    expect(flowStateSchema.safeParse({ ...DEFAULT_STATE, steps: MAX_STEPS + 1 }).success).toBe(false);
    expect(flowStateSchema.safeParse({ ...DEFAULT_STATE, lr: 3 }).success).toBe(true);
  });

  test('fromState before start() (as a link applies it) replays the shared steps once the loop starts', async () => {
    const m = new GradientFlowModel({}, { worker: false });
    m.fromState({ depth: 4, width: 6, lr: 0.3, seed: 9, steps: 30, showStart: true });
    expect(m.target).toBe(30);
    m.start();
    expect(m.target).toBe(30);
    await vi.waitFor(() => expect(m.target).toBeNull(), { timeout: 10_000, interval: 20 });
    expect(m.view.step).toBe(30);
    expect(m.toState()).toEqual({ depth: 4, width: 6, lr: 0.3, seed: 9, steps: 30, showStart: true });
    expect(m.view.gradSeries.some((s) => s.label === 'Sigmoid, step 0')).toBe(true);
    // the replay equals the same steps taken at once
    const direct = started({ depth: 4, width: 6, lr: 0.3, seed: 9 });
    direct.train(30);
    expect(m.view.rows).toEqual(direct.view.rows);
    const before = profile(m, 'tanh');
    m.reset(10);
    expect(m.seed).toBe(10);
    expect(profile(m, 'tanh')).not.toEqual(before);
    expect(() => m.fromState({ ...DEFAULT_STATE, depth: 50 } as never)).toThrow();
  });

  test('after one Step the table, the status, the loss chart and the CSV all give the loss at the new weights', () => {
    const m = started();
    const before = { loss: lastLoss(m, 'ReLU'), first: row(m, 'relu').first };
    m.train(1);
    expect(m.view.step).toBe(1);
    const net = flowNetwork('relu', 10, 8, 1);
    const trainer = createTrainer({ net, data: { train: flowData().train }, optimizer: { kind: 'sgd', lr: 0.1 }, loss: 'bce', seed: 1, stopAtLoss: 0 });
    trainer.run(1);
    const { loss, grad } = net.lossAndGrad(flowData().train.x, flowData().train.y, 'bce');
    expect(lastLoss(m, 'ReLU')).toBe(loss);
    expect(row(m, 'relu').loss).toBe(formatNumber(Number(loss.toPrecision(3))));
    // not step 0's numbers again
    expect(loss).not.toBe(before.loss);
    expect(row(m, 'relu').first).not.toBe(before.first);
    expect(profile(m, 'ReLU')).toEqual(Array.from(gradientProfile(net, grad)));
    const csvRow = m.csv().split('\r\n').find((l) => l.startsWith('loss,1,'))!;
    expect(Number(csvRow.split(',')[4])).toBe(loss);
    expect(m.status).toContain(`ReLU ${row(m, 'relu').loss}`);
    // the loss chart's x axis spans steps 0 to 1; one point alone still gets an axis of its own
    expect(m.lossXMax).toBe(1);
    expect(started().lossXMax).toBe(1);
  });

  test('csv() lists every loss step and each layer’s gradient now and at step 0', () => {
    const m = started({ depth: 2, width: 3 });
    m.train(3);
    const lines = m.csv().trim().split('\r\n');
    expect(lines[0]).toBe('quantity,step_or_layer,sigmoid,tanh,relu');
    const losses = lines.filter((l) => l.startsWith('loss,'));
    expect(losses.map((l) => l.split(',')[1])).toEqual(['0', '1', '2', '3']);
    expect(lines.filter((l) => l.startsWith('gradient_now,'))).toHaveLength(3);
    expect(m.csv()).not.toMatch(/NaN/);
  });
});
