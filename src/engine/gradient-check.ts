/**
 * The gradient check: compare a backprop gradient with a central difference, judge the gap by
 * its relative error, and see how the step ε trades truncation error (large ε) for rounding
 * error (small ε). Also the bookkeeping of what each way of getting a gradient costs.
 */
import { checkFinite, checkVector } from './check.ts';
import type { MLP } from './mlp.ts';
import type { NetLossName } from './network-loss.ts';

/** |a − b| / max(|a|, |b|): 0 when both are 0; scale-free, so 1e-7 means "seven digits agree". */
export function relativeError(a: number, b: number): number {
  checkFinite('a', a);
  checkFinite('b', b);
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** One row of an ε sweep: the central difference at that ε and its relative error against the analytic value. */
export interface EpsilonRow {
  readonly eps: number;
  readonly numeric: number;
  readonly relError: number;
}

/**
 * The central difference (L(p + ε) − L(p − ε)) / 2ε of the mean loss along parameter `index`,
 * for each ε, against `analytic`. Plotted on log axes the error makes a V: truncation error
 * ∝ ε² on the right, rounding error ∝ (machine ε)/ε on the left.
 */
export function epsilonSweep(net: MLP, inputs: ArrayLike<ArrayLike<number>>, targets: ArrayLike<ArrayLike<number>>,
  lossName: NetLossName, index: number, analytic: number, epsilons: ArrayLike<number>): EpsilonRow[] {
  if (!Number.isInteger(index) || index < 0 || index >= net.params.length) {
    throw new Error(`index must be an integer from 0 to ${net.params.length - 1}, got ${index}`);
  }
  checkVector('epsilons', epsilons);
  checkFinite('analytic', analytic);
  const batch = net.pack(inputs, targets);
  const saved = net.params[index];
  const rows: EpsilonRow[] = [];
  try {
    for (let i = 0; i < epsilons.length; i++) {
      const eps = epsilons[i];
      if (!(eps > 0)) throw new Error(`every ε must be positive, got ${eps}`);
      net.params[index] = saved + eps;
      const up = net.evaluateInto(batch, lossName).loss;
      net.params[index] = saved - eps;
      const down = net.evaluateInto(batch, lossName).loss;
      net.params[index] = saved;
      const numeric = (up - down) / (2 * eps);
      rows.push({ eps, numeric, relError: relativeError(analytic, numeric) });
    }
  } finally {
    net.params[index] = saved;
  }
  return rows;
}

/** ε from 10^from to 10^to in `perDecade` steps per decade (from > to allowed), e.g. 1e-1 … 1e-12. */
export function logSpace(from: number, to: number, perDecade = 1): number[] {
  checkFinite('from', from);
  checkFinite('to', to);
  if (!Number.isInteger(perDecade) || perDecade < 1) throw new Error(`perDecade must be a positive integer, got ${perDecade}`);
  const count = Math.round(Math.abs(to - from) * perDecade);
  const sign = to >= from ? 1 : -1;
  return Array.from({ length: count + 1 }, (_, i) => 10 ** (from + (sign * i) / perDecade));
}

/** What one gradient of a dense network costs, counted in multiply-adds. */
export interface GradientCost {
  /** Number of weights and biases. */
  readonly params: number;
  /** Multiply-adds of one forward pass (one per weight). */
  readonly forward: number;
  /**
   * Multiply-adds of the backward pass: one per weight for ∂L/∂W = δ·aᵀ, and one per weight of
   * every layer but the first for ∂L/∂a = Wᵀδ. Between one and two forward passes.
   */
  readonly backward: number;
  /** Forward passes a central-difference gradient needs: two per parameter. */
  readonly finiteDifferencePasses: number;
}

/** The cost of backprop against central differences for a network with these layer sizes (inputs first). */
export function gradientCost(sizes: readonly number[]): GradientCost {
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((s) => Number.isInteger(s) && s > 0)) {
    throw new Error(`sizes must list at least 2 positive whole numbers, got ${JSON.stringify(sizes)}`);
  }
  let params = 0;
  let forward = 0;
  let backward = 0;
  for (let l = 1; l < sizes.length; l++) {
    const weights = sizes[l - 1] * sizes[l];
    params += weights + sizes[l];
    forward += weights;
    backward += l === 1 ? weights : 2 * weights;
  }
  return { params, forward, backward, finiteDifferencePasses: 2 * params };
}
