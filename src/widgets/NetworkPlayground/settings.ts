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
import {
  ACTIVATIONS,
  ADDED_RANGE,
  DATASETS,
  INITS,
  LOSSES,
  MAX_ADDED,
  MAX_BATCH,
  MAX_HELD_OUT,
  MAX_LAYERS,
  MAX_LEGS,
  MAX_LR,
  MAX_NOISE,
  MAX_PARAMS,
  MAX_POINTS,
  MAX_REPLAY_EPOCHS,
  MAX_SEED,
  MAX_TEST,
  MAX_UNITS,
  MAX_VALID,
  MIN_LR,
  MIN_POINTS,
  MIN_TEST,
  SPEEDS,
  classCount,
  countParameters,
  hiddenUnits,
  lossesFor,
} from './limits.ts';

export * from './limits.ts';

export const OPTIMIZERS: readonly OptimizerKind[] = optimizerKinds;

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
