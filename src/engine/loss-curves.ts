/**
 * One prediction's loss, drawn as a curve: for a target y and predictions ŷ = σ(z) from 0 to 1,
 * mean squared error and binary cross-entropy, their slopes in ŷ, and their slopes in the logit z
 * (what reaches the network through a sigmoid output). The last pair shows why BCE keeps learning
 * when the output saturates and MSE does not.
 */
import { checkFinite, checkVector } from './check.ts';
import { binaryCrossEntropy, binaryCrossEntropyGrad } from './losses.ts';

/** Per prediction ŷ: the loss, ∂L/∂ŷ, and ∂L/∂z where ŷ = σ(z) (so ∂ŷ/∂z = ŷ(1 − ŷ)). */
export interface LossCurve {
  readonly p: Float64Array;
  readonly value: Float64Array;
  readonly dp: Float64Array;
  readonly dz: Float64Array;
}

/** MSE (ŷ − y)²: ∂/∂ŷ = 2(ŷ − y), ∂/∂z = 2(ŷ − y)·ŷ(1 − ŷ), which vanishes as ŷ saturates. */
function mseAt(p: number, y: number): [number, number, number] {
  return [(p - y) ** 2, 2 * (p - y), 2 * (p - y) * p * (1 - p)];
}

/** BCE −[y ln ŷ + (1 − y) ln(1 − ŷ)]: ∂/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)), ∂/∂z = ŷ − y exactly. */
function bceAt(p: number, y: number): [number, number, number] {
  return [binaryCrossEntropy(p, y), binaryCrossEntropyGrad(p, y), p - y];
}

/** The curve of `name` ('mse' or 'bce') for target y ∈ [0, 1] at each prediction in `ps` (each in [0, 1]). */
export function lossCurve(name: 'mse' | 'bce', y: number, ps: ArrayLike<number>): LossCurve {
  if (name !== 'mse' && name !== 'bce') throw new Error(`loss must be 'mse' or 'bce', got ${JSON.stringify(name)}`);
  checkFinite('y', y);
  if (y < 0 || y > 1) throw new Error(`the target y must be in [0, 1], got ${y}`);
  checkVector('ps', ps);
  const at = name === 'mse' ? mseAt : bceAt;
  const n = ps.length;
  const curve = { p: new Float64Array(n), value: new Float64Array(n), dp: new Float64Array(n), dz: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const p = ps[i];
    if (p < 0 || p > 1) throw new Error(`predictions must be in [0, 1], got ${p} at ${i}`);
    const [value, dp, dz] = at(p, y);
    curve.p[i] = p;
    curve.value[i] = value;
    curve.dp[i] = dp;
    curve.dz[i] = dz;
  }
  return curve;
}
