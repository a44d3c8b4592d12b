/**
 * The playground's settings schema (its caps), the model's reactions to the reader, and the pure
 * helpers behind the pictures: the graph layout, hit-testing and keyboard moves, and the maps.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createMLP } from '../../src/engine/index.ts';
import { streamSeeds } from '../../src/widgets/NetworkPlayground/problem.ts';
import { heatmapGrid } from '../../src/components/charts/heatmap-render.ts';
import { formatLoss, formatParam, formatPercent } from '../../src/widgets/NetworkPlayground/format.ts';
import { edgeWidth, layerOffsets, layoutGraph, MAX_GRAPH_HEIGHT, moveSelection, nearestItem, segmentDistance } from '../../src/widgets/NetworkPlayground/graph.ts';
import { classField, MapMaker, REGION_CELLS, unitDomain } from '../../src/widgets/NetworkPlayground/maps.ts';
import { FRAME_BUDGET, FRAME_EVERY, mapEvery, PlaygroundModel, SLOWEST_MAP_EVERY } from '../../src/widgets/NetworkPlayground/model.svelte.ts';
import {
  DEFAULT_STATE,
  PRESETS,
  parseLearningRate,
  playgroundStateSchema,
  type PlaygroundState,
} from '../../src/widgets/NetworkPlayground/settings.ts';

const valid = (over: Record<string, unknown>) => playgroundStateSchema.safeParse({ ...DEFAULT_STATE, ...over }).success;

describe('playgroundStateSchema', () => {
  test('accepts the defaults and every preset', () => {
    expect(valid({})).toBe(true);
    for (const preset of Object.values(PRESETS)) expect(playgroundStateSchema.safeParse(preset).success).toBe(true);
  });

  test.each([
    ['7 hidden layers', { layers: [1, 1, 1, 1, 1, 1, 1] }],
    ['65 units in a layer', { layers: [65] }],
    ['more than 1000 parameters (two layers of 64: 4417)', { layers: [64, 64] }],
    ['an unknown initialisation', { init: 'zeros' }],
    ['validation share 0.5', { validFraction: 0.5 }],
    ['test and validation shares over 90%', { testFraction: 0.6, validFraction: 0.4 }],
    ['20001 epochs to replay', { epochs: 20001 }],
    ['a stretch ending after the last epoch', { epochs: 10, legs: [[11, 0.1, 'sgd', 10, 'bce', 0]] }],
    ['stretches out of order', { epochs: 10, legs: [[5, 0.1, 'sgd', 10, 'bce', 0], [5, 0.2, 'sgd', 10, 'bce', 0]] }],
    ['a stretch with more added points than the link has', { epochs: 10, legs: [[5, 0.1, 'sgd', 10, 'bce', 1]] }],
    ['a stretch with an unknown optimizer', { epochs: 10, legs: [[5, 0.1, 'lbfgs', 10, 'bce', 0]] }],
    ['0 units in a layer', { layers: [0] }],
    ['2.5 units', { layers: [2.5] }],
    ['learning rate 2e6', { lr: 2e6 }],
    ['learning rate 0', { lr: 0 }],
    ['negative noise', { noise: -0.1 }],
    ['noise 0.6', { noise: 0.6 }],
    ['test share 0.95', { testFraction: 0.95 }],
    ['5000 points', { points: 5000 }],
    ['batch 1001', { batchSize: 1001 }],
    ['an unknown dataset', { dataset: 'moons' }],
    ['the step activation', { activation: 'step' }],
    ['softmax cross-entropy on two classes', { loss: 'cross_entropy' }],
    ['a class-2 point on two classes', { added: [[0, 0, 2]] }],
    ['a point outside the view', { added: [[3, 0, 1]] }],
    ['101 added points', { added: Array.from({ length: 101 }, () => [0, 0, 1]) }],
    ['an unknown key', { extra: 1 }],
    ['a seed past 2³¹ − 1', { seed: 2 ** 31 }],
  ])('refuses %s', (_name, over) => {
    expect(valid(over)).toBe(false);
  });

  test('accepts the caps themselves: 64 units, 6 layers of 12, learning rate 1e6, 100 added points, 20000 epochs', () => {
    expect(valid({ layers: [64], lr: 1e6, added: Array.from({ length: 100 }, () => [0, 0, 1]) })).toBe(true);
    expect(valid({ layers: [12, 12, 12, 12, 12, 12] })).toBe(true);
    expect(valid({ layers: [64, 12] })).toBe(true);
    expect(valid({ testFraction: 0.5, validFraction: 0.4, epochs: 20000, legs: [[19999, 0.1, 'adam', 0, 'mse', 0]] })).toBe(true);
    expect(valid({ layers: [] })).toBe(true);
    expect(valid({ dataset: 'blobs3', loss: 'cross_entropy', added: [[0, 0, 2]] })).toBe(true);
  });
});

describe('playgroundStateSchema: older links', () => {
  test('a link from before validation, initialisation and replay opens with none, Glorot and epoch 0', () => {
    const { validFraction: _v, init: _i, epochs: _e, legs: _l, ...old } = DEFAULT_STATE;
    const parsed = playgroundStateSchema.safeParse({ ...old, layers: [12, 12] });
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.data).toEqual({ ...DEFAULT_STATE, layers: [12, 12] });
  });
});

describe('parseLearningRate', () => {
  test.each([
    ['0.03', 0.03],
    [' 3e-2 ', 0.03],
    ['.5', 0.5],
    ['1e6', 1e6],
    ['0,1', 0.1],
  ])('parseLearningRate(%j) → %d', (text, value) => {
    expect(parseLearningRate(text)).toEqual({ ok: true, value });
  });

  test.each([
    ['', 'empty'],
    ['abc', 'number'],
    ['NaN', 'number'],
    ['1/2', 'number'],
    ['0', 'range'],
    ['-0.1', 'range'],
    ['2e6', 'range'],
    ['1e999', 'range'],
  ])('parseLearningRate(%j) is refused (%s)', (text, reason) => {
    expect(parseLearningRate(text)).toEqual({ ok: false, reason });
  });
});

describe('format', () => {
  test('never prints NaN: non-finite numbers become a dash', () => {
    expect([formatLoss(NaN), formatPercent(Infinity), formatParam(NaN), formatLoss(null)]).toEqual(['—', '—', '—', '—']);
    expect(formatLoss(0.000123456)).toBe('0.000123');
    expect(formatLoss(617000)).toBe('617000');
    expect(formatPercent(0.934)).toBe('93%');
    expect(formatParam(-0.7344)).toBe('−0.734');
    expect(formatParam(-0.0001)).toBe('0.000');
  });
});

describe('graph', () => {
  test('layoutGraph lists every weight and bias once, in the engine’s parameter order', () => {
    const sizes = [2, 4, 3, 1];
    const layout = layoutGraph(sizes, 400);
    const net = createMLP({ sizes, hidden: 'tanh', output: 'sigmoid' });
    expect(layout.items.length).toBe(net.params.length);
    expect(layout.items.map((i) => i.index).sort((a, b) => a - b)).toEqual(Array.from({ length: net.params.length }, (_, i) => i));
    expect(layerOffsets(sizes)).toEqual(net.layers.map(({ inputs, outputs, weightOffset, biasOffset }) => ({ inputs, outputs, weightOffset, biasOffset })));
    expect(layout.columns.map((c) => c.length)).toEqual(sizes);
    // a weight runs from its sending unit's right edge to its receiving unit's left edge
    const w = layout.items.find((i) => i.kind === 'weight' && i.layer === 1 && i.unit === 2 && i.from === 3)!;
    expect(w.index).toBe(net.layers[1].weightOffset + 2 * 4 + 3);
    expect(w.x1).toBe(layout.columns[1][3].x + layout.nodeSize / 2);
    expect(w.y2).toBe(layout.columns[2][2].y);
  });

  test('layoutGraph fits the width it is given, down to a phone', () => {
    for (const width of [296, 700]) {
      const layout = layoutGraph([2, 12, 12, 12, 12, 12, 12, 3], width);
      const xs = layout.columns.flat().map((n) => n.x);
      expect(Math.min(...xs) - layout.nodeSize / 2 - layout.biasSize).toBeGreaterThanOrEqual(-0.001);
      expect(Math.max(...xs) + layout.nodeSize / 2).toBeLessThanOrEqual(width);
      expect(layout.nodeSize).toBeGreaterThanOrEqual(16);
    }
  });

  test('layoutGraph keeps a network of 64-unit layers within MAX_GRAPH_HEIGHT, its units apart', () => {
    for (const sizes of [[2, 44, 1], [2, 64, 64, 1]]) {
      const layout = layoutGraph(sizes, 700);
      expect(layout.height).toBeLessThanOrEqual(MAX_GRAPH_HEIGHT + 2 * layout.biasSize);
      const column = layout.columns[1];
      expect(column[1].y - column[0].y).toBeGreaterThan(layout.nodeSize);
      expect(layout.items.length).toBe(sizes.slice(1).reduce((n, out, l) => n + sizes[l] * out + out, 0));
    }
  });

  test('nearestItem finds the weight under the pointer and prefers a bias handle', () => {
    const layout = layoutGraph([2, 3, 1], 300);
    layout.items.forEach((item, i) => {
      const x = (item.x1 + item.x2) / 2;
      const y = (item.y1 + item.y2) / 2;
      if (item.kind === 'bias') expect(nearestItem(layout, x, y)).toBe(i);
    });
    const w = layout.items.findIndex((i) => i.kind === 'weight' && i.from === 0 && i.unit === 0 && i.layer === 0);
    const item = layout.items[w];
    // a quarter of the way along the segment, no other line passes as close
    expect(nearestItem(layout, item.x1 + (item.x2 - item.x1) / 4, item.y1 + (item.y2 - item.y1) / 4)).toBe(w);
    expect(nearestItem(layout, -50, -50)).toBe(-1);
    expect(segmentDistance(0, 1, -1, 0, 1, 0)).toBe(1);
    expect(segmentDistance(3, 0, -1, 0, 1, 0)).toBe(2);
  });

  test('moveSelection steps through items and jumps between layers', () => {
    const layout = layoutGraph([2, 2, 1], 300);
    // layer 0: 2 units × (2 weights + bias) = 6 items; layer 1: 2 weights + bias = 3
    expect(layout.items.length).toBe(9);
    expect(moveSelection(layout, -1, 'ArrowRight')).toBe(0);
    expect(moveSelection(layout, 0, 'ArrowRight')).toBe(1);
    expect(moveSelection(layout, 8, 'ArrowDown')).toBe(8);
    expect(moveSelection(layout, 0, 'ArrowLeft')).toBe(0);
    expect(moveSelection(layout, 2, 'PageDown')).toBe(6);
    expect(moveSelection(layout, 7, 'PageUp')).toBe(0);
    expect(moveSelection(layout, 3, 'End')).toBe(8);
    expect(moveSelection(layout, 3, 'Home')).toBe(0);
    expect(moveSelection(layout, 3, 'a')).toBeNull();
  });

  test('edgeWidth grows with |w| and is capped', () => {
    expect(edgeWidth(0)).toBe(0.6);
    expect(edgeWidth(-1)).toBeCloseTo(1.9, 12);
    expect(edgeWidth(10)).toBe(edgeWidth(3));
    expect(edgeWidth(NaN)).toBe(0.6);
  });
});

describe('maps', () => {
  test('MapMaker.regionValues() is the engine’s grid of the output', () => {
    const maker = new MapMaker([2, 3, 1], 'tanh', 'sigmoid', { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 });
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: 9 });
    maker.setParams(net.params);
    const { xs, ys } = heatmapGrid(maker.extent, REGION_CELLS, REGION_CELLS);
    expect(Array.from(maker.regionValues())).toEqual(Array.from(net.predictGrid(xs, ys)));
    const units = maker.unitMaps();
    expect(units.map((l) => l.length)).toEqual([3, 1]);
    expect(units[0][0].domain).toEqual([-1, 1]);
    expect(units[1][0].domain).toEqual([0, 1]);
    expect(maker.firstLayerLines()).toHaveLength(3);
    expect(() => maker.setParams(new Float64Array(3))).toThrow(/3 parameters/);
  });

  test('unitDomain: fixed for tanh and sigmoid, symmetric to the largest |value| otherwise', () => {
    expect(unitDomain('tanh', [5])).toEqual([-1, 1]);
    expect(unitDomain('relu', [0, 2.5, 1])).toEqual([-2.5, 2.5]);
    expect(unitDomain('relu', [0, 0])).toEqual([-1e-6, 1e-6]);
  });

  test('classField picks the most likely class and scales its lead to 0–1', () => {
    // three cells, class-major: p(class c) for cells 0, 1, 2
    const p = [1, 0.2, 1 / 3, 0, 0.7, 1 / 3, 0, 0.1, 1 / 3];
    const f = classField(p, 3, 3);
    expect(Array.from(f.label)).toEqual([0, 1, 0]);
    expect(f.confidence[0]).toBe(1);
    expect(f.confidence[1]).toBeCloseTo((0.7 - 1 / 3) / (2 / 3), 12);
    expect(f.confidence[2]).toBeCloseTo(0, 12);
  });
});

describe('mapEvery: the decision map slows down rather than hold up the page', () => {
  test('a map within the frame budget is redrawn on every frame', () => {
    expect(FRAME_EVERY).toBe(0);
    expect(FRAME_BUDGET).toBe(8);
    for (const cost of [0, 0.4, 3.3, 8]) expect(mapEvery(cost)).toBe(0);
  });
  test('a slower map waits twice its cost, so it takes at most half the main thread', () => {
    expect(mapEvery(8.5)).toBe(17);
    expect(mapEvery(15.66)).toBeCloseTo(31.32, 12);
    expect(mapEvery(100)).toBe(200);
  });
  test('however slow, it is redrawn at least four times a second', () => {
    expect(SLOWEST_MAP_EVERY).toBe(250);
    expect(mapEvery(125)).toBe(250);
    expect(mapEvery(1e6)).toBe(250);
    expect(mapEvery(Infinity)).toBe(0);
    expect(mapEvery(Number.NaN)).toBe(0);
  });
});

describe('PlaygroundModel', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  test('starts from the defaults, with the epoch-0 pictures already computed', () => {
    const m = new PlaygroundModel();
    expect(m.toState()).toEqual(DEFAULT_STATE);
    expect(m.architecture).toBe('2-4-2-1');
    expect(m.region.length).toBe(REGION_CELLS * REGION_CELLS);
    expect(m.unitMaps.map((l) => l.length)).toEqual([4, 2, 1]);
    expect(m.curve.epoch).toEqual([0]);
    expect(m.summary).toMatch(/^Ready: network 2-4-2-1 on the Circle data, 140 training and 60 test points/);
    expect(m.summary).not.toMatch(/NaN/);
  });

  test('an invalid starting state falls back to the defaults; fromState refuses a state past the caps', () => {
    const m = new PlaygroundModel({ layers: [99] });
    expect(m.layers).toEqual(DEFAULT_STATE.layers);
    expect(() => m.fromState({ ...DEFAULT_STATE, layers: [1, 1, 1, 1, 1, 1, 1] } as PlaygroundState)).toThrow();
    expect(m.layers).toEqual(DEFAULT_STATE.layers);
  });

  test('a link restored "soon" draws the new decision map at once and the network drawing in the next task', async () => {
    const m = new PlaygroundModel();
    expect(m.graphSizes).toEqual([2, 4, 2, 1]);
    const before = m.region;
    m.fromState({ ...DEFAULT_STATE, dataset: 'spirals', layers: [8, 8] }, { soon: true });
    // the map is the new network's (its own grid evaluation), already
    const net = createMLP({ sizes: [2, 8, 8, 1], hidden: 'tanh', output: 'sigmoid' });
    expect(m.region).not.toBe(before);
    expect(m.region.length).toBe(REGION_CELLS * REGION_CELLS);
    expect(m.architecture).toBe('2-8-8-1');
    // the drawing still shows the old network, whole: its sizes and weights agree
    expect(m.graphSizes).toEqual([2, 4, 2, 1]);
    expect(m.params.length).toBe(2 * 4 + 4 + 4 * 2 + 2 + 2 + 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(m.graphSizes).toEqual([2, 8, 8, 1]);
    expect(m.params.length).toBe(net.params.length);
    expect(m.unitMaps.map((layer) => layer.length)).toEqual([8, 8, 1]);
    // without `soon`, everything at once
    m.fromState({ ...DEFAULT_STATE, layers: [3] });
    expect(m.graphSizes).toEqual([2, 3, 1]);
    expect(m.unitMaps.map((layer) => layer.length)).toEqual([3, 1]);
  });

  test('a share link given to the constructor is built once; the frame\'s hand-over of the same state is a no-op, another state is applied', () => {
    const link: PlaygroundState = { ...DEFAULT_STATE, dataset: 'spirals', layers: [8, 8], seed: 7, epochs: 0, legs: [] };
    const m = new PlaygroundModel({ layers: [3] }, link);
    const fresh = new PlaygroundModel({}, undefined);
    fresh.fromState(link);
    // the link's network, as fromState builds it, and not the starting one
    expect(m.architecture).toBe('2-8-8-1');
    expect(m.toState()).toEqual(fresh.toState());
    expect(Array.from(m.params)).toEqual(Array.from(fresh.params));
    expect(Array.from(m.region)).toEqual(Array.from(fresh.region));
    // Copy link still compares against the starting settings
    expect(m.startState()).toEqual({ ...DEFAULT_STATE, layers: [3], epochs: 0, legs: [] });
    const region = m.region;
    m.fromLink(structuredClone(link));
    expect(m.region).toBe(region);
    // only once: a later hand-over (or another state) is applied
    m.fromLink({ ...link, layers: [4] });
    expect(m.architecture).toBe('2-4-1');
    // a link the schema refuses leaves the starting settings
    const bad = new PlaygroundModel({ layers: [3] }, { ...link, layers: [64, 64] });
    expect(bad.architecture).toBe('2-3-1');
  });

  test('toState → fromState restores every setting', () => {
    const state: PlaygroundState = {
      ...DEFAULT_STATE,
      dataset: 'blobs3',
      loss: 'mse',
      layers: [3, 5],
      activation: 'relu',
      lr: 0.003,
      batchSize: 0,
      optimizer: 'rmsprop',
      seed: 42,
      noise: 0.25,
      testFraction: 0.5,
      points: 400,
      discretize: true,
      showTest: true,
      showLines: true,
      speed: 'fast',
      added: [[0.5, 0.5, 2]],
    };
    const m = new PlaygroundModel();
    m.fromState(state);
    expect(m.toState()).toEqual(state);
    expect(m.architecture).toBe('2-3-5-3');
    expect(m.regionClasses?.label.length).toBe(REGION_CELLS * REGION_CELLS);
  });

  test('layers and units stay within 0–6 layers of 1–64 units', () => {
    const m = new PlaygroundModel({ layers: [] });
    for (let i = 0; i < 9; i++) m.addLayer();
    expect(m.layers).toEqual([2, 2, 2, 2, 2, 2]);
    m.setLayers([2]);
    for (let i = 0; i < 70; i++) m.changeUnits(0, 1);
    expect(m.layers[0]).toBe(64);
    expect(m.canAddUnit(0)).toBe(false);
    m.setUnits(0, 500);
    expect(m.layers[0]).toBe(64);
    // a second layer of 64 would make 4417 parameters: refused, with the reason
    m.addLayer();
    expect(m.canAddLayer).toBe(false);
    expect(m.layers).toEqual([64]);
    expect(m.notice).toMatch(/4417 weights and biases is more than the 1000/);
    m.setLayers([2, 2, 2, 2, 2, 2]);
    m.setUnits(0, 7.4);
    expect(m.layers[0]).toBe(7);
    for (let i = 0; i < 15; i++) m.changeUnits(1, -1);
    expect(m.layers[1]).toBe(1);
    for (let i = 0; i < 9; i++) m.removeLayer();
    expect(m.layers).toEqual([]);
    expect(m.architecture).toBe('2-1');
  });

  test('switching to three classes switches the loss and drops nothing that fits; back to two drops class-2 points', () => {
    const m = new PlaygroundModel();
    m.setDataset('blobs3');
    expect(m.loss).toBe('cross_entropy');
    expect(m.sizes.at(-1)).toBe(3);
    m.addClass = 2;
    m.addPoint(0.2, 0.3);
    m.addClass = 1;
    m.addPoint(-0.2, 0.3);
    expect(m.added).toEqual([[0.2, 0.3, 2], [-0.2, 0.3, 1]]);
    m.setDataset('circle');
    expect(m.loss).toBe('bce');
    expect(m.added).toEqual([[-0.2, 0.3, 1]]);
  });

  test('added points: nothing without a chosen class, rounded to 0.01, at most 100', () => {
    const m = new PlaygroundModel();
    m.addPoint(0.5, 0.5);
    expect(m.added).toEqual([]);
    m.addClass = 0;
    m.addPoint(0.123456, -0.98765);
    m.addPoint(NaN, 0);
    expect(m.added).toEqual([[0.12, -0.99, 0]]);
    for (let i = 0; i < 120; i++) m.addPoint(0, 0);
    expect(m.added.length).toBe(100);
    expect(m.notice).toMatch(/100 added points/);
    expect(m.trainCount).toBe(240);
    m.clearPoints();
    expect(m.added).toEqual([]);
  });

  test('a bad learning rate keeps the old one and says why; a huge one is accepted with a warning', () => {
    const m = new PlaygroundModel();
    m.setLearningRate('abc');
    expect(m.lr).toBe(0.3);
    expect(m.lrMessage).toMatch(/Type a number/);
    m.setLearningRate('');
    expect(m.lrMessage).toMatch(/empty/);
    m.setLearningRate('1e7');
    expect(m.lr).toBe(0.3);
    expect(m.lrMessage).toMatch(/from 0.000001 to 1000000/);
    m.setLearningRate('1e6');
    expect(m.lr).toBe(1e6);
    expect(m.lrMessage).toMatch(/diverge/);
    expect(m.lrDraft).toBe('1000000');
    m.setLearningRate('0.03');
    expect(m.lrMessage).toBeNull();
  });

  test('the challenge needs circle, at most 4 hidden units and cross-entropy', () => {
    const m = new PlaygroundModel({ layers: [4] });
    expect(m.challenge).toMatchObject({ circle: true, units: true, loss: true, met: false });
    m.changeUnits(0, 1);
    expect(m.challenge.units).toBe(false);
    m.setLoss('mse');
    expect(m.challenge.loss).toBe(false);
  });

  test('describeItem names both ends of a weight and the unit of a bias', () => {
    const m = new PlaygroundModel({ layers: [3] });
    const layout = layoutGraph(m.sizes, 300);
    const first = layout.items[0];
    expect(m.describeItem(first, -0.5)).toBe('Weight from input x₁ to unit 1 of hidden layer 1: −0.500');
    const bias = layout.items.find((i) => i.kind === 'bias' && i.layer === 1)!;
    expect(m.describeItem(bias, 1.25)).toBe('Bias of the output: 1.250');
    const w = layout.items.find((i) => i.kind === 'weight' && i.layer === 1 && i.from === 2)!;
    expect(m.describeItem(w, 2)).toBe('Weight from unit 3 of hidden layer 1 to the output: 2.000');
  });

  test('trains on the main thread when asked: Step trains one epoch and the pictures follow', async () => {
    const m = new PlaygroundModel();
    const stop = m.attach({ worker: false });
    expect(m.mode).toBe('main');
    const before = m.region;
    m.stepEpoch();
    m.flush();
    expect(m.epoch).toBe(1);
    expect(m.region).not.toBe(before);
    expect(m.curve.epoch).toEqual([0, 1]);
    expect(m.summary).toMatch(/^Paused at epoch 1: training loss/);
    stop();
  });

  test('learning rate 10 does not diverge by the engine’s rules, but the widget flags that it is not learning', () => {
    const m = new PlaygroundModel({ lr: 10 });
    const stop = m.attach({ worker: false });
    for (let i = 0; i < 30; i++) m.stepEpoch();
    m.flush();
    expect(m.status).toBe('training');
    expect(m.divergence).toBeNull();
    expect(m.stalled?.what).toMatch(/^After 30 epochs the training loss is .+, higher than the .+ it started from\.$/);
    expect(m.stalled?.tries[0]).toMatch(/such as 1 /);
    stop();
  });

  test('learning rate 1e6 diverges, the widget explains it, and Play is refused until the rate changes', () => {
    const m = new PlaygroundModel({ lr: 1e6 });
    const stop = m.attach({ worker: false });
    m.stepEpoch();
    m.flush();
    expect(m.status).toBe('diverged');
    expect(m.canTrain).toBe(false);
    expect(m.divergence?.what).toMatch(/climbed to|grew to|stopped being a number/);
    expect(m.divergence?.tries[0]).toMatch(/100000/);
    expect(m.summary).toMatch(/diverged/);
    m.play();
    expect(m.playing).toBe(false);
    m.setLearningRate('0.3');
    expect(m.status).toBe('ready');
    expect(m.epoch).toBe(0);
    expect(m.canTrain).toBe(true);
    stop();
  });
});

describe('PlaygroundModel: settings checked against the link schema', () => {
  beforeEach(() => localStorage.clear());

  test.each([
    ['setActivation', (m: PlaygroundModel) => m.setActivation('step' as never), 'activation'],
    ['setActivation', (m: PlaygroundModel) => m.setActivation('<b>x</b>' as never), 'activation'],
    ['setOptimizer', (m: PlaygroundModel) => m.setOptimizer('lbfgs' as never), 'optimizer'],
    ['setLoss', (m: PlaygroundModel) => m.setLoss('cross_entropy'), 'loss'],
    ['setInit', (m: PlaygroundModel) => m.setInit('zeros' as never), 'init'],
    ['setDataset', (m: PlaygroundModel) => m.setDataset('moons' as never), 'dataset'],
    ['setBatchSize', (m: PlaygroundModel) => m.setBatchSize(2.5), 'batchSize'],
    ['setBatchSize', (m: PlaygroundModel) => m.setBatchSize(5000), 'batchSize'],
    ['setSeed', (m: PlaygroundModel) => m.setSeed(-1), 'seed'],
    ['setSeed', (m: PlaygroundModel) => m.setSeed(NaN), 'seed'],
    ['setLayers', (m: PlaygroundModel) => m.setLayers([1, 2, 3, 4, 5, 6, 7]), 'layers'],
    ['setLayers', (m: PlaygroundModel) => m.setLayers(['8'] as never), 'layers'],
    ['setView', (m: PlaygroundModel) => m.setView('showTest', 'yes' as never), 'showTest'],
    ['setSpeed', (m: PlaygroundModel) => m.setSpeed('warp' as never), 'speed'],
  ])('%s refuses a value its links refuse, and the state stays one its links accept', (_name, act, field) => {
    const m = new PlaygroundModel();
    const before = m.toState();
    act(m);
    expect(m.toState()).toEqual(before);
    expect(playgroundStateSchema.safeParse(m.toState()).success).toBe(true);
    expect(m.canTrain).toBe(true);
    if (field !== 'speed') expect(m.notice).toMatch(new RegExp(`^That change was refused \\(${field}`));
  });

  test('test and validation shares: each slider stops where the other leaves 10% to train on', () => {
    const m = new PlaygroundModel();
    m.setValidFraction(0.2);
    expect(m.validFraction).toBe(0.2);
    // 200 points: 60 test, 40 validation, 100 training
    expect([m.trainCount, m.validCount, m.testCount]).toEqual([100, 40, 60]);
    expect(m.maxTest).toBe(0.7);
    m.setTestFraction(0.9);
    expect(m.testFraction).toBe(0.7);
    expect(m.maxValid).toBe(0.2);
    m.setValidFraction(0.4);
    expect(m.validFraction).toBe(0.2);
    expect(playgroundStateSchema.safeParse(m.toState()).success).toBe(true);
    expect(m.summary).toMatch(/20 training, 40 validation and 140 test points/);
  });

  test('the network summary counts the parameters: 2-8-8-8-1 and 2-44-1 both have 177', () => {
    const m = new PlaygroundModel({ ...PRESETS.spirals });
    expect(m.parameterCount).toBe(177);
    m.setLayers([44]);
    expect(m.architecture).toBe('2-44-1');
    expect(m.parameterCount).toBe(177);
  });

  test('setInit rebuilds the network with the chosen initialisation', () => {
    const m = new PlaygroundModel();
    const glorot = Float64Array.from(m.params);
    m.setInit('uniform');
    expect(m.init).toBe('uniform');
    expect(m.params).toEqual(createMLP({ sizes: [2, 4, 2, 1], hidden: 'tanh', output: 'sigmoid', init: 'uniform', seed: streamSeeds(1).weights }).params);
    expect(m.params).not.toEqual(glorot);
    expect(m.toState().init).toBe('uniform');
  });
});

/** Waits until a replay on the main thread (one slice an animation frame) is done, and applies its last report. */
async function replayed(m: PlaygroundModel): Promise<void> {
  for (let i = 0; i < 500 && m.replayTarget !== null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    m.flush();
  }
  expect(m.replayTarget).toBeNull();
}

describe('PlaygroundModel: what the reader is told', () => {
  beforeEach(() => localStorage.clear());

  test('while training the status names no numbers; paused, it gives the latest epoch', () => {
    const m = new PlaygroundModel();
    const stop = m.attach({ worker: false });
    m.play();
    expect(m.summary).toBe('Training network 2-4-2-1 on the Circle data. Pause to hear where it stands.');
    expect(m.summary).not.toMatch(/\d+:/);
    m.pause();
    m.stepEpoch();
    m.stepEpoch();
    m.flush();
    expect(m.summary).toMatch(new RegExp(`^Paused at epoch ${m.epoch}: training loss ${formatLoss(m.train.loss).replace('.', '\\.')},`));
    stop();
  });

  test('the divergence notice quotes the training loss the stats show', () => {
    const m = new PlaygroundModel({ lr: 30 });
    const stop = m.attach({ worker: false });
    m.stepEpoch();
    m.flush();
    expect(m.status).toBe('diverged');
    expect(m.stop?.code).toBe('loss-grew');
    // the engine stopped on the mean over the epoch's batches; the notice says the measured loss
    expect(m.stop?.value).not.toBeCloseTo(m.train.loss, 2);
    expect(m.divergence?.what).toBe(
      `By epoch 1 the training loss had climbed to ${formatLoss(m.train.loss)}, up from ${formatLoss(m.curve.train[0])} before training.`,
    );
    stop();
  });

  test('Restart training keeps every setting and the points; Reset all settings can be undone, training included', async () => {
    const m = new PlaygroundModel();
    const stop = m.attach({ worker: false });
    m.setDataset('xor');
    m.setSeed(9);
    m.addClass = 1;
    m.addPoint(0.2, 0.2);
    for (let i = 0; i < 5; i++) m.stepEpoch();
    m.flush();
    const trained = { epoch: m.epoch, loss: m.train.loss, params: Float64Array.from(m.params) };
    m.restart();
    m.flush();
    expect([m.epoch, m.seed, m.dataset, m.added.length]).toEqual([0, 9, 'xor', 1]);
    for (let i = 0; i < 5; i++) m.stepEpoch();
    m.flush();
    m.reset();
    m.flush();
    expect([m.epoch, m.seed, m.dataset, m.added.length]).toEqual([0, 1, 'circle', 0]);
    expect(m.canUndo).toBe(true);
    m.undoReset();
    await replayed(m);
    expect([m.epoch, m.seed, m.dataset, m.added.length]).toEqual([5, 9, 'xor', 1]);
    expect(m.train.loss).toBe(trained.loss);
    expect(m.params).toEqual(trained.params);
    expect(m.canUndo).toBe(false);
    stop();
  });

  test('Copy link at epoch 7, after a learning-rate change at epoch 4, opens at epoch 7 with the same weights', async () => {
    const a = new PlaygroundModel({ dataset: 'spirals', layers: [6, 6], optimizer: 'adam', lr: 0.01 });
    const stopA = a.attach({ worker: false });
    for (let i = 0; i < 4; i++) a.stepEpoch();
    a.setLearningRate('0.03');
    a.addClass = 0;
    a.addPoint(0.5, -0.5);
    for (let i = 0; i < 3; i++) a.stepEpoch();
    a.flush();
    const link = a.shareState();
    expect(link.epochs).toBe(7);
    expect(link.legs).toEqual([[4, 0.01, 'adam', 10, 'bce', 0]]);
    expect(a.shareNote).toBeNull();
    const b = new PlaygroundModel();
    b.fromState(JSON.parse(JSON.stringify(link)));
    expect(b.replayTarget).toBe(7);
    const stopB = b.attach({ worker: false });
    await replayed(b);
    expect(b.epoch).toBe(7);
    expect(b.params).toEqual(a.params);
    expect(b.train).toEqual(a.train);
    expect(b.test).toEqual(a.test);
    expect(b.toState()).toEqual(a.toState());
    stopA();
    stopB();
  });
});
