/**
 * The playground's first picture on a share link (src/widgets/NetworkPlayground/first-frame.ts):
 * which links it draws, and that what it draws is the widget's own epoch-0 decision map.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mix, parseColor, type RGBA } from '../../src/components/charts/color.ts';
import { packRGBA } from '../../src/components/charts/heatmap-render.ts';
import { readPalette } from '../../src/components/charts/theme.ts';
import { firstFramePixels, firstFrameRegion, firstFrameState, regionPixels } from '../../src/widgets/NetworkPlayground/first-frame.ts';
import { REGION_CELLS, REGION_INTENSITY } from '../../src/widgets/NetworkPlayground/maps.ts';
import { PlaygroundModel } from '../../src/widgets/NetworkPlayground/model.svelte.ts';
import {
  ACTIVATIONS,
  DATASETS,
  DEFAULT_STATE,
  INITS,
  MAX_LAYERS,
  MAX_UNITS,
  PRESETS,
  countParameters,
  MAX_PARAMS,
  playgroundStateSchema,
  type PlaygroundState,
} from '../../src/widgets/NetworkPlayground/settings.ts';

const states: [string, PlaygroundState][] = [
  ['the defaults', DEFAULT_STATE],
  ...Object.entries(PRESETS).map(([name, s]): [string, PlaygroundState] => [`preset ${name}`, s]),
  ['spirals 8-8 tanh, seed 7, validation', { ...DEFAULT_STATE, dataset: 'spirals', points: 500, testFraction: 0.5, validFraction: 0.2, layers: [8, 8], seed: 7 }],
  ['blobs3 relu He, discretized', { ...DEFAULT_STATE, dataset: 'blobs3', loss: 'cross_entropy', layers: [6, 3], activation: 'relu', init: 'he', discretize: true }],
  ['xor gelu uniform init, trained 300 epochs', { ...DEFAULT_STATE, dataset: 'xor', layers: [3], activation: 'gelu', init: 'uniform', epochs: 300 }],
];

describe('firstFrameState', () => {
  test.each(states)('draws %s, with the fields the picture uses', (_, state) => {
    expect(playgroundStateSchema.safeParse(state).success).toBe(true);
    const s = firstFrameState(JSON.parse(JSON.stringify(state)));
    expect(s).toMatchObject({ dataset: state.dataset, layers: state.layers, activation: state.activation, seed: state.seed, discretize: state.discretize });
  });

  test('every state the schema accepts is drawn (random states within the caps)', () => {
    const layers = fc.array(fc.integer({ min: 1, max: MAX_UNITS }), { maxLength: MAX_LAYERS });
    const arb = fc.record({
      dataset: fc.constantFrom(...DATASETS),
      layers,
      activation: fc.constantFrom(...ACTIVATIONS),
      init: fc.constantFrom(...INITS),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      points: fc.integer({ min: 20, max: 1000 }),
      noise: fc.double({ min: 0, max: 0.5, noNaN: true }),
      discretize: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (over) => {
        const loss = over.dataset === 'blobs3' ? 'cross_entropy' : 'bce';
        const state = { ...DEFAULT_STATE, ...over, loss };
        const accepted = playgroundStateSchema.safeParse(state).success;
        // the schema refuses only networks over the parameter cap here, and so does the first picture
        expect(accepted).toBe(countParameters(over.dataset, over.layers) <= MAX_PARAMS);
        expect(firstFrameState(state) !== null).toBe(accepted);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  test.each([
    ['not an object', 'spirals'],
    ['null', null],
    ['an array', [DEFAULT_STATE]],
    ['an unknown dataset', { ...DEFAULT_STATE, dataset: 'moons' }],
    ['an unknown activation', { ...DEFAULT_STATE, activation: 'swish' }],
    ['an unknown initialisation', { ...DEFAULT_STATE, init: 'orthogonal' }],
    ['a million points', { ...DEFAULT_STATE, points: 1e6 }],
    ['NaN noise (as JSON writes it, null)', { ...DEFAULT_STATE, noise: null }],
    ['a fractional seed', { ...DEFAULT_STATE, seed: 1.5 }],
    ['seven hidden layers', { ...DEFAULT_STATE, layers: [1, 1, 1, 1, 1, 1, 1] }],
    ['a layer of 0 units', { ...DEFAULT_STATE, layers: [0] }],
    ['two layers of 64 (4417 parameters)', { ...DEFAULT_STATE, layers: [64, 64] }],
    ['layers as text', { ...DEFAULT_STATE, layers: '8,8' }],
    ['test and validation over 90%', { ...DEFAULT_STATE, testFraction: 0.6, validFraction: 0.4 }],
    ['no discretize flag', { ...DEFAULT_STATE, discretize: undefined }],
  ])('draws nothing for %s', (_, value) => {
    expect(firstFrameState(value)).toBeNull();
  });
});

describe('firstFrameRegion', () => {
  test.each(states)('is the widget’s own first decision map for %s, to the last bit', (_, state) => {
    const model = new PlaygroundModel();
    model.fromState(state);
    expect(Array.from(firstFrameRegion(firstFrameState(state)!))).toEqual(Array.from(model.region));
  });

  test('depends on the seed (another seed, other weights, another map)', () => {
    const a = firstFrameRegion(firstFrameState({ ...DEFAULT_STATE, seed: 1 })!);
    const b = firstFrameRegion(firstFrameState({ ...DEFAULT_STATE, seed: 2 })!);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
});

describe('regionPixels', () => {
  const palette = readPalette();
  const rgba = (css: string) => parseColor(css) as RGBA;
  const cells = (value: number) => new Float64Array(REGION_CELLS * REGION_CELLS).fill(value);
  test('two classes: ½ is the surface, 0 and 1 the class colours mixed in by REGION_INTENSITY, NaN the missing colour', () => {
    const state = { dataset: 'circle' as const, discretize: false };
    expect(regionPixels(cells(0.5), state, palette)[0]).toBe(packRGBA(rgba(palette.surface)));
    expect(regionPixels(cells(1), state, palette)[7]).toBe(packRGBA(mix(rgba(palette.surface), rgba(palette.classes[1]), REGION_INTENSITY)));
    expect(regionPixels(cells(0), state, palette)[9]).toBe(packRGBA(mix(rgba(palette.surface), rgba(palette.classes[0]), REGION_INTENSITY)));
    expect(regionPixels(cells(NaN), state, palette)[0]).toBe(packRGBA(rgba(palette.surface2)));
  });
  test('three classes: each cell in its winning class colour, stronger where surer', () => {
    const n = REGION_CELLS * REGION_CELLS;
    const probabilities = new Float64Array(3 * n);
    probabilities.fill(1, 2 * n); // class 2 certain everywhere
    const px = regionPixels(probabilities, { dataset: 'blobs3', discretize: false }, palette);
    expect(px[0]).toBe(packRGBA(mix(rgba(palette.surface), rgba(palette.classes[2]), 0.6)));
  });
  test('firstFramePixels is the region in those colours', () => {
    const s = firstFrameState(DEFAULT_STATE)!;
    expect(firstFramePixels(s, palette)).toEqual(regionPixels(firstFrameRegion(s), s, palette));
  });
});
