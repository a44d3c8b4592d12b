/**
 * The arithmetic of one backprop step, redone from its operands. A page prints each step's
 * operands rounded; redoing the step from the rounded numbers tells it whether the line it prints
 * ("0.6 × 1 + (−0.4) × 0.5 + 0 = 0.4") checks at the digits shown.
 */
import type { BackpropStep } from './backprop-steps.ts';

/** What a step's formula needs besides its operands: the layer's activation and the loss. */
export interface StepContext {
  /** The activation of the step's layer (for `activate` and `local-df`). */
  readonly activation: 'sigmoid' | 'tanh' | 'relu' | 'linear' | 'leaky_relu';
  readonly loss: 'mse' | 'bce';
}

const F: Record<StepContext['activation'], (z: number) => number> = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  relu: (z) => (z > 0 ? z : 0),
  linear: (z) => z,
  leaky_relu: (z) => (z > 0 ? z : 0.01 * z),
};

/** f′ as the step writes it: σ′ = a(1 − a), tanh′ = 1 − a², ReLU′ = 1 for z > 0 else 0. */
function localDf(activation: StepContext['activation'], z: number, a: number): number {
  switch (activation) {
    case 'sigmoid':
      return a * (1 - a);
    case 'tanh':
      return 1 - a * a;
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'leaky_relu':
      return z > 0 ? 1 : 0.01;
    default:
      return 1;
  }
}

/** One output's loss ℓ(ŷ, y): (ŷ − y)² or −[y ln ŷ + (1 − y) ln(1 − ŷ)]. */
function term(loss: StepContext['loss'], p: number, y: number): number {
  if (loss === 'mse') return (p - y) ** 2;
  const ln = (v: number) => (v > 0 ? Math.log(v) : -100);
  return -((y === 0 ? 0 : y * ln(p)) + (y === 1 ? 0 : (1 - y) * ln(1 - p)));
}

/**
 * The value of `step` computed from `values` (one number per term, in the order of `step.terms`),
 * by the formula the step shows. With the exact operands it gives `step.value` (to rounding).
 * `outputs` is the number m of output units (the loss is the mean over them).
 */
export function evaluateStep(step: BackpropStep, values: readonly number[], context: StepContext, outputs = 1): number {
  if (values.length !== step.terms.length) throw new Error(`the step has ${step.terms.length} operands, got ${values.length} values`);
  const v = values;
  switch (step.rule) {
    case 'sum': {
      // pairs w·a, then the bias
      let s = 0;
      for (let i = 0; i + 1 < v.length; i += 2) s += v[i] * v[i + 1];
      return s + v[v.length - 1];
    }
    case 'activate':
      return F[context.activation](v[0]);
    case 'local-df':
      return localDf(context.activation, v[0], v[1]);
    case 'loss': {
      let s = 0;
      for (let i = 0; i < v.length; i += 2) s += term(context.loss, v[i], v[i + 1]);
      return s / outputs;
    }
    case 'loss-grad': {
      const [p, y] = v;
      // the denominator is floored at 1e-12, as the engine (and torch) do
      return (context.loss === 'mse' ? 2 * (p - y) : (p - y) / Math.max(p * (1 - p), 1e-12)) / outputs;
    }
    case 'product':
      return v.reduce((prod, x) => prod * x, 1);
    case 'back-sum': {
      let s = 0;
      for (let i = 0; i < v.length; i += 2) s += v[i] * v[i + 1];
      return s;
    }
    case 'update':
      return v[0] - v[1] * v[2];
    default:
      throw new Error(`unknown step rule ${JSON.stringify((step as BackpropStep).rule)}`);
  }
}
