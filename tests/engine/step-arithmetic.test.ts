import { describe, expect, test } from 'vitest';
import { backpropSteps, createMLP, evaluateStep, weightProbe, numericalLossGrad } from '../../src/engine/index.ts';

describe('evaluateStep', () => {
  test.each([
    ['sigmoid', 'bce'], ['tanh', 'mse'], ['relu', 'bce'], ['sigmoid', 'mse'],
  ] as const)('evaluateStep redoes every step of a %s / %s pass from its exact operands', (hidden, loss) => {
    for (const sizes of [[2, 2, 1], [2, 2, 2]]) {
      const net = createMLP({ sizes, hidden, output: 'sigmoid', seed: 4 });
      const pass = backpropSteps(net, [0.7, -1.2], sizes[2] === 1 ? [1] : [1, 0], loss, { lr: 0.3 });
      for (const step of pass.steps) {
        const activation = step.out.l === 2 ? 'sigmoid' : hidden;
        const redone = evaluateStep(step, step.terms.map((t) => t.value), { activation, loss }, sizes[2]);
        expect(redone).toBeCloseTo(step.value, 12);
      }
    }
  });
  test('evaluateStep refuses the wrong number of operands', () => {
    const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid' });
    const [first] = backpropSteps(net, [1, 1], [1], 'mse').steps;
    expect(() => evaluateStep(first, [1, 2], { activation: 'sigmoid', loss: 'mse' })).toThrow(/operands/);
  });
});

describe('weightProbe', () => {
  test('weightProbe: the loss curve, backprop slope equal to the central difference, tangent through the current point', () => {
    const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid' });
    net.params.set([0.6, -0.4, 0.2, 0.9, 0, -0.1, 0.7, -0.5, 0.1]);
    const probe = weightProbe(net, [[1, 0.5]], [[1]], 'bce', 6, [0.7, -1, 2], 1.5);
    expect(probe.losses[0]).toBeCloseTo(0.597232931904315, 14);
    expect(probe.grad).toBeCloseTo(-0.2692104802499061, 14);
    expect(probe.relError).toBeLessThan(1e-8);
    expect(probe.numeric).toBeCloseTo(numericalLossGrad(net, [[1, 0.5]], [[1]], 'bce')[6], 9);
    expect(probe.tangent[0]).toEqual({ x: 0.7 - 1.5, y: probe.loss + 1.5 * 0.2692104802499061 });
    expect(net.params[6]).toBe(0.7);
    expect(() => weightProbe(net, [[1, 0.5]], [[1]], 'bce', 9, [0])).toThrow(/index/);
  });
});
