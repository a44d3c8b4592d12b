/**
 * The playground's choices and caps as plain values, with no schema library: what the settings'
 * schema (settings.ts) enforces, and what the first picture of a share link (first-frame.ts) checks
 * before it draws anything.
 */
import type { ActivationName } from '../../engine/activations.ts';
import type { InitName } from '../../engine/init.ts';

/** Datasets offered, in the order of the picker; `blobs3` is the three-class one (softmax output). */
export const DATASETS = ['xor', 'circle', 'spirals', 'blobs', 'linear', 'blobs3'] as const;
export type PlayDataset = (typeof DATASETS)[number];

/** Hidden activations offered (the step function is left out: it passes no gradient). */
export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'leaky_relu', 'elu', 'gelu', 'softplus', 'linear'] as const satisfies readonly ActivationName[];
export type PlayActivation = (typeof ACTIVATIONS)[number];

/** Losses: binary cross-entropy (two classes), softmax cross-entropy (three), or mean squared error. */
export const LOSSES = ['bce', 'cross_entropy', 'mse'] as const;
export type PlayLoss = (typeof LOSSES)[number];

/**
 * Weight initialisations offered (the engine's names): Glorot (Xavier) uniform with zero biases,
 * He (Kaiming) normal with zero biases, and torch's nn.Linear default, U(−1/√fan_in, 1/√fan_in)
 * for weights and biases alike.
 */
export const INITS = ['xavier', 'he', 'uniform'] as const satisfies readonly InitName[];
export type PlayInit = (typeof INITS)[number];

/** How fast Play trains: a few epochs a second to watch each one, sixty, or as fast as the machine allows. */
export const SPEEDS = ['slow', 'normal', 'fast'] as const;
export type PlaySpeed = (typeof SPEEDS)[number];
export const EPOCHS_PER_SECOND: Record<PlaySpeed, number> = { slow: 5, normal: 60, fast: 0 };

/** The caps, shared by the controls and the schema. */
export const MAX_LAYERS = 6;
/** 64 units in one layer reach the parameter count of every deeper network the presets offer (2-44-1 has as many as 2-8-8-8-1: 177). */
export const MAX_UNITS = 64;
/**
 * Most weights and biases in all: the drawing shows every one of them and every unit's map. Six
 * layers of 12 (829) and one layer of 64 (257) are allowed; two layers of 64 (4417) are not. The
 * biggest allowed shapes no longer compute their decision map within a frame budget on a slow
 * machine (`npm run bench:scaling`), so the playground then redraws the map less often
 * (`mapEvery` in model.svelte.ts) instead of holding up the page.
 */
export const MAX_PARAMS = 1000;
export const MAX_ADDED = 100;
export const MIN_LR = 1e-6;
export const MAX_LR = 1e6;
export const MAX_NOISE = 0.5;
export const MIN_TEST = 0.1;
export const MAX_TEST = 0.9;
/** The validation share: 0 (none) up to 0.4; test and validation together leave at least 10% to train on. */
export const MAX_VALID = 0.4;
export const MAX_HELD_OUT = 0.9;
/** Most epochs a link replays, and most changes of training settings within one run it can carry. */
export const MAX_REPLAY_EPOCHS = 20_000;
export const MAX_LEGS = 20;
export const MIN_POINTS = 20;
export const MAX_POINTS = 1000;
export const MAX_BATCH = 1000;
export const MAX_SEED = 2 ** 31 - 1;
/** Added points must lie inside this square (every dataset's view lies inside it). */
export const ADDED_RANGE = 2;

/** Choices offered by the pickers (the schema accepts any value within the caps). */
export const POINT_COUNTS = [50, 100, 200, 400, 800] as const;
/** Batch sizes offered; 0 stands for the whole training set (full-batch gradient descent). */
export const BATCH_SIZES = [1, 4, 10, 32, 100, 0] as const;
/** Learning rates suggested beside the typed field. */
export const LEARNING_RATES = [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

/** How many classes a dataset has. */
export function classCount(dataset: PlayDataset): 2 | 3 {
  return dataset === 'blobs3' ? 3 : 2;
}

/** The losses that make sense for a dataset, the default first. */
export function lossesFor(dataset: PlayDataset): PlayLoss[] {
  return classCount(dataset) === 3 ? ['cross_entropy', 'mse'] : ['bce', 'mse'];
}

/** Weights and biases of the network a dataset and hidden layers make: Σ (inputs × outputs + outputs), 2 inputs, 1 output (3 with three classes). */
export function countParameters(dataset: PlayDataset, layers: readonly number[]): number {
  const sizes = [2, ...layers, classCount(dataset) === 3 ? 3 : 1];
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return n;
}

/** The total number of hidden units. */
export function hiddenUnits(layers: readonly number[]): number {
  return layers.reduce((sum, n) => sum + n, 0);
}

