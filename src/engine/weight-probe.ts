/**
 * One weight under the microscope: the loss of a network as that weight alone moves, the slope
 * backprop gives at the current value, the slope central differences give, and the tangent line
 * those slopes draw. What the loss explorer plots.
 */
import { checkFinite } from './check.ts';
import type { MLP } from './mlp.ts';
import type { NetLossName } from './network-loss.ts';
import { lossAlong } from './probe.ts';
import { relativeError } from './gradient-check.ts';

type Rows = ArrayLike<ArrayLike<number>>;

/** The loss along one parameter and its slope at the current value, two ways. */
export interface WeightProbe {
  /** The parameter's values sampled and the mean loss at each. */
  readonly values: Float64Array;
  readonly losses: Float64Array;
  /** The current value and the loss there. */
  readonly at: number;
  readonly loss: number;
  /** ∂L/∂p by backprop, and by the central difference (L(p + h) − L(p − h)) / 2h. */
  readonly grad: number;
  readonly numeric: number;
  readonly relError: number;
  /** Two points of the tangent line L + grad·(v − p), at p ± halfWidth. */
  readonly tangent: readonly [{ x: number; y: number }, { x: number; y: number }];
}

/**
 * Probes parameter `index` of `net` over `values` (the network is left as it was), with the
 * tangent drawn `halfWidth` either side of the current value.
 */
export function weightProbe(net: MLP, inputs: Rows, targets: Rows, lossName: NetLossName, index: number,
  values: ArrayLike<number>, halfWidth = 1, h = 1e-6): WeightProbe {
  checkFinite('halfWidth', halfWidth);
  const losses = lossAlong(net, inputs, targets, lossName, index, values);
  const at = net.params[index];
  const { loss, grad } = net.lossAndGrad(inputs, targets, lossName);
  const [up, down] = lossAlong(net, inputs, targets, lossName, index, [at + h, at - h]);
  const numeric = (up - down) / (2 * h);
  const g = grad[index];
  return {
    values: Float64Array.from(values), losses, at, loss, grad: g, numeric, relError: relativeError(g, numeric),
    tangent: [{ x: at - halfWidth, y: loss - g * halfWidth }, { x: at + halfWidth, y: loss + g * halfWidth }],
  };
}
