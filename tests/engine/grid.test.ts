import { describe, expect, test } from 'vitest';
import { createMLP, linspace } from '../../src/engine/index.ts';

describe('grid', () => {
  const xs = linspace(-1.5, 1.5, 7);
  const ys = linspace(1.5, -1.5, 5);

  test('linspace(from, to, n) includes both ends exactly and steps evenly', () => {
    expect(Array.from(linspace(0, 1, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ys[0]).toBe(1.5);
    expect(ys[4]).toBe(-1.5);
    expect(() => linspace(0, 1, 1)).toThrow(/n ≥ 2/);
    expect(() => linspace(NaN, 1, 3)).toThrow(/from must be a finite number/);
  });

  test('predictGrid(xs, ys) is the output at every (xs[c], ys[r]), row-major', () => {
    const net = createMLP({ sizes: [2, 6, 4, 1], hidden: 'tanh', output: 'sigmoid', seed: 3 });
    const values = net.predictGrid(xs, ys);
    expect(values.length).toBe(35);
    for (let r = 0; r < 5; r++) for (let c = 0; c < 7; c++) expect(values[r * 7 + c]).toBe(net.forward([xs[c], ys[r]])[0]);
  });

  test('predictGrid with layer and unit maps one hidden unit; out is filled in place', () => {
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'relu', output: 'sigmoid', seed: 4, init: 'uniform' });
    const out = new Float64Array(35);
    const result = net.predictGrid(xs, ys, { layer: 0, unit: 2, out });
    expect(result).toBe(out);
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 7; c++) {
        const z = net.params[4] * xs[c] + net.params[5] * ys[r] + net.params[8];
        expect(out[r * 7 + c]).toBeCloseTo(Math.max(0, z), 15);
      }
    }
  });

  test('gridActivations(xs, ys) gives every unit of every layer, unit-major, matching predictGrid', () => {
    const net = createMLP({ sizes: [2, 4, 3], hidden: 'tanh', output: 'softmax', seed: 5 });
    const maps = net.gridActivations(xs, ys);
    expect(maps.map((m) => m.length)).toEqual([4 * 35, 3 * 35]);
    for (let u = 0; u < 4; u++) expect(Array.from(maps[0].subarray(u * 35, (u + 1) * 35))).toEqual(Array.from(net.predictGrid(xs, ys, { layer: 0, unit: u })));
    for (let u = 0; u < 3; u++) expect(Array.from(maps[1].subarray(u * 35, (u + 1) * 35))).toEqual(Array.from(net.predictGrid(xs, ys, { unit: u })));
  });

  test('predictGrid rejects networks without 2 inputs, bad units and bad coordinates', () => {
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid' });
    expect(() => createMLP({ sizes: [3, 1], hidden: 'tanh', output: 'sigmoid' }).predictGrid(xs, ys)).toThrow(/2 inputs, this one has 3/);
    expect(() => net.predictGrid(xs, ys, { unit: 1 })).toThrow(/unit must be an integer from 0 to 0, got 1/);
    expect(() => net.predictGrid(xs, ys, { layer: 2 })).toThrow(/layer must be an integer from 0 to 1, got 2/);
    expect(() => net.predictGrid([0, NaN], ys)).toThrow(/xs\[1\] must be a finite number/);
    expect(() => net.predictGrid(xs, ys, { out: new Float64Array(3) })).toThrow(/out has 3 values but the grid has 35/);
  });

  test('predictGrid on a 100 × 100 grid of a 2-8-8-1 network takes well under 50 ms', () => {
    const net = createMLP({ sizes: [2, 8, 8, 1], hidden: 'tanh', output: 'sigmoid' });
    const axis = linspace(-1.5, 1.5, 100);
    net.predictGrid(axis, axis);
    const start = performance.now();
    net.predictGrid(axis, axis);
    expect(performance.now() - start).toBeLessThan(50);
  });
});
