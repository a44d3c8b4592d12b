/**
 * The loss explorer's assignments: what the widget reads out for a state is what a fresh replay of
 * that state computes, so a result link is judged by the numbers the state really gives.
 */
import { describe, expect, test } from 'vitest';
import { LOSS_EXPLORER_MEASURES, lossExplorerAssign, replayLossExplorer } from '../../../src/widgets/LossExplorer/assign.ts';
import { DEFAULT_LOSS_STATE, LossExplorerModel, type LossExplorerState } from '../../../src/widgets/LossExplorer/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';

/** A model that opened the state's link. */
function opened(state: LossExplorerState): LossExplorerModel {
  const m = new LossExplorerModel();
  m.fromState(structuredClone(state));
  return m;
}

const states: [string, LossExplorerState][] = [
  ['the default', DEFAULT_LOSS_STATE],
  ['target 0, ŷ = 0.9, MSE, w⁽¹⁾₂₁ at −1.5', { y: 0, p: 0.9, loss: 'mse', param: 2, w: -1.5 }],
  ['target 0.5, ŷ = 0.999, b⁽²⁾ at 6', { y: 0.5, p: 0.999, loss: 'bce', param: 8, w: 6 }],
  ['the wrong end: ŷ = 0.001 for y = 1', { ...DEFAULT_LOSS_STATE, p: 0.001 }],
];

const worked: Assignment = {
  v: 1, widget: 'loss-explorer', lesson: '05-backpropagation', note: 'Find a prediction so wrong that squared error hardly pushes while cross-entropy pushes at full strength.',
  goals: [{ m: 'target', op: '=', v: '1' }, { m: 'mseDz', op: '>=', v: -0.01 }, { m: 'bceDz', op: '<=', v: -0.9 }],
};

describe('Loss explorer: assignments', () => {
  test.each(states)('a fresh replay measures what the widget reads out after opening the link: %s', async (_name, s) => {
    const live = lossExplorerAssign(opened(s)).read();
    expect(await replayLossExplorer(structuredClone(s))).toEqual(live);
  });

  test('the values follow the widget’s own controls (a weight chosen, ŷ slid, the loss switched)', async () => {
    const m = new LossExplorerModel();
    m.setParam(3);
    m.setW(-2.345);
    m.setP(0.3333);
    m.setLoss('mse');
    m.setY(0);
    expect(await replayLossExplorer(m.toState())).toEqual(lossExplorerAssign(m).read());
    expect(lossExplorerAssign(m).read()).toMatchObject({ weight: '3', weightValue: -2.35, prediction: 0.333, lossKind: 'mse', target: '0' });
  });

  test('the default reads out the chapter’s numbers: ŷ = 0.05 for y = 1, and the worked example’s w⁽²⁾₁₁', async () => {
    const v = await replayLossExplorer(DEFAULT_LOSS_STATE);
    expect(v.mse as number).toBeCloseTo(0.95 ** 2, 14);
    expect(v.bce as number).toBeCloseTo(-Math.log(0.05), 14);
    expect(v.bceDz as number).toBeCloseTo(-0.95, 14);
    expect(v.mseDz as number).toBeCloseTo(2 * -0.95 * 0.05 * 0.95, 14);
    // the lesson's example at its own weights: loss 0.5972, ∂L/∂w⁽²⁾₁₁ = −0.2692 (chapter 5)
    expect(v.weight).toBe('6');
    expect(v.weightValue).toBe(0.7);
    expect((v.netLoss as number).toFixed(4)).toBe('0.5972');
    expect((v.slope as number).toFixed(5)).toBe('-0.26921');
    // at ŷ = 0.001: BCE's δ = −0.999, MSE's −0.001996 (chapter 5's "about 500 times weaker")
    const wrong = await replayLossExplorer({ ...DEFAULT_LOSS_STATE, p: 0.001 });
    expect(wrong.bceDz as number).toBeCloseTo(-0.999, 14);
    expect((wrong.mseDz as number).toFixed(6)).toBe('-0.001996');
  });

  test('worked example: from the default, press Home on the ŷ slider (ŷ = 0.001) and the goal is met', async () => {
    expect(assignmentProblem(worked, LOSS_EXPLORER_MEASURES)).toBeNull();
    const start = await replayLossExplorer(DEFAULT_LOSS_STATE);
    expect(verdict({ a: worked, claimed: start }, LOSS_EXPLORER_MEASURES, start).met).toBe(false);
    const m = opened(DEFAULT_LOSS_STATE);
    m.setP(0.001);
    const claimed = lossExplorerAssign(m).read();
    const replayed = await replayLossExplorer(m.toState());
    const honest = verdict({ a: worked, claimed }, LOSS_EXPLORER_MEASURES, replayed);
    expect(honest.met).toBe(true);
    expect(honest.mismatches).toEqual([]);
    // the largest ŷ that meets it: 0.005 (MSE's δ −0.00985), and 0.006 does not (−0.0118)
    expect(verdict({ a: worked, claimed }, LOSS_EXPLORER_MEASURES, await replayLossExplorer({ ...DEFAULT_LOSS_STATE, p: 0.005 })).met).toBe(true);
    expect(verdict({ a: worked, claimed }, LOSS_EXPLORER_MEASURES, await replayLossExplorer({ ...DEFAULT_LOSS_STATE, p: 0.006 })).met).toBe(false);
  });

  test('a forged result (good claims, a state at ŷ = 0.05) is not met, and the edited claims are listed', async () => {
    const good = await replayLossExplorer({ ...DEFAULT_LOSS_STATE, p: 0.001 });
    const short = await replayLossExplorer(DEFAULT_LOSS_STATE);
    const forged = verdict({ a: worked, claimed: good }, LOSS_EXPLORER_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.checks.map((c) => c.met)).toEqual([true, false, true]);
    expect(forged.mismatches.map((x) => x.label)).toEqual(expect.arrayContaining(['prediction ŷ', 'squared error’s ∂L/∂z', 'cross-entropy at ŷ']));
    expect(forged.mismatches.map((x) => x.label)).not.toContain('target y');
  });

  test('assignmentProblem names a measure the explorer lacks and a value out of range', () => {
    expect(assignmentProblem({ ...worked, goals: [{ m: 'testLoss', op: '<', v: 0.1 }] }, LOSS_EXPLORER_MEASURES)).toBe('this widget cannot measure "testLoss"');
    expect(assignmentProblem({ ...worked, goals: [{ m: 'prediction', op: '<', v: 1.5 }] }, LOSS_EXPLORER_MEASURES)).toBe('prediction ŷ is at most 0.999');
    expect(assignmentProblem({ ...worked, goals: [{ m: 'target', op: '=', v: '2' }] }, LOSS_EXPLORER_MEASURES)).toBe('target y cannot be "2"');
  });
});
