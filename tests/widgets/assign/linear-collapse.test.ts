/**
 * The linear-collapse widget's assignments: every measure comes from the engine's curves of the
 * state, so a fresh replay of a link measures what the widget draws after opening it.
 */
import { describe, expect, test } from 'vitest';
import { collapseAssign, COLLAPSE_MEASURES, replayCollapse } from '../../../src/widgets/LinearCollapse/assign.ts';
import { DEFAULT_STATE, LinearCollapseModel, type CollapseState } from '../../../src/widgets/LinearCollapse/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';

function opened(state: CollapseState): LinearCollapseModel {
  const m = new LinearCollapseModel();
  m.fromState(structuredClone(state));
  return m;
}

const states: [string, CollapseState][] = [
  ['the default (3 layers of 1 unit, tanh, seed 1)', DEFAULT_STATE],
  ['8 layers of 4 units, ReLU, seed 17', { depth: 8, width: 4, activation: 'relu', seed: 17 }],
  ['1 layer, sigmoid, seed 0', { depth: 1, width: 2, activation: 'sigmoid', seed: 0 }],
  ['5 layers of 3 units, sigmoid, seed 123456', { depth: 5, width: 3, activation: 'sigmoid', seed: 123456 }],
];

/** Bend the default stack by at least 0.9 without adding layers. */
const bendMore: Assignment = {
  v: 1, widget: 'linear-collapse', lesson: '03-activation-functions', note: '',
  goals: [{ m: 'bend', op: '>=', v: 0.9 }, { m: 'depth', op: '<=', v: 3 }],
};

describe('Linear collapse: assignments', () => {
  test.each(states)('a fresh replay measures what the widget shows after opening the link: %s', async (_name, s) => {
    expect(await replayCollapse(structuredClone(s))).toEqual(collapseAssign(opened(s)).read());
  });

  test('the values after the controls are moved are the ones the link replays', async () => {
    const m = new LinearCollapseModel();
    m.setDepth(5);
    m.setWidth(3);
    m.setActivation('relu');
    m.reseed();
    expect(await replayCollapse(m.toState())).toEqual(collapseAssign(m).read());
  });

  test('hand-checked values: the default collapses to ŷ = 1.249·x − 0.3065, the product of its three weights', async () => {
    const v = await replayCollapse(DEFAULT_STATE);
    const m = opened(DEFAULT_STATE);
    expect(m.equation).toBe('ŷ = 1.249·x − 0.3065');
    const [w1, w2, w3] = m.curves.chainWeights;
    expect(v.slope).toBe(m.curves.slope);
    expect(Math.abs((v.slope as number) - w1 * w2 * w3)).toBeLessThan(1e-12);
    expect(Number((v.slope as number).toFixed(4))).toBe(1.2485);
    expect(Number((v.intercept as number).toFixed(4))).toBe(-0.3065);
    // the stack without activations is that line up to rounding; tanh bends it by 0.40
    expect(v.gap as number).toBeLessThan(1e-14);
    expect(Number((v.bend as number).toFixed(4))).toBe(0.4009);
    // the same weights with ReLU bend more, with sigmoid (nearly linear on small sums) much less
    expect(Number(((await replayCollapse({ ...DEFAULT_STATE, activation: 'relu' })).bend as number).toFixed(4))).toBe(0.9296);
    expect(Number(((await replayCollapse({ ...DEFAULT_STATE, activation: 'sigmoid' })).bend as number).toFixed(4))).toBe(0.0147);
    // one layer: nothing between layers to bend it (rounding only)
    expect((await replayCollapse({ ...DEFAULT_STATE, depth: 1 })).bend as number).toBeLessThan(1e-12);
  });

  test('worked example: from the default, choosing ReLU bends the stack by at least 0.9 with 3 layers', async () => {
    expect(assignmentProblem(bendMore, COLLAPSE_MEASURES)).toBeNull();
    const start = await replayCollapse(DEFAULT_STATE);
    expect(verdict({ a: bendMore, claimed: start }, COLLAPSE_MEASURES, start).met).toBe(false);
    const m = opened(DEFAULT_STATE);
    m.setActivation('relu');
    const v = verdict({ a: bendMore, claimed: collapseAssign(m).read() }, COLLAPSE_MEASURES, await replayCollapse(m.toState()));
    expect(v.met).toBe(true);
    expect(v.mismatches).toEqual([]);
  });

  test('a forged result: good claims on a state that falls short are caught', async () => {
    const good = await replayCollapse({ ...DEFAULT_STATE, activation: 'relu' });
    const short = await replayCollapse({ ...DEFAULT_STATE, activation: 'sigmoid' });
    const forged = verdict({ a: bendMore, claimed: good }, COLLAPSE_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.mismatches.map((x) => x.label)).toEqual(['bend with the activation', 'activation']);
  });

  test('assignment problems name a measure the widget lacks and a value out of range', () => {
    const with_ = (goals: Assignment['goals']): Assignment => ({ ...bendMore, goals });
    expect(assignmentProblem(with_([{ m: 'slope', op: '>', v: 2 }, { m: 'activation', op: '=', v: 'tanh' }]), COLLAPSE_MEASURES)).toBeNull();
    expect(assignmentProblem(with_([{ m: 'testLoss', op: '<', v: 0.1 }]), COLLAPSE_MEASURES)).toBe('this widget cannot measure "testLoss"');
    expect(assignmentProblem(with_([{ m: 'depth', op: '<=', v: 9 }]), COLLAPSE_MEASURES)).toBe('layers is at most 8');
    expect(assignmentProblem(with_([{ m: 'width', op: '>=', v: 1.5 }]), COLLAPSE_MEASURES)).toBe('units per hidden layer is a whole number');
    expect(assignmentProblem(with_([{ m: 'activation', op: '=', v: 'gelu' }]), COLLAPSE_MEASURES)).toBe('activation cannot be "gelu"');
  });
});
