/**
 * Every number chapter 6 quotes, recomputed from the engine: the learning-rate thresholds on the
 * quadratic, the default race (Rosenbrock, tuned presets), the Rosenbrock challenge's window, the
 * damping rates in the valley, Adam's first step and the batch-size noise.
 */
import { describe, expect, test } from 'vitest';
import { createOptimizer, descend, momentumRate, quadraticRegime, race, surface } from '../../src/engine/index.ts';
import { quadratic } from '../../src/engine/descent.ts';
import { LR_GRID, TUNED_LR, defaultSettings, racerNames, runnerFor, settledAt } from '../../src/engine/race-presets.ts';
import { batchData, batchNet, gradientNoise } from '../../src/engine/batch-size.ts';

describe('chapter 6: descent on a curve', () => {
  test('L(w) = (w − 1)² has curvature c = 2: thresholds 1/c = 0.5 and 2/c = 1', () => {
    expect(quadratic.curvature).toBe(2);
    expect(quadraticRegime(0.5, 2).regime).toBe('one-step');
    expect(quadraticRegime(1, 2).regime).toBe('bounce');
    expect(quadraticRegime(1.01, 2).regime).toBe('diverge');
  });
  test('η = 0.02 crawls (factor 0.96, 339 steps), η = 0.25 halves the gap (20 steps), η = 0.75 overshoots (−0.5, 20 steps), η = 1.2 grows ×1.4', () => {
    expect(quadraticRegime(0.02, 2)).toEqual({ regime: 'crawl', factor: 0.96, steps: 339 });
    expect(quadraticRegime(0.25, 2)).toEqual({ regime: 'converge', factor: 0.5, steps: 20 });
    expect(quadraticRegime(0.75, 2)).toEqual({ regime: 'oscillate', factor: -0.5, steps: 20 });
    expect(quadraticRegime(1.2, 2).factor).toBeCloseTo(-1.4, 14);
    // from the widget's start w₀ = −2.5: the first step at η = 0.25 goes to −0.75
    expect(descend(quadratic, -2.5, 0.25, 1).w[1]).toBe(-0.75);
    expect(quadratic.df(-2.5)).toBe(-7);
  });
});

describe('chapter 6: the default race (Rosenbrock from (−1.2, 1), tuned presets, seed 1)', () => {
  const s = surface('rosenbrock');
  const lanes = race(s, racerNames.map((r) => runnerFor(r, defaultSettings(r, TUNED_LR.rosenbrock[r]))), s.start, { steps: 2000, seed: 1 });
  const settled = Object.fromEntries(racerNames.map((r, i) => [r, settledAt(lanes[i], s.minValue)]));
  test('Momentum settles first (step 405), then Adam (976) and Nesterov (1036); GD, SGD, Adagrad and RMSProp never do', () => {
    expect(settled).toEqual({ gd: null, sgd: null, momentum: 405, nesterov: 1036, adagrad: null, rmsprop: null, adam: 976 });
  });
  test('their tuned rates: GD 0.00178, Momentum 0.00316, Adam 0.133, Adagrad 1.78', () => {
    expect(TUNED_LR.rosenbrock).toMatchObject({ gd: 0.00178, momentum: 0.00316, adam: 0.133, adagrad: 1.78 });
  });
  test('GD ends at loss 0.0137 after 2000 steps; Adagrad 0.00017 and RMSProp 0.0078 above the minimum, RMSProp zig-zagging', () => {
    expect(lanes[0].loss[2000]).toBeCloseTo(0.0137, 4);
    const i = (r: string) => racerNames.indexOf(r as never);
    expect(Number((lanes[i('adagrad')].loss[2000] - s.minValue).toPrecision(2))).toBe(0.00017);
    const rms = lanes[i('rmsprop')].loss;
    expect(Number((rms[2000] - s.minValue).toPrecision(2))).toBe(0.0078);
    // zig-zag: over the last 500 steps the loss goes up on about a third of them
    let ups = 0;
    for (let k = 1500; k < 2000; k++) if (rms[k + 1] > rms[k]) ups++;
    expect(ups).toBeGreaterThan(100);
  });
});

describe('chapter 6: the race on the elongated bowl (tuned presets, seed 1)', () => {
  test('Adagrad arrives in 9 steps; GD 51, RMSProp 1861 and Adam 156', () => {
    const s = surface('bowl');
    const lanes = race(s, racerNames.map((r) => runnerFor(r, defaultSettings(r, TUNED_LR.bowl[r]))), s.start, { steps: 2000, seed: 1 });
    const settled = Object.fromEntries(racerNames.map((r, i) => [r, settledAt(lanes[i], s.minValue)]));
    expect(settled).toMatchObject({ adagrad: 9, gd: 51, rmsprop: 1861, adam: 156 });
  });
});

describe('chapter 6: the Rosenbrock challenge', () => {
  const s = surface('rosenbrock');
  const end = (lr: number) => race(s, [{ spec: { kind: 'sgd', lr } }], s.start, { steps: 2000 })[0];
  test('no rate on the grid brings plain GD within 1e-6 of the minimum in 2000 steps', () => {
    for (const lr of LR_GRID) expect(end(lr).reached).toBeNull();
  });
  test('loss below 0.01 at step 2000: η = 0.002 and 0.0023 do it; 0.0019 falls short, 0.0024 is past the edge', () => {
    expect(end(0.0019).loss[2000]).toBeGreaterThan(0.01);
    expect(end(0.002).loss[2000]).toBeLessThan(0.01);
    expect(end(0.0023).loss[2000]).toBeLessThan(0.01);
    expect(end(0.0024).loss[2000]).toBeGreaterThan(0.01);
    // the worked answer's end points
    expect(end(0.002).loss[2000]).toBeCloseTo(0.0086, 4);
    expect(end(0.0023).loss[2000]).toBeCloseTo(0.0046, 4);
    // no grid value (0.00178, 0.00237 …) passes: the learner has to type one
    for (const lr of LR_GRID) expect(end(lr).loss[2000] < 0.01).toBe(false);
  });
});

describe('chapter 6: momentum in the valley θ₁² + 10θ₂² (curvatures 2 and 20) at η = 0.04', () => {
  test('GD shrinks the two directions by 0.92 and 0.2 per step; 166 steps to 1e-6', () => {
    expect(momentumRate(0.04, 0, 2)).toBeCloseTo(0.92, 14);
    expect(momentumRate(0.04, 0, 20)).toBeCloseTo(0.2, 14);
    expect(Math.ceil(Math.log(1e-6) / Math.log(0.92))).toBe(166);
  });
  test('β = 0.52 gives 0.721 in both directions (43 steps); β = 0.9 gives 0.949 (slower than GD)', () => {
    expect(momentumRate(0.04, 0.52, 2)).toBeCloseTo(Math.sqrt(0.52), 12);
    expect(momentumRate(0.04, 0.52, 20)).toBeCloseTo(Math.sqrt(0.52), 12);
    expect(Math.sqrt(0.52)).toBeCloseTo(0.721, 3);
    expect(Math.ceil(Math.log(1e-6) / Math.log(Math.sqrt(0.52)))).toBe(43);
    expect(momentumRate(0.04, 0.9, 2)).toBeCloseTo(0.949, 3);
    expect(momentumRate(0.04, 0.9, 20)).toBeCloseTo(0.949, 3);
    // the critical β for the slow direction, (1 − √(ηλ))²
    expect((1 - Math.sqrt(0.08)) ** 2).toBeCloseTo(0.514, 3);
  });
});

describe('chapter 6: Adam and Adagrad', () => {
  test('Adam’s first step moves every coordinate by lr in the direction of −g (to 1e-9), whatever the size of g', () => {
    const s = surface('rosenbrock');
    const p = Float64Array.from(s.start);
    const g = Float64Array.from(s.grad(p[0], p[1]));
    expect(g[0]).toBeCloseTo(-215.6, 10);
    expect(g[1]).toBeCloseTo(-88, 10);
    const adam = createOptimizer({ kind: 'adam', lr: 0.1 });
    adam.step(p, g);
    expect(p[0] - s.start[0]).toBeCloseTo(0.1, 9);
    expect(p[1] - s.start[1]).toBeCloseTo(0.1, 9);
  });
  test('Adagrad’s first step is lr·sign(g) too, then its steps only shrink on a constant gradient: lr/√t', () => {
    const p = new Float64Array([0]);
    const opt = createOptimizer({ kind: 'adagrad', lr: 1 });
    const moves: number[] = [];
    for (let t = 1; t <= 4; t++) {
      const before = p[0];
      opt.step(p, new Float64Array([-5]));
      moves.push(p[0] - before);
    }
    moves.forEach((m, i) => expect(m).toBeCloseTo(1 / Math.sqrt(i + 1), 9));
  });
});

describe('chapter 6: batch size', () => {
  test('a one-sample gradient is about 16 times as noisy as a 16-sample one (15.7 measured over 4000 draws each)', () => {
    const data = batchData();
    const net = batchNet(1);
    const ratio = gradientNoise(net, data, 1, 4000) / gradientNoise(net, data, 16, 4000);
    expect(ratio).toBeGreaterThan(14);
    expect(ratio).toBeLessThan(18);
    expect(ratio).toBeCloseTo(15.7, 1);
  });
});
