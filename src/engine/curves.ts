/** Sampled curves of an activation and its derivative, for plotting, with the peak of f′ located. */
import { activation, type ActivationName } from './activations.ts';
import { checkFinite } from './check.ts';

/** Samples of f and f′ on an even grid, and where f′ is largest on it. */
export interface ActivationCurve {
  readonly x: Float64Array;
  readonly f: Float64Array;
  readonly df: Float64Array;
  /** The largest f′ on [xMin, xMax] and an x where it is reached (refined between samples). */
  readonly peak: { readonly x: number; readonly df: number };
}

/** f and f′ of `name` at n evenly spaced x from xMin to xMax (both included), and the peak of f′. */
export function activationCurve(name: ActivationName, xMin: number, xMax: number, n = 201): ActivationCurve {
  const act = activation(name);
  checkFinite('xMin', xMin);
  checkFinite('xMax', xMax);
  if (!(xMax > xMin)) throw new Error(`activationCurve needs xMin < xMax, got ${xMin} and ${xMax}`);
  if (!Number.isInteger(n) || n < 2 || n > 1e6) throw new Error(`activationCurve needs an integer n in 2..1e6, got ${n}`);
  const x = new Float64Array(n);
  const f = new Float64Array(n);
  const df = new Float64Array(n);
  let best = 0;
  for (let i = 0; i < n; i++) {
    x[i] = i === n - 1 ? xMax : xMin + ((xMax - xMin) * i) / (n - 1);
    f[i] = act.f(x[i]);
    df[i] = act.df(x[i]);
    if (df[i] > df[best]) best = i;
  }
  const interior = best > 0 && best < n - 1 && df[best] >= df[best - 1] && df[best] >= df[best + 1];
  const peak = interior ? goldenMax(act.df, x[best - 1], x[best + 1]) : { x: x[best], df: df[best] };
  return { x, f, df, peak: peak.df >= df[best] ? peak : { x: x[best], df: df[best] } };
}

/** Golden-section search for the maximum of a unimodal g on [a, b]: shrinks the bracket by 0.618 a step. */
function goldenMax(g: (x: number) => number, a: number, b: number): { x: number; df: number } {
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let gc = g(c);
  let gd = g(d);
  for (let i = 0; i < 200 && b - a > 1e-12 * (1 + Math.abs(a)); i++) {
    if (gc >= gd) {
      b = d; d = c; gd = gc;
      c = b - r * (b - a); gc = g(c);
    } else {
      a = c; c = d; gc = gd;
      d = a + r * (b - a); gd = g(d);
    }
  }
  return gc >= gd ? { x: c, df: gc } : { x: d, df: gd };
}
