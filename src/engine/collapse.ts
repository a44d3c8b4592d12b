/**
 * Linear collapse: a stack of dense layers from one input to one output, once with nothing between
 * the layers and once with an activation between them, on the same seeded weights. Without the
 * activation the whole stack equals a single layer y = a·x + b; with it, the curve bends.
 */
import type { ActivationName } from './activations.ts';
import { checkFinite, checkOneOf, checkPositiveInteger } from './check.ts';
import { activationNames } from './activations.ts';
import { createMLP, type MLP } from './mlp.ts';
import { composeLinear } from './probe.ts';
import { seeded, uniform } from './random.ts';

/** Largest stack the collapse widget builds: layers, and units per hidden layer. */
export const STACK_LIMITS = { depth: 12, width: 8 } as const;

/** A stack: `depth` weight layers from 1 input to 1 output, `width` units per hidden layer. */
export interface StackSpec {
  readonly depth: number;
  readonly width: number;
  /** The activation between layers in the bent copy (the straight copy has none). */
  readonly activation: ActivationName;
  readonly seed: number;
}

/** The same weights in two networks: `straight` has no activation between layers, `bent` has one. */
export interface Stack {
  readonly straight: MLP;
  readonly bent: MLP;
}

/** Layer sizes of a stack: [1, width, …, width, 1] with depth − 1 hidden layers. */
export function stackSizes(depth: number, width: number): number[] {
  checkPositiveInteger('depth', depth);
  checkPositiveInteger('width', width);
  if (depth > STACK_LIMITS.depth) throw new Error(`depth must be at most ${STACK_LIMITS.depth}, got ${depth}`);
  if (width > STACK_LIMITS.width) throw new Error(`width must be at most ${STACK_LIMITS.width}, got ${width}`);
  return [1, ...Array.from({ length: depth - 1 }, () => width), 1];
}

/**
 * Builds both networks of a stack on one set of seeded weights. Each weight is ±U(0.6, 1.6)/√fan_in
 * (never near 0, so every layer matters) and each bias U(−0.5, 0.5), drawn layer by layer.
 */
export function buildStack(spec: StackSpec): Stack {
  checkOneOf('activation', spec.activation, activationNames);
  const sizes = stackSizes(spec.depth, spec.width);
  const straight = createMLP({ sizes, hidden: 'linear', output: 'linear' });
  const bent = createMLP({ sizes, hidden: spec.activation, output: 'linear' });
  const random = seeded(spec.seed);
  for (const layer of straight.layers) {
    const scale = 1 / Math.sqrt(layer.inputs);
    for (let i = 0; i < layer.inputs * layer.outputs; i++) {
      const sign = random() < 0.5 ? -1 : 1;
      straight.params[layer.weightOffset + i] = sign * uniform(random, 0.6, 1.6) * scale;
    }
    for (let j = 0; j < layer.outputs; j++) straight.params[layer.biasOffset + j] = uniform(random, -0.5, 0.5);
  }
  bent.params.set(straight.params);
  return { straight, bent };
}

/** A least-squares line through (x, y): slope, intercept, and the largest |y − (slope·x + intercept)|. */
export function lineFit(x: ArrayLike<number>, y: ArrayLike<number>): { slope: number; intercept: number; maxResidual: number } {
  if (x.length !== y.length || x.length < 2) throw new Error(`lineFit needs x and y of the same length ≥ 2, got ${x.length} and ${y.length}`);
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  // slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², intercept = ȳ − slope·x̄
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  if (!(sxx > 0)) throw new Error('lineFit needs at least two different x values');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let maxResidual = 0;
  for (let i = 0; i < n; i++) maxResidual = Math.max(maxResidual, Math.abs(y[i] - (slope * x[i] + intercept)));
  return { slope, intercept, maxResidual };
}

/**
 * The minimax (Chebyshev) line through (x, y): the slope and intercept whose largest
 * |y − (slope·x + intercept)| is smallest, and that distance. No straight line stays closer to
 * every point. For a fixed slope m the best intercept is midway between the largest and smallest
 * y − m·x, leaving half their difference; that half-range is convex in m, and the best m is one of
 * the secant slopes, so a ternary search between the steepest and flattest neighbouring secants
 * finds it.
 */
export function minimaxLine(x: ArrayLike<number>, y: ArrayLike<number>): { slope: number; intercept: number; maxResidual: number } {
  if (x.length !== y.length || x.length < 2) throw new Error(`minimaxLine needs x and y of the same length ≥ 2, got ${x.length} and ${y.length}`);
  const n = x.length;
  const spread = (m: number) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const r = y[i] - m * x[i];
      if (r < lo) lo = r;
      if (r > hi) hi = r;
    }
    return { half: (hi - lo) / 2, mid: (hi + lo) / 2 };
  };
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 1; i < n; i++) {
    const dx = x[i] - x[i - 1];
    if (dx === 0) continue;
    const m = (y[i] - y[i - 1]) / dx;
    lo = Math.min(lo, m);
    hi = Math.max(hi, m);
  }
  if (!(hi >= lo)) throw new Error('minimaxLine needs at least two different x values');
  for (let k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); k++) {
    const a = lo + (hi - lo) / 3;
    const b = hi - (hi - lo) / 3;
    if (spread(a).half <= spread(b).half) hi = b;
    else lo = a;
  }
  const slope = (lo + hi) / 2;
  const { half, mid } = spread(slope);
  return { slope, intercept: mid, maxResidual: half };
}

/** Both curves of a stack on a grid, the single layer the straight one equals, and how far each is from a line. */
export interface StackCurves {
  readonly x: Float64Array;
  /** The stack without activations: ŷ = W⁽ᴸ⁾(…(W⁽²⁾(W⁽¹⁾x + b⁽¹⁾) + b⁽²⁾)…) + b⁽ᴸ⁾. */
  readonly straight: Float64Array;
  /** The same weights with the activation after every hidden layer. */
  readonly bent: Float64Array;
  /** The single layer slope·x + intercept at each x. */
  readonly single: Float64Array;
  /** The one layer the straight stack equals: y = slope·x + intercept (from composeLinear). */
  readonly slope: number;
  readonly intercept: number;
  /** Largest |straight(x) − (slope·x + intercept)| on the grid: rounding error only. */
  readonly collapseGap: number;
  /**
   * How much the bent curve bends: its distance from the closest straight line in the minimax
   * sense (see minimaxLine), so every straight line is at least this far from it at some x.
   */
  readonly bend: number;
  /** Whether the bent curve is constant on the grid (a unit that is off for every x: nothing after it varies). */
  readonly flat: boolean;
  /** With one unit per layer, the weights w⁽¹⁾ … w⁽ᴸ⁾ whose product is the slope; otherwise empty. */
  readonly chainWeights: readonly number[];
}

/** Evaluates a stack on n points from xMin to xMax (both included). */
export function stackCurves(spec: StackSpec, xMin: number, xMax: number, n = 241): StackCurves {
  checkFinite('xMin', xMin);
  checkFinite('xMax', xMax);
  if (!(xMax > xMin)) throw new Error(`stackCurves needs xMin < xMax, got ${xMin} and ${xMax}`);
  if (!Number.isInteger(n) || n < 2 || n > 100_000) throw new Error(`n must be an integer from 2 to 100000, got ${n}`);
  const { straight, bent } = buildStack(spec);
  const rows = Array.from({ length: n }, (_, i) => [i === n - 1 ? xMax : xMin + ((xMax - xMin) * i) / (n - 1)]);
  const x = Float64Array.from(rows, (r) => r[0]);
  const straightY = straight.forwardBatch(rows);
  const bentY = bent.forwardBatch(rows);
  const layer = composeLinear(straight);
  const slope = layer.weights[0];
  const intercept = layer.bias[0];
  const single = x.map((xi) => slope * xi + intercept);
  let collapseGap = 0;
  for (let i = 0; i < n; i++) collapseGap = Math.max(collapseGap, Math.abs(straightY[i] - single[i]));
  const chainWeights = spec.width === 1 ? straight.layers.map((l) => straight.params[l.weightOffset]) : [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of bentY) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const flat = hi - lo <= 1e-12 * Math.max(1, Math.abs(hi));
  return { x, straight: straightY, bent: bentY, single, slope, intercept, collapseGap, bend: minimaxLine(x, bentY).maxResidual, flat, chainWeights };
}
