/**
 * Every number the chapter 4 lesson (content/lessons/04-deep-networks.mdx) states about trained
 * networks, computed with the playground's own training code (src/widgets/NetworkPlayground: the
 * same problem builder and session the widget runs in its worker). The worked XOR example's
 * numbers are checked in tests/widgets/xor-example.test.ts. When one of these changes, the prose
 * must change with it: the last test checks that the lesson prints what is asserted here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { deadUnits } from '../../src/engine/index.ts';
import { formatPercent } from '../../src/widgets/NetworkPlayground/format.ts';
import { buildProblem, layerSizes, parameterCount } from '../../src/widgets/NetworkPlayground/problem.ts';
import { Session } from '../../src/widgets/NetworkPlayground/session.ts';
import { cloneState, DEFAULT_STATE, PRESETS, type PlaygroundState } from '../../src/widgets/NetworkPlayground/settings.ts';

// Whole training runs: quick on an idle machine (~20 s for the file), but the machine may be shared.
vi.setConfig({ testTimeout: 300_000 });

const lesson = readFileSync(new URL('../../content/lessons/04-deep-networks.mdx', import.meta.url), 'utf8');

/** The default state with some settings changed. */
const state = (over: Partial<PlaygroundState>): PlaygroundState => ({ ...cloneState(DEFAULT_STATE), ...over });
/** A preset (what the picker gives), with some settings changed afterwards. */
const preset = (name: keyof typeof PRESETS, over: Partial<PlaygroundState> = {}): PlaygroundState => ({
  ...cloneState(PRESETS[name] as PlaygroundState),
  ...over,
});
const session = (s: PlaygroundState) => new Session(buildProblem(s));
const fixed = (x: number, digits: number) => x.toFixed(digits);
const params = (layers: number[]) => parameterCount(layerSizes({ dataset: 'spirals', layers }));

/** Trains epoch by epoch and calls `each` after every one (1-based), until `max` or until training stops. */
function trace(s: Session, max: number, each: (epoch: number, snap: ReturnType<Session['snapshot']>) => void): void {
  for (let e = 1; e <= max; e++) {
    s.runEpochs(1);
    each(s.epoch, s.snapshot());
    if (s.status !== 'training') return;
  }
}

/** The first epoch at which the test loss is below `bound` (or -1), and the lowest test loss seen, within `max` epochs. */
function testLossRun(s: PlaygroundState, bound: number, max: number): { first: number; best: number } {
  let first = -1;
  let best = Infinity;
  trace(session(s), max, (epoch, snap) => {
    best = Math.min(best, snap.test!.loss);
    if (first < 0 && snap.test!.loss < bound) first = epoch;
  });
  return { first, best };
}

describe('chapter 4: layers and parameters', () => {
  test('a 2-4-2-1 network has 12 + 10 + 3 = 25 parameters; 2-8-8-1 has 105', () => {
    expect(parameterCount([2, 4, 2, 1])).toBe(25);
    expect([parameterCount([2, 4]), parameterCount([4, 2]), parameterCount([2, 1])]).toEqual([12, 10, 3]);
    expect(parameterCount([2, 8, 8, 1])).toBe(105);
  });
});

describe('chapter 4: the playground steps of "Try this"', () => {
  test('the XOR preset (two tanh units, lines shown) reaches 100% training accuracy at epoch 18', () => {
    expect(PRESETS.xor.showLines).toBe(true);
    expect(PRESETS.xor.layers).toEqual([2]);
    let solved = -1;
    trace(session(preset('xor')), 60, (epoch, snap) => {
      if (solved < 0 && snap.train.accuracy === 1) solved = epoch;
    });
    expect(solved).toBe(18);
  });

  test('training and test loss are measured alike, and on XOR after 10 epochs the test loss (0.511) is below the training loss (0.542)', () => {
    const s = session(preset('xor'));
    s.runEpochs(10);
    const snap = s.snapshot();
    expect(fixed(snap.train.loss, 3)).toBe('0.542');
    expect(fixed(snap.test!.loss, 3)).toBe('0.511');
    // the curve's last point is the same measurement as the stats
    expect(snap.curve.train.at(-1)).toBeCloseTo(snap.train.loss, 12);
    expect(snap.curve.test.at(-1)).toBeCloseTo(snap.test!.loss, 12);
  });

  test('XOR with seed 1 and 2 units stalls at a loss of about 0.35 (½ ln 2): sure of two corners, about 0.5 at two; accuracy 50–76%; 3 units solve it', () => {
    const stuck = session(preset('xor', { seed: 1 }));
    const accuracies: number[] = [];
    trace(stuck, 1000, (epoch, snap) => {
      if (epoch < 50) return;
      expect(snap.train.loss, `epoch ${epoch}`).toBeGreaterThanOrEqual(0.345);
      expect(snap.train.loss, `epoch ${epoch}`).toBeLessThan(0.37);
      accuracies.push(snap.train.accuracy);
    });
    expect(fixed(Math.LN2 / 2, 2)).toBe('0.35');
    expect([Math.round(Math.min(...accuracies) * 100), Math.round(Math.max(...accuracies) * 100)]).toEqual([50, 76]);
    const out = [[0, 0], [0, 1], [1, 0], [1, 1]].map((c) => stuck.net.forward(c)[0]);
    expect(out[0]).toBeLessThan(0.01);
    expect(out[1]).toBeGreaterThan(0.99);
    for (const y of out.slice(2)) expect(Math.abs(y - 0.5)).toBeLessThan(0.05);
    const spare = session(preset('xor', { seed: 1, layers: [3] }));
    spare.runEpochs(100);
    expect(spare.snapshot().train.accuracy).toBe(1);
  });

  test('no hidden layer on the circle: the training loss settles at 0.69 (ln 2 ≈ 0.693) while the accuracy wanders from 43% to 72%', () => {
    expect(fixed(Math.LN2, 3)).toBe('0.693');
    const accuracies: number[] = [];
    trace(session(preset('linear')), 1000, (epoch, snap) => {
      if (epoch >= 2) expect(fixed(snap.train.loss, 2), `epoch ${epoch}`).toBe('0.69');
      if (epoch >= 30) accuracies.push(snap.train.accuracy);
    });
    expect(Math.round(Math.min(...accuracies) * 100)).toBe(43);
    expect(Math.round(Math.max(...accuracies) * 100)).toBe(72);
  });

  test('one hidden layer of 3 units (2-3-1) on the circle: training loss 0.04 by epoch 300', () => {
    const s = session(preset('linear', { layers: [3] }));
    s.runEpochs(300);
    expect(fixed(s.snapshot().train.loss, 2)).toBe('0.04');
  });

  test('learning rate 30 on 2-4-2-1 diverges in the first epoch', () => {
    const s = session(state({ lr: 30 }));
    s.runEpochs(5);
    expect(s.status).toBe('diverged');
    expect(s.epoch).toBe(1);
  });

  test('learning rate 10 on 2-4-2-1: the loss stays above its start of 0.72 in nearly every epoch and the accuracy never passes 51%; on 2-3-1 it reaches 89% and ends at 0.60, below its start', () => {
    const big = session(state({ lr: 10 }));
    const start = big.snapshot().train.loss;
    expect(fixed(start, 2)).toBe('0.72');
    let above = 0;
    let epochs = 0;
    let best = 0;
    trace(big, 300, (epoch, snap) => {
      if (epoch < 20) return;
      epochs++;
      if (snap.train.loss > start) above++;
      best = Math.max(best, snap.train.accuracy);
    });
    expect(big.status).toBe('training');
    expect(above / epochs).toBeGreaterThan(0.97);
    expect(Math.round(best * 100)).toBe(51);
    // the playground's "training, but not learning" notice: after 20 epochs the loss is above its start
    const at20 = session(state({ lr: 10 }));
    at20.runEpochs(20);
    expect(at20.snapshot().train.loss).toBeGreaterThan(at20.snapshot().curve.train[0]);

    const small = session(preset('linear', { layers: [3], lr: 10 }));
    const smallStart = small.snapshot().train.loss;
    let smallBest = 0;
    trace(small, 300, (_, snap) => (smallBest = Math.max(smallBest, snap.train.accuracy)));
    expect(small.status).toBe('training');
    expect(Math.round(smallBest * 100)).toBe(89);
    expect(fixed(small.snapshot().train.loss, 2)).toBe('0.60');
    expect(small.snapshot().train.loss).toBeLessThan(smallStart);
  });
});

describe('chapter 4: depth against width at equal parameter counts (spirals preset, seed 1)', () => {
  test('the parameter counts: 49, 51, 49 and 177 three ways', () => {
    expect([params([12]), params([5, 5]), params([3, 3, 3, 3])]).toEqual([49, 51, 49]);
    expect([params([44]), params([11, 11]), params([8, 8, 8])]).toEqual([177, 177, 177]);
    expect(PRESETS.spirals.layers).toEqual([8, 8, 8]);
  });

  test.each([
    [[44], 489, '99%'],
    [[11, 11], 353, '100%'],
    [[8, 8, 8], 418, '100%'],
  ])('177 parameters, layers %j: stops on its own at epoch %i with %s test accuracy (as the playground prints it)', (layers, stop, accuracy) => {
    const s = session(preset('spirals', { layers }));
    s.runEpochs(2000);
    expect(s.status).toBe('converged');
    expect(s.epoch).toBe(stop);
    expect(formatPercent(s.snapshot().test!.accuracy)).toBe(accuracy);
    if (layers.length === 1) expect(s.snapshot().test!.accuracy * 120).toBeCloseTo(119, 9);
  });

  test.each([
    [[12], '83%', '90%'],
    [[5, 5], '80%', '91%'],
    [[3, 3, 3, 3], '78%', '83%'],
  ])('about 50 parameters, layers %j: test accuracy between %s and %s over epochs 500 to 700', (layers, low, high) => {
    const s = session(preset('spirals', { layers }));
    const seen: number[] = [];
    trace(s, 700, (epoch, snap) => {
      if (epoch >= 500) seen.push(snap.test!.accuracy);
    });
    expect(s.status).toBe('training');
    expect(seen).toHaveLength(201);
    expect([formatPercent(Math.min(...seen)), formatPercent(Math.max(...seen))]).toEqual([low, high]);
  });

  test('seeds 1 to 5 after 600 epochs: every 177-parameter network reaches 97.5%, no 50-parameter one reaches 96%', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const layers of [[44], [11, 11], [8, 8, 8]]) {
        const s = session(preset('spirals', { layers, seed }));
        s.runEpochs(600);
        expect(s.snapshot().test!.accuracy, `${layers} seed ${seed}`).toBeGreaterThanOrEqual(0.975);
      }
      for (const layers of [[12], [5, 5], [3, 3, 3, 3]]) {
        const s = session(preset('spirals', { layers, seed }));
        s.runEpochs(600);
        expect(s.snapshot().test!.accuracy, `${layers} seed ${seed}`).toBeLessThan(0.96);
      }
    }
  });

  test('four layers of 3: two of the last hidden layer\'s three units are dead at step 0; with seeds 4 and 5 all three die and the loss sits at ln 2', () => {
    const p = buildProblem(preset('spirals', { layers: [3, 3, 3, 3] }));
    const s = new Session(p);
    expect(deadUnits(s.net, p.train.x)).toEqual([0, 0, 0, 2]);
    for (const seed of [4, 5]) {
      const q = buildProblem(preset('spirals', { layers: [3, 3, 3, 3], seed }));
      const t = new Session(q);
      t.runEpochs(600);
      expect(deadUnits(t.net, q.train.x).at(-1)).toBe(3);
      expect(fixed(t.snapshot().test!.loss, 3)).toBe('0.693');
    }
  });
});

describe('chapter 4: initialisation', () => {
  test('the playground starts from Glorot (Xavier) by default; on the spirals preset He stops at epoch 158 instead of 418', () => {
    expect(DEFAULT_STATE.init).toBe('xavier');
    expect(PRESETS.spirals.init).toBe('xavier');
    expect(buildProblem(DEFAULT_STATE).init).toBe('xavier');
    const glorot = session(preset('spirals'));
    glorot.runEpochs(2000);
    expect([glorot.status, glorot.epoch]).toEqual(['converged', 418]);
    const he = session(preset('spirals', { init: 'he' }));
    he.runEpochs(2000);
    expect([he.status, he.epoch]).toEqual(['converged', 158]);
    // Glorot's variance 2/(n_in + n_out) against He's 2/n_in, for a layer from 8 units to 8
    expect([2 / (8 + 8), 2 / 8]).toEqual([1 / 8, 1 / 4]);
  });
});

describe('chapter 4: over-fitting, validation and more data', () => {
  /** 100 noisy points: 30 test, 20 validation, 50 training; 2-12-12-12-1 ReLU with Adam. */
  const over = state({
    dataset: 'circle',
    noise: 0.2,
    points: 100,
    testFraction: 0.3,
    validFraction: 0.2,
    layers: [12, 12, 12],
    activation: 'relu',
    optimizer: 'adam',
    lr: 0.03,
    batchSize: 10,
  });

  test('the split: 50 training, 20 validation and 30 test points', () => {
    const p = buildProblem(over);
    expect([p.train.x.length, p.valid.x.length, p.test.x.length]).toEqual([50, 20, 30]);
    expect(parameterCount(layerSizes(over))).toBe(361);
  });

  test('the validation loss is lowest at epoch 6 (0.23); the run stops itself at epoch 82 with validation 0.78; test 0.47 at epoch 6 against 1.60 at the end', () => {
    const s = session(over);
    const rows: { epoch: number; train: number; valid: number; test: number }[] = [];
    trace(s, 500, (epoch, snap) => rows.push({ epoch, train: snap.train.loss, valid: snap.valid!.loss, test: snap.test!.loss }));
    expect(s.status).toBe('converged');
    expect(s.epoch).toBe(82);
    const best = rows.reduce((a, b) => (b.valid < a.valid ? b : a));
    expect(best.epoch).toBe(6);
    expect(fixed(best.valid, 2)).toBe('0.23');
    expect(fixed(best.test, 2)).toBe('0.47');
    expect(fixed(rows[19].train, 4)).toBe('0.0008');
    const last = rows.at(-1)!;
    expect(fixed(last.valid, 2)).toBe('0.78');
    expect(last.valid / best.valid).toBeGreaterThan(3);
    expect(fixed(last.test, 2)).toBe('1.60');
    expect(last.train).toBeLessThan(1e-3);
    const at60 = rows[59];
    expect([fixed(at60.train, 4), fixed(at60.valid, 2), fixed(at60.test, 2)]).toEqual(['0.0002', '0.72', '1.50']);
  });

  test('early stopping by hand: Restart and Step six times gives the weights of epoch 6', () => {
    const once = session(over);
    for (let i = 0; i < 6; i++) once.runEpochs(1);
    const again = session(over);
    again.runEpochs(6);
    expect(once.snapshot().params).toEqual(again.snapshot().params);
    expect(fixed(once.snapshot().test!.loss, 2)).toBe('0.47');
  });

  test('800 points (400 training): after 60 epochs 0.22 / 0.31 / 0.26; by epoch 500 the validation loss has risen to 0.86', () => {
    const more = { ...over, points: 800 };
    const p = buildProblem(more);
    expect([p.train.x.length, p.valid.x.length, p.test.x.length]).toEqual([400, 160, 240]);
    const s = session(more);
    s.runEpochs(60);
    const m = s.snapshot();
    expect([fixed(m.train.loss, 2), fixed(m.valid!.loss, 2), fixed(m.test!.loss, 2)]).toEqual(['0.22', '0.31', '0.26']);
    s.runEpochs(440);
    expect(s.epoch).toBe(500);
    expect(fixed(s.snapshot().valid!.loss, 2)).toBe('0.86');
    expect(s.snapshot().train.loss).toBeGreaterThan(0.15);
  });
});

describe('chapter 4: exercises and the challenge', () => {
  test('three linear hidden layers of 4 on the circle settle at a training loss of 0.69 from epoch 30 on', () => {
    trace(session(preset('linear', { layers: [4, 4, 4], activation: 'linear' })), 1000, (epoch, snap) => {
      if (epoch >= 30) expect(fixed(snap.train.loss, 2), `epoch ${epoch}`).toBe('0.69');
    });
  });

  test('σ(−5) = 0.006693, which is 0.0067 to four decimals, and the exercise accepts only that rounding', () => {
    const a2 = 1 / (1 + Math.exp(5));
    expect(fixed(a2, 6)).toBe('0.006693');
    expect(Math.abs(0.0067 - a2)).toBeLessThan(0.00005);
    for (const wrong of [0.007, 0.0066, 0.0068]) expect(Math.abs(wrong - 0.0067)).toBeGreaterThan(0.00005);
  });

  test('the challenge at the defaults (seed 1): 2-4-1 gets below 0.1 at epoch 96; 2-3-1 at 132; 2-3-1-1 at 82; 2-2-2-1 never below 0.36', () => {
    expect(DEFAULT_STATE).toMatchObject({ dataset: 'circle', activation: 'tanh', optimizer: 'sgd', lr: 0.3, batchSize: 10, seed: 1, loss: 'bce' });
    expect(testLossRun(state({ layers: [4] }), 0.1, 1000).first).toBe(96);
    expect(testLossRun(state({ layers: [3] }), 0.1, 1000).first).toBe(132);
    expect(testLossRun(state({ layers: [3, 1] }), 0.1, 1000).first).toBe(82);
    const twoTwo = testLossRun(state({ layers: [2, 2] }), 0.1, 1000);
    expect(twoTwo.first).toBe(-1);
    expect(fixed(twoTwo.best, 2)).toBe('0.36');
  });

  test('the challenge: 2-2-2-1 stays above a test loss of 0.2 with every seed from 1 to 8', () => {
    for (let seed = 1; seed <= 8; seed++) {
      expect(testLossRun(state({ layers: [2, 2], seed }), 0.1, 1000).best, `seed ${seed}`).toBeGreaterThan(0.2);
    }
  });
});

describe('chapter 4: the lesson prints these numbers', () => {
  test.each([
    '0.542',
    '0.511',
    'about 0.35 and stays there',
    'between 50% and 76%',
    'settles at 0.69',
    'between 43% and 72%',
    'the training loss is 0.04',
    'above the 0.72 it began from',
    'never gets past 51%',
    'reaches 89% at times',
    'its loss, 0.60',
    'stops on its own at epoch 418',
    'it stops at epoch 489, with 99% (119 of the 120 test points)',
    '| 2-12-1 | 49 | 83–90% |',
    '| 2-5-5-1 | 51 | 80–91% |',
    '| 2-3-3-3-3-1 | 49 | 78–83% |',
    '| 2-44-1 | 177 | 99% |',
    '| 2-11-11-1 | 177 | 100% |',
    '| 2-8-8-8-1 (preset) | 177 | 100% |',
    'at epochs 489, 353 and 418',
    'from epoch 500 to epoch 700',
    'at least 97.5% test accuracy',
    'reaches 96%',
    'lowest after epoch 6, at 0.23',
    '(0.0008 by epoch 20)',
    'epoch 82',
    'the validation loss is 0.78',
    '0.47, against 1.60',
    'training loss is 0.22, and the validation and test losses are 0.31 and 0.26',
    'they were 0.0002, 0.72 and 1.50',
    'by epoch 500 its validation loss has risen to 0.86',
    'answer={158}',
    'answer={0.69} tolerance={0.005}',
    'answer={0.0067} tolerance={0.00005}',
    'epoch 96',
    'never gets below 0.36 in 1000 epochs',
    '2-3-1 gets there at epoch 132',
    'gets there at epoch 82',
  ])('the lesson says %s', (printed) => {
    expect(lesson.replace(/\s+/g, ' ')).toContain(printed);
  });
});
