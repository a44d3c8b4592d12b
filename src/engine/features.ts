/**
 * Hand-made features of a point (x₁, x₂): the raw inputs and five functions of them a person might
 * choose (x₁², x₂², x₁x₂, sin x₁, sin x₂). Chapter 1's feature lab feeds them to a linear model
 * and draws each one as a map over the plane.
 */
import { checkRows } from './check.ts';

/** Every feature the lab knows, the two raw inputs first, in the order columns are always listed. */
export const featureKeys = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
/** One of `featureKeys`. */
export type FeatureKey = (typeof featureKeys)[number];

/** The five features a person can add to the raw inputs. */
export const handFeatureKeys = ['x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
/** One of `handFeatureKeys`. */
export type HandFeature = (typeof handFeatureKeys)[number];

/** How each feature is written on the page. */
export const featureLabels: Readonly<Record<FeatureKey, string>> = {
  x1: 'x₁',
  x2: 'x₂',
  x1sq: 'x₁²',
  x2sq: 'x₂²',
  x1x2: 'x₁x₂',
  sinx1: 'sin x₁',
  sinx2: 'sin x₂',
};

const formulas: Readonly<Record<FeatureKey, (x1: number, x2: number) => number>> = {
  x1: (x1) => x1,
  x2: (_, x2) => x2,
  x1sq: (x1) => x1 * x1,
  x2sq: (_, x2) => x2 * x2,
  x1x2: (x1, x2) => x1 * x2,
  sinx1: (x1) => Math.sin(x1),
  sinx2: (_, x2) => Math.sin(x2),
};

/** True for a name in `handFeatureKeys`. */
export function isHandFeature(name: unknown): name is HandFeature {
  return typeof name === 'string' && (handFeatureKeys as readonly string[]).includes(name);
}

/** The value of one feature at (x₁, x₂). */
export function featureValue(key: FeatureKey, x1: number, x2: number): number {
  const f = Object.hasOwn(formulas, key) ? formulas[key] : undefined;
  if (!f) throw new Error(`feature must be one of ${featureKeys.join(', ')}, got ${String(key)}`);
  return f(x1, x2);
}

/**
 * The columns a linear model sees: x₁ and x₂, then the chosen hand-made features in the fixed
 * order of `handFeatureKeys` (duplicates dropped). An unknown name throws.
 */
export function featureColumns(hand: readonly string[]): FeatureKey[] {
  if (!Array.isArray(hand)) throw new Error(`hand features must be an array of names, got ${typeof hand}`);
  for (const name of hand) {
    if (!isHandFeature(name)) throw new Error(`hand feature must be one of ${handFeatureKeys.join(', ')}, got ${JSON.stringify(name)}`);
  }
  return ['x1', 'x2', ...handFeatureKeys.filter((k) => hand.includes(k))];
}

/** Each point's feature vector, one row per point, one column per entry of `columns`. */
export function featureRows(points: ArrayLike<ArrayLike<number>>, columns: readonly FeatureKey[]): number[][] {
  checkRows('points', points, 2);
  const fs = columns.map((k) => {
    const f = Object.hasOwn(formulas, k) ? formulas[k] : undefined;
    if (!f) throw new Error(`feature must be one of ${featureKeys.join(', ')}, got ${String(k)}`);
    return f;
  });
  return Array.from(points, (p) => fs.map((f) => f(p[0], p[1])));
}

/** One feature's value over a grid: row r at ys[r], column c at xs[c] (pass ys from top to bottom). */
export function featureGrid(key: FeatureKey, xs: ArrayLike<number>, ys: ArrayLike<number>): Float64Array {
  const f = Object.hasOwn(formulas, key) ? formulas[key] : undefined;
  if (!f) throw new Error(`feature must be one of ${featureKeys.join(', ')}, got ${String(key)}`);
  const out = new Float64Array(xs.length * ys.length);
  for (let r = 0; r < ys.length; r++) for (let c = 0; c < xs.length; c++) out[r * xs.length + c] = f(xs[c], ys[r]);
  return out;
}
