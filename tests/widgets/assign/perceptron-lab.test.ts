/**
 * The perceptron lab's assignments: a link carries the weights, the gate and the learning rate, so
 * every measure is a function of them, and a fresh replay of a link measures what the lab shows
 * after opening it, or after the clicks that made it.
 */
import { describe, expect, test } from 'vitest';
import { perceptronAssign, PERCEPTRON_MEASURES, replayPerceptron } from '../../../src/widgets/PerceptronLab/assign.ts';
import { DEFAULT_STATE, PerceptronModel, type PerceptronState } from '../../../src/widgets/PerceptronLab/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';

/** A lab that opened the state's link. */
function opened(state: PerceptronState): PerceptronModel {
  const m = new PerceptronModel();
  m.fromState(structuredClone(state));
  return m;
}

/** The lab after the worked example's clicks: NAND, then "Train to the end". */
function nandTrained(): PerceptronModel {
  const m = new PerceptronModel();
  m.setGate('NAND');
  m.trainToEnd();
  return m;
}

const states: [string, PerceptronState][] = [
  ['the default (AND, w = (0.5, 0.3), b = 0.2)', DEFAULT_STATE],
  ['NAND after Train to the end', nandTrained().toState()],
  ['XOR, η = 1', { gate: 'XOR', w1: 0.2, w2: -0.1, b: 0, lr: 1 }],
  ['OR at the edge of rounding, η = 0.05', { gate: 'OR', w1: 0.2, w2: 0.1, b: -0.3, lr: 0.05 }],
  ['NAND with a weight past the sliders, η = 0.25', { gate: 'NAND', w1: -4.5, w2: 2.4, b: -0.7, lr: 0.25 }],
];

const nand: Assignment = { v: 1, widget: 'perceptron', lesson: '02-perceptron', note: 'Make the perceptron compute NAND.', goals: [{ m: 'computes', op: '=', v: 'NAND' }] };

describe('Perceptron lab: assignments', () => {
  test.each(states)('a fresh replay measures what the lab shows after opening the link: %s', async (_name, s) => {
    const live = perceptronAssign(opened(s)).read();
    expect(await replayPerceptron(structuredClone(s))).toEqual(live);
  });

  test('the values after clicking are the ones its link replays (the run itself is not in the link)', async () => {
    const m = nandTrained();
    expect(m.run.epoch).toBe(11);
    expect(await replayPerceptron(m.toState())).toEqual(perceptronAssign(m).read());
  });

  test('hand-checked values: the default and the trained NAND', async () => {
    // AND with w = (0.5, 0.3), b = 0.2: sums 0.2, 0.5, 0.7, 1.0 all fire, so only (1, 1) is right
    expect(await replayPerceptron(DEFAULT_STATE)).toEqual({
      computes: 'none', allRight: false, pointsRight: 1, gate: 'AND',
      // the chapter's worked example: 3 epochs (3, 2 and 0 mistakes: 5 updates)
      epochs: 3, updates: 5, w1: 0.5, w2: 0.3, b: 0.2, lr: '0.1',
    });
    // NAND from the same weights: 11 epochs of training reach w = (−0.2, −0.1), b = 0.3;
    // sums 0.3, 0.2, 0.1, 0 fire on all but (1, 1): NAND, and from there one clean epoch
    const v = await replayPerceptron(nandTrained().toState());
    expect(v).toEqual({ computes: 'NAND', allRight: true, pointsRight: 4, gate: 'NAND', epochs: 1, updates: 0, w1: -0.2, w2: -0.1, b: 0.3, lr: '0.1' });
    // from the default weights the rule needs 11 epochs (19 updates) for NAND
    expect(await replayPerceptron({ ...DEFAULT_STATE, gate: 'NAND' })).toMatchObject({ epochs: 11, updates: 19, pointsRight: 3 });
    // XOR: never learned, and the weights compute none of the gates
    expect(await replayPerceptron(states[2][1])).toMatchObject({ computes: 'none', epochs: null, updates: null });
    // weights that compute OR while the chosen gate is AND: OR and AND agree on (0, 0) and (1, 1) only
    expect(await replayPerceptron({ ...DEFAULT_STATE, w1: 1, w2: 1, b: -0.5 })).toMatchObject({ computes: 'OR', allRight: false, pointsRight: 2, gate: 'AND' });
  });

  test('worked example: from the default, NAND then Train to the end meets "gate computed = NAND"', async () => {
    expect(assignmentProblem(nand, PERCEPTRON_MEASURES)).toBeNull();
    const start = await replayPerceptron(DEFAULT_STATE);
    expect(verdict({ a: nand, claimed: start }, PERCEPTRON_MEASURES, start).met).toBe(false);
    const done = nandTrained();
    const claimed = perceptronAssign(done).read();
    const v = verdict({ a: nand, claimed }, PERCEPTRON_MEASURES, await replayPerceptron(done.toState()));
    expect(v.met).toBe(true);
    expect(v.mismatches).toEqual([]);
  });

  test('a forged result: good claims on a state that falls short are caught', async () => {
    const claimed = perceptronAssign(nandTrained()).read();
    // the learner chose NAND but did not train: the link carries the untrained weights
    const short = await replayPerceptron({ ...DEFAULT_STATE, gate: 'NAND' });
    const forged = verdict({ a: nand, claimed }, PERCEPTRON_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.mismatches.map((x) => x.label)).toEqual(expect.arrayContaining(['gate computed', 'every point right', 'weight w₁', 'bias b']));
  });

  test('assignment problems name a measure the lab lacks and a value out of range', () => {
    const with_ = (goals: Assignment['goals']): Assignment => ({ ...nand, goals });
    expect(assignmentProblem(with_([{ m: 'allRight', op: '=', v: true }, { m: 'epochs', op: '<=', v: 3 }]), PERCEPTRON_MEASURES)).toBeNull();
    expect(assignmentProblem(with_([{ m: 'testLoss', op: '<', v: 0.1 }]), PERCEPTRON_MEASURES)).toBe('this widget cannot measure "testLoss"');
    expect(assignmentProblem(with_([{ m: 'pointsRight', op: '>=', v: 5 }]), PERCEPTRON_MEASURES)).toBe('points right is at most 4');
    expect(assignmentProblem(with_([{ m: 'computes', op: '=', v: 'XOR' }]), PERCEPTRON_MEASURES)).toBe('gate computed cannot be "XOR"');
    expect(assignmentProblem(with_([{ m: 'lr', op: '=', v: '0.3' }]), PERCEPTRON_MEASURES)).toBe('learning rate η cannot be "0.3"');
  });
});
