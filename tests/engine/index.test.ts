import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as engine from '../../src/engine/index.ts';

const engineDir = new URL('../../src/engine/', import.meta.url);

describe('engine index', () => {
  test('exports the agreed public API', () => {
    expect(typeof engine.activation('tanh').f).toBe('function');
    expect(typeof engine.activation('tanh').df).toBe('function');
    expect(typeof engine.loss('mse').value).toBe('function');
    expect(engine.loss('bce').grad([0.5], [1])).toBeInstanceOf(Float64Array);
    expect(typeof engine.createOptimizer({ kind: 'adam', lr: 0.01 }).step).toBe('function');
    const net = engine.createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 });
    expect(net.params).toBeInstanceOf(Float64Array);
    expect(net.forward([0, 1])).toBeInstanceOf(Float64Array);
    expect(net.lossAndGrad([[0, 1]], [[1]], 'mse').grad.length).toBe(net.params.length);
    const s = engine.surface('rosenbrock');
    expect(s.minima).toEqual([[1, 1]]);
    expect(s.grad(1, 1).map(Math.abs)).toEqual([0, 0]);
    expect(typeof engine.createTrainer).toBe('function');
    expect(typeof engine.dataset).toBe('function');
    expect(engine.featureColumns(['x1sq'])).toEqual(['x1', 'x2', 'x1sq']);
    expect(typeof engine.LinearFeatureModel).toBe('function');
    expect(typeof engine.NetworkModel).toBe('function');
    expect(typeof engine.DataSizeJob).toBe('function');
    expect(engine.crossing([1, 2], [0, 0], [1, 1])).toEqual({ kind: 'ahead' });
  });

  test('no engine file calls Math.random or touches the DOM', () => {
    const files = readdirSync(engineDir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(new URL(file, engineDir), 'utf8');
      expect(source, file).not.toMatch(/Math\.random/);
      expect(source, file).not.toMatch(/\b(document|window)\./);
    }
  });

  test('every relative import in the engine names its .ts file, as Node and workers need', () => {
    for (const file of readdirSync(engineDir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(new URL(file, engineDir), 'utf8');
      for (const [, path] of source.matchAll(/from '(\.[^']*)'/g)) expect(path, file).toMatch(/\.ts$/);
    }
  });
});
