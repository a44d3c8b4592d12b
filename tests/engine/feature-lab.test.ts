import { describe, expect, test } from 'vitest';
import {
  dataset,
  featureColumns,
  featureRows,
  LAB_HIDDEN,
  LAB_RECIPE,
  labData,
  labDatasetNames,
  linspace,
  LinearFeatureModel,
  NetworkModel,
  numericalLossGrad,
  TEST_SEED_OFFSET,
} from '../../src/engine/index.ts';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const LN2 = Math.log(2);
const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));

describe('LAB_RECIPE', () => {
  test('both models are trained by full-batch Adam at η = 0.05 for 1000 steps; the network has 1 to 8 units, 4 by default', () => {
    expect(LAB_RECIPE.optimizer).toEqual({ kind: 'adam', lr: 0.05 });
    expect(LAB_RECIPE.steps).toBe(1000);
    expect(LAB_HIDDEN).toEqual({ min: 1, max: 8, default: 4 });
    expect(labDatasetNames).toEqual(['circle', 'quadrants', 'petals']);
  });
});

describe('labData', () => {
  test.each(labDatasetNames.map((n) => [n] as const))('labData(%s): train and test each exactly half class 1, different points, seeded', (name) => {
    const d = labData(name);
    for (const part of [d.train, d.test]) {
      expect(part.x.length).toBe(200);
      expect(part.labels.filter((l) => l === 1).length).toBe(100);
      expect(part.y.map((row) => row[0])).toEqual(part.labels);
    }
    const trainKeys = new Set(d.train.x.map((p) => p.join(',')));
    expect(d.test.x.some((p) => trainKeys.has(p.join(',')))).toBe(false);
    // the test points are the training points of the offset seed
    expect(d.test).toEqual(dataset(name, { seed: 1 + TEST_SEED_OFFSET }).train);
    expect(labData(name)).toEqual(d);
    expect(labData(name, 2).train).not.toEqual(d.train);
    expect(labData(name, 2).test).not.toEqual(d.test);
    const small = labData(name, 3, 50);
    expect(small.train.x.length).toBe(50);
    expect(small.test.x.length).toBe(50);
    expect(small.train.labels.filter((l) => l === 1).length).toBe(25);
  });

  test('labData rejects other datasets and a bad size', () => {
    expect(() => labData('xor' as never)).toThrow(/unknown dataset "xor"; known: circle, quadrants, petals/);
    expect(() => labData('circle', 1, 0)).toThrow(/n must be a positive integer, got 0/);
  });
});

describe('LinearFeatureModel', () => {
  const circle = labData('circle');
  const all = ['x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];
  // w on x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂, then b
  const someParams = [0.3, -0.7, 1.2, -0.4, 0.9, -1.1, 0.5, 0.2];

  test('starts from zero weights: ŷ = 0.5 everywhere and the loss is ln 2', () => {
    const m = new LinearFeatureModel(circle, ['x2sq', 'x1sq']);
    expect(m.columns).toEqual(['x1', 'x2', 'x1sq', 'x2sq']);
    expect(Array.from(m.net.params)).toEqual([0, 0, 0, 0, 0]);
    expect(m.net.sizes).toEqual([4, 1]);
    expect(m.step).toBe(0);
    expect(m.budget).toBe(1000);
    expect(m.probability(0.3, -0.9)).toBe(0.5);
    const s = m.score();
    expect(s.train.loss).toBeCloseTo(LN2, 14);
    expect(s.test!.loss).toBeCloseTo(LN2, 14);
    expect(new LinearFeatureModel({ train: circle.train }, []).score().test).toBeNull();
  });

  test('weights, bias, logit and probability: z = b + Σ wₖ·fₖ(x₁, x₂) and ŷ = σ(z)', () => {
    const m = new LinearFeatureModel(circle, all);
    m.net.params.set(someParams);
    expect(m.weights.map((w) => [w.key, w.label, w.weight])).toEqual([
      ['x1', 'x₁', 0.3],
      ['x2', 'x₂', -0.7],
      ['x1sq', 'x₁²', 1.2],
      ['x2sq', 'x₂²', -0.4],
      ['x1x2', 'x₁x₂', 0.9],
      ['sinx1', 'sin x₁', -1.1],
      ['sinx2', 'sin x₂', 0.5],
    ]);
    expect(m.bias).toBe(0.2);
    // at (0.5, −2): features 0.5, −2, 0.25, 4, −1, sin 0.5, sin(−2)
    const z = 0.2 + 0.3 * 0.5 - 0.7 * -2 + 1.2 * 0.25 - 0.4 * 4 + 0.9 * -1 - 1.1 * Math.sin(0.5) + 0.5 * Math.sin(-2);
    expect(m.logit(0.5, -2)).toBeCloseTo(z, 14);
    // = −0.45 − 1.1 sin 0.5 + 0.5 sin(−2) = −0.45 − 0.5273681 − 0.4546487
    expect(m.logit(0.5, -2)).toBeCloseTo(-0.45 - 1.1 * Math.sin(0.5) + 0.5 * Math.sin(-2), 14);
    expect(m.logit(0.5, -2)).toBeCloseTo(-1.4320168, 7);
    expect(m.probability(0.5, -2)).toBeCloseTo(sigma(z), 15);
    // the network behind it sees the same feature row
    const row = featureRows([[0.5, -2]], m.columns)[0];
    expect(m.net.forward(row)[0]).toBeCloseTo(m.probability(0.5, -2), 15);
  });

  test('the gradient of the mean cross-entropy matches central differences and the hand formula mean((σ(z) − y)·fₖ)', () => {
    const m = new LinearFeatureModel(circle, all);
    m.net.params.set(someParams);
    const rows = featureRows(circle.train.x, m.columns);
    const y = circle.train.y;
    const { loss, grad } = m.net.lossAndGrad(rows, y, 'bce');
    // h = 1e-5 balances truncation (h²) against rounding (1e-16 / h): relative error about 3e-10
    const numeric = numericalLossGrad(m.net, rows, y, 'bce', 1e-5);
    expect(Array.from(m.net.params)).toEqual(someParams); // restored after the nudges
    const diff = Array.from(grad, (g, i) => g - numeric[i]);
    expect(norm(grad)).toBeGreaterThan(0.1);
    expect(norm(diff) / norm(grad)).toBeLessThan(1e-8);

    const K = m.columns.length;
    const hand = new Array<number>(K + 1).fill(0);
    let handLoss = 0;
    rows.forEach((f, i) => {
      const z = someParams[K] + f.reduce((s, v, k) => s + someParams[k] * v, 0);
      const p = sigma(z);
      const t = y[i][0];
      handLoss -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
      for (let k = 0; k < K; k++) hand[k] += (p - t) * f[k];
      hand[K] += p - t; // the bias's feature is 1
    });
    expect(loss).toBeCloseTo(handLoss / rows.length, 12);
    hand.forEach((h, k) => expect(grad[k]).toBeCloseTo(h / rows.length, 12));
  });

  test('predictGrid is the probability at each grid point, row r at ys[r]; it reuses an array of the right size', () => {
    const m = new LinearFeatureModel(circle, ['x1x2', 'sinx2']);
    m.advance(40);
    const xs = linspace(-1.5, 1.5, 6);
    const ys = linspace(1.5, -1.5, 4);
    const grid = m.predictGrid(xs, ys);
    expect(grid.length).toBe(24);
    for (let r = 0; r < 4; r++) for (let c = 0; c < 6; c++) expect(grid[r * 6 + c]).toBe(m.probability(xs[c], ys[r]));
    const out = new Float64Array(24);
    expect(m.predictGrid(xs, ys, out)).toBe(out);
    expect(out).toEqual(grid);
    expect(m.predictGrid(xs, ys, new Float64Array(3)).length).toBe(24);
  });

  test('the circle is separable by x₁², x₂²: a hand-picked line r² < 0.36 classifies every point', () => {
    // class 1 has r < 0.5 (z > 0.36 − 0.25 = 0.11), class 0 has r ≥ 0.7 (z ≤ 0.36 − 0.49 = −0.13)
    const m = new LinearFeatureModel(circle, ['x1sq', 'x2sq']);
    m.net.params.set([0, 0, -1, -1, 0.36]);
    for (const part of [circle.train, circle.test]) {
      part.x.forEach(([a, b], i) => {
        const z = m.logit(a, b);
        if (part.labels[i] === 1) expect(z).toBeGreaterThan(0.11);
        else expect(z).toBeLessThanOrEqual(-0.13 + 1e-12);
      });
    }
    const s = m.score();
    expect(s.train.accuracy).toBe(1);
    expect(s.test!.accuracy).toBe(1);
  });

  test('circle on raw x₁, x₂: no line helps, so after the full budget the loss stays near ln 2 and the test accuracy near chance', () => {
    const m = new LinearFeatureModel(circle, []);
    expect(m.advance()).toBe(1000);
    const s = m.score();
    expect(Math.abs(s.train.loss - LN2)).toBeLessThan(0.01);
    expect(s.test!.accuracy).toBeGreaterThan(0.4);
    expect(s.test!.accuracy).toBeLessThan(0.6);
  });

  test('circle with x₁², x₂²: every training and test point right, loss below 0.05', () => {
    const m = new LinearFeatureModel(circle, ['x1sq', 'x2sq']);
    m.advance();
    expect(m.step).toBe(1000); // stopAtLoss 0: the whole budget, always
    expect(m.finished).toBe(true);
    const s = m.score();
    expect(s.train.accuracy).toBe(1);
    expect(s.test!.accuracy).toBe(1);
    expect(s.train.loss).toBeLessThan(0.05);
    expect(s.test!.loss).toBeLessThan(0.05);
    // the learnt boundary is a circle: equal, negative weights on x₁² and x₂², positive bias
    const [, , w1sq, w2sq] = m.weights.map((w) => w.weight);
    expect(w1sq).toBeLessThan(0);
    expect(w2sq).toBeLessThan(0);
    expect(Math.abs(w1sq - w2sq) / Math.abs(w1sq)).toBeLessThan(0.2);
    expect(m.bias).toBeGreaterThan(0);
  });

  test('sin x₁, sin x₂ do not separate the circle', () => {
    // sin is odd and nearly linear on [−1, 1] (sin x = x − x³/6 + …, sin 1 ≈ 0.84), so sin x₁ and
    // sin x₂ are little more than rescaled copies of x₁ and x₂: the boundary stays close to a
    // straight line. The circle needs an even function of the point, such as x₁² + x₂².
    const m = new LinearFeatureModel(circle, ['sinx1', 'sinx2']);
    m.advance();
    expect(m.score().test!.accuracy).toBeLessThan(0.7);
  });

  test('quadrants: x₁x₂ separates them (x₁x₂ > 0 is class 1), raw inputs do not', () => {
    const quadrants = labData('quadrants');
    const hand = new LinearFeatureModel(quadrants, ['x1x2']);
    hand.net.params.set([0, 0, 1, 0]);
    expect(hand.score().train.accuracy).toBe(1);
    expect(hand.score().test!.accuracy).toBe(1);

    const product = new LinearFeatureModel(quadrants, ['x1x2']);
    product.advance();
    expect(product.score().test!.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(product.weights[2].weight).toBeGreaterThan(0);
    const raw = new LinearFeatureModel(quadrants, []);
    raw.advance();
    expect(raw.score().test!.accuracy).toBeLessThanOrEqual(0.65);
  });

  test('advance never passes the budget; a smaller budget can be given', () => {
    const m = new LinearFeatureModel(circle, [], 50);
    expect(m.budget).toBe(50);
    expect(m.advance(30)).toBe(30);
    expect(m.finished).toBe(false);
    expect(m.advance(30)).toBe(20);
    expect(m.step).toBe(50);
    expect(m.advance()).toBe(0);
    expect(m.finished).toBe(true);
    expect(() => new LinearFeatureModel(circle, [], 0)).toThrow(/steps must be a positive integer, got 0/);
    expect(() => new LinearFeatureModel(circle, ['x9'])).toThrow(/got "x9"/);
  });
});

describe('NetworkModel', () => {
  const circle = labData('circle');

  test('a 2-H-1 tanh network: unit(u) reads its weights from torch\'s layout', () => {
    const m = new NetworkModel(circle, 3, 5);
    expect(m.hidden).toBe(3);
    expect(m.net.sizes).toEqual([2, 3, 1]);
    const p = m.net.params;
    // W¹ (3 × 2) row-major, b¹ (3), W² (1 × 3), b² (1)
    expect(p.length).toBe(13);
    expect(m.unit(1)).toEqual({ w1: p[2], w2: p[3], b: p[7], out: p[10] });
    // ŷ = σ(Σᵤ outᵤ·tanh(w1ᵤ·x₁ + w2ᵤ·x₂ + bᵤ) + b²)
    m.advance(20);
    const [x1, x2] = [0.4, -0.3];
    let z = m.net.params[12];
    for (let u = 0; u < 3; u++) {
      const { w1, w2, b, out } = m.unit(u);
      z += out * Math.tanh(w1 * x1 + w2 * x2 + b);
    }
    expect(m.probability(x1, x2)).toBeCloseTo(sigma(z), 14);
  });

  test('unitMaps holds hidden × cells values, each tanh(w1·x + w2·y + b) of that unit; predictGrid matches probability', () => {
    const m = new NetworkModel(circle, 4, 2);
    m.advance(50);
    const xs = linspace(-1.5, 1.5, 5);
    const ys = linspace(1.5, -1.5, 3);
    const n = 15;
    const maps = m.unitMaps(xs, ys);
    expect(maps.length).toBe(4 * n);
    for (let u = 0; u < 4; u++) {
      const { w1, w2, b } = m.unit(u);
      const map = maps.subarray(u * n, (u + 1) * n);
      for (let r = 0; r < 3; r++) for (let c = 0; c < 5; c++) expect(map[r * 5 + c]).toBeCloseTo(Math.tanh(w1 * xs[c] + w2 * ys[r] + b), 14);
    }
    const grid = m.predictGrid(xs, ys);
    expect(grid.length).toBe(n);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 5; c++) expect(grid[r * 5 + c]).toBeCloseTo(m.probability(xs[c], ys[r]), 14);
    const out = new Float64Array(n);
    expect(m.predictGrid(xs, ys, out)).toBe(out);
    expect(out).toEqual(grid);
  });

  test('advance never passes the budget: 10 three times is step 30, then the rest, then nothing', () => {
    const m = new NetworkModel(circle);
    expect(m.hidden).toBe(4);
    expect(m.budget).toBe(1000);
    for (let i = 0; i < 3; i++) expect(m.advance(10)).toBe(10);
    expect(m.step).toBe(30);
    expect(m.finished).toBe(false);
    expect(m.advance()).toBe(970);
    expect(m.step).toBe(1000);
    expect(m.advance()).toBe(0);
    expect(m.step).toBe(1000);
    expect(m.finished).toBe(true);
    // the 4-unit network makes its own features and gets every training point right
    expect(m.score().train.accuracy).toBe(1);
  });

  test('the same seed gives identical weights, before and after training; another seed different ones', () => {
    const a = new NetworkModel(circle, 4, 7);
    const b = new NetworkModel(circle, 4, 7);
    const c = new NetworkModel(circle, 4, 8);
    expect(b.net.params).toEqual(a.net.params);
    expect(c.net.params).not.toEqual(a.net.params);
    a.advance(100);
    b.advance(100);
    expect(b.net.params).toEqual(a.net.params);
  });

  test('bad sizes throw', () => {
    expect(() => new NetworkModel(circle, 0)).toThrow(/hidden must be a positive integer, got 0/);
    expect(() => new NetworkModel(circle, 2.5)).toThrow(/hidden must be a positive integer/);
    expect(() => new NetworkModel(circle, 65)).toThrow(/at most 64 units, got 65/);
    expect(() => new NetworkModel(circle, 4, 1, -1)).toThrow(/steps must be a positive integer, got -1/);
  });
});

test('featureColumns and the linear model agree on the columns', () => {
  const m = new LinearFeatureModel(labData('petals'), ['sinx2', 'x1x2']);
  expect(m.columns).toEqual(featureColumns(['sinx2', 'x1x2']));
  expect(m.net.params.length).toBe(m.columns.length + 1);
});
