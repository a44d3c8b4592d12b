/**
 * The perceptron: a weighted sum of the inputs plus a bias, passed through a step.
 *
 *   z = w · x + b        ŷ = step(z) = 1 if z > 0, else 0
 *
 * Convention kept everywhere in this module: the perceptron fires (outputs 1) only when the
 * sum is strictly greater than 0. A sum of exactly 0 gives 0.
 *
 * Sums, and weights after each update, are rounded to 9 decimal places, so decimal weights give
 * exactly the numbers of a hand calculation: in binary floating point 0.2 + 0.1 − 0.3 is 5.6e-17,
 * not 0, and would otherwise fire; and 0.5 − 0.1 − 0.1 would be 0.30000000000000004.
 *
 * Learning is Rosenblatt's rule, one sample at a time in a fixed order:
 *
 *   w ← w + lr · (y − ŷ) · x        b ← b + lr · (y − ŷ)
 *
 * with y the target and ŷ the output (the course notation; a Sample calls y `target`).
 *
 * An epoch is one pass over all samples in order. Training has converged when a whole epoch
 * makes no mistake (and so changes nothing).
 */

/** A single perceptron: one weight per input and a bias. */
export interface Perceptron {
  weights: number[];
  bias: number;
}

/** One labelled example: an input vector and its target output, 0 or 1. */
export interface Sample {
  input: number[];
  target: 0 | 1;
}

/** The logic gates used in the course, each a function of two binary inputs. */
export type GateName = 'AND' | 'OR' | 'NAND' | 'XOR';

/** All gate names, in the order they are presented. */
export const GATE_NAMES: readonly GateName[] = ['AND', 'OR', 'NAND', 'XOR'];

/** The four inputs of a two-input truth table, in the fixed order the learning rule visits them. */
export const TRUTH_TABLE_INPUTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

const GATE_OUTPUTS: Record<GateName, readonly (0 | 1)[]> = {
  AND: [0, 0, 0, 1],
  OR: [0, 1, 1, 1],
  NAND: [1, 1, 1, 0],
  XOR: [0, 1, 1, 0],
};

/**
 * Default cap on epochs. From any start with weights and bias in [−2, 2] and a learning rate of at
 * least 0.05, AND, OR and NAND converge well within it (the slowest run seen took 84 epochs), so
 * reaching the cap on one of them means "keep going", while on XOR it can never be avoided.
 */
export const DEFAULT_MAX_EPOCHS = 100;

/** Decimal places sums and updated weights are rounded to (see the module comment). */
export const DECIMALS = 9;

/** The truth table of a gate as four samples, in the order (0,0), (0,1), (1,0), (1,1). */
export function truthTable(gate: GateName): Sample[] {
  assertGate(gate);
  const outputs = GATE_OUTPUTS[gate];
  return TRUTH_TABLE_INPUTS.map((input, i) => ({ input: [...input], target: outputs[i] }));
}

/**
 * Whether one straight line separates the gate's 1s from its 0s: true for AND, OR and NAND,
 * false for XOR (the tests check both: weights are found for the first three, none for XOR).
 */
export function linearlySeparable(gate: GateName): boolean {
  assertGate(gate);
  return gate !== 'XOR';
}

/** Whether `name` is one of the gate names. */
export function isGateName(name: unknown): name is GateName {
  return typeof name === 'string' && (GATE_NAMES as readonly string[]).includes(name);
}

function assertGate(gate: unknown): asserts gate is GateName {
  if (!isGateName(gate)) throw new Error(`unknown gate "${String(gate)}": use one of ${GATE_NAMES.join(', ')}`);
}

function assertFinite(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${what} must be a finite number, got ${String(value)}`);
  }
}

function assertPerceptron(p: Perceptron): void {
  if (!p || !Array.isArray(p.weights) || p.weights.length === 0) {
    throw new Error('a perceptron needs a non-empty weights array');
  }
  p.weights.forEach((w, i) => assertFinite(w, `weight ${i + 1}`));
  assertFinite(p.bias, 'bias');
}

function assertInput(p: Perceptron, x: readonly number[]): void {
  if (!Array.isArray(x)) throw new Error('the input must be an array of numbers');
  if (x.length !== p.weights.length) {
    throw new Error(`input has ${x.length} values but the perceptron has ${p.weights.length} weights`);
  }
  x.forEach((v, i) => assertFinite(v, `input ${i + 1}`));
}

function assertTarget(t: number): void {
  if (t !== 0 && t !== 1) throw new Error(`a target must be 0 or 1, got ${String(t)}`);
}

function assertLearningRate(lr: number): void {
  assertFinite(lr, 'learning rate');
  if (lr <= 0) throw new Error(`learning rate must be greater than 0, got ${lr}`);
}

/** Rounds to DECIMALS places and turns −0 into 0. */
function round(z: number): number {
  const scale = 10 ** DECIMALS;
  return Math.round(z * scale) / scale + 0;
}

/** The weighted sum z = w · x + b, rounded to 9 decimal places. */
export function weightedSum(p: Perceptron, x: readonly number[]): number {
  assertPerceptron(p);
  assertInput(p, x);
  let z = p.bias;
  for (let i = 0; i < x.length; i++) z += p.weights[i] * x[i];
  return round(z);
}

/** The step (Heaviside) function: 1 when z > 0, 0 when z ≤ 0. */
export function step(z: number): 0 | 1 {
  assertFinite(z, 'the sum');
  return z > 0 ? 1 : 0;
}

/** The perceptron's output ŷ = step(w · x + b). */
export function predict(p: Perceptron, x: readonly number[]): 0 | 1 {
  return step(weightedSum(p, x));
}

/** Indices of the samples the perceptron gets wrong. */
export function misclassified(p: Perceptron, samples: readonly Sample[]): number[] {
  const wrong: number[] = [];
  samples.forEach((s, i) => {
    assertTarget(s.target);
    if (predict(p, s.input) !== s.target) wrong.push(i);
  });
  return wrong;
}

/** Whether the perceptron computes the gate: right on all four rows of its truth table. */
export function computesGate(p: Perceptron, gate: GateName): boolean {
  return misclassified(p, truthTable(gate)).length === 0;
}

/** What one application of the learning rule did. */
export interface StepRecord {
  /** Index of the sample in the training set. */
  index: number;
  input: number[];
  target: 0 | 1;
  /** The weighted sum before the update. */
  sum: number;
  /** The output before the update. */
  output: 0 | 1;
  /** y − ŷ (target − output): −1, 0 or +1. */
  error: -1 | 0 | 1;
  before: Perceptron;
  after: Perceptron;
}

/**
 * One application of the learning rule to one sample:
 * w ← w + lr·(y − ŷ)·x, b ← b + lr·(y − ŷ), rounded to 9 decimal places.
 * Returns a new perceptron; `p` is not changed.
 */
export function learnStep(p: Perceptron, sample: Sample, lr: number, index = 0): StepRecord {
  assertLearningRate(lr);
  assertTarget(sample.target);
  const sum = weightedSum(p, sample.input);
  const output = step(sum);
  const error = (sample.target - output) as -1 | 0 | 1;
  const before = { weights: [...p.weights], bias: p.bias };
  const after =
    error === 0
      ? { weights: [...p.weights], bias: p.bias }
      : {
          weights: p.weights.map((w, i) => round(w + lr * error * sample.input[i])),
          bias: round(p.bias + lr * error),
        };
  return { index, input: [...sample.input], target: sample.target, sum, output, error, before, after };
}

/** Where a step-by-step training run stands. */
export interface TrainingState {
  perceptron: Perceptron;
  /** Completed epochs. */
  epoch: number;
  /** Index of the next sample to visit within the current epoch. */
  next: number;
  /** Mistakes made so far in the current (unfinished) epoch. */
  mistakesThisEpoch: number;
  /** Mistakes of each completed epoch, in order. */
  mistakesPerEpoch: number[];
  /** True once a completed epoch made no mistake. */
  converged: boolean;
  /** True when the epoch cap was reached without converging. */
  capped: boolean;
}

/** A fresh training run starting from `p`. */
export function startTraining(p: Perceptron): TrainingState {
  assertPerceptron(p);
  return {
    perceptron: { weights: [...p.weights], bias: p.bias },
    epoch: 0,
    next: 0,
    mistakesThisEpoch: 0,
    mistakesPerEpoch: [],
    converged: false,
    capped: false,
  };
}

/** Options of a training run. */
export interface TrainOptions {
  /** Learning rate η (PyTorch's `lr`), > 0. */
  lr: number;
  /** Stop after this many epochs if none was free of mistakes. Default DEFAULT_MAX_EPOCHS. */
  maxEpochs?: number;
}

function checkOptions(samples: readonly Sample[], options: TrainOptions): number {
  if (!Array.isArray(samples) || samples.length === 0) throw new Error('training needs at least one sample');
  assertLearningRate(options.lr);
  const maxEpochs = options.maxEpochs ?? DEFAULT_MAX_EPOCHS;
  if (!Number.isInteger(maxEpochs) || maxEpochs < 1) {
    throw new Error(`maxEpochs must be a whole number of at least 1, got ${String(maxEpochs)}`);
  }
  return maxEpochs;
}

/** Whether a run has finished, by converging or by reaching the epoch cap. */
export function isFinished(state: TrainingState): boolean {
  return state.converged || state.capped;
}

/**
 * Visits the next sample (one learning-rule step) and returns the new state with what the step
 * did. A finished run is returned unchanged with `record: null`.
 */
export function trainingStep(
  state: TrainingState,
  samples: readonly Sample[],
  options: TrainOptions,
): { state: TrainingState; record: StepRecord | null } {
  const maxEpochs = checkOptions(samples, options);
  if (isFinished(state)) return { state, record: null };
  if (state.next < 0 || state.next >= samples.length) {
    throw new Error(`next sample index ${state.next} is outside 0..${samples.length - 1}`);
  }
  const record = learnStep(state.perceptron, samples[state.next], options.lr, state.next);
  let mistakes = state.mistakesThisEpoch + (record.error === 0 ? 0 : 1);
  let next = state.next + 1;
  let { epoch, converged, capped } = state;
  let mistakesPerEpoch = state.mistakesPerEpoch;
  if (next === samples.length) {
    // End of an epoch: a clean pass means convergence; otherwise check the cap.
    epoch += 1;
    mistakesPerEpoch = [...mistakesPerEpoch, mistakes];
    converged = mistakes === 0;
    capped = !converged && epoch >= maxEpochs;
    mistakes = 0;
    next = 0;
  }
  return {
    state: {
      perceptron: record.after,
      epoch,
      next,
      mistakesThisEpoch: mistakes,
      mistakesPerEpoch,
      converged,
      capped,
    },
    record,
  };
}

/** Runs the rest of the current epoch (all of it when at its start). */
export function trainingEpoch(
  state: TrainingState,
  samples: readonly Sample[],
  options: TrainOptions,
): { state: TrainingState; records: StepRecord[] } {
  const records: StepRecord[] = [];
  let current = state;
  const startEpoch = state.epoch;
  while (!isFinished(current) && current.epoch === startEpoch) {
    const result = trainingStep(current, samples, options);
    current = result.state;
    if (result.record) records.push(result.record);
  }
  return { state: current, records };
}

/** Runs until convergence or the epoch cap. */
export function trainingRun(
  state: TrainingState,
  samples: readonly Sample[],
  options: TrainOptions,
): { state: TrainingState; records: StepRecord[] } {
  checkOptions(samples, options);
  const records: StepRecord[] = [];
  let current = state;
  // Every epoch ends converged, or capped once epoch ≥ maxEpochs: the loop always stops.
  while (!isFinished(current)) {
    const result = trainingEpoch(current, samples, options);
    current = result.state;
    records.push(...result.records);
  }
  return { state: current, records };
}

/** The result of training a perceptron from a start to the end. */
export interface TrainResult {
  perceptron: Perceptron;
  converged: boolean;
  /** Epochs run, including the final mistake-free one when converged. */
  epochs: number;
  /** Number of steps that changed the weights. */
  updates: number;
  mistakesPerEpoch: number[];
  records: StepRecord[];
}

/** Trains `start` on `samples` by the perceptron rule until an epoch has no mistake or the cap. */
export function train(start: Perceptron, samples: readonly Sample[], options: TrainOptions): TrainResult {
  const { state, records } = trainingRun(startTraining(start), samples, options);
  return {
    perceptron: state.perceptron,
    converged: state.converged,
    epochs: state.epoch,
    updates: records.filter((r) => r.error !== 0).length,
    mistakesPerEpoch: state.mistakesPerEpoch,
    records,
  };
}

/** How the decision line w1·x1 + w2·x2 + b = 0 of a two-input perceptron lies in the plane. */
export type DecisionLine =
  /** w1 = w2 = 0: there is no line; the output is the same everywhere. */
  | { kind: 'none'; output: 0 | 1 }
  /** w2 = 0: the vertical line x1 = at. */
  | { kind: 'vertical'; at: number }
  /** w1 = 0: the horizontal line x2 = at. */
  | { kind: 'horizontal'; at: number }
  /** x2 = slope·x1 + intercept, crossing the x1 axis at x1Intercept. */
  | { kind: 'sloped'; slope: number; intercept: number; x1Intercept: number };

/** The decision line of a two-input perceptron, in the form a reader would draw it. */
export function decisionLine(p: Perceptron): DecisionLine {
  assertPerceptron(p);
  if (p.weights.length !== 2) throw new Error(`a decision line needs 2 weights, got ${p.weights.length}`);
  const [w1, w2] = p.weights;
  const b = p.bias;
  if (w1 === 0 && w2 === 0) return { kind: 'none', output: step(round(b)) };
  if (w2 === 0) return { kind: 'vertical', at: round(-b / w1) };
  if (w1 === 0) return { kind: 'horizontal', at: round(-b / w2) };
  return {
    kind: 'sloped',
    slope: round(-w1 / w2),
    intercept: round(-b / w2),
    x1Intercept: round(-b / w1),
  };
}

/** The bias that makes the line with weights `weights` pass through `point`: b = −w · point. */
export function biasThrough(weights: readonly number[], point: readonly number[]): number {
  assertPerceptron({ weights: [...weights], bias: 0 });
  if (point.length !== weights.length) {
    throw new Error(`point has ${point.length} values but there are ${weights.length} weights`);
  }
  point.forEach((v, i) => assertFinite(v, `coordinate ${i + 1}`));
  let z = 0;
  for (let i = 0; i < weights.length; i++) z -= weights[i] * point[i];
  return round(z);
}
