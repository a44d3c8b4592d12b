import { describe, expect, test } from 'vitest';
import { createMLP, lineSide, unitLines } from '../../src/engine/index.ts';

describe('unit-lines', () => {
  test('unitLines(net) reads each first-layer unit’s weights and bias in torch’s layout', () => {
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 });
    // layer 0: W is 3×2 row-major at 0…5, b at 6…8; layer 1: W 1×3 at 9…11, b at 12
    net.params.set([1, 2, 3, 4, 5, 6, -1, -2, -3, 7, 8, 9, 10]);
    expect(unitLines(net)).toEqual([
      { layer: 0, unit: 0, w1: 1, w2: 2, b: -1 },
      { layer: 0, unit: 1, w1: 3, w2: 4, b: -2 },
      { layer: 0, unit: 2, w1: 5, w2: 6, b: -3 },
    ]);
  });

  test('unitLines(net, 0): the unit’s pre-activation is 0 on its line and its sign is the side', () => {
    const net = createMLP({ sizes: [2, 4, 1], hidden: 'linear', output: 'linear', seed: 7 });
    for (const line of unitLines(net)) {
      // a point on the line: the foot of the perpendicular from the origin
      const n2 = line.w1 ** 2 + line.w2 ** 2;
      const foot = [(-line.b * line.w1) / n2, (-line.b * line.w2) / n2];
      const zOn = net.predictGrid([foot[0]], [foot[1]], { layer: 0, unit: line.unit })[0];
      expect(zOn).toBeCloseTo(0, 12);
      // one step along the weight vector makes z positive by exactly ‖w‖²·step
      const z = net.predictGrid([foot[0] + 0.1 * line.w1], [foot[1] + 0.1 * line.w2], { layer: 0, unit: line.unit })[0];
      expect(z).toBeCloseTo(0.1 * n2, 12);
      expect(lineSide(line, foot[0] + 0.1 * line.w1, foot[1] + 0.1 * line.w2)).toBeCloseTo(z, 12);
    }
  });

  test('unitLines(net, 1) gives the output unit’s line in the hidden plane of a 2-2-1 network', () => {
    const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid', seed: 1 });
    net.params.set([10, 10, -10, -10, -5, 15, 10, 10, -15]);
    expect(unitLines(net, 1)).toEqual([{ layer: 1, unit: 0, w1: 10, w2: 10, b: -15 }]);
  });

  test('unitLines throws for a layer without two inputs or out of range', () => {
    const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid' });
    expect(() => unitLines(net, 1)).toThrow(/layer 1 has 3/);
    expect(() => unitLines(net, 2)).toThrow(/from 0 to 1, got 2/);
    expect(() => unitLines(net, 0.5)).toThrow(/integer/);
  });
});
