/**
 * Optimizers racing on a two-dimensional surface: each one starts from the same point and takes
 * its own steps with the engine's torch.optim rules (optimizers.ts), on the surface's exact
 * gradient, or on a noisy one for SGD (a seeded stand-in for mini-batch noise). Also the linear
 * analysis of the heavy ball on one direction of a quadratic, which explains what momentum damps.
 */
import { checkFinite, checkPositiveInteger } from './check.ts';
import { createOptimizer, type OptimizerSpec } from './optimizers.ts';
import { normal, seeded } from './random.ts';
import type { Point, Surface } from './surfaces.ts';

/** One runner: an optimizer spec, and for a noisy gradient the standard deviation of the noise added to each component. */
export interface Runner {
  readonly spec: OptimizerSpec;
  readonly noise?: number;
}

/** One runner's race: the path, f along it, and when it first came within `tol` of a minimum's value. */
export interface Lane {
  /** x, y after each step, interleaved: [x₀, y₀, x₁, y₁, …]; index 0 is the start. */
  readonly path: Float64Array;
  readonly loss: Float64Array;
  /** First step with f − f_min < tol, or null if it never did. */
  readonly reached: number | null;
  /** True if the path left the finite numbers or ran past `limit`; the path stops there. */
  readonly diverged: boolean;
}

/** Options of {@link race}. */
export interface RaceOptions {
  readonly steps: number;
  /** Closeness in f to the minimum value that counts as arrived (default 1e-6). */
  readonly tol?: number;
  /** Seed of the gradient noise (default 1); each runner draws its own stream from it. */
  readonly seed?: number;
  /** Distance from the start past which a runner counts as diverged (default 1e6). */
  readonly limit?: number;
}

/** Races every runner from `start` for `steps` steps on `s`. Same arguments, same paths, bit for bit. */
export function race(s: Surface, runners: readonly Runner[], start: Point, options: RaceOptions): Lane[] {
  checkRace(start, options);
  return runners.map((runner, r) => raceLane(s, runner, r, start, options));
}

function checkRace(start: Point, options: RaceOptions): void {
  checkPositiveInteger('steps', options.steps);
  if (options.steps > 100_000) throw new Error(`steps must be at most 100000, got ${options.steps}`);
  checkFinite('start x', start[0]);
  checkFinite('start y', start[1]);
}

/**
 * The lane of the runner at position `index` of a race: exactly `race(s, runners, start, options)[index]`
 * (each runner draws its noise from its own stream, set by the seed and its position), computed alone.
 */
export function raceLane(s: Surface, runner: Runner, index: number, start: Point, options: RaceOptions): Lane {
  checkRace(start, options);
  if (!Number.isInteger(index) || index < 0) throw new Error(`index must be a whole number ≥ 0, got ${index}`);
  const { steps } = options;
  const tol = options.tol ?? 1e-6;
  const limit = options.limit ?? 1e6;
  const optimizer = createOptimizer(runner.spec);
  const noise = runner.noise ?? 0;
  checkFinite('noise', noise);
  if (noise < 0) throw new Error(`noise must be ≥ 0, got ${noise}`);
  const random = seeded((options.seed ?? 1) * 7919 + index);
  const p = Float64Array.from(start);
  const g = new Float64Array(2);
  const path = new Float64Array(2 * (steps + 1));
  const loss = new Float64Array(steps + 1);
  path[0] = p[0];
  path[1] = p[1];
  loss[0] = s.f(p[0], p[1]);
  let reached: number | null = loss[0] - s.minValue < tol ? 0 : null;
  for (let t = 1; t <= steps; t++) {
    const [gx, gy] = s.grad(p[0], p[1]);
    g[0] = noise ? gx + noise * normal(random) : gx;
    g[1] = noise ? gy + noise * normal(random) : gy;
    optimizer.step(p, g);
    const f = s.f(p[0], p[1]);
    if (!Number.isFinite(f) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.hypot(p[0] - start[0], p[1] - start[1]) > limit) {
      return { path: path.slice(0, 2 * t), loss: loss.slice(0, t), reached, diverged: true };
    }
    path[2 * t] = p[0];
    path[2 * t + 1] = p[1];
    loss[t] = f;
    if (reached === null && f - s.minValue < tol) reached = t;
  }
  return { path, loss, reached, diverged: false };
}

/**
 * Heavy-ball momentum (torch: b ← βb + g, p ← p − ηb) along one direction of curvature λ is the
 * linear map (p, b) ↦ ((1 − ηλ)p − ηβb, λp + βb). Its spectral radius is the factor by which the
 * distance to the minimum shrinks per step in the long run: < 1 converges. For a fixed ηλ ≤ 1 it is
 * smallest, 1 − √(ηλ), at the critical β = (1 − √(ηλ))², where the oscillation is just damped;
 * above it the pair of roots is complex with modulus √β.
 */
export function momentumRate(lr: number, beta: number, curvature: number): number {
  checkFinite('lr', lr);
  checkFinite('beta', beta);
  checkFinite('curvature', curvature);
  if (lr < 0 || beta < 0 || beta >= 1) throw new Error(`need lr ≥ 0 and 0 ≤ beta < 1, got lr ${lr} and beta ${beta}`);
  // eigenvalues of [[1 − ηλ, −ηβ], [λ, β]]: μ² − (1 − ηλ + β)μ + β = 0
  const trace = 1 - lr * curvature + beta;
  const det = beta;
  const disc = trace * trace - 4 * det;
  if (disc >= 0) {
    const root = Math.sqrt(disc);
    return Math.max(Math.abs((trace + root) / 2), Math.abs((trace - root) / 2));
  }
  // complex pair: |μ|² = det
  return Math.sqrt(det);
}
