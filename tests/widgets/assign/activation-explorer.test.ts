/**
 * The activation explorer's assignments: the readout at the cursor is the engine's f and f′ of each
 * function shown, so a fresh replay of a link measures what the explorer shows after opening it
 * (with the cursor placed as the explorer places it: snapped to its step, kept in range).
 */
import { describe, expect, test } from 'vitest';
import { explorerAssign, EXPLORER_MEASURES, replayExplorer, slopeId, valueId } from '../../../src/widgets/ActivationExplorer/assign.ts';
import { ActivationExplorerModel, DEFAULT_STATE, EXPLORER_FUNCTIONS, type ExplorerState } from '../../../src/widgets/ActivationExplorer/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';

function opened(state: ExplorerState): ActivationExplorerModel {
  const m = new ActivationExplorerModel();
  m.fromState(structuredClone(state));
  return m;
}

const states: [string, ExplorerState][] = [
  ['the default (sigmoid, tanh, ReLU on ±5, x = 1)', DEFAULT_STATE],
  ['every function on ±20 at x = 0 (the corners)', { fns: [...EXPLORER_FUNCTIONS], range: 20, x: 0 }],
  ['step, GELU, softplus on ±2.7 at x = −1', { fns: ['step', 'gelu', 'softplus'], range: 2.7, x: -1 }],
  ['a cursor off the grid and past the range', { fns: ['softplus', 'tanh'], range: 3, x: 7.123 }],
];

/** Find where the sigmoid saturates: its slope below 0.01. */
const saturate: Assignment = { v: 1, widget: 'activation-explorer', lesson: '03-activation-functions', note: '', goals: [{ m: 'sigmoidSlope', op: '<', v: 0.01 }] };

describe('Activation explorer: assignments', () => {
  test.each(states)('a fresh replay measures what the explorer shows after opening the link: %s', async (_name, s) => {
    expect(await replayExplorer(structuredClone(s))).toEqual(explorerAssign(opened(s)).read());
  });

  test('the values after moving the cursor and the range are the ones the link replays', async () => {
    const m = new ActivationExplorerModel();
    m.toggle('gelu');
    m.setRange('12.34');
    m.setCursor(-3.987);
    m.nudge(3);
    expect(await replayExplorer(m.toState())).toEqual(explorerAssign(m).read());
  });

  test('hand-checked values: σ(1), σ′(0) = 0.25, tanh′(0) = 1, and no slope at ReLU’s corner or the step’s jump', async () => {
    const d = await replayExplorer(DEFAULT_STATE);
    expect(d.x).toBe(1);
    expect(d.shown).toBe(3);
    expect(d.sigmoidValue).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    expect(d.sigmoidSlope).toBeCloseTo(Math.exp(-1) / (1 + Math.exp(-1)) ** 2, 15);
    expect(d.tanhSlope).toBeCloseTo(1 - Math.tanh(1) ** 2, 15);
    expect(d.reluSlope).toBe(1);
    expect(d.geluValue).toBeNull(); // not shown
    const z = await replayExplorer(states[1][1]);
    expect(z.sigmoidSlope).toBe(0.25);
    expect(z.tanhSlope).toBe(1);
    expect(z.reluValue).toBe(0);
    expect(z.reluSlope).toBeNull();
    expect(z.leakyReluSlope).toBeNull();
    expect(z.stepSlope).toBeNull();
    // the cursor is kept within ±3 and on the step 0.1
    expect((await replayExplorer(states[3][1])).x).toBe(3);
  });

  test('worked example: from the default, moving the cursor to x = 5 gives a sigmoid slope below 0.01', async () => {
    expect(assignmentProblem(saturate, EXPLORER_MEASURES)).toBeNull();
    const start = await replayExplorer(DEFAULT_STATE);
    expect(verdict({ a: saturate, claimed: start }, EXPLORER_MEASURES, start).met).toBe(false);
    const m = opened(DEFAULT_STATE);
    m.setCursor(5);
    const replayed = await replayExplorer(m.toState());
    expect(replayed.sigmoidSlope as number).toBeCloseTo(0.006648, 6);
    // 4.6 is the first step of 0.1 where it drops below 0.01 (σ′(4.5) = 0.0109, σ′(4.6) = 0.00985)
    expect((await replayExplorer({ ...DEFAULT_STATE, x: 4.5 })).sigmoidSlope as number).toBeGreaterThan(0.01);
    expect((await replayExplorer({ ...DEFAULT_STATE, x: 4.6 })).sigmoidSlope as number).toBeLessThan(0.01);
    const v = verdict({ a: saturate, claimed: explorerAssign(m).read() }, EXPLORER_MEASURES, replayed);
    expect(v.met).toBe(true);
    expect(v.mismatches).toEqual([]);
  });

  test('a forged result: good claims on a state that falls short are caught', async () => {
    const good = await replayExplorer({ ...DEFAULT_STATE, x: 5 });
    const short = await replayExplorer({ ...DEFAULT_STATE, x: 2 });
    const forged = verdict({ a: saturate, claimed: good }, EXPLORER_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.mismatches.map((x) => x.label)).toEqual(['cursor x', 'sigmoid f(x) at the cursor', 'sigmoid slope f′(x) at the cursor', 'tanh f(x) at the cursor', 'tanh slope f′(x) at the cursor', 'ReLU f(x) at the cursor']);
  });

  test('every function has a value and a slope measure; problems name an unknown measure and a value out of range', () => {
    expect(EXPLORER_MEASURES).toHaveLength(3 + 2 * EXPLORER_FUNCTIONS.length);
    for (const fn of EXPLORER_FUNCTIONS) expect(EXPLORER_MEASURES.map((d) => d.id)).toEqual(expect.arrayContaining([valueId(fn), slopeId(fn)]));
    const with_ = (goals: Assignment['goals']): Assignment => ({ ...saturate, goals });
    expect(assignmentProblem(with_([{ m: 'x', op: '>=', v: 4 }, { m: 'geluSlope', op: '>', v: 1 }]), EXPLORER_MEASURES)).toBeNull();
    expect(assignmentProblem(with_([{ m: 'swishSlope', op: '<', v: 0.1 }]), EXPLORER_MEASURES)).toBe('this widget cannot measure "swishSlope"');
    expect(assignmentProblem(with_([{ m: 'x', op: '>', v: 25 }]), EXPLORER_MEASURES)).toBe('cursor x is at most 20');
    expect(assignmentProblem(with_([{ m: 'shown', op: '>=', v: 0 }]), EXPLORER_MEASURES)).toBe('functions shown is at least 1');
  });
});
