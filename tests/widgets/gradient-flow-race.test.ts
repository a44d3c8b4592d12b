import { describe, expect, test } from 'vitest';
import { FlowRace, LOSS_POINTS, MAX_STEPS } from '../../src/widgets/GradientFlow/race.ts';
import { FlowLoop, type FlowReport } from '../../src/widgets/GradientFlow/loop.ts';

const SMALL = { depth: 3, width: 4, lr: 0.1, seed: 2 };

describe('FlowRace', () => {
  test('advance(budget) keeps the three networks in lockstep across slices', () => {
    const race = new FlowRace(SMALL);
    let total = 0;
    for (let slice = 0; slice < 25; slice++) {
      total += race.advance(1);
      const steps = race.snapshot(false).runs.map((r) => r.step);
      expect(Math.max(...steps) - Math.min(...steps)).toBeLessThanOrEqual(1);
      expect(steps.reduce((a, b) => a + b, 0)).toBe(total);
    }
    expect(total).toBeGreaterThan(3);
  });

  test('advance and trainTo give the same networks as one run each', () => {
    const a = new FlowRace(SMALL);
    while (a.lowest < 40) a.advance(0.5, 40);
    const b = new FlowRace(SMALL);
    b.trainTo(40);
    expect(a.snapshot(false).runs.map((r) => r.loss)).toEqual(b.snapshot(false).runs.map((r) => r.loss));
    expect(a.step).toBe(40);
  });

  test('snapshot(true) thins each loss curve to LOSS_POINTS points, keeping the last', () => {
    const race = new FlowRace({ depth: 2, width: 2, lr: 0.1, seed: 1 });
    race.trainTo(400);
    const thin = race.snapshot(true).runs[0];
    const full = race.snapshot(false).runs[0];
    // the losses measured after 0, 1, …, 400 updates
    expect(full.steps).toHaveLength(401);
    expect(full.steps[0]).toBe(0);
    expect(thin.steps.length).toBeLessThanOrEqual(LOSS_POINTS + 2);
    expect(thin.steps.at(-1)).toBe(400);
    expect(full.losses.at(-1)).toBe(full.loss);
    expect(thin.losses.at(-1)).toBe(full.losses.at(-1));
  });

  test('trainTo never passes MAX_STEPS', { timeout: 120_000 }, () => {
    const race = new FlowRace({ depth: 2, width: 2, lr: 0.03, seed: 1 });
    race.trainTo(MAX_STEPS + 100);
    expect(race.step).toBe(MAX_STEPS);
    expect(race.canTrain).toBe(false);
  });
});

describe('FlowLoop', () => {
  test('reset, step and play/pause report snapshots tagged with the reset version', () => {
    const reports: FlowReport[] = [];
    let pending: (() => void) | null = null;
    const loop = new FlowLoop((r) => reports.push(r), () => (pending = () => loop.tick()), 2, 1e9);
    loop.handle({ type: 'reset', version: 7, settings: SMALL });
    loop.handle({ type: 'step', steps: 5 });
    expect(reports.map((r) => r.type === 'snapshot' && [r.version, r.snapshot.step, r.running])).toEqual([[7, 0, false], [7, 5, false]]);
    loop.handle({ type: 'play', until: 12 });
    for (let i = 0; i < 500 && pending; i++) {
      const next: () => void = pending;
      pending = null;
      next();
    }
    const last = reports.at(-1)!;
    expect(last.type === 'snapshot' && [last.running, last.cause, last.snapshot.step]).toEqual([false, 'reached', 12]);
    expect(loop.playing).toBe(false);
  });
});
