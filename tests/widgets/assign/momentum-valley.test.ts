/**
 * Momentum in a valley: assignments. The factors and step counts the widget shows are what a fresh
 * replay of a state's link measures, they are the chapter's numbers, and a result link is judged
 * by the replay alone.
 */
import { describe, expect, test } from 'vitest';
import { replayValley, valleyAssign, VALLEY_MEASURES } from '../../../src/widgets/MomentumValley/assign.ts';
import { DEFAULT_STATE, ValleyModel, type ValleyState } from '../../../src/widgets/MomentumValley/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';
import { parseCSV } from '../code/harness.ts';

function opened(state: ValleyState): ValleyModel {
  const m = new ValleyModel();
  m.fromState(structuredClone(state));
  return m;
}

const states: [string, ValleyState][] = [
  ['the default (η = 0.04, μ = 0.9)', DEFAULT_STATE],
  ['η = 0.04, μ = 0.52 (near the best μ)', { lr: 0.04, beta: 0.52 }],
  ['η = 0.095, μ = 0.5', { lr: 0.095, beta: 0.5 }],
  ['η = 0.01, no momentum', { lr: 0.01, beta: 0 }],
];

const assignment = (goals: Assignment['goals']): Assignment => ({ v: 1, widget: 'momentum-valley', lesson: '06-optimizers', note: '', goals });

describe('Momentum in a valley: assignments', () => {
  test.each(states)('a fresh replay measures what the widget shows after opening the link: %s', async (_name, s) => {
    const live = valleyAssign(opened(s)).read();
    expect(await replayValley(structuredClone(s))).toEqual(live);
  });

  test('the measures are the chapter’s numbers and the widget’s CSV', async () => {
    // η = 0.04: plain GD shrinks θ₁ by 0.92 a step, 166 steps to a millionth; μ = 0.52 gives 0.721 and 43 steps
    const best = await replayValley({ lr: 0.04, beta: 0.52 });
    expect(best).toMatchObject({ gdRate: 0.92, gdSteps: 166, steps: 43, faster: true, lr: 0.04, beta: 0.52 });
    expect(best.rate as number).toBeCloseTo(0.721, 3);
    // μ = 0.9 swings: factor √0.9 = 0.949 in both directions, slower than no momentum (263 > 166 steps)
    const swing = await replayValley(DEFAULT_STATE);
    expect(swing.rate).toBe(Math.sqrt(0.9));
    expect(swing).toMatchObject({ steps: 263, faster: false });
    // no momentum: the heavy ball is plain GD
    const none = await replayValley({ lr: 0.04, beta: 0 });
    expect(none).toMatchObject({ rate: 0.92, steps: 166, faster: false });
    // the distance and loss after 150 steps are the last row of the widget's CSV
    const last = parseCSV(opened(DEFAULT_STATE).csv()).rows.at(-1)!.map(Number);
    expect(last[0]).toBe(150);
    expect(swing.distance).toBe(Math.hypot(last[1], last[2]));
    expect(swing.loss).toBe(last[1] ** 2 + 10 * last[2] ** 2);
  });

  test('a goal met is met on replay; a forged result (claims kept, state changed) is caught', async () => {
    const a = assignment([{ m: 'steps', op: '<=', v: 45 }, { m: 'lr', op: '=', v: 0.04 }]);
    expect(assignmentProblem(a, VALLEY_MEASURES)).toBeNull();
    const good = await replayValley({ lr: 0.04, beta: 0.52 });
    const honest = verdict({ a, claimed: good }, VALLEY_MEASURES, good);
    expect(honest.met).toBe(true);
    expect(honest.mismatches).toEqual([]);
    const short = await replayValley({ lr: 0.04, beta: 0.6 });
    expect(short.steps).toBe(55);
    const forged = verdict({ a, claimed: good }, VALLEY_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.mismatches.map((x) => x.label)).toEqual(expect.arrayContaining(['momentum’s steps to a millionth', 'momentum μ', 'momentum’s shrink factor (slower direction)']));
  });

  test('assignmentProblem names a measure the widget lacks and a value out of range', () => {
    expect(assignmentProblem(assignment([{ m: 'epochs', op: '<', v: 9 }]), VALLEY_MEASURES)).toMatch(/cannot measure "epochs"/);
    expect(assignmentProblem(assignment([{ m: 'beta', op: '=', v: 1.2 }]), VALLEY_MEASURES)).toBe('momentum μ is at most 0.99');
    expect(assignmentProblem(assignment([{ m: 'steps', op: '<', v: 40.5 }]), VALLEY_MEASURES)).toBe('momentum’s steps to a millionth is a whole number');
  });

  test('worked example: reach a millionth in at most 45 steps at η = 0.04 (drag μ from 0.9 down to 0.52)', async () => {
    const a = assignment([{ m: 'steps', op: '<=', v: 45 }, { m: 'lr', op: '=', v: 0.04 }]);
    const m = opened(DEFAULT_STATE);
    const before = valleyAssign(m).read();
    expect(verdict({ a, claimed: before }, VALLEY_MEASURES, before).met).toBe(false);
    m.setBeta(0.52);
    const reached = m.toState();
    expect(reached).toEqual({ lr: 0.04, beta: 0.52 });
    const v = await replayValley(reached);
    const result = verdict({ a, claimed: valleyAssign(m).read() }, VALLEY_MEASURES, v);
    expect(result.met).toBe(true);
    expect(result.mismatches).toEqual([]);
    // μ from 0.51 to 0.53 all meet it; 0.5 and 0.55 do not
    for (const [beta, steps] of [[0.5, 54], [0.51, 49], [0.53, 44]] as const) expect((await replayValley({ lr: 0.04, beta })).steps).toBe(steps);
    expect((await replayValley({ lr: 0.04, beta: 0.55 })).steps as number).toBeGreaterThan(45);
  });
});
