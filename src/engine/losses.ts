/**
 * Loss functions with their gradients, reduced by the mean as torch does by default: mse and the
 * binary cross-entropies average over every element; cross-entropy here scores one sample.
 */
import { sigmoid, softplus } from './special.ts';
import { checkOneOf, checkVector } from './check.ts';

/** The names `loss(name)` accepts. */
export const lossNames = ['mse', 'bce', 'bce_logits', 'cross_entropy'] as const;

/** One of `lossNames`. */
export type LossName = (typeof lossNames)[number];

/** A loss: its value and its gradient with respect to `pred`, both for equal-length arrays. */
export interface Loss {
  readonly name: LossName;
  value(pred: ArrayLike<number>, target: ArrayLike<number>): number;
  grad(pred: ArrayLike<number>, target: ArrayLike<number>): Float64Array;
}

/** Squared error (p − t)²; ∂/∂p = 2(p − t). */
export function squaredError(p: number, t: number): number {
  return (p - t) * (p - t);
}

/** Binary cross-entropy −[t·ln p + (1 − t)·ln(1 − p)], each log clamped at −100 as torch does, so p = 0 or 1 stays finite. */
export function binaryCrossEntropy(p: number, t: number): number {
  return -(t * Math.max(Math.log(p), -100) + (1 - t) * Math.max(Math.log1p(-p), -100));
}

/** ∂/∂p of binary cross-entropy: (p − t) / (p(1 − p)), the denominator floored at 1e-12 as in torch. */
export function binaryCrossEntropyGrad(p: number, t: number): number {
  return (p - t) / Math.max(p * (1 - p), 1e-12);
}

/** Binary cross-entropy of p = σ(z) from the logit z: softplus(z) − t·z, exact for any z; ∂/∂z = σ(z) − t. */
export function binaryCrossEntropyLogits(z: number, t: number): number {
  return softplus(z) - t * z;
}

/** ln Σ e^(zᵢ) over z[offset … offset + n), shifted by the maximum so nothing overflows. */
export function logSumExp(z: ArrayLike<number>, offset = 0, n = z.length - offset): number {
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, z[offset + i]);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(z[offset + i] - max);
  return max + Math.log(sum);
}

/** Writes softmax(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ) of z[offset … offset + n) into out at the same offset; ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ). */
export function softmaxInto(z: ArrayLike<number>, out: Float64Array, offset: number, n: number): void {
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, z[offset + i]);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(z[offset + i] - max);
    out[offset + i] = e;
    sum += e;
  }
  for (let i = 0; i < n; i++) out[offset + i] /= sum;
}

/** softmax(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ), as a new array; the Jacobian is pᵢ(δᵢⱼ − pⱼ). */
export function softmax(z: ArrayLike<number>): Float64Array {
  checkVector('z', z);
  const out = new Float64Array(z.length);
  softmaxInto(z, out, 0, z.length);
  return out;
}

function elementwise(
  name: LossName,
  term: (p: number, t: number) => number,
  dterm: (p: number, t: number) => number,
  checkPred?: (p: ArrayLike<number>) => void,
): Loss {
  const check = (pred: ArrayLike<number>, target: ArrayLike<number>) => {
    checkVector('pred', pred);
    checkVector('target', target, pred.length);
    if (pred.length === 0) throw new Error(`${name} needs at least one prediction`);
    checkPred?.(pred);
  };
  return {
    name,
    value(pred, target) {
      check(pred, target);
      let sum = 0;
      for (let i = 0; i < pred.length; i++) sum += term(pred[i], target[i]);
      return sum / pred.length;
    },
    grad(pred, target) {
      check(pred, target);
      const g = new Float64Array(pred.length);
      for (let i = 0; i < pred.length; i++) g[i] = dterm(pred[i], target[i]) / pred.length;
      return g;
    },
  };
}

/** Mean squared error (1/n) Σ (pᵢ − tᵢ)²; ∂/∂pᵢ = 2(pᵢ − tᵢ)/n (torch's MSELoss). */
export const mse: Loss = elementwise('mse', squaredError, (p, t) => 2 * (p - t));

/** Mean binary cross-entropy of probabilities p ∈ [0, 1]; ∂/∂pᵢ = (pᵢ − tᵢ) / (pᵢ(1 − pᵢ)) / n (torch's BCELoss). */
export const bce: Loss = elementwise('bce', binaryCrossEntropy, binaryCrossEntropyGrad, (pred) => {
  for (let i = 0; i < pred.length; i++) {
    if (pred[i] < 0 || pred[i] > 1) {
      throw new Error(`bce needs predictions in [0, 1], but pred[${i}] is ${pred[i]}; use 'bce_logits' for raw scores`);
    }
  }
});

/** Mean binary cross-entropy of logits z (p = σ(z)); ∂/∂zᵢ = (σ(zᵢ) − tᵢ)/n (torch's BCEWithLogitsLoss). */
export const bceLogits: Loss = elementwise('bce_logits', binaryCrossEntropyLogits, (z, t) => sigmoid(z) - t);

/**
 * Categorical cross-entropy of one sample from its logits z and target distribution t (one-hot or
 * probabilities): −Σᵢ tᵢ·ln softmax(z)ᵢ = Σᵢ tᵢ·(logsumexp(z) − zᵢ); ∂/∂zᵢ = softmax(z)ᵢ·Σⱼtⱼ − tᵢ
 * (torch's CrossEntropyLoss for a batch of one; over a batch, torch averages over samples).
 */
export const crossEntropy: Loss = {
  name: 'cross_entropy',
  value(z, t) {
    checkLogits(z, t);
    const lse = logSumExp(z);
    let sum = 0;
    for (let i = 0; i < z.length; i++) if (t[i] !== 0) sum += t[i] * (lse - z[i]);
    return sum;
  },
  grad(z, t) {
    checkLogits(z, t);
    const p = softmax(z);
    let mass = 0;
    for (let i = 0; i < t.length; i++) mass += t[i];
    for (let i = 0; i < p.length; i++) p[i] = p[i] * mass - t[i];
    return p;
  },
};

function checkLogits(z: ArrayLike<number>, t: ArrayLike<number>): void {
  checkVector('pred', z);
  checkVector('target', t, z.length);
  if (z.length === 0) throw new Error('cross_entropy needs at least one logit');
}

const table: Record<LossName, Loss> = { mse, bce, bce_logits: bceLogits, cross_entropy: crossEntropy };

/** The loss called `name` ({ value, grad }); throws, listing the known names, for any other. */
export function loss(name: LossName): Loss {
  checkOneOf('loss', name, lossNames);
  return table[name];
}
