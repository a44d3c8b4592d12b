/**
 * From a playground state to what the engine trains: the seeded dataset split three ways (training
 * points, plus the points the reader added; validation points; test points), the network's layer
 * sizes, activations and initialisation, and the optimizer, loss and batch size. Plain data only,
 * so it can be posted to a Web Worker.
 */
import { dataset, type Dataset, type Samples } from '../../engine/datasets.ts';
import { seedOf } from '../../engine/random.ts';
import type { LossName } from '../../engine/losses.ts';
import type { OptimizerSpec } from '../../engine/optimizers.ts';
import type { OutputName } from '../../engine/mlp.ts';
import { classCount } from './limits.ts';
import type { AddedPoint, PlayActivation, PlayInit, PlaygroundState } from './settings.ts';

/** A dataset split three ways: `valid` is carved from the end of the engine's training split. */
export interface PlayData extends Dataset {
  readonly valid: Samples;
}

/** Rows of inputs and target rows. */
export interface RowsData {
  x: number[][];
  y: number[][];
}

/** How the network is trained; changing only these keeps the current weights. */
export interface TrainingSpec {
  optimizer: OptimizerSpec;
  loss: LossName;
  /** Samples per step; 0 is the whole training set. */
  batchSize: number;
  /** Seed of the mini-batch order. */
  seed: number;
}

/** Everything a training session needs; plain data, safe to post to a worker. */
export interface Problem {
  sizes: number[];
  hidden: PlayActivation;
  output: OutputName;
  init: PlayInit;
  /** Seed of the initial weights. */
  weightSeed: number;
  train: RowsData;
  /** Held out to choose by (when to stop, which network); empty when the validation share is 0. */
  valid: RowsData;
  test: RowsData;
  training: TrainingSpec;
}

/** One seed drives everything; each use gets its own stream: data, weights, mini-batch order. */
export function streamSeeds(seed: number): { data: number; weights: number; batches: number } {
  const s = seedOf(seed);
  return { data: s, weights: (s ^ 0x9e3779b9) >>> 0, batches: (s ^ 0x85ebca6b) >>> 0 };
}

/** How many of `points` are held out for validation: round(points × validFraction). */
export function validCount(points: number, validFraction: number): number {
  return Math.round(points * validFraction);
}

/**
 * The seeded dataset of a state, before added points: the engine's train/test split, then the
 * last round(points × validFraction) training samples set aside for validation. With no
 * validation share the split is exactly the engine's, as before validation existed.
 */
export function baseData(state: Pick<PlaygroundState, 'dataset' | 'points' | 'noise' | 'testFraction' | 'validFraction' | 'seed'>): PlayData {
  const data = dataset(state.dataset, {
    n: state.points,
    noise: state.noise,
    testFraction: state.testFraction,
    seed: streamSeeds(state.seed).data,
  });
  const keep = Math.max(1, data.train.x.length - validCount(state.points, state.validFraction ?? 0));
  const part = (s: Samples, from: number, to?: number): Samples => ({ x: s.x.slice(from, to), y: s.y.slice(from, to), labels: s.labels.slice(from, to) });
  return { ...data, train: part(data.train, 0, keep), valid: part(data.train, keep) };
}

/** The target row of a class: [label] with two classes, one-hot with three. */
export function targetRow(label: number, classes: 2 | 3): number[] {
  return classes === 2 ? [label] : [0, 1, 2].map((c) => (c === label ? 1 : 0));
}

/** The training rows: the dataset's training samples followed by the added points. */
export function trainRows(data: Dataset, added: readonly AddedPoint[], classes: 2 | 3): RowsData {
  return {
    x: [...data.train.x, ...added.map((p) => [p[0], p[1]])],
    y: [...data.train.y, ...added.map((p) => targetRow(p[2], classes))],
  };
}

/** The layer sizes: two inputs, the hidden layers, one output (or three with softmax). */
export function layerSizes(state: Pick<PlaygroundState, 'dataset' | 'layers'>): number[] {
  return [2, ...state.layers, classCount(state.dataset) === 3 ? 3 : 1];
}

/** Weights and biases of a network with these layer sizes: Σ (inputs × outputs + outputs) over its layers. */
export function parameterCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return n;
}

/** The optimizer, loss, batch size and batch seed of a state. */
export function trainingSpec(state: Pick<PlaygroundState, 'optimizer' | 'lr' | 'loss' | 'batchSize' | 'seed'>): TrainingSpec {
  return {
    optimizer: { kind: state.optimizer, lr: state.lr },
    loss: state.loss,
    batchSize: state.batchSize,
    seed: streamSeeds(state.seed).batches,
  };
}

/** The whole problem of a state (its dataset may be passed in when already made). */
export function buildProblem(state: PlaygroundState, data: PlayData = baseData(state)): Problem {
  const classes = classCount(state.dataset);
  return {
    sizes: layerSizes(state),
    hidden: state.activation,
    output: classes === 3 ? 'softmax' : 'sigmoid',
    init: state.init ?? 'xavier',
    weightSeed: streamSeeds(state.seed).weights,
    train: trainRows(data, state.added, classes),
    valid: { x: data.valid.x, y: data.valid.y },
    test: { x: data.test.x, y: data.test.y },
    training: trainingSpec(state),
  };
}
