/**
 * One training run of the playground, the same in a Web Worker and on the main thread: a network,
 * its trainer, and the loss curve across everything the reader does. Changing the optimizer, the
 * learning rate, the batch size, the loss or the training points keeps the weights and continues
 * with a new engine trainer from the end of the current epoch; the epoch count and the curve carry
 * on, and the session remembers each stretch so a link can replay the run exactly (see `Replay`).
 *
 * Every loss on the curve and in the stats is measured the same way: on the whole set (training,
 * validation or test) with the weights after the epoch. Pure TypeScript, no DOM.
 */
import { createMLP, type MLP } from '../../engine/mlp.ts';
import { createTrainer, type Trainer } from '../../engine/train.ts';
import type { Batch } from '../../engine/batch.ts';
import type { StopReason, TrainStatus } from '../../engine/history.ts';
import type { Problem, RowsData, TrainingSpec } from './problem.ts';

/** Loss per epoch, each measured on the whole set with the weights after that epoch. */
export interface Curve {
  epoch: number[];
  train: number[];
  /** Same length as `epoch` when there is validation data, else empty. */
  valid: number[];
  /** Same length as `epoch` when there is test data, else empty. */
  test: number[];
}

/** Loss and accuracy on one set, exact, with the current weights. */
export interface Measure {
  loss: number;
  accuracy: number;
}

/** A finished stretch of the run: trained up to epoch `until` with `training` on `trainCount` rows. */
export interface SessionLeg {
  until: number;
  training: TrainingSpec;
  trainCount: number;
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
  valid: Measure | null;
  test: Measure | null;
  curve: Curve;
  /** The stretches finished with earlier training settings, oldest first. */
  legs: SessionLeg[];
}

/** Most rows the curve keeps; past it, every other row goes and recording slows by half. */
export const CURVE_CAP = 60;

/** A run stops as converged once an epoch's mean training loss falls below this. */
const STOP_AT_LOSS = 1e-4;

interface Row {
  epoch: number;
  train: number;
  valid: number | null;
  test: number | null;
}

export class Session {
  readonly net: MLP;
  private trainer: Trainer;
  private training: TrainingSpec;
  private train: RowsData;
  private trainBatch: Batch;
  private readonly validBatch: Batch | null;
  private readonly testBatch: Batch | null;
  private stopAtLoss = STOP_AT_LOSS;
  private epochOffset = 0;
  private stepOffset = 0;
  private stride = 1;
  private readonly curve: Curve = { epoch: [], train: [], valid: [], test: [] };
  private readonly legs: SessionLeg[] = [];
  /** The newest measured epoch, kept even when the stride skips it, so the curve reaches "now" when paused. */
  private latest: Row | null = null;

  constructor(problem: Problem) {
    this.net = createMLP({ sizes: problem.sizes, hidden: problem.hidden, output: problem.output, seed: problem.weightSeed, init: problem.init ?? 'xavier' });
    this.train = problem.train;
    this.trainBatch = this.net.pack(problem.train.x, problem.train.y);
    this.validBatch = problem.valid && problem.valid.x.length > 0 ? this.net.pack(problem.valid.x, problem.valid.y) : null;
    this.testBatch = problem.test.x.length > 0 ? this.net.pack(problem.test.x, problem.test.y) : null;
    this.training = problem.training;
    this.trainer = this.makeTrainer();
    // Epoch 0: the loss before any training, so the chart is never empty, even if step 1 diverges.
    this.record(this.measureRow(0));
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

  /** Whether the weights are those at the end of an epoch (not part-way through one). */
  get atEpochEnd(): boolean {
    return this.trainer.step % this.trainer.stepsPerEpoch === 0 || this.trainer.status === 'diverged' || this.trainer.status === 'converged';
  }

  /** Continues with other training settings from the current weights (a fresh optimizer), after finishing the epoch. */
  retrain(training: TrainingSpec): void {
    this.change(training, this.train);
  }

  /** Continues on other training rows (points added or removed) from the current weights, after finishing the epoch. */
  setTrain(train: RowsData): void {
    this.change(this.training, train);
  }

  /** Both at once: a new stretch of the run starts at the end of the current epoch. */
  change(training: TrainingSpec, train: RowsData): void {
    this.completeEpoch();
    const lastEnd = this.legs.length > 0 ? this.legs[this.legs.length - 1].until : 0;
    if (this.epoch > lastEnd) this.legs.push({ until: this.epoch, training: this.training, trainCount: this.train.x.length });
    this.training = training;
    if (train !== this.train) {
      this.train = train;
      this.trainBatch = this.net.pack(train.x, train.y);
    }
    this.restart();
  }

  /** Finishes the epoch under way, if training stopped part-way through one (so every epoch shown is whole). */
  completeEpoch(): void {
    if (this.trainer.status !== 'training' || this.atEpochEnd) return;
    this.trainer.run(this.trainer.stepsPerEpoch - (this.trainer.step % this.trainer.stepsPerEpoch));
  }

  /** Trains for about `milliseconds`; returns whether training can go on. */
  runFor(milliseconds: number): boolean {
    if (!this.prepare()) return false;
    this.trainer.runFor(milliseconds);
    return this.trainer.status === 'training' || this.trainer.status === 'ready';
  }

  /** Trains `epochs` whole epochs (fewer if training stops); returns whether training can go on. */
  runEpochs(epochs: number): boolean {
    if (!this.prepare()) return false;
    const target = this.trainer.epoch + epochs;
    while (this.trainer.epoch < target && (this.trainer.status === 'training' || this.trainer.status === 'ready')) {
      // the rest of the current epoch in one call
      this.trainer.run(this.trainer.stepsPerEpoch - (this.trainer.step % this.trainer.stepsPerEpoch || 0));
    }
    return this.trainer.status === 'training' || this.trainer.status === 'ready';
  }

  /** Loss and accuracy on the training, validation and test sets with the current weights. */
  measure(): { train: Measure; valid: Measure | null; test: Measure | null } {
    const loss = this.training.loss;
    const on = (batch: Batch): Measure => {
      const r = this.net.evaluateInto(batch, loss);
      return { loss: r.loss, accuracy: r.correct / r.count };
    };
    return { train: on(this.trainBatch), valid: this.validBatch ? on(this.validBatch) : null, test: this.testBatch ? on(this.testBatch) : null };
  }

  /** The current weights, losses and curve (arrays are copies). */
  snapshot(): Snapshot {
    const measured = this.measure();
    const stop = this.trainer.stop ? { ...this.trainer.stop, step: this.trainer.stop.step + this.stepOffset } : null;
    const c = this.curve;
    const curve: Curve = { epoch: [...c.epoch], train: [...c.train], valid: [...c.valid], test: [...c.test] };
    // Paused at the end of an epoch: the curve ends at the numbers the stats show.
    if (this.atEpochEnd && this.trainer.status !== 'diverged' && (this.latest === null || this.latest.epoch < this.epoch)) {
      this.latest = {
        epoch: this.epoch,
        train: measured.train.loss,
        valid: measured.valid?.loss ?? null,
        test: measured.test?.loss ?? null,
      };
    }
    const last = this.latest;
    if (last && curve.epoch[curve.epoch.length - 1] !== last.epoch) {
      curve.epoch.push(last.epoch);
      curve.train.push(last.train);
      if (last.valid !== null) curve.valid.push(last.valid);
      if (last.test !== null) curve.test.push(last.test);
    }
    return {
      params: Float64Array.from(this.net.params),
      epoch: this.epoch,
      step: this.step,
      status: this.trainer.status,
      stop,
      train: measured.train,
      valid: measured.valid,
      test: measured.test,
      curve,
      legs: this.legs.map((l) => ({ ...l })),
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
    this.trainer = this.makeTrainer();
  }

  private makeTrainer(): Trainer {
    const { optimizer, loss, batchSize, seed } = this.training;
    return createTrainer({
      net: this.net,
      data: { train: this.train },
      optimizer,
      loss,
      batchSize: batchSize > 0 ? batchSize : undefined,
      seed,
      stopAtLoss: this.stopAtLoss,
      onEpoch: (trainer) => this.epochDone(trainer),
    });
  }

  /** At the end of every epoch: measure and record it when it falls on the stride, or when training stopped there. */
  private epochDone(trainer: Trainer): void {
    const epoch = this.epochOffset + trainer.epoch;
    if (epoch % this.stride !== 0 && trainer.status === 'training') return;
    this.record(this.measureRow(epoch));
  }

  private measureRow(epoch: number): Row {
    const m = this.measure();
    return { epoch, train: m.train.loss, valid: m.valid?.loss ?? null, test: m.test?.loss ?? null };
  }

  private record(row: Row): void {
    this.latest = row;
    if (row.epoch % this.stride !== 0) return;
    const c = this.curve;
    c.epoch.push(row.epoch);
    c.train.push(row.train);
    if (row.valid !== null) c.valid.push(row.valid);
    if (row.test !== null) c.test.push(row.test);
    if (c.epoch.length < CURVE_CAP) return;
    // Thin: keep the rows on the doubled stride, then record half as often.
    const next = this.stride * 2;
    let kept = 0;
    for (let i = 0; i < c.epoch.length; i++) {
      if (c.epoch[i] % next !== 0) continue;
      c.epoch[kept] = c.epoch[i];
      c.train[kept] = c.train[i];
      if (c.valid.length > 0) c.valid[kept] = c.valid[i];
      if (c.test.length > 0) c.test[kept] = c.test[i];
      kept++;
    }
    c.epoch.length = kept;
    c.train.length = kept;
    if (c.valid.length > 0) c.valid.length = kept;
    if (c.test.length > 0) c.test.length = kept;
    this.stride = next;
  }
}

/** A stretch to replay: train up to epoch `until` with these settings on these rows. */
export interface ReplayLeg {
  until: number;
  training: TrainingSpec;
  train: RowsData;
}

/**
 * Replays a shared run: a new session from the problem, trained stretch by stretch (the earlier
 * `legs`, then the problem's own settings) up to epoch `target`, or until it diverges. The run is
 * seeded, so the weights, losses and curve come out exactly as in the run the link was made from.
 * `advance(ms)` trains in slices (for a page); `replay()` below does it all at once.
 */
export class Replay {
  readonly session: Session;
  private readonly stretches: ReplayLeg[];
  private index = 0;
  /** The epoch the replay trains to. */
  readonly target: number;

  constructor(problem: Problem, legs: readonly ReplayLeg[], target: number) {
    this.target = target;
    this.stretches = [...legs, { until: target, training: problem.training, train: problem.train }];
    const first = this.stretches[0];
    this.session = new Session({ ...problem, training: first.training, train: first.train });
  }

  /** Whether the replay has reached its target (or the run diverged on the way). */
  get done(): boolean {
    return this.session.epoch >= this.target || !this.session.canTrain;
  }

  /** How far the replay has come, 0–1. */
  get progress(): number {
    return this.target > 0 ? Math.min(1, this.session.epoch / this.target) : 1;
  }

  /** Trains whole epochs for about `milliseconds` (at least one); returns whether the replay is done. */
  advance(milliseconds: number): boolean {
    const end = performance.now() + milliseconds;
    do {
      if (this.done) return true;
      let stretch = this.stretches[this.index];
      while (this.session.epoch >= stretch.until && this.index + 1 < this.stretches.length) {
        this.index++;
        stretch = this.stretches[this.index];
        this.session.change(stretch.training, stretch.train);
      }
      if (this.done) return true;
      this.session.runEpochs(1);
    } while (performance.now() < end);
    return this.done;
  }
}

/** The session a shared run replays to (all at once): see `Replay`. */
export function replay(problem: Problem, legs: readonly ReplayLeg[], target: number): Session {
  const r = new Replay(problem, legs, target);
  r.advance(Infinity);
  return r.session;
}
