/**
 * From a playground state to what the engine trains: the seeded dataset (plus the points the
 * reader added, which join the training set), the network's layer sizes and activations, and the
 * optimizer, loss and batch size. Plain data only, so it can be posted to a Web Worker.
 */
import { dataset, seedOf, type Dataset, type LossName, type OptimizerSpec, type OutputName } from '../../engine/index.ts';
import { classCount, type AddedPoint, type PlayActivation, type PlaygroundState } from './settings.ts';

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
  /** Seed of the initial weights. */
  weightSeed: number;
  train: RowsData;
  test: RowsData;
  training: TrainingSpec;
}

/** One seed drives everything; each use gets its own stream: data, weights, mini-batch order. */
export function streamSeeds(seed: number): { data: number; weights: number; batches: number } {
  const s = seedOf(seed);
  return { data: s, weights: (s ^ 0x9e3779b9) >>> 0, batches: (s ^ 0x85ebca6b) >>> 0 };
}

/** The seeded dataset of a state, before added points. */
export function baseData(state: Pick<PlaygroundState, 'dataset' | 'points' | 'noise' | 'testFraction' | 'seed'>): Dataset {
  return dataset(state.dataset, {
    n: state.points,
    noise: state.noise,
    testFraction: state.testFraction,
    seed: streamSeeds(state.seed).data,
  });
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

/** The optimizer, loss, batch size and batch seed of a state. */
export function trainingSpec(state: PlaygroundState): TrainingSpec {
  return {
    optimizer: { kind: state.optimizer, lr: state.lr },
    loss: state.loss,
    batchSize: state.batchSize,
    seed: streamSeeds(state.seed).batches,
  };
}

/** The whole problem of a state (its dataset may be passed in when already made). */
export function buildProblem(state: PlaygroundState, data: Dataset = baseData(state)): Problem {
  const classes = classCount(state.dataset);
  return {
    sizes: layerSizes(state),
    hidden: state.activation,
    output: classes === 3 ? 'softmax' : 'sigmoid',
    weightSeed: streamSeeds(state.seed).weights,
    train: trainRows(data, state.added, classes),
    test: { x: data.test.x, y: data.test.y },
    training: trainingSpec(state),
  };
}
