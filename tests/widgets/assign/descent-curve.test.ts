/**
 * Descent on a curve: assignments. What the widget shows after opening a state's link is what a
 * fresh replay of that state measures, the measures are the chapter's numbers, and a result link
 * is judged by the replay alone.
 */
import { describe, expect, test } from 'vitest';
import { descentAssign, DESCENT_MEASURES, replayDescent } from '../../../src/widgets/DescentCurve/assign.ts';
import { DEFAULT_STATE, DescentModel, type DescentState } from '../../../src/widgets/DescentCurve/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';
import { parseCSV } from '../code/harness.ts';

/** A model that opened the state's link. */
function opened(state: DescentState): DescentModel {
  const m = new DescentModel();
  m.fromState(structuredClone(state));
  return m;
}

const states: [string, DescentState][] = [
  ['the default, no step yet', DEFAULT_STATE],
  ['η = 0.25, 22 steps', { ...DEFAULT_STATE, steps: 22 }],
  ['η = 1.05, diverging', { curve: 'quadratic', lr: 1.05, w0: -2.5, steps: 200 }],
  ['double well, η = 0.05 from 2.2', { curve: 'double-well', lr: 0.05, w0: 2.2, steps: 200 }],
  ['double well, η = 0.4, 80 steps', { curve: 'double-well', lr: 0.4, w0: 2.2, steps: 80 }],
];

const assignment = (goals: Assignment['goals']): Assignment => ({ v: 1, widget: 'descent-curve', lesson: '06-optimizers', note: '', goals });

describe('Descent on a curve: assignments', () => {
  test.each(states)('a fresh replay measures what the widget shows after opening the link: %s', async (_name, s) => {
    const live = descentAssign(opened(s)).read();
    expect(await replayDescent(structuredClone(s))).toEqual(live);
  });

  test('the measures are the widget’s CSV and the chapter’s numbers', async () => {
    // default: nothing taken yet, L(−2.5) = 3.5² = 12.25, η = 0.25 halves the gap ("converge")
    expect(await replayDescent(DEFAULT_STATE)).toEqual({
      loss: 12.25, distance: 3.5, steps: 0, settled: false, diverged: false, regime: 'converge', lr: 0.25, start: -2.5, curve: 'quadratic',
    });
    // η = 0.25: the gap 3.5 halves each step, so 22 steps leave 3.5/2²² (below a millionth: settled), 21 do not
    const v22 = await replayDescent({ ...DEFAULT_STATE, steps: 22 });
    expect(v22.distance).toBe(3.5 / 2 ** 22);
    expect(v22.settled).toBe(true);
    expect((await replayDescent({ ...DEFAULT_STATE, steps: 21 })).settled).toBe(false);
    // the last CSV row is the loss reached
    const rows = parseCSV(opened({ ...DEFAULT_STATE, steps: 22 }).csv()).rows;
    expect(Number(rows.at(-1)![2])).toBe(v22.loss);
    // η = 1.05 (r = −1.1) runs past |w| = 10⁶ after 131 steps: diverged, steps taken 131 of 200
    const off = await replayDescent(states[2][1]);
    expect(off).toMatchObject({ diverged: true, settled: false, steps: 131, regime: 'diverge' });
    expect(parseCSV(opened(states[2][1]).csv()).rows.length).toBe(132);
    // double well from 2.2 at η = 0.05: settles in the right valley, 1.267 − (−1.526) away from the lowest minimum
    const well = await replayDescent(states[3][1]);
    expect(well.settled).toBe(true);
    expect(well.distance as number).toBeCloseTo(1.2670350983613659 + 1.5256871208655185, 6);
  });

  test('a goal met is met on replay; a forged result (claims kept, state changed) is caught', async () => {
    const a = assignment([{ m: 'distance', op: '<', v: 0.001 }, { m: 'steps', op: '<=', v: 3 }, { m: 'curve', op: '=', v: 'quadratic' }]);
    expect(assignmentProblem(a, DESCENT_MEASURES)).toBeNull();
    const good = await replayDescent({ ...DEFAULT_STATE, lr: 0.5, steps: 1 });
    const honest = verdict({ a, claimed: good }, DESCENT_MEASURES, good);
    expect(honest.met).toBe(true);
    expect(honest.mismatches).toEqual([]);

    // the same claims, but the state is the default's η = 0.25 for 3 steps: 3.5/8 = 0.4375 from the minimum
    const short = await replayDescent({ ...DEFAULT_STATE, steps: 3 });
    expect(short.distance).toBe(0.4375);
    const forged = verdict({ a, claimed: good }, DESCENT_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.mismatches.map((x) => x.label)).toEqual(expect.arrayContaining(['distance to the lowest minimum', 'learning rate', 'steps taken', 'regime', 'loss reached']));
  });

  test('assignmentProblem names a measure the widget lacks and a value out of range', () => {
    expect(assignmentProblem(assignment([{ m: 'testAccuracy', op: '>', v: 90 }]), DESCENT_MEASURES)).toMatch(/cannot measure "testAccuracy"/);
    expect(assignmentProblem(assignment([{ m: 'steps', op: '<=', v: 500 }]), DESCENT_MEASURES)).toBe('steps taken is at most 200');
    expect(assignmentProblem(assignment([{ m: 'lr', op: '=', v: 3 }]), DESCENT_MEASURES)).toBe('learning rate is at most 2');
    expect(assignmentProblem(assignment([{ m: 'regime', op: '=', v: 'wobble' }]), DESCENT_MEASURES)).toBe('regime cannot be "wobble"');
  });

  test('worked example: land on the minimum of the quadratic in at most 3 steps (set η to 0.5, press Step once)', async () => {
    const a = assignment([{ m: 'distance', op: '<', v: 0.001 }, { m: 'steps', op: '<=', v: 3 }, { m: 'curve', op: '=', v: 'quadratic' }]);
    const start = DEFAULT_STATE;
    const m = opened(start);
    const before = descentAssign(m).read();
    expect(verdict({ a, claimed: before }, DESCENT_MEASURES, before).met).toBe(false);
    // what the learner does: η = 0.5 (= 1/c), then Step
    m.setLr(0.5);
    m.step();
    const reached = m.toState();
    expect(reached).toEqual({ curve: 'quadratic', lr: 0.5, w0: -2.5, steps: 1 });
    const v = await replayDescent(reached);
    expect(v).toMatchObject({ distance: 0, loss: 0, steps: 1, regime: 'one-step', settled: true });
    const result = verdict({ a, claimed: descentAssign(m).read() }, DESCENT_MEASURES, v);
    expect(result.met).toBe(true);
    expect(result.mismatches).toEqual([]);
  });
});
