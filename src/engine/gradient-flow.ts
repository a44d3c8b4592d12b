/**
 * Gradient flow through a deep network: how large the gradient is at each layer, the chain-rule
 * ceiling (max f′)ⁿ beside it, and the hidden units no gradient can pass (dead units).
 */
import type { ActivationName } from './activations.ts';
import { checkFinite, checkOneOf, checkPositiveInteger } from './check.ts';
import { dataset, type Dataset } from './datasets.ts';
import type { InitName } from './init.ts';
import { createMLP, type MLP } from './mlp.ts';
import { meanAbs } from './trace.ts';

/** The activations the gradient-flow experiment compares, each trained from its usual initialisation. */
export const FLOW_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;

/** One of FLOW_ACTIVATIONS. */
export type FlowActivation = (typeof FLOW_ACTIVATIONS)[number];

/** Hidden layers and units per hidden layer the experiment allows. */
export const FLOW_LIMITS = { depth: [2, 20], width: [2, 16] } as const;

/** The experiment's fixed data: 200 points of the circle dataset, noise 0.05, seed 1. */
export const FLOW_DATA = { name: 'circle', n: 200, noise: 0.05, seed: 1 } as const;

/** The circle points every network of the experiment trains on. */
export function flowData(): Dataset {
  return dataset(FLOW_DATA.name, { n: FLOW_DATA.n, noise: FLOW_DATA.noise, seed: FLOW_DATA.seed });
}

/** Glorot (Xavier) for sigmoid and tanh, He for ReLU: the start each activation is usually given. */
export function flowInit(hidden: FlowActivation): InitName {
  return hidden === 'relu' ? 'he' : 'xavier';
}

/**
 * A deep network for the experiment: 2 inputs, `depth` hidden layers of `width` units with the
 * activation `hidden`, one sigmoid output (trained with binary cross-entropy), weights from `seed`.
 */
export function flowNetwork(hidden: FlowActivation, depth: number, width: number, seed: number): MLP {
  checkOneOf('activation', hidden, FLOW_ACTIVATIONS as unknown as readonly ActivationName[]);
  const [dMin, dMax] = FLOW_LIMITS.depth;
  const [wMin, wMax] = FLOW_LIMITS.width;
  if (!Number.isInteger(depth) || depth < dMin || depth > dMax) throw new Error(`depth must be a whole number from ${dMin} to ${dMax}, got ${depth}`);
  if (!Number.isInteger(width) || width < wMin || width > wMax) throw new Error(`width must be a whole number from ${wMin} to ${wMax}, got ${width}`);
  const sizes = [2, ...Array.from({ length: depth }, () => width), 1];
  return createMLP({ sizes, hidden, output: 'sigmoid', seed, init: flowInit(hidden) });
}

/** Mean |∂L/∂w| of each layer's weights, from a params-shaped gradient; index 0 is the layer next to the input. */
export function gradientProfile(net: MLP, grad: Float64Array): Float64Array {
  if (grad.length !== net.params.length) {
    throw new Error(`the gradient has ${grad.length} values but the network has ${net.params.length} parameters`);
  }
  return Float64Array.from(net.layers, (l) => meanAbs(grad.subarray(l.weightOffset, l.weightOffset + l.inputs * l.outputs)));
}

/** How much of the last layer's gradient reaches the first: profile[0] / profile[L − 1] (null when the last is 0). */
export function attenuation(profile: ArrayLike<number>): number | null {
  if (profile.length === 0) throw new Error('attenuation needs a profile of at least one layer');
  const last = profile[profile.length - 1];
  return last === 0 || !Number.isFinite(last) ? null : profile[0] / last;
}

/**
 * The chain-rule ceiling for `layers` weight layers: the last layer's gradient `last` times
 * factorⁿ, where n is the number of hidden activations between a layer and the output
 * (layer l of L passes back through L − l of them). With factor = max σ′ = 0.25 this is the
 * 0.25ⁿ curve: what is left of the output's gradient when only the σ′ factors are counted.
 */
export function chainProfile(layers: number, last: number, factor: number): Float64Array {
  checkPositiveInteger('layers', layers);
  checkFinite('last', last);
  checkFinite('factor', factor);
  return Float64Array.from({ length: layers }, (_, l) => last * factor ** (layers - 1 - l));
}

/**
 * How many units of each hidden layer are dead on these inputs: f′(z) = 0 for every one of them,
 * so no gradient reaches the unit's weights and gradient descent can never revive it
 * (a ReLU whose z ≤ 0 for all data). Index 0 is the first hidden layer.
 */
export function deadUnits(net: MLP, inputs: ArrayLike<ArrayLike<number>>): number[] {
  const n = inputs.length;
  if (n === 0) throw new Error('deadUnits needs at least one input');
  // only the forward values matter: any loss and any targets of the right shape will do
  const targets = Array.from({ length: n }, () => new Array<number>(net.outputs).fill(0));
  const trace = net.trace(inputs, targets, 'mse');
  return trace.layers.slice(0, -1).map((layer) => {
    const df = layer.df as Float64Array;
    let dead = 0;
    for (let j = 0; j < layer.outputs; j++) {
      let alive = false;
      for (let s = 0; s < n && !alive; s++) alive = df[s * layer.outputs + j] !== 0;
      if (!alive) dead++;
    }
    return dead;
  });
}
