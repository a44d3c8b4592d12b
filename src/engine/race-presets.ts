/**
 * The optimizer race's runners and their "tuned" learning rates. A racer is one of seven: plain
 * gradient descent (GD), SGD on a noisy gradient, Momentum, Nesterov, Adagrad, RMSProp and Adam,
 * each torch.optim's rule with torch's defaults except `lr` (Momentum and Nesterov: momentum 0.9).
 * The tuned rate of a racer on a surface is what `tuneLr` finds: every rate on the grid `LR_GRID`
 * (10^(k/8), 1e-5 to 10) is raced for RACE_STEPS steps from the surface's start, and the winner is
 * the rate that settles soonest (within SETTLE_TOL of the minimum value and staying there); among
 * rates that never settle, the lowest mean loss over the last tenth of the race. The table
 * `TUNED_LR` holds the results, and a test runs the search again and checks they agree.
 */
import { checkFinite, checkOneOf } from './check.ts';
import type { OptimizerSpec } from './optimizers.ts';
import { race, type Lane, type Runner } from './race.ts';
import type { Point, Surface, SurfaceName } from './surfaces.ts';

/** The racers, in legend order. */
export const racerNames = ['gd', 'sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const;

/** One of `racerNames`. */
export type RacerName = (typeof racerNames)[number];

/** Steps in one race. */
export const RACE_STEPS = 2000;

/** A racer has arrived once f − f_min stays below this until the end of the race. */
export const SETTLE_TOL = 1e-6;

/** The learning rates the race offers and the search tries: 10^(k/8) for k = −40 … 8, rounded to 3 significant figures. */
export const LR_GRID: readonly number[] = Array.from({ length: 49 }, (_, i) => Number((10 ** ((i - 40) / 8)).toPrecision(3)));

/** Momentum β (and Adam's β₁) values offered. */
export const BETA_CHOICES = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99] as const;

/** RMSProp's α and Adam's β₂ values offered. */
export const SQUARE_AVG_CHOICES = [0.9, 0.99, 0.999] as const;

/** Standard deviations of the gradient noise offered to SGD (added to each component, every step). */
export const NOISE_CHOICES = [0.5, 1, 2, 5, 10] as const;

/** Settings of one racer (those its rule does not read are ignored). */
export interface RacerSettings {
  readonly lr: number;
  /** Momentum and Nesterov: momentum; Adam: β₁. */
  readonly beta: number;
  /** RMSProp: α; Adam: β₂. */
  readonly beta2: number;
  /** SGD only: the noise's standard deviation. */
  readonly noise: number;
}

/** The defaults of a racer's settings other than lr: torch's (momentum 0.9 for Momentum and Nesterov), noise 2. */
export function defaultSettings(name: RacerName, lr: number): RacerSettings {
  checkOneOf('racer', name, racerNames);
  const beta2 = name === 'rmsprop' ? 0.99 : 0.999;
  return { lr, beta: 0.9, beta2, noise: 2 };
}

/** The engine runner for a racer with these settings. */
export function runnerFor(name: RacerName, s: RacerSettings): Runner {
  checkOneOf('racer', name, racerNames);
  checkFinite('lr', s.lr);
  let spec: OptimizerSpec;
  switch (name) {
    case 'gd':
    case 'sgd':
      spec = { kind: 'sgd', lr: s.lr };
      break;
    case 'momentum':
      spec = { kind: 'momentum', lr: s.lr, momentum: s.beta };
      break;
    case 'nesterov':
      spec = { kind: 'nesterov', lr: s.lr, momentum: s.beta };
      break;
    case 'adagrad':
      spec = { kind: 'adagrad', lr: s.lr };
      break;
    case 'rmsprop':
      spec = { kind: 'rmsprop', lr: s.lr, alpha: s.beta2 };
      break;
    case 'adam':
      spec = { kind: 'adam', lr: s.lr, betas: [s.beta, s.beta2] };
      break;
  }
  return name === 'sgd' ? { spec, noise: s.noise } : { spec };
}

/** First step t from which f − f_min < tol for every later step too, or null (never, or diverged). */
export function settledAt(lane: Lane, minValue: number, tol = SETTLE_TOL): number | null {
  if (lane.diverged) return null;
  let t = lane.loss.length;
  while (t > 0 && lane.loss[t - 1] - minValue < tol) t -= 1;
  return t === lane.loss.length ? null : t;
}

/** Mean of f − f_min over the last tenth of the lane (Infinity when it diverged). */
export function tailLoss(lane: Lane, minValue: number): number {
  if (lane.diverged) return Infinity;
  const n = lane.loss.length;
  const from = Math.floor(n * 0.9);
  let sum = 0;
  for (let t = from; t < n; t++) sum += lane.loss[t] - minValue;
  return sum / (n - from);
}

/** The search: the grid rate with which `name` settles soonest on `s` (ties: the smaller rate), else the lowest tail loss. */
export function tuneLr(s: Surface, name: RacerName, start: Point = s.start, seed = 1): number {
  let best = { lr: LR_GRID[0], settled: null as number | null, tail: Infinity };
  for (const lr of LR_GRID) {
    const [lane] = race(s, [runnerFor(name, defaultSettings(name, lr))], start, { steps: RACE_STEPS, seed });
    const settled = settledAt(lane, s.minValue);
    const tail = tailLoss(lane, s.minValue);
    const better =
      settled !== null ? best.settled === null || settled < best.settled : best.settled === null && tail < best.tail;
    if (better) best = { lr, settled, tail };
  }
  return best.lr;
}

/** What `tuneLr` finds for every racer on every surface from its start (seed 1); checked by a test. */
export const TUNED_LR: Readonly<Record<SurfaceName, Readonly<Record<RacerName, number>>>> = {
  bowl: { gd: 0.075, sgd: 0.00178, momentum: 0.0178, nesterov: 0.0562, adagrad: 2.37, rmsprop: 0.00237, adam: 0.237 },
  rosenbrock: { gd: 0.00178, sgd: 0.00178, momentum: 0.00316, nesterov: 0.00133, adagrad: 1.78, rmsprop: 0.00422, adam: 0.133 },
  beale: { gd: 0.0316, sgd: 0.00316, momentum: 0.0075, nesterov: 0.00316, adagrad: 2.37, rmsprop: 0.00237, adam: 0.562 },
  saddle: { gd: 0.178, sgd: 0.00178, momentum: 0.0422, nesterov: 0.133, adagrad: 1, rmsprop: 0.00316, adam: 0.178 },
  himmelblau: { gd: 0.0178, sgd: 0.000133, momentum: 0.0237, nesterov: 0.0133, adagrad: 1.78, rmsprop: 0.1, adam: 0.316 },
};
