/**
 * What is true about an activation's derivative over the whole real line: its largest value and
 * where it is reached, and the points where f′ does not exist. The smooth peaks are found by
 * scanning (see curves.ts); the shapes of the piecewise functions are read off their formulas.
 */
import { activation, activationNames, type ActivationName } from './activations.ts';
import { checkOneOf } from './check.ts';
import { activationCurve } from './curves.ts';

/**
 * How the largest f′ is reached:
 * - 'point': at one x only (sigmoid: 0.25 at 0);
 * - 'ray': on every x beyond `at` (ReLU: 1 for x > 0; `closed` when x = at belongs to it);
 * - 'everywhere': f′ is the same number wherever it exists (linear: 1; step: 0);
 * - 'limit': approached as x grows but never reached (softplus: σ(x) → 1).
 */
export type PeakKind = 'point' | 'ray' | 'everywhere' | 'limit';

/** The supremum of f′ over the real line, how it is reached, and where f′ does not exist. */
export interface DerivativeFacts {
  readonly name: ActivationName;
  /** sup f′(x) over all real x where f′ exists. */
  readonly max: number;
  readonly kind: PeakKind;
  /** 'point': where the peak is; 'ray': where the ray starts; otherwise null. */
  readonly at: number | null;
  /** 'ray' only: whether x = at itself reaches the peak (ELU yes, ReLU no). */
  readonly closed: boolean;
  /** The x where f′ does not exist: a corner (ReLU at 0) or a jump (step at 0). */
  readonly corners: readonly number[];
}

/** Half-width of the scan that locates smooth peaks; every smooth peak here lies well inside it. */
const SCAN = 10;
/** Samples of that scan: an odd count, so x = 0 is one of them exactly. */
const SCAN_POINTS = 4001;

type Shape = Omit<DerivativeFacts, 'name' | 'max' | 'at'> & { at?: number; max?: number };

/** The shape of each f′, read from its formula (activations.ts); smooth peaks are left to the scan. */
const shapes: Record<ActivationName, Shape> = {
  // f′ = 0 on both sides; at 0 f jumps from 0 to 1, so it has no derivative there.
  step: { kind: 'everywhere', closed: false, corners: [0], max: 0 },
  linear: { kind: 'everywhere', closed: false, corners: [], max: 1 },
  sigmoid: { kind: 'point', closed: false, corners: [] },
  tanh: { kind: 'point', closed: false, corners: [] },
  // slope 0 on the left, 1 on the right: a corner at 0
  relu: { kind: 'ray', closed: false, corners: [0], at: 0, max: 1 },
  leaky_relu: { kind: 'ray', closed: false, corners: [0], at: 0, max: 1 },
  // ELU with α = 1: the left slope eˣ tends to 1 at 0, equal to the right slope, so f′(0) = 1 exists.
  elu: { kind: 'ray', closed: true, corners: [], at: 0, max: 1 },
  gelu: { kind: 'point', closed: false, corners: [] },
  gelu_tanh: { kind: 'point', closed: false, corners: [] },
  // f′ = σ(x) < 1 for every x, with σ(x) → 1 as x → ∞
  softplus: { kind: 'limit', closed: false, corners: [], max: 1 },
};

const cache = new Map<ActivationName, DerivativeFacts>();

/** The largest value of `name`'s derivative, where it is reached, and the x where f′ does not exist. */
export function derivativeFacts(name: ActivationName): DerivativeFacts {
  checkOneOf('activation', name, activationNames);
  const known = cache.get(name);
  if (known) return known;
  const shape = shapes[name];
  let facts: DerivativeFacts;
  if (shape.kind === 'point') {
    // scan a wide grid and refine between samples (golden section in activationCurve)
    const { peak } = activationCurve(name, -SCAN, SCAN, SCAN_POINTS);
    // keep a round x (0 rather than 3e-10) when f′ there is just as large
    const round = Math.round(peak.x * 1e6) / 1e6 + 0;
    const dfRound = activation(name).df(round);
    const best = dfRound >= peak.df ? { x: round, df: dfRound } : peak;
    facts = { name, max: best.df, kind: 'point', at: best.x, closed: false, corners: shape.corners };
  } else {
    facts = { name, max: shape.max ?? 0, kind: shape.kind, at: shape.at ?? null, closed: shape.closed, corners: shape.corners };
  }
  cache.set(name, Object.freeze(facts));
  return facts;
}

/** f′(x), or null where it does not exist (the engine's `df` returns the library convention there instead). */
export function derivativeAt(name: ActivationName, x: number): number | null {
  if (!Number.isFinite(x)) throw new Error(`x must be a finite number, got ${x}`);
  if (derivativeFacts(name).corners.includes(x)) return null;
  return activation(name).df(x);
}

/** The slopes just left and right of x: lim f′ from below and from above (equal wherever f is smooth). */
export function oneSidedSlopes(name: ActivationName, x: number): { left: number; right: number } {
  if (!Number.isFinite(x)) throw new Error(`x must be a finite number, got ${x}`);
  const df = activation(name).df;
  // The activations are piecewise smooth with pieces meeting only at their corners, so f′ one
  // step of 1e-9 away already lies on the neighbouring piece.
  const h = 1e-9 * Math.max(1, Math.abs(x));
  return { left: df(x - h), right: df(x + h) };
}

/**
 * The largest factor n layers of `name` can contribute to a back-propagated gradient: (max f′)ⁿ.
 * For the sigmoid, 0.25ⁿ: 0.25³ = 0.015625, 0.25¹⁰ ≈ 9.54e-7.
 */
export function chainBound(name: ActivationName, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`n must be a whole number ≥ 0, got ${n}`);
  return derivativeFacts(name).max ** n;
}

/**
 * The x in [lo, hi] where f′ changes sign, found by bisection to full precision; f′(lo) and f′(hi)
 * must have opposite signs. GELU′ crosses zero at about −0.7518: below it GELU falls as z grows.
 */
export function derivativeRoot(name: ActivationName, lo: number, hi: number): number {
  checkOneOf('activation', name, activationNames);
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) throw new Error(`derivativeRoot needs finite lo < hi, got ${lo} and ${hi}`);
  const df = activation(name).df;
  let a = lo;
  let b = hi;
  const sa = Math.sign(df(a));
  if (sa === 0) return a;
  if (Math.sign(df(b)) === 0) return b;
  if (Math.sign(df(b)) === sa) throw new Error(`${name}′ has the same sign at ${lo} and ${hi}`);
  while (true) {
    const m = (a + b) / 2;
    if (m <= a || m >= b) return m;
    const s = Math.sign(df(m));
    if (s === 0) return m;
    if (s === sa) a = m;
    else b = m;
  }
}
