/** Numerical derivatives by central differences: the check beside every analytic gradient. */
import { checkFinite } from './check.ts';

/** f′(x) ≈ (f(x + h) − f(x − h)) / 2h, with error of order h²·f‴. */
export function centralDifference(f: (x: number) => number, x: number, h = 1e-6): number {
  checkFinite('x', x);
  return (f(x + h) - f(x - h)) / (2 * h);
}

/**
 * ∂loss/∂pᵢ ≈ (loss(p + h·eᵢ) − loss(p − h·eᵢ)) / 2h for every i, nudging params in place and
 * restoring each one exactly afterwards.
 */
export function numericalGradient(loss: (params: Float64Array) => number, params: Float64Array, h = 1e-6): Float64Array {
  if (!(h > 0) || !Number.isFinite(h)) throw new Error(`h must be a positive finite number, got ${h}`);
  const grad = new Float64Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const saved = params[i];
    params[i] = saved + h;
    const up = loss(params);
    params[i] = saved - h;
    const down = loss(params);
    params[i] = saved;
    grad[i] = (up - down) / (2 * h);
  }
  return grad;
}
