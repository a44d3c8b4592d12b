/**
 * The arithmetic of a dense network over a batch of samples, one layer at a time: forward pass,
 * output loss, backward pass. Each layer's values for the whole batch sit in one Float64Array
 * (unit j of sample s at [s·width + j]), owned by the network and reused, so a training step
 * allocates nothing and every loop runs long.
 */
import type { Activation } from './activations.ts';
import type { BackwardLoop, ForwardLoop } from './activation-loops.ts';
import type { LayerShape } from './init.ts';
import { binaryCrossEntropyGrad, binaryCrossEntropyLogits, binaryCrossEntropy, logSumExp, softmaxInto } from './losses.ts';
import { sigmoid } from './special.ts';

/** Per-layer work arrays, each holding `capacity` samples; x and y hold the batch's inputs and targets. */
export interface Workspace {
  capacity: number;
  x: Float64Array;
  y: Float64Array;
  /** Each sample's loss. */
  losses: Float64Array;
  /** Pre-activations z = W·a_prev + b. */
  z: Float64Array[];
  /** Activations a = f(z). */
  a: Float64Array[];
  /** ∂L/∂a. */
  g: Float64Array[];
  /** ∂L/∂z = ∂L/∂a · f′(z). */
  d: Float64Array[];
}

/** What the kernel reads and writes: parameters, layer shapes, activations and the workspace. */
export interface KernelNet {
  readonly params: Float64Array;
  readonly shapes: readonly LayerShape[];
  /** Element-wise activation of each layer (unused for a softmax output). */
  readonly acts: readonly Activation[];
  /** The same activations as loops over a run of units (see activation-loops.ts). */
  readonly forwards: readonly ForwardLoop[];
  readonly backwards: readonly BackwardLoop[];
  readonly softmaxOutput: boolean;
  readonly work: Workspace;
}

/** Kernel code for mean squared error (`lossCode` turns loss names into these once per batch). */
export const MSE = 0;
/** Kernel code for binary cross-entropy of probabilities. */
export const BCE = 1;
/** Kernel code for binary cross-entropy of logits. */
export const BCE_LOGITS = 2;
/** Kernel code for softmax cross-entropy. */
export const CROSS_ENTROPY = 3;

/** Makes the workspace hold at least n samples (allocating only when it must grow). */
export function ensureCapacity(net: KernelNet, n: number): Workspace {
  const work = net.work;
  if (n <= work.capacity) return work;
  const sized = (width: number) => new Float64Array(n * width);
  const first = net.shapes[0];
  const last = net.shapes[net.shapes.length - 1];
  work.capacity = n;
  work.x = sized(first.inputs);
  work.y = sized(last.outputs);
  work.losses = sized(1);
  for (const key of ['z', 'a', 'g', 'd'] as const) work[key] = net.shapes.map((layer) => sized(layer.outputs));
  return work;
}

/** Forward pass for the n inputs in work.x: z = W·a_prev + b, a = f(z), layer after layer. */
export function forward(net: KernelNet, n: number): void {
  const { params, shapes, work } = net;
  for (let l = 0; l < shapes.length; l++) {
    const { inputs, outputs, weightOffset, biasOffset } = shapes[l];
    const prev = l === 0 ? work.x : work.a[l - 1];
    const z = work.z[l];
    for (let s = 0; s < n; s++) {
      for (let j = 0; j < outputs; j++) {
        let sum = params[biasOffset + j];
        const row = weightOffset + j * inputs;
        for (let k = 0; k < inputs; k++) sum += params[row + k] * prev[s * inputs + k];
        z[s * outputs + j] = sum;
      }
    }
    if (l === shapes.length - 1 && net.softmaxOutput) {
      for (let s = 0; s < n; s++) softmaxInto(z, work.a[l], s * outputs, outputs);
    } else {
      net.forwards[l](z, work.a[l], 0, n * outputs);
    }
  }
}

/**
 * Each sample's loss against work.y (into work.losses; returns their sum), and the output layer's
 * ∂ℓ/∂a (g) and ∂ℓ/∂z (d) per sample. A sigmoid output with bce and a softmax output with
 * cross-entropy are fused: ∂ℓ/∂z = p − t, with the loss computed from z, exact even where p rounds to 0 or 1.
 */
export function outputLoss(net: KernelNet, n: number, code: number): number {
  const { work, shapes } = net;
  const L = shapes.length - 1;
  const m = shapes[L].outputs;
  const { y, losses } = work;
  const z = work.z[L];
  const a = work.a[L];
  const g = work.g[L];
  const d = work.d[L];
  let total = 0;
  for (let s = 0; s < n; s++) {
    const o = s * m;
    let loss = 0;
    if (code === CROSS_ENTROPY) {
      // ℓ = Σ tᵢ(logsumexp(z) − zᵢ); ∂ℓ/∂pᵢ = −tᵢ/pᵢ; ∂ℓ/∂zᵢ = pᵢ·Σt − tᵢ
      const lse = logSumExp(z, o, m);
      let mass = 0;
      for (let i = o; i < o + m; i++) mass += y[i];
      for (let i = o; i < o + m; i++) {
        if (y[i] !== 0) loss += y[i] * (lse - z[i]);
        g[i] = -y[i] / Math.max(a[i], 1e-12);
        d[i] = a[i] * mass - y[i];
      }
    } else if (code === BCE_LOGITS || (code === BCE && !net.softmaxOutput)) {
      // mean over m of softplus(z) − t·z; ∂ℓ/∂z = (σ(z) − t)/m
      for (let i = o; i < o + m; i++) {
        loss += binaryCrossEntropyLogits(z[i], y[i]);
        d[i] = ((code === BCE ? a[i] : sigmoid(z[i])) - y[i]) / m;
        g[i] = code === BCE ? binaryCrossEntropyGrad(a[i], y[i]) / m : d[i];
      }
      loss /= m;
    } else {
      for (let i = o; i < o + m; i++) {
        loss += code === MSE ? (a[i] - y[i]) * (a[i] - y[i]) : binaryCrossEntropy(a[i], y[i]);
        g[i] = (code === MSE ? 2 * (a[i] - y[i]) : binaryCrossEntropyGrad(a[i], y[i])) / m;
      }
      loss /= m;
      if (net.softmaxOutput) {
        // softmax Jacobian: ∂ℓ/∂zᵢ = pᵢ(gᵢ − Σⱼ pⱼgⱼ)
        let dot = 0;
        for (let i = o; i < o + m; i++) dot += a[i] * g[i];
        for (let i = o; i < o + m; i++) d[i] = a[i] * (g[i] - dot);
      }
    }
    losses[s] = loss;
    total += loss;
  }
  // mse through an element-wise output: ∂ℓ/∂z = ∂ℓ/∂a · f′(z)
  if (code === MSE && !net.softmaxOutput) net.backwards[L](z, a, g, d, 0, n * m);
  return total;
}

/**
 * Backward pass from the output layer's d, last layer first: adds ∂ℓ/∂W = Σₛ dₛ·a_prevₛᵀ and
 * ∂ℓ/∂b = Σₛ dₛ into grad, sends g_prev = Wᵀ·d back, and turns it into d_prev = g_prev · f′(z_prev).
 */
export function backward(net: KernelNet, n: number, grad: Float64Array): void {
  const { params, shapes, work } = net;
  for (let l = shapes.length - 1; l >= 0; l--) {
    const { inputs, outputs, weightOffset, biasOffset } = shapes[l];
    const d = work.d[l];
    const prev = l === 0 ? work.x : work.a[l - 1];
    const gPrev = l === 0 ? null : work.g[l - 1];
    if (gPrev) gPrev.fill(0, 0, n * inputs);
    for (let s = 0; s < n; s++) {
      const pin = s * inputs;
      for (let j = 0; j < outputs; j++) {
        const dj = d[s * outputs + j];
        const row = weightOffset + j * inputs;
        grad[biasOffset + j] += dj;
        if (gPrev) {
          for (let k = 0; k < inputs; k++) {
            grad[row + k] += dj * prev[pin + k];
            gPrev[pin + k] += params[row + k] * dj;
          }
        } else {
          for (let k = 0; k < inputs; k++) grad[row + k] += dj * prev[pin + k];
        }
      }
    }
    if (gPrev) net.backwards[l - 1](work.z[l - 1], prev, gPrev, work.d[l - 1], 0, n * inputs);
  }
}
