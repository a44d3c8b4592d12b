import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_EPOCHS } from '../../src/engine/perceptron.ts';
import {
  DEFAULT_STATE,
  LEARNING_RATES,
  PerceptronModel,
  parseParam,
  perceptronStateSchema,
} from '../../src/widgets/PerceptronLab/model.svelte.ts';

describe('parseParam', () => {
  test.each([
    ['0.5', 0.5, false],
    [' -1.25 ', -1.25, false],
    ['0,5', 0.5, false],
    ['\u22120.4', -0.4, false],
    ['.75', 0.75, false],
    ['2e-1', 0.2, false],
    ['1.234', 1.23, false],
    ['1e6', 3, true],
    ['-7', -3, true],
    [1e6, 3, true],
  ] as const)('parseParam(%j) → %d (clamped: %s)', (raw, value, clamped) => {
    expect(parseParam(raw)).toEqual({ ok: true, value, clamped });
  });

  test.each(['', '   ', '-', 'abc', 'NaN', 'Infinity', '1/2', '0x10', '1e999', '--1'])(
    'parseParam(%j) is refused',
    (raw) => {
      expect(parseParam(raw)).toEqual({ ok: false });
    },
  );

  test('parseParam(NaN) and parseParam(Infinity) are refused', () => {
    expect(parseParam(Number.NaN)).toEqual({ ok: false });
    expect(parseParam(Infinity)).toEqual({ ok: false });
  });
});

describe('PerceptronModel: live readouts', () => {
  test('the first view shows the lesson start: every point fires, three are wrong for AND', () => {
    const m = new PerceptronModel();
    expect(m.toState()).toEqual(DEFAULT_STATE);
    expect(m.rows.map((r) => r.sum)).toEqual([0.2, 0.5, 0.7, 1]);
    expect(m.rows.map((r) => r.output)).toEqual([1, 1, 1, 1]);
    expect(m.wrong).toEqual([0, 1, 2]);
    expect(m.status).toBe('AND: 3 of 4 points are on the wrong side. Move the line, or press Step to let the learning rule move it.');
  });

  test('the text alternative states the line and the sides', () => {
    const m = new PerceptronModel({ w1: 1, w2: 1, b: -1.5 });
    expect(m.description).toBe(
      'The decision line 1·x1 + 1·x2 − 1.5 = 0 crosses the x1 axis at 1.5 and the x2 axis at 1.5. ' +
        'Firing side (output 1): (1, 1). Other side (output 0): (0, 0), (0, 1), (1, 0). Wrong for AND: none.',
    );
    m.setParam('b', -1);
    expect(m.description).toContain('Exactly on the line (sum 0, output 0): (0, 1), (1, 0).');
    m.setParam('w2', 0);
    expect(m.description).toContain('the vertical line x1 = 1.');
    m.setParam('w1', 0);
    expect(m.description).toContain('Both weights are 0, so there is no line: every input gives output 0.');
  });

  test('computesNand follows the weights and counts NAND rows', () => {
    const m = new PerceptronModel();
    expect(m.computesNand).toBe(false);
    expect(m.nandRight).toBe(3);
    m.setParam('w1', '-1');
    m.setParam('w2', '-1');
    m.setParam('b', '1.5');
    expect(m.computesNand).toBe(true);
    expect(m.nandRight).toBe(4);
  });

  test('moveLineThrough slides the line through a point, keeping the weights', () => {
    const m = new PerceptronModel({ w1: 1, w2: 1, b: 0 });
    m.moveLineThrough(0.75, 0.75);
    expect([m.w1, m.w2, m.b]).toEqual([1, 1, -1.5]);
    m.moveLineThrough(Number.NaN, 1);
    expect(m.b).toBe(-1.5);
  });

  test('two models do not share state', () => {
    const a = new PerceptronModel();
    const b = new PerceptronModel();
    a.setParam('w1', 2);
    a.setGate('XOR');
    expect(b.w1).toBe(DEFAULT_STATE.w1);
    expect(b.gate).toBe('AND');
  });
});

describe('PerceptronModel: bad input', () => {
  test('setParam clamps 1e6 to the range and says so', () => {
    const m = new PerceptronModel();
    const msg = m.setParam('w1', '1e6');
    expect(m.w1).toBe(3);
    expect(msg).toEqual({ kind: 'clamped', text: 'Outside the range, so it was set to 3.' });
  });

  test.each(['', 'NaN', 'abc'])('setParam(%j) keeps the old value and shows a message', (raw) => {
    const m = new PerceptronModel();
    const msg = m.setParam('w2', raw);
    expect(m.w2).toBe(0.3);
    expect(msg?.kind).toBe('invalid');
    expect(m.messages.w2?.text).toBe('Type a number between −3 and 3. The previous value is kept.');
    expect(m.rows.every((r) => Number.isFinite(r.sum))).toBe(true);
  });

  test('setParam while typing ignores a lone minus sign, then takes the number', () => {
    const m = new PerceptronModel();
    expect(m.setParam('b', '-', true)).toBeNull();
    expect(m.b).toBe(0.2);
    m.setParam('b', '-0.5', true);
    expect(m.b).toBe(-0.5);
    expect(m.messages.b).toBeNull();
  });

  test('setGate and setLr ignore values that are not offered', () => {
    const m = new PerceptronModel();
    m.setGate('NOR' as 'AND');
    m.setLr(0.3);
    m.setLr(Number.NaN);
    expect(m.gate).toBe('AND');
    expect(m.lr).toBe(0.1);
    m.setLr(0.5);
    expect(m.lr).toBe(0.5);
  });
});

describe('PerceptronModel: learning rule', () => {
  test('step() applies the rule to one sample at a time (the lesson numbers)', () => {
    const m = new PerceptronModel();
    m.step();
    expect([m.w1, m.w2, m.b]).toEqual([0.5, 0.3, 0.1]);
    expect(m.currentIndex).toBe(0);
    expect(m.status).toBe('Epoch 1: input (0, 0) gave 1, target 0. Wrong, so the weights move.');
    expect(m.lastExplanation).toBe(
      'Last step: input (0, 0), sum 0.2, output ŷ = 1, target y = 0, so y − ŷ = −1. With η = 0.1 the new values are w₁ = 0.5, w₂ = 0.3, b = 0.1.',
    );
    m.step();
    expect([m.w1, m.w2, m.b]).toEqual([0.5, 0.2, 0]);
    m.step();
    expect([m.w1, m.w2, m.b]).toEqual([0.4, 0.2, -0.1]);
    m.step();
    expect([m.w1, m.w2, m.b]).toEqual([0.4, 0.2, -0.1]);
    expect(m.status).toBe('Epoch 1: input (1, 1) gave 1, target 1. Right, so nothing changes.');
    expect(m.run.epoch).toBe(1);
    expect(m.run.mistakesPerEpoch).toEqual([3]);
  });

  test('epoch() then trainToEnd() converge on AND after 3 epochs', () => {
    const m = new PerceptronModel();
    m.epoch();
    expect(m.run.epoch).toBe(1);
    expect(m.currentIndex).toBe(3);
    m.trainToEnd();
    expect(m.converged).toBe(true);
    expect(m.run.epoch).toBe(3);
    expect([m.w1, m.w2, m.b]).toEqual([0.3, 0.1, -0.3]);
    expect(m.wrong).toEqual([]);
    expect(m.canStep).toBe(false);
    expect(m.canTrain).toBe(false);
    expect(m.status).toBe(
      'Converged after 3 epochs: a whole pass with no mistake. It computes AND with w1 = 0.3, w2 = 0.1, b = −0.3.',
    );
  });

  test('trainToEnd() on XOR stops at the cap and says why', () => {
    const m = new PerceptronModel();
    m.setGate('XOR');
    m.trainToEnd();
    expect(m.converged).toBe(false);
    expect(m.capped).toBe(true);
    expect(m.run.epoch).toBe(DEFAULT_MAX_EPOCHS);
    expect(m.wrong.length).toBeGreaterThan(0);
    expect(m.canStep).toBe(false);
    expect(m.canTrain).toBe(false);
    expect(m.status).toBe(
      `Stopped after ${DEFAULT_MAX_EPOCHS} epochs without converging: no straight line separates the 1s of XOR from its 0s, so every pass makes a mistake.`,
    );
  });

  test('a separable gate stopped at the cap can be continued to convergence', () => {
    const m = new PerceptronModel({ gate: 'NAND' });
    m.maxEpochs = 2;
    m.trainToEnd();
    expect(m.capped).toBe(true);
    expect(m.canTrain).toBe(true);
    expect(m.status).toContain('A line does separate NAND');
    m.trainToEnd();
    expect(m.converged).toBe(true);
    expect(m.run.epoch).toBe(11);
    expect(m.computesNand).toBe(true);
  });

  test('changing a weight, the gate or the rate restarts the run from the current weights', () => {
    const m = new PerceptronModel();
    m.epoch();
    m.setParam('w1', 1);
    expect(m.run.epoch).toBe(0);
    expect(m.last).toBeNull();
    m.step();
    m.setGate('OR');
    expect(m.run.epoch).toBe(0);
    expect(m.run.next).toBe(0);
    m.step();
    m.setLr(0.25);
    expect(m.run.next).toBe(0);
  });
});

describe('PerceptronModel: share state', () => {
  test('toState → schema → fromState restores the same lab', () => {
    const a = new PerceptronModel();
    a.setGate('NAND');
    a.setParam('w1', -1.2);
    a.setLr(0.5);
    const restored = new PerceptronModel();
    restored.fromState(perceptronStateSchema.parse(JSON.parse(JSON.stringify(a.toState()))));
    expect(restored.toState()).toEqual({ gate: 'NAND', w1: -1.2, w2: 0.3, b: 0.2, lr: 0.5 });
  });

  test.each([
    [{ ...DEFAULT_STATE, w1: 11 }],
    [{ ...DEFAULT_STATE, b: Number.NaN }],
    [{ ...DEFAULT_STATE, gate: 'NOR' }],
    [{ ...DEFAULT_STATE, lr: 0 }],
    [{ ...DEFAULT_STATE, extra: 1 }],
    [{ gate: 'AND', w1: 1 }],
    ['AND'],
  ])('the schema refuses %j', (value) => {
    expect(perceptronStateSchema.safeParse(value).success).toBe(false);
  });

  test('the schema takes exactly the learning rates the menu offers', () => {
    for (const lr of LEARNING_RATES) expect(perceptronStateSchema.safeParse({ ...DEFAULT_STATE, lr }).success).toBe(true);
    for (const lr of [0.01, 0.2, 0.3, 0.75, 0.100001, 1.5]) {
      expect(perceptronStateSchema.safeParse({ ...DEFAULT_STATE, lr }).success).toBe(false);
    }
  });

  test('setLr takes only the offered rates, as a link does', () => {
    const m = new PerceptronModel();
    for (const lr of [0.3, 0.01, 0.2]) {
      m.setLr(lr);
      expect(m.lr).toBe(0.1);
    }
    m.setLr(0.25);
    expect(m.lr).toBe(0.25);
    expect(new PerceptronModel({ lr: 0.3 as 0.25 }).lr).toBe(DEFAULT_STATE.lr);
  });

  test('fromState ignores a state that fails the schema', () => {
    const m = new PerceptronModel();
    m.fromState({ ...DEFAULT_STATE, w1: 50 });
    expect(m.w1).toBe(DEFAULT_STATE.w1);
  });

  test('reset() returns to the first view and clears messages', () => {
    const m = new PerceptronModel();
    m.setParam('w1', 'abc');
    m.setGate('XOR');
    m.trainToEnd();
    m.reset();
    expect(m.toState()).toEqual(DEFAULT_STATE);
    expect(m.messages.w1).toBeNull();
    expect(m.run.epoch).toBe(0);
  });

  test('csv() lists each input with its sum and output', () => {
    const m = new PerceptronModel({ w1: 1, w2: 1, b: -1.5 });
    expect(m.csv().split('\n').slice(0, 5)).toEqual([
      'x1,x2,target,weighted_sum,output,correct',
      '0,0,0,-1.5,0,1',
      '0,1,0,-0.5,0,1',
      '1,0,0,-0.5,0,1',
      '1,1,1,0.5,1,1',
    ]);
  });
});
