/**
 * What a trainer records: per step (batch loss and accuracy) and per epoch (train and test loss and
 * accuracy), as parallel number arrays ready for charting. Long runs are thinned, not truncated:
 * when a record reaches `cap` rows it keeps every other row and from then on records half as often.
 */
import type { BatchResult } from './network-loss.ts';

/** 'ready' before the first step, 'training' while steps can go on, then 'converged' or 'diverged'. */
export type TrainStatus = 'ready' | 'training' | 'converged' | 'diverged';

/** Why training stopped: a code for translation, the step, the offending number, and an English sentence. */
export interface StopReason {
  code: 'loss-not-finite' | 'weights-exploded' | 'loss-grew' | 'loss-below-target';
  step: number;
  value: number;
  reason: string;
}

/** Steps recorded (every `stride`-th): step number, the batch's mean loss and accuracy before the update. */
export interface StepHistory {
  readonly step: number[];
  readonly loss: number[];
  readonly accuracy: number[];
  stride: number;
}

/** Epochs recorded: epoch and step number, mean training loss and accuracy seen during the epoch, test loss and accuracy after it. */
export interface EpochHistory {
  readonly epoch: number[];
  readonly step: number[];
  readonly trainLoss: number[];
  readonly trainAccuracy: number[];
  /** Empty when there is no test data. */
  readonly testLoss: number[];
  readonly testAccuracy: number[];
  stride: number;
}

/** A trainer's record of steps and epochs (see the module comment for thinning). */
export class History {
  readonly steps: StepHistory = { step: [], loss: [], accuracy: [], stride: 1 };
  readonly epochs: EpochHistory = { epoch: [], step: [], trainLoss: [], trainAccuracy: [], testLoss: [], testAccuracy: [], stride: 1 };
  /** The latest step's loss and accuracy (recorded or not), null before the first step. */
  lastLoss: number | null = null;
  lastAccuracy: number | null = null;
  readonly cap: number;

  constructor(cap = 10_000) {
    if (!Number.isInteger(cap) || cap < 2) throw new Error(`a history cap must be an integer ≥ 2, got ${cap}`);
    this.cap = cap;
  }

  /** Records step `step` if it falls on the stride. */
  recordStep(step: number, loss: number, accuracy: number): void {
    this.lastLoss = loss;
    this.lastAccuracy = accuracy;
    const s = this.steps;
    if (step % s.stride !== 0) return;
    s.step.push(step);
    s.loss.push(loss);
    s.accuracy.push(accuracy);
    if (s.step.length >= this.cap) s.stride = thin(s.step, [s.loss, s.accuracy], s.stride);
  }

  /** Records the end of epoch `epoch` if it falls on the stride. */
  recordEpoch(epoch: number, step: number, trainLoss: number, trainAccuracy: number, test: BatchResult | null): void {
    const e = this.epochs;
    if (epoch % e.stride !== 0) return;
    e.epoch.push(epoch);
    e.step.push(step);
    e.trainLoss.push(trainLoss);
    e.trainAccuracy.push(trainAccuracy);
    if (test) {
      e.testLoss.push(test.loss);
      e.testAccuracy.push(test.correct / test.count);
    }
    if (e.epoch.length >= this.cap) {
      const others = [e.step, e.trainLoss, e.trainAccuracy, ...(test ? [e.testLoss, e.testAccuracy] : [])];
      e.stride = thin(e.epoch, others, e.stride);
    }
  }
}

/** Keeps the rows whose key is a multiple of twice the stride, in place; returns the new stride. */
function thin(keys: number[], columns: number[][], stride: number): number {
  const next = stride * 2;
  let kept = 0;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] % next !== 0) continue;
    keys[kept] = keys[i];
    for (const column of columns) column[kept] = column[i];
    kept++;
  }
  keys.length = kept;
  for (const column of columns) column.length = kept;
  return next;
}

/** An English sentence for a stop reason (widgets may translate by `code` instead). */
export function stopMessage(stop: StopReason, lr: number): string {
  switch (stop.code) {
    case 'loss-not-finite':
      return `Training diverged at step ${stop.step}: the loss became ${stop.value}. The learning rate (${lr}) is probably too large.`;
    case 'weights-exploded':
      return `Training diverged at step ${stop.step}: a weight ${Number.isFinite(stop.value) ? `grew to ${short(stop.value)}` : `became ${stop.value}`}. The learning rate (${lr}) is probably too large.`;
    case 'loss-grew':
      return `Training diverged at step ${stop.step}: the training loss rose to ${short(stop.value)}, many times its starting value. The learning rate (${lr}) is probably too large.`;
    default:
      return `Converged at step ${stop.step}: the training loss fell to ${short(stop.value)}.`;
  }
}

/** A number to three significant digits, without trailing zeros: 0.00998, 2.5e+7. */
function short(value: number): string {
  return String(Number(value.toPrecision(3)));
}
