/**
 * Optimizers as torch.optim defines them, with torch's defaults and option names. A spec names the
 * kind and any options; `createOptimizer` checks them and returns an object whose `step` updates
 * parameters in place. The update rules themselves are in optimizer-steps.ts.
 */
import { checkFinite, checkOneOf, describe } from './check.ts';
import { adagradStep, adamStep, rmspropStep, sgdStep, type OptimizerState, type ResolvedOptions } from './optimizer-steps.ts';

/** The kinds `createOptimizer` builds. */
export const optimizerKinds = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const;

/** One of `optimizerKinds`. */
export type OptimizerKind = (typeof optimizerKinds)[number];

/** An optimizer and its options, by torch's names; any option left out takes torch's default. */
export interface OptimizerSpec {
  readonly kind: OptimizerKind;
  readonly lr?: number;
  readonly momentum?: number;
  readonly dampening?: number;
  readonly weight_decay?: number;
  readonly nesterov?: boolean;
  readonly alpha?: number;
  readonly eps?: number;
  readonly centered?: boolean;
  readonly lr_decay?: number;
  readonly initial_accumulator_value?: number;
  readonly betas?: readonly [number, number];
  readonly amsgrad?: boolean;
}

/** An optimizer ready to step: step(params, grad) moves params against grad, in place. */
export interface Optimizer {
  readonly kind: OptimizerKind;
  readonly options: ResolvedOptions;
  /** Steps taken so far (torch's state['step']). */
  readonly steps: number;
  step(params: Float64Array, grad: Float64Array): void;
  /** Forgets all state (momentum buffers, running averages, step count). */
  reset(): void;
}

const sgdDefaults = { lr: 1e-3, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false };

/**
 * torch's defaults per kind. 'momentum' and 'nesterov' are torch's SGD with momentum = 0.9 (torch's
 * own default momentum is 0) and, for 'nesterov', nesterov = true.
 */
export const optimizerDefaults: Record<OptimizerKind, Readonly<Record<string, number | boolean | readonly number[]>>> = {
  sgd: sgdDefaults,
  momentum: { ...sgdDefaults, momentum: 0.9 },
  nesterov: { ...sgdDefaults, momentum: 0.9, nesterov: true },
  adagrad: { lr: 1e-2, lr_decay: 0, weight_decay: 0, initial_accumulator_value: 0, eps: 1e-10 },
  rmsprop: { lr: 1e-2, alpha: 0.99, eps: 1e-8, weight_decay: 0, momentum: 0, centered: false },
  adam: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false },
};

const rules = { sgd: sgdStep, momentum: sgdStep, nesterov: sgdStep, adagrad: adagradStep, rmsprop: rmspropStep, adam: adamStep };

const neutral: ResolvedOptions = {
  lr: 0, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false, alpha: 0, eps: 0, centered: false,
  lr_decay: 0, initial_accumulator_value: 0, betas: [0, 0], amsgrad: false,
};

/** Checks a spec against its kind's options and fills in torch's defaults; throws naming any bad option. */
export function resolveOptions(spec: OptimizerSpec): ResolvedOptions {
  if (spec === null || typeof spec !== 'object') throw new Error('an optimizer spec must be an object like { kind: "adam", lr: 0.01 }');
  checkOneOf('optimizer kind', spec.kind, optimizerKinds);
  const defaults = optimizerDefaults[spec.kind];
  const options: Record<string, unknown> = { ...neutral, ...defaults };
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'kind' || value === undefined) continue;
    if (!Object.hasOwn(defaults, key)) {
      throw new Error(`${spec.kind} has no option ${JSON.stringify(key)}; its options: ${Object.keys(defaults).join(', ')}`);
    }
    options[key] = value;
  }
  const o = options as unknown as ResolvedOptions;
  for (const key of ['lr', 'momentum', 'weight_decay', 'alpha', 'eps', 'lr_decay', 'initial_accumulator_value'] as const) {
    checkFinite(`${spec.kind} ${key}`, o[key]);
    if (o[key] < 0) throw new Error(`${spec.kind} ${key} must be ≥ 0, got ${o[key]}`);
  }
  checkFinite(`${spec.kind} dampening`, o.dampening);
  for (const key of ['nesterov', 'centered', 'amsgrad'] as const) {
    if (typeof o[key] !== 'boolean') throw new Error(`${spec.kind} ${key} must be true or false, got ${describe(o[key])}`);
  }
  if (!Array.isArray(o.betas) || o.betas.length !== 2) throw new Error(`${spec.kind} betas must be a pair [beta1, beta2], got ${describe(o.betas)}`);
  o.betas.forEach((beta, i) => {
    checkFinite(`${spec.kind} betas[${i}]`, beta);
    if (beta < 0 || beta >= 1) throw new Error(`${spec.kind} betas[${i}] must be in [0, 1), got ${beta}`);
  });
  if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) {
    throw new Error(`nesterov needs momentum > 0 and dampening 0, got momentum ${o.momentum} and dampening ${o.dampening}`);
  }
  return Object.freeze({ ...o, betas: Object.freeze([o.betas[0], o.betas[1]]) as readonly [number, number] });
}

/** An optimizer from a spec such as { kind: 'adam', lr: 0.01 } (torch's defaults fill the rest). */
export function createOptimizer(spec: OptimizerSpec): Optimizer {
  const options = resolveOptions(spec);
  const rule = rules[spec.kind];
  const empty = new Float64Array(0);
  const state: OptimizerState = { t: 0, first: empty, second: empty, third: empty };
  return {
    kind: spec.kind,
    options,
    get steps() {
      return state.t;
    },
    step(params, grad) {
      if (!(params instanceof Float64Array) || !(grad instanceof Float64Array)) {
        throw new Error('step(params, grad) needs two Float64Arrays');
      }
      if (grad.length !== params.length) throw new Error(`grad has ${grad.length} values but params has ${params.length}`);
      if (state.t === 0) {
        state.first = new Float64Array(params.length).fill(spec.kind === 'adagrad' ? options.initial_accumulator_value : 0);
        state.second = new Float64Array(params.length);
        state.third = new Float64Array(params.length);
      } else if (state.first.length !== params.length) {
        throw new Error(`this optimizer was stepping ${state.first.length} parameters, now given ${params.length}; reset() it first`);
      }
      state.t += 1;
      rule(params, grad, options, state);
    },
    reset() {
      state.t = 0;
    },
  };
}
