import { describe, expect, test } from 'vitest';
import { activation, activationCurve, activationNames, isActivationName } from '../../src/engine/index.ts';
import { backwardLoops, forwardLoops } from '../../src/engine/activation-loops.ts';

const points = [-7.3, -3.1, -1.7, -0.9, -0.31, 0.27, 0.8, 1.3, 2.9, 6.1];
// step has no derivative at 0, relu and leaky_relu none at 0: the points above avoid 0
const families = activationNames.map((name) => [name] as const);

describe('activations', () => {
  test.each(families)('%s.df(x) matches a central difference', (name) => {
    const act = activation(name);
    for (const x of points) {
      const h = 1e-6;
      const numeric = (act.f(x + h) - act.f(x - h)) / (2 * h);
      expect(act.df(x)).toBeCloseTo(numeric, 8);
    }
  });

  test.each(families)('%s.dfy(x, f(x)) equals df(x)', (name) => {
    const act = activation(name);
    for (const x of [...points, 0, 1e-9, -1e-9]) {
      expect(act.dfy(x, act.f(x))).toBeCloseTo(act.df(x), 14);
    }
  });

  test.each(families)('%s stays finite for |x| up to 1e3 (and 1e300)', (name) => {
    const act = activation(name);
    for (const x of [-1e300, -1e3, -750, -40, 40, 750, 1e3]) {
      expect(Number.isFinite(act.f(x)) || Math.abs(x) > 1e3).toBe(true);
      expect(Number.isFinite(act.df(x))).toBe(true);
      expect(Number.isNaN(act.f(x))).toBe(false);
    }
  });

  test.each(families)('%s array loops agree with f and dfy', (name) => {
    const act = activation(name);
    const z = Float64Array.from(points);
    const a = new Float64Array(z.length);
    const g = Float64Array.from(points, (_, i) => 0.5 + i);
    const d = new Float64Array(z.length);
    forwardLoops[name](z, a, 1, z.length - 1);
    backwardLoops[name](z, a, g, d, 1, z.length - 1);
    expect(a[0]).toBe(0);
    expect(d[z.length - 1]).toBe(0);
    for (let i = 1; i < z.length - 1; i++) {
      expect(a[i]).toBe(act.f(z[i]));
      expect(d[i]).toBe(g[i] * act.dfy(z[i], a[i]));
    }
  });

  test('sigmoid: σ(0) = 1/2, σ′(0) = 1/4 exactly, and 1/4 is the largest slope', () => {
    const s = activation('sigmoid');
    expect(s.f(0)).toBe(0.5);
    expect(s.df(0)).toBe(0.25);
    for (const x of points) expect(s.df(x)).toBeLessThan(0.25);
    expect(s.f(1e3)).toBe(1);
    expect(s.f(-1e3)).toBe(0);
    expect(s.df(-1e3)).toBe(0);
  });

  test('tanh: tanh′(0) = 1 and the tails are flat', () => {
    const t = activation('tanh');
    expect(t.df(0)).toBe(1);
    expect(t.f(1e3)).toBe(1);
    expect(t.df(1e3)).toBe(0);
  });

  test('relu, leaky_relu, elu and step follow torch at and around 0', () => {
    expect(activation('relu').f(-2)).toBe(0);
    expect(activation('relu').f(3)).toBe(3);
    expect(activation('relu').df(0)).toBe(0);
    expect(activation('leaky_relu').f(-2)).toBe(-0.02);
    expect(activation('leaky_relu').df(0)).toBe(0.01);
    expect(activation('elu').f(-1)).toBeCloseTo(-0.6321205588285577, 16);
    expect(activation('elu').df(0)).toBe(1);
    expect(activation('elu').f(-1e3)).toBe(-1);
    expect(activation('step').f(0)).toBe(0);
    expect(activation('step').f(1e-12)).toBe(1);
    expect(activation('step').df(2)).toBe(0);
    expect(activation('linear').df(5)).toBe(1);
  });

  test('gelu and gelu_tanh match 16-digit references', () => {
    // references from mpmath at 30 digits: x·Φ(x) and ½x(1 + tanh(√(2/π)(x + 0.044715x³)))
    expect(activation('gelu').f(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(activation('gelu').f(-3)).toBeCloseTo(-0.0040496940948902835, 16);
    expect(activation('gelu').f(-10) / -7.619853024160526e-23).toBeCloseTo(1, 12);
    expect(activation('gelu_tanh').f(1)).toBeCloseTo(0.8411919906082767, 15);
    expect(activation('gelu_tanh').f(-3)).toBeCloseTo(-0.003637392081773019, 16);
    expect(activation('gelu').f(-1e3)).toBeCloseTo(0, 300);
    expect(activation('gelu_tanh').df(1e3)).toBe(1);
  });

  test('softplus: ln 2 at 0, σ as its derivative, exact tails', () => {
    const sp = activation('softplus');
    expect(sp.f(0)).toBe(Math.LN2);
    expect(sp.df(0)).toBe(0.5);
    expect(sp.f(1e3)).toBe(1e3);
    expect(sp.f(-1e3)).toBe(0);
  });

  test('activation(name) rejects unknown names, listing the known ones', () => {
    expect(() => activation('swish' as never)).toThrow(/unknown activation "swish"; known: step, linear, sigmoid/);
    expect(() => activation(undefined as never)).toThrow(/unknown activation/);
    expect(isActivationName('tanh')).toBe(true);
    expect(isActivationName('toString')).toBe(false);
  });
});

describe('activationCurve', () => {
  test('activationCurve("sigmoid") samples f and f′ and finds the peak 0.25 at 0', () => {
    const curve = activationCurve('sigmoid', -6, 6, 120);
    expect(curve.x.length).toBe(120);
    expect(curve.x[0]).toBe(-6);
    expect(curve.x[119]).toBe(6);
    expect(curve.f[0]).toBe(activation('sigmoid').f(-6));
    expect(curve.peak.df).toBeCloseTo(0.25, 15);
    expect(curve.peak.x).toBeCloseTo(0, 6);
  });

  test('activationCurve("gelu") finds f′ largest at x = √2, where it is 1.1289041451851547', () => {
    const curve = activationCurve('gelu', -4, 4);
    expect(curve.peak.x).toBeCloseTo(Math.SQRT2, 6);
    expect(curve.peak.df).toBeCloseTo(1.1289041451851547, 14);
  });

  test('activationCurve("relu") reports the plateau value 1', () => {
    expect(activationCurve('relu', -2, 2, 41).peak.df).toBe(1);
  });

  test('activationCurve rejects a reversed range and a bad count', () => {
    expect(() => activationCurve('tanh', 2, -2)).toThrow(/xMin < xMax/);
    expect(() => activationCurve('tanh', -2, 2, 1)).toThrow(/n in 2/);
    expect(() => activationCurve('tanh', NaN, 2)).toThrow(/xMin must be a finite number/);
  });
});
