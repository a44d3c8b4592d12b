import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_MAX_EPOCHS,
  GATE_NAMES,
  biasThrough,
  computesGate,
  decisionLine,
  isFinished,
  isGateName,
  learnStep,
  linearlySeparable,
  misclassified,
  predict,
  startTraining,
  step,
  train,
  trainingEpoch,
  trainingRun,
  trainingStep,
  truthTable,
  weightedSum,
  type GateName,
  type Perceptron,
} from '../../src/engine/perceptron.ts';

const p = (w1: number, w2: number, b: number): Perceptron => ({ weights: [w1, w2], bias: b });

/** The lesson's worked example and the widget's default start. */
const LESSON_START = p(0.5, 0.3, 0.2);
const LESSON_LR = 0.1;

describe('truthTable', () => {
  test.each([
    ['AND', [0, 0, 0, 1]],
    ['OR', [0, 1, 1, 1]],
    ['NAND', [1, 1, 1, 0]],
    ['XOR', [0, 1, 1, 0]],
  ] as const)('truthTable(%s) lists (0,0), (0,1), (1,0), (1,1) with targets %j', (gate, targets) => {
    const table = truthTable(gate);
    expect(table.map((s) => s.input)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(table.map((s) => s.target)).toEqual(targets);
  });

  test('truthTable returns fresh arrays each call', () => {
    const a = truthTable('AND');
    a[0].input[0] = 9;
    expect(truthTable('AND')[0].input).toEqual([0, 0]);
  });

  test('truthTable rejects an unknown gate, including prototype keys', () => {
    expect(() => truthTable('NOR' as GateName)).toThrow(/unknown gate "NOR"/);
    expect(() => truthTable('__proto__' as GateName)).toThrow(/unknown gate/);
    expect(() => truthTable('toString' as GateName)).toThrow(/unknown gate/);
  });

  test('isGateName accepts exactly the four gates', () => {
    for (const g of GATE_NAMES) expect(isGateName(g)).toBe(true);
    for (const bad of ['and', 'NOR', '', null, 3, '__proto__']) expect(isGateName(bad)).toBe(false);
  });
});

describe('weightedSum, step and predict', () => {
  test('weightedSum computes w1·x1 + w2·x2 + b', () => {
    // 0.5·1 + (−0.25)·2 + 0.75 = 0.75
    expect(weightedSum({ weights: [0.5, -0.25], bias: 0.75 }, [1, 2])).toBe(0.75);
    // Works for any number of inputs: 1·1 + 2·2 + 3·3 − 10 = 4
    expect(weightedSum({ weights: [1, 2, 3], bias: -10 }, [1, 2, 3])).toBe(4);
  });

  test('weightedSum rounds away floating-point noise so a hand calculation agrees', () => {
    // In plain floating point 0.2 + 0.1 − 0.3 is 5.55e-17, which would fire.
    expect(0.2 * 1 + 0.1 * 1 - 0.3).toBeGreaterThan(0);
    expect(weightedSum(p(0.2, 0.1, -0.3), [1, 1])).toBe(0);
    expect(predict(p(0.2, 0.1, -0.3), [1, 1])).toBe(0);
    expect(0.3 - 0.1 - 0.2).toBeLessThan(0);
    expect(Object.is(weightedSum(p(-0.1, -0.2, 0.3), [1, 1]), 0)).toBe(true);
  });

  test('step fires only when the sum is strictly greater than 0', () => {
    expect(step(0.001)).toBe(1);
    expect(step(0)).toBe(0);
    expect(step(-0)).toBe(0);
    expect(step(-0.001)).toBe(0);
  });

  test('predict on the gate examples of the lesson', () => {
    // AND with w = (1, 1), b = −1.5: sums −1.5, −0.5, −0.5, 0.5.
    const and = p(1, 1, -1.5);
    expect(truthTable('AND').map((s) => weightedSum(and, s.input))).toEqual([-1.5, -0.5, -0.5, 0.5]);
    expect(truthTable('AND').map((s) => predict(and, s.input))).toEqual([0, 0, 0, 1]);
  });

  test('weightedSum rejects a length mismatch, naming both sizes', () => {
    expect(() => weightedSum(p(1, 1, 0), [1])).toThrow('input has 1 values but the perceptron has 2 weights');
    expect(() => weightedSum(p(1, 1, 0), [1, 0, 1])).toThrow(/3 values .* 2 weights/);
  });

  test('weightedSum rejects NaN and infinite numbers, saying which one', () => {
    expect(() => weightedSum(p(Number.NaN, 1, 0), [1, 1])).toThrow('weight 1 must be a finite number, got NaN');
    expect(() => weightedSum(p(1, 1, Infinity), [1, 1])).toThrow(/bias must be a finite number/);
    expect(() => weightedSum(p(1, 1, 0), [1, Number.NaN])).toThrow(/input 2 must be a finite number/);
    expect(() => weightedSum({ weights: [], bias: 0 }, [])).toThrow(/non-empty weights/);
    expect(() => step(Number.NaN)).toThrow(/finite/);
  });
});

describe('computesGate and misclassified', () => {
  test.each([
    ['AND', p(1, 1, -1.5)],
    ['OR', p(1, 1, -0.5)],
    ['NAND', p(-1, -1, 1.5)],
  ] as const)('computesGate(%s) is true for the textbook weights', (gate, weights) => {
    expect(computesGate(weights, gate)).toBe(true);
    expect(misclassified(weights, truthTable(gate))).toEqual([]);
  });

  test('computesGate is false when one row is wrong, and misclassified names it', () => {
    // OR weights on AND: (0,1) and (1,0) fire but should not.
    expect(computesGate(p(1, 1, -0.5), 'AND')).toBe(false);
    expect(misclassified(p(1, 1, -0.5), truthTable('AND'))).toEqual([1, 2]);
    // A sum of exactly 0 does not fire: w = (1, 1), b = −1 makes (0,1) and (1,0) sit on the line.
    expect(computesGate(p(1, 1, -1), 'AND')).toBe(true);
    expect(computesGate(p(1, 1, -1), 'OR')).toBe(false);
  });

  test('misclassified rejects a target that is not 0 or 1', () => {
    expect(() => misclassified(p(1, 1, 0), [{ input: [0, 0], target: 2 as 0 }])).toThrow(
      'a target must be 0 or 1, got 2',
    );
  });
});

describe('learnStep: the perceptron rule, by hand', () => {
  // Lesson worked example: AND, start w = (0.5, 0.3), b = 0.2, lr = 0.1.
  test('learnStep on sample (0,0): fires wrongly, only the bias moves', () => {
    const r = learnStep(LESSON_START, { input: [0, 0], target: 0 }, LESSON_LR);
    expect(r.sum).toBe(0.2); // 0.5·0 + 0.3·0 + 0.2
    expect(r.output).toBe(1);
    expect(r.error).toBe(-1); // y − ŷ = 0 − 1
    // w ← w + 0.1·(−1)·(0, 0) = (0.5, 0.3); b ← 0.2 + 0.1·(−1) = 0.1
    expect(r.after).toEqual(p(0.5, 0.3, 0.1));
    expect(r.before).toEqual(LESSON_START);
  });

  test('learnStep does not modify its argument', () => {
    const start = p(0.5, 0.3, 0.2);
    learnStep(start, { input: [1, 1], target: 0 }, 0.5);
    expect(start).toEqual(p(0.5, 0.3, 0.2));
  });

  test('learnStep leaves a correct output alone', () => {
    const r = learnStep(p(1, 1, -1.5), { input: [1, 1], target: 1 }, 0.3);
    expect(r.error).toBe(0);
    expect(r.after).toEqual(p(1, 1, -1.5));
  });

  test('learnStep raises weights when the output is 0 but should be 1', () => {
    const r = learnStep(p(0, 0, 0), { input: [1, 1], target: 1 }, 0.25);
    expect(r.sum).toBe(0);
    expect(r.output).toBe(0); // exactly 0 does not fire
    expect(r.error).toBe(1);
    expect(r.after).toEqual(p(0.25, 0.25, 0.25));
  });

  test('learnStep rejects a bad learning rate or target', () => {
    expect(() => learnStep(LESSON_START, { input: [0, 0], target: 0 }, 0)).toThrow(
      'learning rate must be greater than 0, got 0',
    );
    expect(() => learnStep(LESSON_START, { input: [0, 0], target: 0 }, Number.NaN)).toThrow(
      /learning rate must be a finite number/,
    );
    expect(() => learnStep(LESSON_START, { input: [0, 0], target: -1 as 0 }, 0.1)).toThrow(/0 or 1/);
  });
});

describe('training on AND from the lesson start (every number in the lesson)', () => {
  const and = truthTable('AND');
  const result = train(LESSON_START, and, { lr: LESSON_LR });

  test('the first epoch, step by step', () => {
    const [s1, s2, s3, s4] = result.records;
    // (0,0): z = 0.2 → fires, t = 0: b = 0.1
    expect([s1.sum, s1.output, s1.error]).toEqual([0.2, 1, -1]);
    expect(s1.after).toEqual(p(0.5, 0.3, 0.1));
    // (0,1): z = 0.3 + 0.1 = 0.4 → fires, t = 0: w2 = 0.2, b = 0
    expect([s2.sum, s2.output, s2.error]).toEqual([0.4, 1, -1]);
    expect(s2.after).toEqual(p(0.5, 0.2, 0));
    // (1,0): z = 0.5 + 0 = 0.5 → fires, t = 0: w1 = 0.4, b = −0.1
    expect([s3.sum, s3.output, s3.error]).toEqual([0.5, 1, -1]);
    expect(s3.after).toEqual(p(0.4, 0.2, -0.1));
    // (1,1): z = 0.4 + 0.2 − 0.1 = 0.5 → fires, t = 1: no change
    expect([s4.sum, s4.output, s4.error]).toEqual([0.5, 1, 0]);
    expect(s4.after).toEqual(p(0.4, 0.2, -0.1));
  });

  test('the second epoch makes two more updates, the third none', () => {
    const sums = result.records.slice(4).map((r) => r.sum);
    // epoch 2: −0.1, 0.1 (wrong), 0.2 (wrong), 0.1; epoch 3: −0.3, −0.2, 0, 0.1
    expect(sums).toEqual([-0.1, 0.1, 0.2, 0.1, -0.3, -0.2, 0, 0.1]);
    expect(result.records[5].after).toEqual(p(0.4, 0.1, -0.2));
    expect(result.records[6].after).toEqual(p(0.3, 0.1, -0.3));
  });

  test('train converges after 3 epochs and 5 updates at w = (0.3, 0.1), b = −0.3', () => {
    expect(result.converged).toBe(true);
    expect(result.epochs).toBe(3);
    expect(result.updates).toBe(5);
    expect(result.mistakesPerEpoch).toEqual([3, 2, 0]);
    expect(result.perceptron).toEqual(p(0.3, 0.1, -0.3));
    expect(computesGate(result.perceptron, 'AND')).toBe(true);
    // (1,0) ends exactly on the line: sum 0, so it does not fire, which AND needs.
    expect(weightedSum(result.perceptron, [1, 0])).toBe(0);
  });
});

describe('train: convergence on the separable gates', () => {
  test.each([
    ['AND', 6, p(0.2, 0.1, -0.2)],
    ['OR', 4, p(0.1, 0.1, 0)],
    ['NAND', 6, p(-0.2, -0.1, 0.3)],
  ] as const)('train(%s) from zero weights with lr 0.1 converges in %i epochs', (gate, epochs, end) => {
    const r = train(p(0, 0, 0), truthTable(gate), { lr: 0.1 });
    expect(r.converged).toBe(true);
    expect(r.epochs).toBe(epochs);
    expect(r.perceptron).toEqual(end);
    expect(computesGate(r.perceptron, gate)).toBe(true);
    expect(r.mistakesPerEpoch.at(-1)).toBe(0);
    expect(r.mistakesPerEpoch.slice(0, -1).every((m) => m > 0)).toBe(true);
  });

  test.each(['AND', 'OR', 'NAND'] as const)(
    'train(%s) converges within 60 epochs from every start on a 0.5 grid in [−2, 2], lr 0.1 to 1',
    (gate) => {
      const samples = truthTable(gate);
      let slowest = 0;
      for (const lr of [0.1, 0.25, 0.5, 1]) {
        for (let i = -4; i <= 4; i++) {
          for (let j = -4; j <= 4; j++) {
            for (let k = -4; k <= 4; k++) {
              const r = train(p(i / 2, j / 2, k / 2), samples, { lr });
              expect(r.converged).toBe(true);
              expect(computesGate(r.perceptron, gate)).toBe(true);
              slowest = Math.max(slowest, r.epochs);
            }
          }
        }
      }
      expect(slowest).toBeLessThanOrEqual(60);
      expect(slowest).toBeLessThan(DEFAULT_MAX_EPOCHS);
    },
  );

  test('train with a tiny cap reports that it did not converge', () => {
    const r = train(LESSON_START, truthTable('AND'), { lr: 0.1, maxEpochs: 2 });
    expect(r.converged).toBe(false);
    expect(r.epochs).toBe(2);
    expect(r.mistakesPerEpoch).toEqual([3, 2]);
  });
});

describe('XOR: no perceptron computes it', () => {
  test('train(XOR) stops at the cap without converging, with a mistake in every epoch', () => {
    const r = train(LESSON_START, truthTable('XOR'), { lr: 0.1 });
    expect(r.converged).toBe(false);
    expect(r.epochs).toBe(DEFAULT_MAX_EPOCHS);
    expect(r.mistakesPerEpoch).toHaveLength(DEFAULT_MAX_EPOCHS);
    expect(Math.min(...r.mistakesPerEpoch)).toBeGreaterThanOrEqual(1);
    expect(computesGate(r.perceptron, 'XOR')).toBe(false);
  });

  test('train(XOR) never converges from any start on a 0.5 grid, for several learning rates', () => {
    const xor = truthTable('XOR');
    for (const lr of [0.05, 0.1, 0.5, 1]) {
      for (let i = -4; i <= 4; i += 2) {
        for (let j = -4; j <= 4; j += 2) {
          for (let k = -4; k <= 4; k += 2) {
            const r = train(p(i / 2, j / 2, k / 2), xor, { lr, maxEpochs: 30 });
            expect(r.converged).toBe(false);
            expect(r.epochs).toBe(30);
          }
        }
      }
    }
  });

  test('a brute-force grid over w1, w2, b in [−3, 3] (step 0.1) finds no weights computing XOR', { timeout: 30_000 }, () => {
    const found: Record<GateName, number> = { AND: 0, OR: 0, NAND: 0, XOR: 0 };
    const grid = Array.from({ length: 61 }, (_, i) => (i - 30) / 10);
    for (const w1 of grid) {
      for (const w2 of grid) {
        for (const b of grid) {
          for (const gate of GATE_NAMES) if (computesGate(p(w1, w2, b), gate)) found[gate] += 1;
        }
      }
    }
    expect(found.XOR).toBe(0);
    // The same search does find the other gates, so it is able to find something.
    expect(found.AND).toBeGreaterThan(1000);
    expect(found.OR).toBeGreaterThan(1000);
    expect(found.NAND).toBeGreaterThan(1000);
  });

  test('the four XOR inequalities contradict each other for any real weights', () => {
    // XOR needs b ≤ 0, w2 + b > 0, w1 + b > 0 and w1 + w2 + b ≤ 0. Adding the middle two gives
    // w1 + w2 + b > −b ≥ 0, against the last. So whatever the weights, some row is wrong.
    const real = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(real, real, real, (w1, w2, b) => {
        expect(computesGate(p(w1, w2, b), 'XOR')).toBe(false);
        expect(misclassified(p(w1, w2, b), truthTable('XOR')).length).toBeGreaterThanOrEqual(1);
      }),
      { seed: 20261127, numRuns: 2000 },
    );
  });

  test('linearlySeparable is true for AND, OR, NAND and false for XOR', () => {
    expect(GATE_NAMES.map((g) => linearlySeparable(g))).toEqual([true, true, true, false]);
    expect(() => linearlySeparable('XNOR' as GateName)).toThrow(/unknown gate/);
  });
});

describe('step-by-step training state', () => {
  const and = truthTable('AND');
  const opts = { lr: LESSON_LR };

  test('trainingStep advances one sample and finishes an epoch after four', () => {
    let s = startTraining(LESSON_START);
    expect(s).toMatchObject({ epoch: 0, next: 0, converged: false, capped: false });
    for (let i = 0; i < 3; i++) s = trainingStep(s, and, opts).state;
    expect(s).toMatchObject({ epoch: 0, next: 3, mistakesThisEpoch: 3 });
    s = trainingStep(s, and, opts).state;
    expect(s).toMatchObject({ epoch: 1, next: 0, mistakesThisEpoch: 0, mistakesPerEpoch: [3] });
    expect(s.perceptron).toEqual(p(0.4, 0.2, -0.1));
  });

  test('trainingEpoch from mid-epoch finishes that epoch only', () => {
    let s = trainingStep(startTraining(LESSON_START), and, opts).state;
    const r = trainingEpoch(s, and, opts);
    expect(r.records.map((x) => x.index)).toEqual([1, 2, 3]);
    s = r.state;
    expect(s.epoch).toBe(1);
  });

  test('trainingRun matches train and a finished run does not move', () => {
    const r = trainingRun(startTraining(LESSON_START), and, opts);
    expect(isFinished(r.state)).toBe(true);
    expect(r.state.perceptron).toEqual(train(LESSON_START, and, opts).perceptron);
    const again = trainingStep(r.state, and, opts);
    expect(again.record).toBeNull();
    expect(again.state).toBe(r.state);
  });

  test('a capped XOR run can be continued with a larger cap and is still not converged', () => {
    const xor = truthTable('XOR');
    const first = trainingRun(startTraining(LESSON_START), xor, { lr: 0.1, maxEpochs: 10 });
    expect(first.state).toMatchObject({ epoch: 10, capped: true, converged: false });
    const more = trainingRun({ ...first.state, capped: false }, xor, { lr: 0.1, maxEpochs: 25 });
    expect(more.state).toMatchObject({ epoch: 25, capped: true, converged: false });
  });

  test('training rejects bad options and sample sets', () => {
    const s = startTraining(LESSON_START);
    expect(() => trainingStep(s, [], opts)).toThrow('training needs at least one sample');
    expect(() => trainingStep(s, and, { lr: -1 })).toThrow(/greater than 0/);
    expect(() => trainingStep(s, and, { lr: 0.1, maxEpochs: 0 })).toThrow(/maxEpochs must be a whole number/);
    expect(() => trainingStep(s, and, { lr: 0.1, maxEpochs: 2.5 })).toThrow(/maxEpochs/);
    expect(() => trainingStep({ ...s, next: 7 }, and, opts)).toThrow(/index 7 is outside 0..3/);
    expect(() => startTraining(p(Number.NaN, 0, 0))).toThrow(/weight 1/);
  });
});

describe('the other numbers of the lesson', () => {
  test('exercise ch2-sum: w = (0.6, −0.4), b = 0.1 on (1, 1) gives z = 0.3 and fires', () => {
    expect(weightedSum(p(0.6, -0.4, 0.1), [1, 1])).toBe(0.3);
    expect(predict(p(0.6, -0.4, 0.1), [1, 1])).toBe(1);
  });

  test('exercise ch2-gate: w = (1, 1), b = −0.5 has sums −0.5, 0.5, 0.5, 1.5 and computes OR only', () => {
    const or = p(1, 1, -0.5);
    expect(truthTable('OR').map((s) => weightedSum(or, s.input))).toEqual([-0.5, 0.5, 0.5, 1.5]);
    expect(GATE_NAMES.filter((g) => computesGate(or, g))).toEqual(['OR']);
  });

  test('exercise ch2-update: from (0.4, 0.2, −0.1), input (0, 1) with target 0 gives b = −0.2', () => {
    const r = learnStep(p(0.4, 0.2, -0.1), { input: [0, 1], target: 0 }, 0.1);
    expect(r.sum).toBe(0.1);
    expect(r.after).toEqual(p(0.4, 0.1, -0.2));
  });

  test('exercise ch2-nand-bias: with w = (−1, −1), NAND needs 1 < b ≤ 2', () => {
    expect(computesGate(p(-1, -1, 2), 'NAND')).toBe(true);
    expect(computesGate(p(-1, -1, 2.01), 'NAND')).toBe(false);
    expect(computesGate(p(-1, -1, 1.01), 'NAND')).toBe(true);
    expect(computesGate(p(-1, -1, 1), 'NAND')).toBe(false);
    expect(computesGate(p(-1, -1, 1.5), 'NAND')).toBe(true);
  });

  test('after an update the sum of the same input moves by η(x1² + x2² + 1): step 3 goes 0.5 → 0.3', () => {
    const r = learnStep(p(0.5, 0.2, 0), { input: [1, 0], target: 0 }, 0.1);
    expect(r.sum).toBe(0.5);
    expect(weightedSum(r.after, [1, 0])).toBe(0.3);
  });

  test('scaling w and b by a positive factor keeps every output; by −1 flips every nonzero one', () => {
    const base = p(0.7, -0.2, 0.1);
    for (const x of truthTable('AND').map((s) => s.input)) {
      expect(predict(p(2.1, -0.6, 0.3), x)).toBe(predict(base, x));
      expect(predict(p(-0.7, 0.2, -0.1), x)).toBe(1 - predict(base, x));
    }
  });

  test('XOR = AND(OR, NAND): a hidden layer of two perceptrons and one on top compute it', () => {
    const or = p(1, 1, -0.5);
    const nand = p(-1, -1, 1.5);
    const and = p(1, 1, -1.5);
    const xor = truthTable('XOR').map((s) => predict(and, [predict(or, s.input), predict(nand, s.input)]));
    expect(xor).toEqual([0, 1, 1, 0]);
  });
});

describe('decisionLine and biasThrough', () => {
  test('decisionLine of AND weights (1, 1, −1.5) is x2 = −x1 + 1.5', () => {
    expect(decisionLine(p(1, 1, -1.5))).toEqual({ kind: 'sloped', slope: -1, intercept: 1.5, x1Intercept: 1.5 });
  });

  test('decisionLine handles vertical, horizontal and missing lines', () => {
    expect(decisionLine(p(2, 0, -1))).toEqual({ kind: 'vertical', at: 0.5 });
    expect(decisionLine(p(0, -4, 1))).toEqual({ kind: 'horizontal', at: 0.25 });
    expect(decisionLine(p(0, 0, 0.3))).toEqual({ kind: 'none', output: 1 });
    expect(decisionLine(p(0, 0, 0))).toEqual({ kind: 'none', output: 0 });
    expect(decisionLine(p(0, 0, -2))).toEqual({ kind: 'none', output: 0 });
  });

  test('decisionLine: points on it have a weighted sum of 0', () => {
    const q = p(0.7, -0.3, 0.2);
    const line = decisionLine(q);
    if (line.kind !== 'sloped') throw new Error('expected a sloped line');
    for (const x1 of [-1, 0, 0.5, 2]) {
      expect(weightedSum(q, [x1, line.slope * x1 + line.intercept])).toBeCloseTo(0, 8);
    }
    expect(weightedSum(q, [line.x1Intercept, 0])).toBeCloseTo(0, 8);
  });

  test('decisionLine needs exactly two weights', () => {
    expect(() => decisionLine({ weights: [1, 2, 3], bias: 0 })).toThrow('a decision line needs 2 weights, got 3');
  });

  test('biasThrough puts the line through the point: b = −w·point', () => {
    expect(biasThrough([1, 1], [0.75, 0.75])).toBe(-1.5);
    expect(weightedSum(p(0.4, -0.7, biasThrough([0.4, -0.7], [0.2, 1.1])), [0.2, 1.1])).toBe(0);
    expect(() => biasThrough([1, 1], [1])).toThrow(/1 values but there are 2 weights/);
    expect(() => biasThrough([1, 1], [1, Number.NaN])).toThrow(/coordinate 2/);
  });
});

describe('the lab settings the lesson gives', () => {
  /** The lab's slider values for a weight: −3 to 3 in steps of 0.05. */
  const sliderValues = Array.from({ length: 121 }, (_, i) => Number((-3 + i * 0.05).toFixed(2)));
  /** The lab's visible square. */
  const inView = ([x1, x2]: number[]) => x1 >= -0.5 && x1 <= 1.5 && x2 >= -0.5 && x2 <= 1.5;

  test('at the lab defaults (w2 = 0.3, b = 0.2) the pivot of w1 is (0, −0.67), outside the square', () => {
    const line = decisionLine(LESSON_START);
    if (line.kind !== 'sloped') throw new Error('expected a sloped line');
    expect(line.intercept).toBeCloseTo(-2 / 3, 8);
    expect(inView([0, line.intercept])).toBe(false);
  });

  test('Try this 1: with w2 = 1 and b = −0.5 every w1 from −3 to 3 puts the line through (0, 0.5), inside the square', () => {
    expect(biasThrough([0, 1], [0, 0.5])).toBe(-0.5);
    expect(inView([0, 0.5])).toBe(true);
    for (const w1 of sliderValues) {
      const q = p(w1, 1, -0.5);
      expect(weightedSum(q, [0, 0.5])).toBe(0);
      const line = decisionLine(q);
      if (line.kind === 'sloped') expect(line.intercept).toBe(0.5);
      else expect(line).toEqual({ kind: 'horizontal', at: 0.5 });
    }
    // The line does turn: its slope runs from 3 to −3.
    expect(decisionLine(p(-3, 1, -0.5))).toMatchObject({ slope: 3 });
    expect(decisionLine(p(3, 1, -0.5))).toMatchObject({ slope: -3 });
  });

  test('exercise ch2-predict-rate: from the lab start AND takes 3 epochs at η = 0.1 and 6 at η = 1', () => {
    expect(train(LESSON_START, truthTable('AND'), { lr: 0.1 }).epochs).toBe(3);
    expect(train(LESSON_START, truthTable('AND'), { lr: 1 }).epochs).toBe(6);
  });

  test.each([0.05, 0.1, 0.25, 0.5, 1])(
    'exercise ch2-predict-rate: from zero AND takes 6 epochs at η = %s and ends at η·(2, 1), b = −2η',
    (lr) => {
      const r = train(p(0, 0, 0), truthTable('AND'), { lr });
      expect(r.converged).toBe(true);
      expect(r.epochs).toBe(6);
      expect(r.perceptron.weights[0]).toBeCloseTo(2 * lr, 12);
      expect(r.perceptron.weights[1]).toBeCloseTo(lr, 12);
      expect(r.perceptron.bias).toBeCloseTo(-2 * lr, 12);
    },
  );

  test('exercise ch2-predict-rate: the solution quotes w = (0.2, 0.1), b = −0.2 and w = (2, 1), b = −2', () => {
    expect(train(p(0, 0, 0), truthTable('AND'), { lr: 0.1 }).perceptron).toEqual(p(0.2, 0.1, -0.2));
    expect(train(p(0, 0, 0), truthTable('AND'), { lr: 1 }).perceptron).toEqual(p(2, 1, -2));
  });

  test('exercise ch2-nand-bias: any bias above 2, however close, makes (1, 1) fire', () => {
    for (const b of [2.0005, 2.000001]) {
      expect(predict(p(-1, -1, b), [1, 1])).toBe(1);
      expect(computesGate(p(-1, -1, b), 'NAND')).toBe(false);
    }
    expect(predict(p(-1, -1, 2), [1, 1])).toBe(0);
  });

  test('exercise ch2-fires: z = 0.3 > 0, so the perceptron outputs 1', () => {
    expect(step(weightedSum(p(0.6, -0.4, 0.1), [1, 1]))).toBe(1);
  });
});
