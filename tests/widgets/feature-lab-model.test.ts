import { describe, expect, test } from 'vitest';
import { labData, LinearFeatureModel, NetworkModel } from '../../src/engine/index.ts';
import { DEFAULT_FEATURE_LAB, FeatureLabModel, featureLabSchema, GRID, LAB_EXTENT, percent, SMALL_GRID } from '../../src/widgets/FeatureLab/model.svelte.ts';

/** A model that trains in one go (no animation frames in Node). */
function lab(initial = {}) {
  const m = new FeatureLabModel(initial);
  m.reducedMotion = true;
  return m;
}

describe('FeatureLabModel', () => {
  test('starts untrained on the circle with the defaults; the untrained linear model says 0.5 everywhere', () => {
    const m = lab();
    expect(m.toState()).toEqual(DEFAULT_FEATURE_LAB);
    expect(m.linearMap.length).toBe(GRID * GRID);
    expect(m.linearMap.every((p) => p === 0.5)).toBe(true);
    expect(m.featureMaps.map((f) => f.label)).toEqual(['x₁', 'x₂']);
    expect(m.featureMaps.every((f) => f.weight === null)).toBe(true);
    expect(m.unitMaps.length).toBe(4);
    expect(m.status).toBe('Circle: The linear model is not trained yet. The network is not trained yet.');
  });

  test('train("linear") with x₁², x₂² gives the engine’s weights, scores and a map that agrees with probability()', () => {
    const m = lab();
    m.toggleFeature('x2sq', true);
    m.toggleFeature('x1sq', true);
    expect(m.features).toEqual(['x1sq', 'x2sq']);
    m.train('linear');
    const engine = new LinearFeatureModel(labData('circle'), ['x1sq', 'x2sq']);
    engine.advance();
    expect(m.linearSteps).toBe(1000);
    expect(Array.from(m.linear.net.params)).toEqual(Array.from(engine.net.params));
    expect(m.linearScore).toEqual(engine.score());
    expect(m.featureMaps.map((f) => f.weight)).toEqual(engine.weights.map((w) => w.weight));
    // the map's cell centres: cell (r, c) sits at x = xMin + (c + ½)·w, y = yMax − (r + ½)·h
    const cell = (LAB_EXTENT.xMax - LAB_EXTENT.xMin) / GRID;
    const [r, c] = [17, 41];
    expect(m.linearMap[r * GRID + c]).toBeCloseTo(engine.probability(LAB_EXTENT.xMin + (c + 0.5) * cell, LAB_EXTENT.yMax - (r + 0.5) * cell), 14);
    expect(m.challengeSolved).toBe(true);
    expect(m.status).toBe('Circle: The linear model gets 100.0% of the test points right. The network is not trained yet.');
  });

  test('each feature map spans its feature’s range over the frame: x₁² from about 0 to 1.25²', () => {
    const m = lab({ features: ['x1sq'] });
    const sq = m.featureMaps.find((f) => f.key === 'x1sq')!;
    expect(sq.values.length).toBe(SMALL_GRID * SMALL_GRID);
    const half = (LAB_EXTENT.xMax - LAB_EXTENT.xMin) / SMALL_GRID / 2;
    expect(sq.domain[1]).toBeCloseTo((1.25 - half) ** 2, 12);
    expect(sq.domain[0]).toBeCloseTo(half ** 2, 12);
  });

  test('changing the features resets only the linear model; changing the units or seed resets only the network', () => {
    const m = lab();
    m.train('linear');
    m.train('network');
    const net = Array.from(m.network.net.params);
    m.toggleFeature('x1x2', true);
    expect(m.linearSteps).toBe(0);
    expect(m.networkSteps).toBe(1000);
    expect(Array.from(m.network.net.params)).toEqual(net);
    m.train('linear');
    m.setHidden(3);
    expect(m.networkSteps).toBe(0);
    expect(m.unitMaps.length).toBe(3);
    expect(m.linearSteps).toBe(1000);
    m.train('network');
    m.setSeed(9);
    expect(m.networkSteps).toBe(0);
    m.setDataset('petals');
    expect([m.linearSteps, m.networkSteps]).toEqual([0, 0]);
  });

  test('bad settings are ignored: unknown feature or dataset, 0, 9, 2.5 and NaN units', () => {
    const m = lab();
    m.toggleFeature('cosx1', true);
    m.setDataset('spirals');
    for (const v of [0, 9, 2.5, NaN, '']) m.setHidden(v);
    expect(m.toState()).toEqual(DEFAULT_FEATURE_LAB);
  });

  test('training again after the end starts from scratch and lands on the same numbers', () => {
    const m = lab();
    m.train('network');
    const first = Array.from(m.network.net.params);
    m.train('network');
    expect(m.networkSteps).toBe(1000);
    expect(Array.from(m.network.net.params)).toEqual(first);
  });

  test('toState → fromState replays the run exactly, also half-way', () => {
    const a = lab({ dataset: 'quadrants', features: ['x1x2'], hidden: 3, seed: 5 });
    a.train('linear');
    a.network.advance(137);
    const state = a.toState();
    expect(state).toEqual({ dataset: 'quadrants', features: ['x1x2'], hidden: 3, seed: 5, linearSteps: 1000, networkSteps: 137 });
    const b = lab();
    b.fromState(state);
    expect(Array.from(b.linear.net.params)).toEqual(Array.from(a.linear.net.params));
    expect(Array.from(b.network.net.params)).toEqual(Array.from(a.network.net.params));
    const n = new NetworkModel(labData('quadrants'), 3, 5);
    n.advance(137);
    expect(Array.from(b.network.net.params)).toEqual(Array.from(n.net.params));
  });

  test('the schema refuses what the controls cannot make', () => {
    const ok = { ...DEFAULT_FEATURE_LAB };
    expect(featureLabSchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      { ...ok, features: ['x1sq', 'x1sq'] },
      { ...ok, features: ['cos'] },
      { ...ok, hidden: 9 },
      { ...ok, hidden: 1e6 },
      { ...ok, linearSteps: 1001 },
      { ...ok, seed: -1 },
      { ...ok, dataset: 'spirals' },
      { ...ok, extra: 1 },
    ]) {
      expect(featureLabSchema.safeParse(bad).success).toBe(false);
    }
  });

  test('the challenge needs the circle, exactly two features, a finished run and every point right', () => {
    const m = lab({ features: ['x1sq', 'x1x2'] });
    m.train('linear');
    expect(m.challenge).toMatchObject({ circle: true, two: true, trained: true, all: false });
    expect(m.challengeSolved).toBe(false);
    const half = lab({ features: ['x1sq', 'x2sq'], linearSteps: 500 });
    expect(half.challenge.trained).toBe(false);
    expect(half.challengeSolved).toBe(false);
    const three = lab({ features: ['x1sq', 'x2sq', 'x1x2'] });
    three.train('linear');
    expect(three.challenge.two).toBe(false);
  });

  test('csv lists every weight, the bias, both scores and each unit', () => {
    const m = lab({ features: ['x1sq', 'x2sq'] });
    m.train('linear');
    const lines = m.csv().trim().split(/\r?\n/);
    expect(lines[0]).toBe('model,quantity,value');
    expect(lines.filter((l) => l.startsWith('linear,weight')).length).toBe(4);
    expect(lines.some((l) => l.startsWith('linear,test accuracy,1'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('network,unit')).length).toBe(16);
    expect(lines).toContain(`network,unit a1 weight in the output,${m.network.unit(0).out}`);
  });

  test('percent prints one decimal and a dash for a missing value', () => {
    expect(percent(0.985)).toBe('98.5%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(NaN)).toBe('–');
  });
});
