/**
 * Each activation applied over a run of units, for the network kernel. Every loop is written out on
 * its own so the JIT sees a single function at each call inside it and inlines it; one shared loop
 * calling `act.f` would see ten different functions there and pay a real call, and an allocated
 * number, per unit.
 */
import {
  elu, gelu, geluTanh, leakyRelu, linear, relu, sigmoid, softplus, step, tanh, type ActivationName,
} from './activations.ts';

/** a[i] = f(z[i]) for i in [from, to). */
export type ForwardLoop = (z: Float64Array, a: Float64Array, from: number, to: number) => void;

/** d[i] = g[i]·f′(z[i]) for i in [from, to), given a[i] = f(z[i]). */
export type BackwardLoop = (z: Float64Array, a: Float64Array, g: Float64Array, d: Float64Array, from: number, to: number) => void;

/** The forward loop of each activation. */
export const forwardLoops: Record<ActivationName, ForwardLoop> = {
  step: (z, a, from, to) => { for (let i = from; i < to; i++) a[i] = step.f(z[i]); },
  linear: (z, a, from, to) => { for (let i = from; i < to; i++) a[i] = linear.f(z[i]); },
  sigmoid: (z, a, from, to) => { for (let i = from; i < to; i++) a[i] = sigmoid.f(z[i]); },
  tanh: (z, a, from, to) => { for (let i = from; i < to; i++) a[i] = tanh.f(z[i]); },
  relu: (z, a, from, to) => { for (let i = from; i < to; i++) a[i] = relu.f(z[i]); },
  leaky_relu: (z, a, from, to) => { for (let i = from; i < to; i++) a[i] = leakyRelu.f(z[i]); },
  elu: (z, a, from, to) => { for (let i = from; i < to; i++) a[i] = elu.f(z[i]); },
  gelu: (z, a, from, to) => { for (let i = from; i < to; i++) a[i] = gelu.f(z[i]); },
  gelu_tanh: (z, a, from, to) => { for (let i = from; i < to; i++) a[i] = geluTanh.f(z[i]); },
  softplus: (z, a, from, to) => { for (let i = from; i < to; i++) a[i] = softplus.f(z[i]); },
};

/** The backward loop of each activation (chain rule through f: ∂L/∂z = ∂L/∂a · f′(z)). */
export const backwardLoops: Record<ActivationName, BackwardLoop> = {
  step: (z, a, g, d, from, to) => { for (let i = from; i < to; i++) d[i] = g[i] * step.dfy(z[i], a[i]); },
  linear: (z, a, g, d, from, to) => { for (let i = from; i < to; i++) d[i] = g[i] * linear.dfy(z[i], a[i]); },
  sigmoid: (z, a, g, d, from, to) => { for (let i = from; i < to; i++) d[i] = g[i] * sigmoid.dfy(z[i], a[i]); },
  tanh: (z, a, g, d, from, to) => { for (let i = from; i < to; i++) d[i] = g[i] * tanh.dfy(z[i], a[i]); },
  relu: (z, a, g, d, from, to) => { for (let i = from; i < to; i++) d[i] = g[i] * relu.dfy(z[i], a[i]); },
  leaky_relu: (z, a, g, d, from, to) => { for (let i = from; i < to; i++) d[i] = g[i] * leakyRelu.dfy(z[i], a[i]); },
  elu: (z, a, g, d, from, to) => { for (let i = from; i < to; i++) d[i] = g[i] * elu.dfy(z[i], a[i]); },
  gelu: (z, a, g, d, from, to) => { for (let i = from; i < to; i++) d[i] = g[i] * gelu.dfy(z[i], a[i]); },
  gelu_tanh: (z, a, g, d, from, to) => { for (let i = from; i < to; i++) d[i] = g[i] * geluTanh.dfy(z[i], a[i]); },
  softplus: (z, a, g, d, from, to) => { for (let i = from; i < to; i++) d[i] = g[i] * softplus.dfy(z[i], a[i]); },
};
