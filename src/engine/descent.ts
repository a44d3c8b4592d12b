/**
 * Gradient descent on a curve: one-parameter losses with their derivatives, the step
 * w ← w − η·L′(w) taken again and again, and what the learning rate does on a quadratic, where
 * everything can be worked out by hand. On L(w) = (c/2)(w − m)² the step multiplies the distance
 * to the minimum by r = 1 − ηc, so the thresholds are η = 1/c (one step lands on m) and η = 2/c
 * (|r| = 1: past it, every step overshoots further).
 */
import { checkFinite, checkOneOf, checkPositiveInteger } from './check.ts';

/** The curves `curve(name)` accepts. */
export const curveNames = ['quadratic', 'double-well'] as const;

/** One of `curveNames`. */
export type CurveName = (typeof curveNames)[number];

/** A one-parameter loss L(w) with L′(w), its minima and a view that frames them. */
export interface LossCurve1D {
  readonly name: CurveName;
  f(w: number): number;
  df(w: number): number;
  /** Local minima (the first is the global one). */
  readonly minima: readonly number[];
  /** The curvature L″ at the global minimum. */
  readonly curvature: number;
  readonly view: { readonly wMin: number; readonly wMax: number };
  readonly start: number;
}

/** L(w) = (c/2)(w − 1)² with curvature c = 2, so 1/c = 0.5 and 2/c = 1; L′(w) = c(w − 1). */
export const quadratic: LossCurve1D = {
  name: 'quadratic',
  f: (w) => (w - 1) ** 2,
  df: (w) => 2 * (w - 1),
  minima: [1],
  curvature: 2,
  view: { wMin: -3, wMax: 5 },
  start: -2.5,
};

/**
 * A tilted double well L(w) = w⁴/4 − w² + w/2 + 2: two valleys, the deeper on the left;
 * L′(w) = w³ − 2w + 1/2. Which one descent ends in depends on the start and on η.
 */
export const doubleWell: LossCurve1D = {
  name: 'double-well',
  f: (w) => w ** 4 / 4 - w * w + w / 2 + 2,
  df: (w) => w ** 3 - 2 * w + 0.5,
  // roots of w³ − 2w + 1/2 = 0 where L″ = 3w² − 2 > 0
  minima: [-1.5256871208655185, 1.2670350983613659],
  curvature: 3 * 1.5256871208655185 ** 2 - 2,
  view: { wMin: -2.5, wMax: 2.5 },
  start: 2.2,
};

const curves: Record<CurveName, LossCurve1D> = { quadratic, 'double-well': doubleWell };

/** The curve called `name`; throws, listing the known names, for any other. */
export function curve(name: CurveName): LossCurve1D {
  checkOneOf('curve', name, curveNames);
  return curves[name];
}

/** A descent's path: w and L(w) after each of the steps (index 0 is the start). */
export interface DescentPath {
  readonly w: Float64Array;
  readonly loss: Float64Array;
  /** Steps taken before |w| passed `limit` (the path is cut there); equal to `steps` otherwise. */
  readonly taken: number;
  readonly diverged: boolean;
}

/** w ← w − η·L′(w), `steps` times from w₀; stops early (diverged) once |w| exceeds `limit`. */
export function descend(c: LossCurve1D, w0: number, lr: number, steps: number, limit = 1e6): DescentPath {
  checkFinite('w0', w0);
  checkFinite('lr', lr);
  if (lr < 0) throw new Error(`lr must be ≥ 0, got ${lr}`);
  if (steps !== 0) checkPositiveInteger('steps', steps);
  const w = new Float64Array(steps + 1);
  const loss = new Float64Array(steps + 1);
  w[0] = w0;
  loss[0] = c.f(w0);
  let taken = 0;
  while (taken < steps) {
    const next = w[taken] - lr * c.df(w[taken]);
    if (!Number.isFinite(next) || Math.abs(next) > limit) {
      return { w: w.slice(0, taken + 1), loss: loss.slice(0, taken + 1), taken, diverged: true };
    }
    taken += 1;
    w[taken] = next;
    loss[taken] = c.f(next);
  }
  return { w, loss, taken, diverged: false };
}

/** How gradient descent behaves on a quadratic of curvature c at learning rate η. */
export type Regime = 'still' | 'crawl' | 'converge' | 'one-step' | 'oscillate' | 'bounce' | 'diverge';

/** The regime and the factor r = 1 − ηc by which each step scales the distance to the minimum. */
export interface RegimeInfo {
  readonly regime: Regime;
  readonly factor: number;
  /** Steps to shrink the distance below `tol` of the start: ⌈ln tol / ln |r|⌉ (1 when r = 0; Infinity when |r| ≥ 1). */
  readonly steps: number;
}

/**
 * GD's regime on (c/2)(w − m)²: η = 0 still; 0 < η < 1/c monotone ('crawl' while each step closes
 * less than 10 % of the gap, i.e. r > 0.9, else 'converge'); η = 1/c 'one-step'; 1/c < η < 2/c
 * 'oscillate' (overshoots, converging); η = 2/c 'bounce' (forever between two points); past 2/c 'diverge'.
 */
export function quadraticRegime(lr: number, c: number, tol = 1e-6): RegimeInfo {
  checkFinite('lr', lr);
  checkFinite('curvature', c);
  if (lr < 0) throw new Error(`lr must be ≥ 0, got ${lr}`);
  if (!(c > 0)) throw new Error(`curvature must be positive, got ${c}`);
  const factor = 1 - lr * c;
  const steps = factor === 0 ? 1 : Math.abs(factor) >= 1 ? Infinity : Math.ceil(Math.log(tol) / Math.log(Math.abs(factor)));
  // compare in units of 1/c so that η = 1/c and η = 2/c land exactly on their regimes
  const x = lr * c;
  const regime: Regime = lr === 0 ? 'still' : x < 0.1 ? 'crawl' : x < 1 ? 'converge' : x === 1 ? 'one-step' : x < 2 ? 'oscillate' : x === 2 ? 'bounce' : 'diverge';
  return { regime, factor, steps };
}
