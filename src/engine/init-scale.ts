/**
 * Why the starting weights' scale matters: a deep network whose weights are drawn with variance
 * gain / fan_in, and the size of the signal at every hidden layer on the way forward (z) and of the
 * error signal on the way back (∂L/∂z). With zero-mean independent terms Var(z) = n_in·Var(w)·E[a²],
 * so each layer multiplies the signal's variance by about gain (linear or tanh near 0) or gain / 2
 * (ReLU, which zeroes half of it): gain 1 (Glorot) keeps a tanh network's scale, gain 2 (He) a
 * ReLU network's; anything else shrinks or grows geometrically with depth.
 */
import type { ActivationName } from './activations.ts';
import { checkFinite, checkPositiveInteger } from './check.ts';
import { createMLP, type MLP } from './mlp.ts';
import { normal, seeded } from './random.ts';

/**
 * A network 2 → `depth` hidden layers of `width` units (activation `hidden`) → 1 sigmoid output,
 * every weight drawn from N(0, gain / fan_in) and every bias 0. gain 2 is He initialisation.
 */
export function scaledNetwork(hidden: ActivationName, depth: number, width: number, gain: number, seed: number): MLP {
  checkPositiveInteger('depth', depth);
  checkPositiveInteger('width', width);
  checkFinite('gain', gain);
  if (!(gain > 0)) throw new Error(`gain must be above 0, got ${gain}`);
  const net = createMLP({ sizes: [2, ...Array.from({ length: depth }, () => width), 1], hidden, output: 'sigmoid', seed, init: 'xavier' });
  const random = seeded(seed);
  for (const layer of net.layers) {
    const std = Math.sqrt(gain / layer.inputs);
    for (let i = 0; i < layer.inputs * layer.outputs; i++) net.params[layer.weightOffset + i] = normal(random, 0, std);
    net.params.fill(0, layer.biasOffset, layer.biasOffset + layer.outputs);
  }
  return net;
}

/** Root-mean-square size of each hidden layer's z (forward) and ∂L/∂z (backward); index 0 is layer 1. */
export interface SignalSizes {
  readonly forward: number[];
  readonly backward: number[];
}

/** The signal sizes of `net`'s hidden layers on a batch, with binary cross-entropy as the loss. */
export function signalSizes(net: MLP, x: ArrayLike<ArrayLike<number>>, y: ArrayLike<ArrayLike<number>>): SignalSizes {
  const trace = net.trace(x, y, 'bce');
  const hidden = trace.layers.slice(0, -1);
  return { forward: hidden.map((l) => rms(l.z)), backward: hidden.map((l) => rms(l.delta)) };
}

/** How the gradient's size changes from the last hidden layer back to the first: backward[0] / backward[last]. */
export function backwardGrowth(sizes: SignalSizes): number {
  const b = sizes.backward;
  if (b.length === 0) throw new Error('backwardGrowth needs at least one hidden layer');
  return b[0] / b[b.length - 1];
}

function rms(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * values[i];
  return Math.sqrt(s / values.length);
}
