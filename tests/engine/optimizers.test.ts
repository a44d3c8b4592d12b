import { describe, expect, test } from 'vitest';
import { createOptimizer, optimizerKinds, surface, type OptimizerSpec, type SurfaceName } from '../../src/engine/index.ts';

/** Runs `steps` updates of spec from p0 with gradients from grads(p, t) and returns the path. */
function run(spec: OptimizerSpec, p0: number[], grads: number[][]): number[][] {
  const opt = createOptimizer(spec);
  const p = Float64Array.from(p0);
  return grads.map((g) => {
    opt.step(p, Float64Array.from(g));
    return Array.from(p);
  });
}

describe('optimizers: first steps by hand from torch.optim’s update rules', () => {
  test('sgd: p ← p − lr·g', () => {
    expect(run({ kind: 'sgd', lr: 0.1 }, [1, -2], [[0.5, 0.25]])).toEqual([[1 - 0.1 * 0.5, -2 - 0.1 * 0.25]]);
  });

  test('sgd with weight_decay adds weight_decay·p to the gradient', () => {
    expect(run({ kind: 'sgd', lr: 0.1, weight_decay: 0.01 }, [2], [[1]])[0][0]).toBe(2 - 0.1 * (1 + 0.01 * 2));
  });

  test('momentum: b ← g on step 1, then b ← μb + (1 − dampening)g; p ← p − lr·b', () => {
    // step 1: b = 1, p = 1 − 0.1 = 0.9; step 2: b = 0.9 + 1 = 1.9, p = 0.9 − 0.19
    const path = run({ kind: 'momentum', lr: 0.1 }, [1], [[1], [1]]);
    expect(path[0][0]).toBe(1 - 0.1 * 1);
    expect(path[1][0]).toBe(0.9 - 0.1 * (0.9 * 1 + 1));
    // dampening 0.5 is skipped on the first step, as in torch: b₂ = 0.9·1 + 0.5·1
    const damped = run({ kind: 'momentum', lr: 0.1, dampening: 0.5 }, [1], [[1], [1]]);
    expect(damped[0][0]).toBe(0.9);
    expect(damped[1][0]).toBe(0.9 - 0.1 * (0.9 + 0.5));
  });

  test('nesterov: the step uses g + μb', () => {
    // step 1: b = 1, direction 1 + 0.9 = 1.9; step 2: b = 1.9, direction 1 + 0.9·1.9 = 2.71
    const path = run({ kind: 'nesterov', lr: 0.1 }, [1], [[1], [1]]);
    expect(path[0][0]).toBe(1 - 0.1 * (1 + 0.9 * 1));
    expect(path[1][0]).toBe(path[0][0] - 0.1 * (1 + 0.9 * (0.9 * 1 + 1)));
  });

  test('adagrad: sum ← sum + g², p ← p − lr_t·g/(√sum + eps), lr_t = lr/(1 + (t − 1)·lr_decay)', () => {
    const path = run({ kind: 'adagrad', lr: 0.1 }, [1], [[2], [2]]);
    expect(path[0][0]).toBe(1 - 0.1 * (2 / (Math.sqrt(4) + 1e-10)));
    expect(path[1][0]).toBe(path[0][0] - 0.1 * (2 / (Math.sqrt(8) + 1e-10)));
    const decayed = run({ kind: 'adagrad', lr: 0.1, lr_decay: 0.5, initial_accumulator_value: 0.1 }, [1], [[2], [2]]);
    expect(decayed[0][0]).toBe(1 - 0.1 * (2 / (Math.sqrt(4.1) + 1e-10)));
    expect(decayed[1][0]).toBe(decayed[0][0] - (0.1 / 1.5) * (2 / (Math.sqrt(8.1) + 1e-10)));
  });

  test('rmsprop: v ← αv + (1 − α)g², p ← p − lr·g/(√v + eps)', () => {
    const [first, second] = run({ kind: 'rmsprop', lr: 0.01 }, [1], [[2], [-1]]);
    const v1 = 0.01 * 4;
    expect(first[0]).toBe(1 - 0.01 * (2 / (Math.sqrt(v1) + 1e-8)));
    const v2 = 0.99 * v1 + 0.01 * 1;
    expect(second[0]).toBe(first[0] - 0.01 * (-1 / (Math.sqrt(v2) + 1e-8)));
  });

  test('rmsprop centred subtracts the squared mean gradient; with momentum it steps by a buffer', () => {
    const [centred] = run({ kind: 'rmsprop', lr: 0.01, centered: true }, [1], [[2]]);
    expect(centred[0]).toBe(1 - 0.01 * (2 / (Math.sqrt(0.04 - 0.02 * 0.02) + 1e-8)));
    const path = run({ kind: 'rmsprop', lr: 0.01, momentum: 0.9 }, [1], [[2], [2]]);
    const r1 = 2 / (Math.sqrt(0.04) + 1e-8);
    const r2 = 2 / (Math.sqrt(0.99 * 0.04 + 0.04) + 1e-8);
    expect(path[0][0]).toBe(1 - 0.01 * r1);
    expect(path[1][0]).toBeCloseTo(path[0][0] - 0.01 * (0.9 * r1 + r2), 15);
  });

  test('adam: p ← p − lr·m̂/(√v̂ + eps) with bias-corrected moments', () => {
    const lr = 0.001;
    const [first, second] = run({ kind: 'adam', lr }, [1], [[0.5], [-1]]);
    // step 1: m̂ = g, v̂ = g², so the step is lr·g/(|g| + eps)
    expect(first[0]).toBeCloseTo(1 - (lr * 0.5) / (0.5 + 1e-8), 16);
    const m = 0.9 * (0.1 * 0.5) + 0.1 * -1;
    const v = 0.999 * (0.001 * 0.25) + 0.001 * 1;
    const mHat = m / (1 - 0.9 ** 2);
    const vHat = v / (1 - 0.999 ** 2);
    expect(second[0]).toBeCloseTo(first[0] - (lr * mHat) / (Math.sqrt(vHat) + 1e-8), 15);
  });

  test('adam with amsgrad divides by the largest v seen', () => {
    const [, second] = run({ kind: 'adam', lr: 0.1, amsgrad: true }, [0], [[1], [0]]);
    const plain = run({ kind: 'adam', lr: 0.1 }, [0], [[1], [0]])[1];
    const first = -(0.1 * 1) / (1 + 1e-8);
    // v₂ = 0.999·0.001 is smaller than v₁ = 0.001, so amsgrad keeps v₁
    const mHat = (0.9 * 0.1) / (1 - 0.81);
    const vMaxHat = 0.001 / (1 - 0.999 ** 2);
    expect(second[0]).toBeCloseTo(first - (0.1 * mHat) / (Math.sqrt(vMaxHat) + 1e-8), 12);
    expect(second[0]).toBeGreaterThan(plain[0]);
  });

  test('createOptimizer fills in torch’s defaults', () => {
    expect(createOptimizer({ kind: 'sgd' }).options).toMatchObject({ lr: 1e-3, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false });
    expect(createOptimizer({ kind: 'momentum' }).options).toMatchObject({ momentum: 0.9, nesterov: false });
    expect(createOptimizer({ kind: 'nesterov' }).options).toMatchObject({ momentum: 0.9, nesterov: true });
    expect(createOptimizer({ kind: 'adagrad' }).options).toMatchObject({ lr: 1e-2, lr_decay: 0, eps: 1e-10, initial_accumulator_value: 0 });
    expect(createOptimizer({ kind: 'rmsprop' }).options).toMatchObject({ lr: 1e-2, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false });
    expect(createOptimizer({ kind: 'adam' }).options).toMatchObject({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, amsgrad: false });
  });

  test('step counts steps and reset() forgets the state', () => {
    const opt = createOptimizer({ kind: 'momentum', lr: 0.1 });
    const p = new Float64Array([1]);
    opt.step(p, new Float64Array([1]));
    opt.step(p, new Float64Array([1]));
    expect(opt.steps).toBe(2);
    opt.reset();
    expect(opt.steps).toBe(0);
    p[0] = 1;
    opt.step(p, new Float64Array([1]));
    expect(p[0]).toBe(0.9);
  });

  test('createOptimizer and step reject bad specs and arrays with clear messages', () => {
    expect(() => createOptimizer({ kind: 'lbfgs' as never })).toThrow(/unknown optimizer kind "lbfgs"; known: sgd, momentum/);
    expect(() => createOptimizer({ kind: 'adam', beta1: 0.9 } as never)).toThrow(/adam has no option "beta1"; its options: lr, betas, eps/);
    expect(() => createOptimizer({ kind: 'sgd', lr: -1 })).toThrow(/sgd lr must be ≥ 0, got -1/);
    expect(() => createOptimizer({ kind: 'sgd', lr: NaN })).toThrow(/sgd lr must be a finite number, got NaN/);
    expect(() => createOptimizer({ kind: 'adam', betas: [0.9, 1] })).toThrow(/betas\[1\] must be in \[0, 1\), got 1/);
    expect(() => createOptimizer({ kind: 'adam', betas: [0.9] as never })).toThrow(/betas must be a pair/);
    expect(() => createOptimizer({ kind: 'rmsprop', centered: 'yes' as never })).toThrow(/centered must be true or false/);
    expect(() => createOptimizer({ kind: 'nesterov', momentum: 0 })).toThrow(/nesterov needs momentum > 0 and dampening 0/);
    expect(() => createOptimizer({ kind: 'nesterov', dampening: 0.1 })).toThrow(/dampening 0/);
    const opt = createOptimizer({ kind: 'adam' });
    expect(() => opt.step(new Float64Array(2), new Float64Array(3))).toThrow(/grad has 3 values but params has 2/);
    opt.step(new Float64Array(2), new Float64Array(2));
    expect(() => opt.step(new Float64Array(4), new Float64Array(4))).toThrow(/was stepping 2 parameters, now given 4/);
    expect(() => opt.step([1, 2] as never, [1, 2] as never)).toThrow(/two Float64Arrays/);
  });
});

/** Settings (found by trying) with which each optimizer reaches a minimum of each surface from its start. */
const races: [SurfaceName, OptimizerSpec, number][] = [
  ['bowl', { kind: 'sgd', lr: 0.03 }, 200],
  ['bowl', { kind: 'momentum', lr: 0.003 }, 200],
  ['bowl', { kind: 'nesterov', lr: 0.01 }, 200],
  ['bowl', { kind: 'adagrad', lr: 1 }, 100],
  ['bowl', { kind: 'rmsprop', lr: 0.03 }, 300],
  ['bowl', { kind: 'adam', lr: 0.1 }, 300],
  ['rosenbrock', { kind: 'momentum', lr: 0.003 }, 1000],
  ['rosenbrock', { kind: 'adam', lr: 0.1 }, 2000],
  ['beale', { kind: 'sgd', lr: 0.03 }, 1000],
  ['beale', { kind: 'adagrad', lr: 1 }, 2000],
  ['beale', { kind: 'adam', lr: 0.1 }, 1000],
  ['saddle', { kind: 'nesterov', lr: 0.01 }, 200],
  ['saddle', { kind: 'adagrad', lr: 1 }, 50],
  ['himmelblau', { kind: 'sgd', lr: 0.01 }, 100],
  ['himmelblau', { kind: 'adam', lr: 0.1 }, 300],
];

describe('optimizers on the surfaces', () => {
  test.each(races)('on %s, %j reaches a known minimum within %i steps', (name, spec, steps) => {
    const s = surface(name);
    const opt = createOptimizer(spec);
    const p = Float64Array.from(s.start);
    const g = new Float64Array(2);
    for (let i = 0; i < steps; i++) {
      [g[0], g[1]] = s.grad(p[0], p[1]);
      opt.step(p, g);
    }
    const distance = Math.min(...s.minima.map(([x, y]) => Math.hypot(p[0] - x, p[1] - y)));
    expect(distance).toBeLessThan(1e-3);
    expect(s.f(p[0], p[1]) - s.minValue).toBeLessThan(1e-5);
  });

  test.each(optimizerKinds.map((k) => [k] as const))('%s with its default learning rate heads downhill on the bowl', (kind) => {
    const s = surface('bowl');
    const opt = createOptimizer({ kind });
    const p = Float64Array.from(s.start);
    const before = s.f(p[0], p[1]);
    for (let i = 0; i < 50; i++) opt.step(p, Float64Array.from(s.grad(p[0], p[1])));
    expect(s.f(p[0], p[1])).toBeLessThan(before);
  });
});
