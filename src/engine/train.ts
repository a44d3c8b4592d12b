/**
 * Training in slices: a trainer owns a network's optimizer, data order and history, and advances by
 * `run(steps)` or `runFor(ms)`, so a page can train between frames. Full-batch, mini-batch and
 * stochastic training differ only in batchSize. It stops, with a reason, on divergence.
 */
import type { Batch } from './batch.ts';
import { checkNonNegative, checkOneOf, checkPositiveInteger } from './check.ts';
import type { MLP } from './mlp.ts';
import { lossNames, type LossName } from './losses.ts';
import { lossCode, type BatchResult } from './network-loss.ts';
import { createOptimizer, type Optimizer, type OptimizerSpec } from './optimizers.ts';
import { seeded, shuffle, type Random } from './random.ts';
import { History, type StopReason, type TrainStatus, stopMessage } from './history.ts';

/** Rows of inputs and targets, e.g. a dataset's `train` or `test` samples. */
export interface Rows {
  readonly x: ArrayLike<ArrayLike<number>>;
  readonly y: ArrayLike<ArrayLike<number>>;
}

/** What a trainer needs: the network, data, optimizer, loss, batch size and seed. */
export interface TrainerSpec {
  readonly net: MLP;
  readonly data: { readonly train: Rows; readonly test?: Rows };
  readonly optimizer: OptimizerSpec;
  readonly loss: LossName;
  /** Samples per step (default: all of train, i.e. full-batch gradient descent; 1 is stochastic). */
  readonly batchSize?: number;
  /** Seed of the mini-batch order (default 1). */
  readonly seed?: number;
  /** Stop as converged once an epoch's mean training loss falls below this (default 1e-4; 0 never stops). */
  readonly stopAtLoss?: number;
  /** Stop as diverged once any |parameter| exceeds this (default 1e6; Infinity turns it off). */
  readonly maxWeight?: number;
  /** Stop as diverged once an epoch's mean training loss exceeds this many times the loss before training (or 0.01 if that was lower; default 10; Infinity turns it off). */
  readonly maxLossGrowth?: number;
  /**
   * Called at the end of every epoch, after its last step and the stop checks, while the parameters
   * are the ones after the epoch: e.g. to measure the whole training set with them, which the
   * recorded training loss (the mean over the epoch's mini-batches, each taken before its step) is not.
   */
  readonly onEpoch?: (trainer: Trainer) => void;
}

/** What one `run` or `runFor` call did and where training stands. */
export interface RunReport {
  readonly steps: number;
  /** The last step's batch loss (null before any step). */
  readonly loss: number | null;
  readonly accuracy: number | null;
  readonly status: TrainStatus;
}

/** Trains a network in slices; see TrainerSpec for the options and history.ts for what it records. */
export class Trainer {
  readonly net: MLP;
  readonly optimizer: Optimizer;
  readonly loss: LossName;
  readonly batchSize: number;
  readonly history = new History();
  /** The gradient of the last step (same layout as net.params). */
  readonly grad: Float64Array;
  status: TrainStatus = 'ready';
  /** Why training stopped (null while it can go on). */
  stop: StopReason | null = null;
  step = 0;
  epoch = 0;
  private readonly train: Batch;
  private readonly test: Batch | null;
  private readonly order: Int32Array | null;
  private readonly random: Random;
  private readonly snapshot: Float64Array;
  private readonly result: BatchResult = { loss: 0, correct: 0, count: 0 };
  private readonly stopAtLoss: number;
  private readonly maxWeight: number;
  private readonly maxLossGrowth: number;
  private readonly onEpoch: ((trainer: Trainer) => void) | null;
  private initialLoss = NaN;
  private cursor = 0;
  private epochLoss = 0;
  private epochCorrect = 0;

  constructor(spec: TrainerSpec) {
    const { net, data } = spec;
    if (!net || !(net.params instanceof Float64Array)) throw new Error('a trainer needs net: a network from createMLP');
    checkOneOf('loss', spec.loss, lossNames);
    lossCode(spec.loss, net.output);
    if (!data || !data.train) throw new Error('a trainer needs data: { train: { x, y }, test?: { x, y } }');
    this.net = net;
    this.loss = spec.loss;
    this.optimizer = createOptimizer(spec.optimizer);
    this.train = net.pack(data.train.x, data.train.y);
    this.test = data.test?.x?.length ? net.pack(data.test.x, data.test.y) : null;
    this.batchSize = spec.batchSize ?? this.train.count;
    checkPositiveInteger('batchSize', this.batchSize);
    if (this.batchSize > this.train.count) this.batchSize = this.train.count;
    this.order = this.batchSize < this.train.count ? Int32Array.from({ length: this.train.count }, (_, i) => i) : null;
    this.random = seeded(spec.seed ?? 1);
    this.stopAtLoss = spec.stopAtLoss ?? 1e-4;
    this.maxWeight = spec.maxWeight ?? 1e6;
    checkNonNegative('stopAtLoss', this.stopAtLoss);
    this.maxLossGrowth = spec.maxLossGrowth ?? 10;
    this.onEpoch = typeof spec.onEpoch === 'function' ? spec.onEpoch : null;
    if (!(this.maxWeight > 0)) throw new Error(`maxWeight must be a positive number (Infinity turns the check off), got ${this.maxWeight}`);
    if (!(this.maxLossGrowth > 1)) throw new Error(`maxLossGrowth must be a number above 1 (Infinity turns the check off), got ${this.maxLossGrowth}`);
    this.grad = new Float64Array(net.params.length);
    this.snapshot = new Float64Array(net.params.length);
  }

  /** Steps (mini-batches) per epoch: ⌈train size / batchSize⌉. */
  get stepsPerEpoch(): number {
    return Math.ceil(this.train.count / this.batchSize);
  }

  /** Takes up to `steps` optimizer steps; fewer if training stops. */
  run(steps: number): RunReport {
    if (!Number.isInteger(steps) || steps < 0) throw new Error(`run(steps) needs a whole number ≥ 0, got ${steps}`);
    let done = 0;
    while (done < steps && this.advance()) done++;
    return this.report(done);
  }

  /** Takes steps until `milliseconds` have passed (at least one step if it can), or training stops. */
  runFor(milliseconds: number): RunReport {
    checkNonNegative('milliseconds', milliseconds);
    const end = performance.now() + milliseconds;
    let done = 0;
    do {
      if (!this.advance()) break;
      done++;
    } while (performance.now() < end);
    return this.report(done);
  }

  /** Exact mean loss and accuracy on the whole train and test sets, with the current parameters. */
  evaluate(): { train: { loss: number; accuracy: number }; test: { loss: number; accuracy: number } | null } {
    const measure = (batch: Batch) => {
      const r = this.net.evaluateInto(batch, this.loss);
      return { loss: r.loss, accuracy: r.correct / r.count };
    };
    return { train: measure(this.train), test: this.test ? measure(this.test) : null };
  }

  /** One optimizer step on the next mini-batch; false (and no change) once training has stopped. */
  private advance(): boolean {
    if (this.status === 'converged' || this.status === 'diverged') return false;
    const { net, train, order, batchSize, result } = this;
    if (this.step === 0) this.initialLoss = net.evaluateInto(train, this.loss, result).loss;
    if (order && this.cursor === 0) shuffle(this.random, order);
    const end = Math.min(this.cursor + batchSize, train.count);
    net.lossAndGradInto(train, this.loss, this.grad, result, order, this.cursor, end);
    if (!Number.isFinite(result.loss)) return this.halt('diverged', 'loss-not-finite', result.loss);
    this.snapshot.set(net.params);
    this.optimizer.step(net.params, this.grad);
    const worst = largestMagnitude(net.params);
    if (!(worst <= this.maxWeight)) {
      net.params.set(this.snapshot);
      return this.halt('diverged', 'weights-exploded', worst);
    }
    this.status = 'training';
    this.step++;
    this.history.recordStep(this.step, result.loss, result.correct / result.count);
    this.epochLoss += result.loss * result.count;
    this.epochCorrect += result.correct;
    this.cursor = end;
    if (this.cursor === train.count) this.finishEpoch();
    return true;
  }

  private finishEpoch(): void {
    const n = this.train.count;
    const trainLoss = this.epochLoss / n;
    this.epoch++;
    const test = this.test ? this.net.evaluateInto(this.test, this.loss, this.result) : null;
    this.history.recordEpoch(this.epoch, this.step, trainLoss, this.epochCorrect / n, test);
    this.cursor = 0;
    this.epochLoss = 0;
    this.epochCorrect = 0;
    if (trainLoss < this.stopAtLoss) this.halt('converged', 'loss-below-target', trainLoss, this.step);
    else if (trainLoss > this.maxLossGrowth * Math.max(this.initialLoss, 0.01)) this.halt('diverged', 'loss-grew', trainLoss, this.step);
    this.onEpoch?.(this);
  }

  private halt(status: 'converged' | 'diverged', code: StopReason['code'], value: number, step = this.step + 1): false {
    this.status = status;
    this.stop = { code, step, value, reason: '' };
    this.stop.reason = stopMessage(this.stop, this.optimizer.options.lr);
    return false;
  }

  private report(steps: number): RunReport {
    return { steps, loss: this.history.lastLoss, accuracy: this.history.lastAccuracy, status: this.status };
  }

  /** Human-readable reason training stopped, or '' while it can go on. */
  get reason(): string {
    return this.stop ? this.stop.reason : '';
  }
}

/** The largest |pᵢ| (NaN if any pᵢ is NaN, so a comparison with it fails). */
function largestMagnitude(params: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < params.length; i++) {
    const m = Math.abs(params[i]);
    if (Number.isNaN(m)) return NaN;
    if (m > worst) worst = m;
  }
  return worst;
}

/** A trainer: createTrainer({ net, data, optimizer: { kind: 'sgd', lr: 0.5 }, loss: 'bce', batchSize, seed }). */
export function createTrainer(spec: TrainerSpec): Trainer {
  return new Trainer(spec);
}
