import { describe, expect, test } from 'vitest';
import { backwardGrowth, derivativeRoot, flowData, scaledNetwork, signalSizes } from '../../src/engine/index.ts';

describe('init-scale', () => {
  test('scaledNetwork draws weights with variance gain / fan_in and zero biases', () => {
    const net = scaledNetwork('relu', 3, 200, 2, 1);
    const layer = net.layers[1];
    const w = Array.from(net.params.subarray(layer.weightOffset, layer.weightOffset + layer.inputs * layer.outputs));
    const variance = w.reduce((a, v) => a + v * v, 0) / w.length;
    expect(variance * layer.inputs).toBeCloseTo(2, 1);
    expect(Array.from(net.params.subarray(layer.biasOffset, layer.biasOffset + layer.outputs)).every((b) => b === 0)).toBe(true);
    expect(() => scaledNetwork('relu', 3, 8, 0, 1)).toThrow(/gain/);
  });

  test('signalSizes: a linear network with gain 1 keeps its scale; gain 4 doubles it per layer', () => {
    const data = flowData();
    const keep = signalSizes(scaledNetwork('linear', 6, 200, 1, 2), data.train.x, data.train.y);
    expect(keep.forward).toHaveLength(6);
    expect(keep.forward[5] / keep.forward[0]).toBeGreaterThan(0.5);
    expect(keep.forward[5] / keep.forward[0]).toBeLessThan(2);
    const grow = signalSizes(scaledNetwork('linear', 6, 200, 4, 2), data.train.x, data.train.y);
    // five layers in between, a factor of about 2 each
    expect(Math.log2(grow.forward[5] / grow.forward[0])).toBeCloseTo(5, 0);
    expect(Math.log2(backwardGrowth(grow))).toBeCloseTo(5, 0);
    expect(() => backwardGrowth({ forward: [], backward: [] })).toThrow();
  });

  test('derivativeRoot finds where f′ changes sign, and refuses a bracket without one', () => {
    expect(derivativeRoot('gelu', -2, 0)).toBeCloseTo(-0.7517915, 6);
    expect(() => derivativeRoot('sigmoid', -1, 1)).toThrow(/same sign/);
    expect(() => derivativeRoot('gelu', 1, -1)).toThrow(/lo < hi/);
  });
});
