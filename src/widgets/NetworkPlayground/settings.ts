/**
 * Everything a reader can set in the network playground, as one plain object: the data, the
 * network, the training, the view, and how far the run has trained. Its Zod schema carries every
 * cap (at most 6 hidden layers of 1–64 units, learning rates up to 1e6, at most 100 added points,
 * at most 20000 epochs replayed), so a shared link can never set what the controls cannot; the
 * model checks every change against the same schema. No runes here: the schema and the presets
 * are tested in plain TypeScript.
 */
import { z } from '../../lib/zod.ts';
import { optimizerKinds, type OptimizerKind } from '../../engine/optimizers.ts';
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

export const OPTIMIZERS: readonly OptimizerKind[] = optimizerKinds;

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

const label = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const coordinate = z.number().check(z.minimum(-ADDED_RANGE), z.maximum(ADDED_RANGE));

/** A point the reader added: [x, y, class]. Tuples keep share links short. */
export type AddedPoint = [number, number, 0 | 1 | 2];

/**
 * One stretch of a run trained with earlier training settings: trained up to epoch `until` with
 * this learning rate, optimizer, batch size and loss, on the first `added` added points. A run whose
 * settings changed while it trained is replayed stretch by stretch, so a link reproduces it exactly.
 */
export const legSchema = z.tuple([
  z.number().check(z.int(), z.minimum(1), z.maximum(MAX_REPLAY_EPOCHS)),
  z.number().check(z.minimum(MIN_LR), z.maximum(MAX_LR)),
  z.enum(optimizerKinds),
  z.number().check(z.int(), z.minimum(0), z.maximum(MAX_BATCH)),
  z.enum(LOSSES),
  z.number().check(z.int(), z.minimum(0), z.maximum(MAX_ADDED)),
]);
export type Leg = z.infer<typeof legSchema>;

/** The fields of the state, each with its own check; see `playgroundStateSchema` for the checks across fields. */
export const playgroundFields = {
    dataset: z.enum(DATASETS),
    noise: z.number().check(z.minimum(0), z.maximum(MAX_NOISE)),
    testFraction: z.number().check(z.minimum(MIN_TEST), z.maximum(MAX_TEST)),
    /** Share of all points held out for validation (absent in older links: none). */
    validFraction: z._default(z.number().check(z.minimum(0), z.maximum(MAX_VALID)), 0),
    points: z.number().check(z.int(), z.minimum(MIN_POINTS), z.maximum(MAX_POINTS)),
    layers: z.array(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_UNITS))).check(z.maxLength(MAX_LAYERS)),
    activation: z.enum(ACTIVATIONS),
    /** Initialisation scheme (absent in older links: Glorot). */
    init: z._default(z.enum(INITS), 'xavier'),
    lr: z.number().check(z.minimum(MIN_LR), z.maximum(MAX_LR)),
    batchSize: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_BATCH)),
    optimizer: z.enum(optimizerKinds),
    loss: z.enum(LOSSES),
    seed: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SEED)),
    discretize: z.boolean(),
    showTest: z.boolean(),
    showLines: z.boolean(),
    speed: z.enum(SPEEDS),
    added: z.array(z.tuple([coordinate, coordinate, label])).check(z.maxLength(MAX_ADDED)),
    /** Epochs trained when the link was made; opening it replays them (absent in older links: 0). */
    epochs: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(MAX_REPLAY_EPOCHS)), 0),
    /** Earlier stretches of the run, oldest first, when its training settings changed on the way. */
    legs: z._default(z.array(legSchema).check(z.maxLength(MAX_LEGS)), () => []),
};

/** The playground's whole state, as carried by a share link. */
export const playgroundStateSchema = z
  .strictObject(playgroundFields)
  .check(
    z.superRefine((state, ctx) => {
      if (!lossesFor(state.dataset).includes(state.loss)) {
        ctx.addIssue({ code: 'custom', path: ['loss'], message: `loss ${state.loss} does not fit dataset ${state.dataset}` });
      }
      if (state.added.some((p) => p[2] >= classCount(state.dataset))) {
        ctx.addIssue({ code: 'custom', path: ['added'], message: `an added point has a class dataset ${state.dataset} does not have` });
      }
      const params = countParameters(state.dataset, state.layers);
      if (params > MAX_PARAMS) {
        ctx.addIssue({ code: 'custom', path: ['layers'], message: `a network of ${params} weights and biases is more than the ${MAX_PARAMS} the playground can draw` });
      }
      if (state.testFraction + state.validFraction > MAX_HELD_OUT + 1e-9) {
        ctx.addIssue({ code: 'custom', path: ['validFraction'], message: 'test and validation shares leave less than 10% to train on' });
      }
      let previous = 0;
      state.legs.forEach((leg, i) => {
        if (leg[0] <= previous || leg[0] > state.epochs) {
          ctx.addIssue({ code: 'custom', path: ['legs', i], message: 'each stretch must end after the one before and by the last epoch' });
        }
        if (!lossesFor(state.dataset).includes(leg[4])) {
          ctx.addIssue({ code: 'custom', path: ['legs', i], message: `loss ${leg[4]} does not fit dataset ${state.dataset}` });
        }
        if (leg[5] > state.added.length) {
          ctx.addIssue({ code: 'custom', path: ['legs', i], message: 'a stretch uses more added points than the link has' });
        }
        previous = leg[0];
      });
    }),
  );

export type PlaygroundState = z.infer<typeof playgroundStateSchema>;

/** The first view: a circle inside a ring, two hidden layers of 4 and 2 tanh units, plain SGD. */
export const DEFAULT_STATE: PlaygroundState = {
  dataset: 'circle',
  noise: 0.05,
  testFraction: 0.3,
  validFraction: 0,
  points: 200,
  layers: [4, 2],
  activation: 'tanh',
  init: 'xavier',
  lr: 0.3,
  batchSize: 10,
  optimizer: 'sgd',
  loss: 'bce',
  seed: 1,
  discretize: false,
  showTest: false,
  showLines: false,
  speed: 'normal',
  added: [],
  epochs: 0,
  legs: [],
};

/** Named starting points: the XOR solution with two hidden units, and a few to explore. */
export const PRESETS = {
  /** XOR with one hidden layer of two tanh units, the smallest network that solves it (seed 4; with seed 1 it gets stuck). */
  xor: { ...DEFAULT_STATE, dataset: 'xor', noise: 0.1, layers: [2], activation: 'tanh', lr: 0.3, batchSize: 10, optimizer: 'sgd', seed: 4, showLines: true },
  /** No hidden layer at all: a single straight line, which cannot separate a circle. */
  linear: { ...DEFAULT_STATE, dataset: 'circle', layers: [], showLines: false },
  /** The two spirals need depth: three layers of eight ReLU units with Adam. */
  spirals: { ...DEFAULT_STATE, dataset: 'spirals', noise: 0, points: 400, layers: [8, 8, 8], activation: 'relu', lr: 0.01, optimizer: 'adam', batchSize: 10 },
  /** Three classes with a softmax output and softmax cross-entropy. */
  classes: { ...DEFAULT_STATE, dataset: 'blobs3', noise: 0, layers: [4], loss: 'cross_entropy', lr: 0.1 },
} as const satisfies Record<string, PlaygroundState>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

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

/** Outcome of reading a typed learning rate. */
export type LrParse = { ok: true; value: number } | { ok: false; reason: 'empty' | 'number' | 'range' };

/** Reads a typed learning rate ("0.03", "3e-2", " .5 "); refuses text, zero, negatives and anything past the caps. */
export function parseLearningRate(raw: string): LrParse {
  const text = raw.trim().replace(/\u2212/g, '-').replace(/,/g, '.');
  if (text === '') return { ok: false, reason: 'empty' };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { ok: false, reason: 'number' };
  const value = Number(text);
  if (!Number.isFinite(value) || value < MIN_LR || value > MAX_LR) return { ok: false, reason: 'range' };
  return { ok: true, value };
}

/** A copy of a state (arrays copied too), so the model never shares arrays with a preset. */
export function cloneState(state: PlaygroundState): PlaygroundState {
  return { ...state, layers: [...state.layers], added: state.added.map((p) => [...p] as AddedPoint), legs: state.legs.map((l) => [...l] as Leg) };
}

/** Whether the state meets the lesson's challenge conditions apart from the loss value itself. */
export function challengeSetup(state: Pick<PlaygroundState, 'dataset' | 'layers' | 'loss'>): {
  circle: boolean;
  units: boolean;
  loss: boolean;
} {
  return { circle: state.dataset === 'circle', units: hiddenUnits(state.layers) <= 4, loss: state.loss === 'bce' };
}

/** The challenge's bound on the test loss. */
export const CHALLENGE_LOSS = 0.1;
export const CHALLENGE_ID = 'ch4-circle';
