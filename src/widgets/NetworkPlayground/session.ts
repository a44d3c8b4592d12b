/**
 * One training run of the playground, the same in a Web Worker and on the main thread: a network,
 * its trainer, and the loss curve across everything the reader does. Changing the optimizer, the
 * learning rate, the batch size, the loss or the training points keeps the weights and continues
 * with a new engine trainer; the epoch count and the curve carry on. Pure TypeScript, no DOM.
 */
import { createMLP, createTrainer, type MLP, type StopReason, type Trainer, type TrainStatus } from '../../engine/index.ts';
import type { Problem, RowsData, TrainingSpec } from './problem.ts';

/** Loss per epoch: epoch numbers, mean training loss during the epoch, test loss after it. */
export interface Curve {
  epoch: number[];
  train: number[];
  /** Same length as `epoch` when there is test data, else empty. */
  test: number[];
}

/** Loss and accuracy on one set, exact, with the current weights. */
export interface Measure {
  loss: number;
  accuracy: number;
}

/** Where a session stands: what the page draws. Plain data, safe to post from a worker. */
export interface Snapshot {
  params: Float64Array;
  epoch: number;
  step: number;
  status: TrainStatus;
  /** Why training stopped, with `step` counted from the start of the session; null while it can go on. */
  stop: StopReason | null;
  train: Measure;
  test: Measure | null;
  curve: Curve;
}

/** Most rows the curve keeps; past it, every other row goes and recording slows by half. */
export const CURVE_CAP = 60;

/** A run stops as converged once an epoch's mean training loss falls below this. */
const STOP_AT_LOSS = 1e-4;

export class Session {
  readonly net: MLP;
  private trainer: Trainer;
  private training: TrainingSpec;
  private train: RowsData;
  private readonly test: RowsData;
  private stopAtLoss = STOP_AT_LOSS;
  private epochOffset = 0;
  private stepOffset = 0;
  /** The last trainer epoch already copied into the curve. */
  private seen = 0;
  private stride = 1;
  private readonly curve: Curve = { epoch: [], train: [], test: [] };
  /** The newest epoch row, kept even when the stride skips it, so the curve always reaches "now". */
  private latest: { epoch: number; train: number; test: number | null } | null = null;

  constructor(problem: Problem) {
    this.net = createMLP({ sizes: problem.sizes, hidden: problem.hidden, output: problem.output, seed: problem.weightSeed });
    this.train = problem.train;
    this.test = problem.test;
    this.training = problem.training;
    this.trainer = this.makeTrainer();
    // Epoch 0: the loss before any training, so the chart is never empty, even if step 1 diverges.
    const start = this.trainer.evaluate();
    this.record(0, start.train.loss, start.test?.loss ?? null);
  }

  /** Epochs finished since the session began. */
  get epoch(): number {
    return this.epochOffset + this.trainer.epoch;
  }

  /** Optimizer steps taken since the session began. */
  get step(): number {
    return this.stepOffset + this.trainer.step;
  }

  get status(): TrainStatus {
    return this.trainer.status;
  }

  /** Whether Play or Step can do anything: everything except a diverged run. */
  get canTrain(): boolean {
    return this.trainer.status !== 'diverged';
  }

  /** Continues with other training settings from the current weights (a fresh optimizer). */
  retrain(training: TrainingSpec): void {
    this.training = training;
    this.restart();
  }

  /** Continues on other training rows (points added or removed) from the current weights. */
  setTrain(train: RowsData): void {
    this.train = train;
    this.restart();
  }

  /** Trains for about `milliseconds`; returns whether training can go on. */
  runFor(milliseconds: number): boolean {
    if (!this.prepare()) return false;
    this.trainer.runFor(milliseconds);
    this.collect();
    return this.trainer.status === 'training' || this.trainer.status === 'ready';
  }

  /** Trains `epochs` whole epochs (fewer if training stops); returns whether training can go on. */
  runEpochs(epochs: number): boolean {
    if (!this.prepare()) return false;
    const target = this.trainer.epoch + epochs;
    while (this.trainer.epoch < target && (this.trainer.status === 'training' || this.trainer.status === 'ready')) {
      // the rest of the current epoch in one call
      this.trainer.run(this.trainer.stepsPerEpoch - (this.trainer.step % this.trainer.stepsPerEpoch || 0));
      this.collect();
    }
    return this.trainer.status === 'training' || this.trainer.status === 'ready';
  }

  /** The current weights, losses and curve (arrays are copies). */
  snapshot(): Snapshot {
    const measured = this.trainer.evaluate();
    const stop = this.trainer.stop ? { ...this.trainer.stop, step: this.trainer.stop.step + this.stepOffset } : null;
    const curve: Curve = { epoch: [...this.curve.epoch], train: [...this.curve.train], test: [...this.curve.test] };
    const last = this.latest;
    if (last && curve.epoch[curve.epoch.length - 1] !== last.epoch) {
      curve.epoch.push(last.epoch);
      curve.train.push(last.train);
      if (last.test !== null) curve.test.push(last.test);
    }
    return {
      params: Float64Array.from(this.net.params),
      epoch: this.epoch,
      step: this.step,
      status: this.trainer.status,
      stop,
      train: measured.train,
      test: measured.test,
      curve,
    };
  }

  /** A converged run continues (the reader asked for more) with the convergence stop turned off. */
  private prepare(): boolean {
    if (this.trainer.status === 'diverged') return false;
    if (this.trainer.status === 'converged') {
      this.stopAtLoss = 0;
      this.restart();
    }
    return true;
  }

  private restart(): void {
    this.epochOffset += this.trainer.epoch;
    this.stepOffset += this.trainer.step;
    this.seen = 0;
    this.trainer = this.makeTrainer();
  }

  private makeTrainer(): Trainer {
    const { optimizer, loss, batchSize, seed } = this.training;
    return createTrainer({
      net: this.net,
      data: { train: this.train, test: this.test.x.length > 0 ? this.test : undefined },
      optimizer,
      loss,
      batchSize: batchSize > 0 ? batchSize : undefined,
      seed,
      stopAtLoss: this.stopAtLoss,
    });
  }

  /** Copies the epochs the trainer finished since the last call into the curve. */
  private collect(): void {
    const e = this.trainer.history.epochs;
    let first = e.epoch.length;
    while (first > 0 && e.epoch[first - 1] > this.seen) first--;
    for (let i = first; i < e.epoch.length; i++) {
      this.record(this.epochOffset + e.epoch[i], e.trainLoss[i], e.testLoss.length > i ? e.testLoss[i] : null);
    }
    this.seen = this.trainer.epoch;
  }

  private record(epoch: number, train: number, test: number | null): void {
    this.latest = { epoch, train, test };
    if (epoch % this.stride !== 0) return;
    const c = this.curve;
    c.epoch.push(epoch);
    c.train.push(train);
    if (test !== null) c.test.push(test);
    if (c.epoch.length < CURVE_CAP) return;
    // Thin: keep the rows on the doubled stride, then record half as often.
    const next = this.stride * 2;
    let kept = 0;
    for (let i = 0; i < c.epoch.length; i++) {
      if (c.epoch[i] % next !== 0) continue;
      c.epoch[kept] = c.epoch[i];
      c.train[kept] = c.train[i];
      if (c.test.length > 0) c.test[kept] = c.test[i];
      kept++;
    }
    c.epoch.length = kept;
    c.train.length = kept;
    if (c.test.length > 0) c.test.length = kept;
    this.stride = next;
  }
}
