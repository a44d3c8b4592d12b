/** A network's mean loss, gradient and accuracy over a packed batch: the loop every step runs. */
import type { Batch } from './batch.ts';
import { checkOneOf } from './check.ts';
import {
  BCE, BCE_LOGITS, CROSS_ENTROPY, MSE, backward, ensureCapacity, forward, outputLoss, type KernelNet,
} from './kernel.ts';
import { lossNames, type LossName } from './losses.ts';

/** Losses a network can be trained on (see `lossCode` for which output each needs). */
export type NetLossName = LossName;

/** Mean loss, number correct and number of samples of one pass over a batch. */
export interface BatchResult {
  loss: number;
  correct: number;
  count: number;
}

/**
 * The kernel's code for a loss, after checking it suits the output activation: mse suits any;
 * bce needs probabilities (sigmoid or softmax); bce_logits reads a linear output as logits;
 * cross_entropy needs softmax.
 */
export function lossCode(lossName: NetLossName, output: string): number {
  checkOneOf('loss', lossName, lossNames);
  switch (lossName) {
    case 'mse':
      return MSE;
    case 'bce':
      requireOutput(output === 'sigmoid' || output === 'softmax', lossName, "a 'sigmoid' (or 'softmax') output", output);
      return BCE;
    case 'bce_logits':
      requireOutput(output === 'linear', lossName, "a 'linear' output (its logits)", output);
      return BCE_LOGITS;
    default:
      requireOutput(output === 'softmax', lossName, "a 'softmax' output", output);
      return CROSS_ENTROPY;
  }
}

function requireOutput(ok: boolean, lossName: string, what: string, output: string): void {
  if (!ok) throw new Error(`loss '${lossName}' needs ${what}, but the network's output is '${output}'`);
}

/** Where a single output splits the two classes: 0 for tanh outputs and logits, 0.5 for probabilities. */
export function predictionCut(lossName: NetLossName, output: string): number {
  return output === 'tanh' || lossName === 'bce_logits' ? 0 : 0.5;
}

/** Where a single target splits the two classes: 0 for a tanh output (targets ±1), else 0.5. */
export function targetCut(output: string): number {
  return output === 'tanh' ? 0 : 0.5;
}

/** Copies rows order[start … end) (or start … end when order is null) of a batch into the workspace. */
export function gather(net: KernelNet, batch: Batch, order: ArrayLike<number> | null, start: number, end: number): number {
  const n = end - start;
  const work = ensureCapacity(net, n);
  const { x, y, inputs, outputs } = batch;
  for (let s = 0; s < n; s++) {
    const row = order ? order[start + s] : start + s;
    for (let k = 0; k < inputs; k++) work.x[s * inputs + k] = x[row * inputs + k];
    for (let k = 0; k < outputs; k++) work.y[s * outputs + k] = y[row * outputs + k];
  }
  return n;
}

/**
 * Runs rows order[start … end) (or rows start … end in order when order is null) through the
 * network; with a grad array, also backpropagates and leaves the mean gradient in it.
 */
export function runBatch(net: KernelNet & { output: string }, batch: Batch, lossName: NetLossName, grad: Float64Array | null,
  result: BatchResult, order: ArrayLike<number> | null, start: number, end: number): BatchResult {
  const code = lossCode(lossName, net.output);
  if (!(end > start)) throw new Error(`a batch needs at least one row, got rows ${start} to ${end}`);
  const n = gather(net, batch, order, start, end);
  forward(net, n);
  const total = outputLoss(net, n, code);
  result.correct = countCorrect(net, n, predictionCut(lossName, net.output), targetCut(net.output));
  if (grad) {
    grad.fill(0);
    backward(net, n, grad);
    for (let p = 0; p < grad.length; p++) grad[p] /= n;
  }
  result.loss = total / n;
  result.count = n;
  return result;
}

/**
 * How many of the n outputs match their targets: with one output, the class is output ≥ predCut
 * against target ≥ trueCut; with several, the largest output's index against the largest target's.
 */
export function countCorrect(net: KernelNet, n: number, predCut: number, trueCut: number): number {
  const L = net.shapes.length - 1;
  const m = net.shapes[L].outputs;
  const a = net.work.a[L];
  const y = net.work.y;
  let correct = 0;
  for (let s = 0; s < n; s++) {
    const o = s * m;
    if (m === 1) {
      if (a[o] >= predCut === y[o] >= trueCut) correct++;
      continue;
    }
    let best = 0;
    let truth = 0;
    for (let i = 1; i < m; i++) {
      if (a[o + i] > a[o + best]) best = i;
      if (y[o + i] > y[o + truth]) truth = i;
    }
    if (best === truth) correct++;
  }
  return correct;
}
