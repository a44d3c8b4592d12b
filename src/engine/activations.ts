/**
 * Activation functions, each beside its derivative. All stay finite for |x| up to 1e3 and beyond:
 * exponentials are only taken of non-positive numbers, and saturated tails give exact 0 or 1.
 */
import { normalCdf, normalPdf, sigmoid as logistic, softplus as softplusOf } from './special.ts';

/** The names `activation(name)` accepts. */
export const activationNames = [
  'step', 'linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu', 'gelu_tanh', 'softplus',
] as const;

/** One of `activationNames`. */
export type ActivationName = (typeof activationNames)[number];

/** An element-wise activation: f, its derivative df, and df again given y = f(x) (cheaper in backprop). */
export interface Activation {
  readonly name: ActivationName;
  /** f(x) */
  readonly f: (x: number) => number;
  /** f′(x) */
  readonly df: (x: number) => number;
  /** f′(x) when y = f(x) is already known; equal to df(x). */
  readonly dfy: (x: number, y: number) => number;
}

/** Heaviside step: 1 if x > 0 else 0 (the perceptron's rule); f′ = 0 wherever it exists, so no gradient flows through it. */
export const step: Activation = {
  name: 'step',
  f: (x) => (x > 0 ? 1 : 0),
  df: () => 0,
  dfy: () => 0,
};

/** Identity f(x) = x; f′(x) = 1. */
export const linear: Activation = { name: 'linear', f: (x) => x, df: () => 1, dfy: () => 1 };

/** Logistic sigmoid σ(x) = 1 / (1 + e^(−x)); σ′(x) = σ(x)(1 − σ(x)), at most 0.25 (at x = 0). */
export const sigmoid: Activation = {
  name: 'sigmoid',
  f: logistic,
  df: (x) => {
    const s = logistic(x);
    return s * (1 - s);
  },
  dfy: (_x, y) => y * (1 - y),
};

/** Hyperbolic tangent tanh(x) = (eˣ − e^(−x)) / (eˣ + e^(−x)); tanh′(x) = 1 − tanh²(x), at most 1. */
export const tanh: Activation = {
  name: 'tanh',
  f: Math.tanh,
  df: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
  dfy: (_x, y) => 1 - y * y,
};

/** Rectified linear unit max(0, x); f′(x) = 1 for x > 0, else 0 (0 at x = 0, as in torch). */
export const relu: Activation = {
  name: 'relu',
  f: (x) => (x > 0 ? x : 0),
  df: (x) => (x > 0 ? 1 : 0),
  dfy: (x) => (x > 0 ? 1 : 0),
};

/** Leaky ReLU: x for x > 0, else 0.01·x; f′(x) = 1 for x > 0, else 0.01 (torch's default slope). */
export const leakyRelu: Activation = {
  name: 'leaky_relu',
  f: (x) => (x > 0 ? x : 0.01 * x),
  df: (x) => (x > 0 ? 1 : 0.01),
  dfy: (x) => (x > 0 ? 1 : 0.01),
};

/** ELU with α = 1: x for x > 0, else eˣ − 1; f′(x) = 1 for x > 0, else eˣ (= f(x) + 1). */
export const elu: Activation = {
  name: 'elu',
  f: (x) => (x > 0 ? x : Math.expm1(x)),
  df: (x) => (x > 0 ? 1 : Math.exp(x)),
  dfy: (x, y) => (x > 0 ? 1 : y + 1),
};

/** GELU, exact form x·Φ(x) with Φ the standard normal CDF; f′(x) = Φ(x) + x·φ(x). */
export const gelu: Activation = {
  name: 'gelu',
  f: (x) => x * normalCdf(x),
  df: (x) => normalCdf(x) + x * normalPdf(x),
  dfy: (x) => normalCdf(x) + x * normalPdf(x),
};

const GELU_K = Math.sqrt(2 / Math.PI);
const GELU_C = 0.044715;

/**
 * GELU, tanh approximation ½x(1 + tanh u) with u = √(2/π)(x + 0.044715x³), computed as x·σ(2u)
 * (the same number, without cancellation); f′(x) = σ(2u) + 2x·σ(2u)(1 − σ(2u))·√(2/π)(1 + 3·0.044715x²).
 */
export const geluTanh: Activation = {
  name: 'gelu_tanh',
  f: (x) => x * logistic(2 * GELU_K * (x + GELU_C * x * x * x)),
  df: (x) => {
    const s = logistic(2 * GELU_K * (x + GELU_C * x * x * x));
    const spread = s * (1 - s);
    // in the saturated tails the second term is exactly 0 (and x² may have overflowed)
    return spread === 0 ? s : s + 2 * x * spread * GELU_K * (1 + 3 * GELU_C * x * x);
  },
  dfy: (x) => geluTanh.df(x),
};

/** Softplus ln(1 + eˣ), a smooth ReLU; f′(x) = σ(x). Exact everywhere (torch switches to x above 20). */
export const softplus: Activation = {
  name: 'softplus',
  f: softplusOf,
  df: logistic,
  dfy: (x) => logistic(x),
};

const table: Record<ActivationName, Activation> = {
  step, linear, sigmoid, tanh, relu, leaky_relu: leakyRelu, elu, gelu, gelu_tanh: geluTanh, softplus,
};

/** True when `name` is one of `activationNames`. */
export function isActivationName(name: unknown): name is ActivationName {
  return typeof name === 'string' && Object.hasOwn(table, name);
}

/** The activation called `name` ({ f, df, dfy }); throws, listing the known names, for any other. */
export function activation(name: ActivationName): Activation {
  if (!isActivationName(name)) {
    throw new Error(`unknown activation ${JSON.stringify(name)}; known: ${activationNames.join(', ')}`);
  }
  return table[name];
}
