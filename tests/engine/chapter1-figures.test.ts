/**
 * Every number the chapter 1 lesson (content/lessons/01-ai-ml-dl.mdx) states, recomputed from the
 * engine: the feature lab's runs on the circle, the quadrants and the petals, the data-size curves,
 * the exercises' answers and the timeline's dates. Each figure is also looked for in the lesson's
 * text, so a changed number cannot stay behind in the prose.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { createMLP, dataSizeCurve, labData, LinearFeatureModel, NetworkModel, type LabDatasetName } from '../../src/engine/index.ts';
import { TIMELINE } from '../../src/widgets/CourseIntro/timeline.ts';

// Two whole data-size curves (80 trainings each): a few seconds on an idle machine.
vi.setConfig({ testTimeout: 300_000 });

const lesson = readFileSync(new URL('../../content/lessons/01-ai-ml-dl.mdx', import.meta.url), 'utf8');
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const fixed = (v: number, d: number) => v.toFixed(d);
/** The text must contain this figure (exactly as printed). */
const inLesson = (text: string) => expect(lesson, `the lesson should say "${text}"`).toContain(text);

function linear(name: LabDatasetName, hand: string[]) {
  const m = new LinearFeatureModel(labData(name), hand);
  m.advance();
  return { model: m, score: m.score() };
}
function network(name: LabDatasetName, hidden: number, seed = 1) {
  const m = new NetworkModel(labData(name), hidden, seed);
  m.advance();
  return { model: m, score: m.score() };
}

describe('chapter 1: the circle without features', () => {
  const { score } = linear('circle', []);
  test('loss 0.6914 (ln 2 = 0.6931), 51.5% of the training points and 55.0% of the test points', () => {
    expect(fixed(score.train.loss, 4)).toBe('0.6914');
    expect(fixed(Math.log(2), 4)).toBe('0.6931');
    expect(pct(score.train.accuracy)).toBe('51.5%');
    expect(pct(score.test!.accuracy)).toBe('55.0%');
    for (const s of ['0.6914', '0.6931', '51.5%', '55.0%']) inLesson(s);
  });
  test('the data: 100 points inside radius 0.5, 100 on the ring from 0.7 to 1', () => {
    const d = labData('circle');
    const inner = d.train.x.filter((_, i) => d.train.labels[i] === 1);
    expect(inner.length).toBe(100);
    expect(d.train.x.length).toBe(200);
    expect(Math.max(...inner.map(([a, b]) => Math.hypot(a, b)))).toBeLessThanOrEqual(0.5);
    const ring = d.train.x.filter((_, i) => d.train.labels[i] === 0).map(([a, b]) => Math.hypot(a, b));
    expect(Math.min(...ring)).toBeGreaterThanOrEqual(0.7);
    expect(Math.max(...ring)).toBeLessThanOrEqual(1);
  });
});

describe('chapter 1: hand-made features', () => {
  test('x₁², x₂²: every point right, loss 0.0211, weights −14.80 and −15.43, bias 5.43, boundary radius about 0.6', () => {
    const { model, score } = linear('circle', ['x1sq', 'x2sq']);
    expect(score.train.accuracy).toBe(1);
    expect(score.test!.accuracy).toBe(1);
    expect(fixed(score.train.loss, 4)).toBe('0.0211');
    const w = Object.fromEntries(model.weights.map((x) => [x.key, x.weight]));
    expect(fixed(w.x1sq, 2)).toBe('-14.80');
    expect(fixed(w.x2sq, 2)).toBe('-15.43');
    expect(fixed(model.bias, 2)).toBe('5.43');
    expect(Math.abs(w.x1)).toBeLessThan(0.2);
    expect(Math.abs(w.x2)).toBeLessThan(0.2);
    // z = 0 along each axis: r = √(b / |w|), both about 0.6
    expect(Math.sqrt(model.bias / -w.x1sq)).toBeCloseTo(0.6, 1);
    expect(Math.sqrt(model.bias / -w.x2sq)).toBeCloseTo(0.6, 1);
    for (const s of ['0.0211', '$-14.80$', '$-15.43$', '$5.43$']) inLesson(s);
  });
  test('sin x₁, sin x₂ do not help (56.5% of the test points); x₁² with x₁x₂ gets 82.0%', () => {
    expect(pct(linear('circle', ['sinx1', 'sinx2']).score.test!.accuracy)).toBe('56.5%');
    expect(pct(linear('circle', ['x1sq', 'x1x2']).score.test!.accuracy)).toBe('82.0%');
    inLesson('56.5%');
    inLesson('82.0%');
  });
  test('exactly two hand-made features get every circle point right only as x₁², x₂²', () => {
    const keys = ['x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];
    const perfect: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const { score } = linear('circle', [keys[i], keys[j]]);
        if (score.train.accuracy === 1 && score.test!.accuracy === 1) perfect.push(`${keys[i]}+${keys[j]}`);
      }
    }
    expect(perfect).toEqual(['x1sq+x2sq']);
  });
  test('quadrants: x₁², x₂² useless (47.0%); x₁x₂ learns weight 19.11 and gets 94.0%', () => {
    expect(pct(linear('quadrants', ['x1sq', 'x2sq']).score.test!.accuracy)).toBe('47.0%');
    const { model, score } = linear('quadrants', ['x1x2']);
    expect(fixed(model.weights.find((w) => w.key === 'x1x2')!.weight, 2)).toBe('19.11');
    expect(pct(score.test!.accuracy)).toBe('94.0%');
    for (const s of ['47.0%', '19.11', '94.0%']) inLesson(s);
  });
});

describe('chapter 1: the network makes its own features', () => {
  test('four tanh units on x₁, x₂: 100% of the training points, 99.0% of the test points', () => {
    const { score } = network('circle', 4);
    expect(score.train.accuracy).toBe(1);
    expect(pct(score.test!.accuracy)).toBe('99.0%');
    inLesson('99.0%');
  });
  test('three units: 95.0% of the test points; one or two fall short of enclosing the disc', () => {
    expect(pct(network('circle', 3).score.test!.accuracy)).toBe('95.0%');
    expect(network('circle', 2).score.test!.accuracy).toBeLessThan(0.8);
    expect(network('circle', 1).score.test!.accuracy).toBeLessThan(0.7);
    inLesson('95.0%');
  });
});

describe('chapter 1: data size', () => {
  const circle = dataSizeCurve({ dataset: 'circle' });
  const petals = dataSizeCurve({ dataset: 'petals' });
  const at = (r: typeof circle, which: 'linear' | 'network', n: number) => r[which].mean[r.sizes.indexOf(n)];

  test('sizes 8 to 1024, five runs each, 2000 fresh test points; the network has 33 parameters, the linear model 8', () => {
    expect(circle.sizes).toEqual([8, 16, 32, 64, 128, 256, 512, 1024]);
    expect(circle.linear.runs[0].length).toBe(5);
    expect(createMLP({ sizes: [2, 8, 1], hidden: 'tanh', output: 'sigmoid' }).params.length).toBe(33);
    expect(createMLP({ sizes: [7, 1], hidden: 'linear', output: 'sigmoid' }).params.length).toBe(8);
    for (const s of ['from 8 to 1024', 'five times', '2000 fresh points', '33 weights and biases', '8 weights and biases']) inLesson(s);
  });
  test('circle: at 32 points 99.6% against 94.8%; the network reaches 99.9% at 128; both perfect from 256; never passes', () => {
    expect(pct(at(circle, 'linear', 32))).toBe('99.6%');
    expect(pct(at(circle, 'network', 32))).toBe('94.8%');
    expect(pct(at(circle, 'network', 128))).toBe('99.9%');
    expect(at(circle, 'network', 64)).toBeLessThan(0.99);
    for (const n of [256, 512, 1024]) {
      expect(at(circle, 'linear', n)).toBe(1);
      expect(at(circle, 'network', n)).toBe(1);
    }
    expect(circle.crossing).toEqual({ kind: 'never' });
    for (const s of ['99.6%', '94.8%', '99.9%', '128', '256 points']) inLesson(s);
  });
  test('petals: linear 82.3% at 32 and 85.7% at 1024; the network passes between 16 and 32 and reaches 92.2% at 64, 98.7% at 1024', () => {
    expect(pct(at(petals, 'linear', 32))).toBe('82.3%');
    expect(pct(at(petals, 'linear', 1024))).toBe('85.7%');
    expect(pct(at(petals, 'network', 64))).toBe('92.2%');
    expect(pct(at(petals, 'network', 1024))).toBe('98.7%');
    expect(petals.crossing).toMatchObject({ kind: 'crossed', from: 16, to: 32 });
    // the exercise's worked answer
    expect(pct(at(petals, 'linear', 16))).toBe('76.8%');
    expect(pct(at(petals, 'network', 16))).toBe('71.9%');
    expect(pct(at(petals, 'network', 32))).toBe('83.2%');
    for (const s of ['82.3%', '85.7%', '92.2%', '98.7%', 'between 16 and 32', '76.8%', '71.9%', '83.2%']) inLesson(s);
  });
});

describe('chapter 1: exercises', () => {
  test('the boundary of 5.4 − 15 (x₁² + x₂²) is the circle of radius 0.6', () => {
    expect(Math.sqrt(5.4 / 15)).toBeCloseTo(0.6, 12);
    inLesson('answer={0.6} tolerance={0.005}');
  });
  test('2-8-1 has 16 + 8 + 8 + 1 = 33 parameters; the crossing exercise answers 16', () => {
    expect(16 + 8 + 8 + 1).toBe(createMLP({ sizes: [2, 8, 1], hidden: 'tanh', output: 'sigmoid' }).params.length);
    inLesson('id="ch1-params" kind="numeric" answer={33} tolerance={0}');
    inLesson('id="ch1-crossing" kind="numeric" answer={16} tolerance={0}');
  });
});

describe('chapter 1: the timeline', () => {
  test('the six events the course names, in order, with their years', () => {
    expect(TIMELINE.map((e) => e.year)).toEqual([1943, 1956, 1958, 1969, 1986, 2012]);
    const text = TIMELINE.map((e) => e.detail).join(' ');
    for (const name of ['McCulloch', 'Pitts', 'Dartmouth', 'McCarthy', 'Rosenblatt', 'Minsky', 'Papert', 'Rumelhart', 'Hinton', 'Williams', 'AlexNet', 'Krizhevsky', 'Sutskever']) {
      expect(text).toContain(name);
    }
    // AlexNet's ILSVRC-2012 top-5 error against the runner-up, as its paper reports them
    expect(text).toContain('15.3%');
    expect(text).toContain('26.2%');
  });
});
