/**
 * The gradient-check lab's assignments: what the widget reads out for a state is what a fresh
 * replay of that state computes, so a result link is judged by the check the state really gives.
 */
import { describe, expect, test } from 'vitest';
import { epsValue, GRAD_LAB_MEASURES, gradLabAssign, replayGradLab } from '../../../src/widgets/GradientCheckLab/assign.ts';
import { DEFAULT_LAB_STATE, GradLabModel, type GradLabState } from '../../../src/widgets/GradientCheckLab/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';

/** A model that opened the state's link. */
function opened(state: GradLabState): GradLabModel {
  const m = new GradLabModel();
  m.fromState(structuredClone(state));
  return m;
}

const states: [string, GradLabState][] = [
  ['the default: w⁽¹⁾₁₁ at ε = 1e−5', DEFAULT_LAB_STATE],
  ['the bug planted, b⁽¹⁾₁ at ε = 1e−8', { param: 4, eps: -8, bug: true }],
  ['b⁽²⁾ at ε = 10^−3.25', { param: 8, eps: -3.25, bug: false }],
  ['the smallest ε, bug planted, w⁽¹⁾₁₂', { param: 1, eps: -12, bug: true }],
];

const worked: Assignment = {
  v: 1, widget: 'gradient-check', lesson: '05-backpropagation', note: 'Make the check fail without any bug: choose a step that is too small.',
  goals: [{ m: 'bug', op: '=', v: false }, { m: 'passes', op: '=', v: false }, { m: 'eps', op: '<=', v: 1e-9 }],
};

describe('Gradient-check lab: assignments', () => {
  test.each(states)('a fresh replay measures what the widget reads out after opening the link: %s', async (_name, s) => {
    const m = opened(s);
    const live = gradLabAssign(m).read();
    expect(await replayGradLab(structuredClone(s))).toEqual(live);
    // the flag and the count are the widget's own verdict and failing count
    expect(live.passes).toBe(m.verdict === 'good');
    expect(live.failing).toBe(m.failing);
  });

  // 10 ** e is not always correctly rounded (engines differ: one has given 9.999999999999999e−6 for
  // 10 ** −5), so the measure is the value written to 12 digits, which is exact for whole decades
  test('ε is the slider’s decimal value, so a goal typed as 1e−5 compares exactly', () => {
    expect(epsValue(-5)).toBe(1e-5);
    expect(epsValue(-4)).toBe(1e-4);
    expect(epsValue(-12)).toBe(1e-12);
    expect(epsValue(-3.25)).toBe(0.000562341325190);
  });

  test('the chapter’s numbers: w⁽¹⁾₁₁ at 1e−5 passes (1.6e−11), at 0.1 and 1e−12 it does not; the bug fails 6 of 9 at 0.76', async () => {
    const v = await replayGradLab(DEFAULT_LAB_STATE);
    expect((v.relError as number).toExponential(1)).toBe('1.6e-11');
    expect(v).toMatchObject({ passes: true, failing: 0, eps: 1e-5, bug: false, param: '0' });
    expect(((await replayGradLab({ ...DEFAULT_LAB_STATE, eps: -1 })).relError as number).toExponential(1)).toBe('6.4e-4');
    expect(((await replayGradLab({ ...DEFAULT_LAB_STATE, eps: -12 })).relError as number).toExponential(1)).toBe('2.7e-4');
    const bug = await replayGradLab({ ...DEFAULT_LAB_STATE, bug: true });
    expect(bug.failing).toBe(6);
    expect(bug.passes).toBe(false);
    expect((bug.relError as number).toFixed(2)).toBe('0.76');
    // w⁽²⁾₁₁, untouched by the bug, still passes, with backprop's −0.26921
    const out = await replayGradLab({ param: 6, eps: -5, bug: true });
    expect(out.passes).toBe(true);
    expect((out.analytic as number).toFixed(5)).toBe('-0.26921');
  });

  test('worked example: from the default, drag ε to its smallest end (1e−12) and the goal is met', async () => {
    expect(assignmentProblem(worked, GRAD_LAB_MEASURES)).toBeNull();
    const start = await replayGradLab(DEFAULT_LAB_STATE);
    expect(verdict({ a: worked, claimed: start }, GRAD_LAB_MEASURES, start).met).toBe(false);
    const m = opened(DEFAULT_LAB_STATE);
    m.setEps(-12);
    const claimed = gradLabAssign(m).read();
    const honest = verdict({ a: worked, claimed }, GRAD_LAB_MEASURES, await replayGradLab(m.toState()));
    expect(honest.met).toBe(true);
    expect(honest.mismatches).toEqual([]);
    // 1e−9 is the largest ε that meets it (9.2e−7 is above 1e−7); 1e−8 passes the check (3.7e−8)
    expect(verdict({ a: worked, claimed }, GRAD_LAB_MEASURES, await replayGradLab({ ...DEFAULT_LAB_STATE, eps: -9 })).met).toBe(true);
    expect(verdict({ a: worked, claimed }, GRAD_LAB_MEASURES, await replayGradLab({ ...DEFAULT_LAB_STATE, eps: -8 })).met).toBe(false);
  });

  test('a forged result (claims from a good run, a state with the bug planted instead) is not met, with the mismatches listed', async () => {
    const good = await replayGradLab({ ...DEFAULT_LAB_STATE, eps: -12 });
    // failing the check by planting the bug instead of choosing a tiny ε
    const other = await replayGradLab({ ...DEFAULT_LAB_STATE, bug: true });
    const forged = verdict({ a: worked, claimed: good }, GRAD_LAB_MEASURES, other);
    expect(forged.met).toBe(false);
    expect(forged.checks.map((c) => c.met)).toEqual([false, true, false]);
    expect(forged.mismatches.map((x) => x.label)).toEqual(expect.arrayContaining(['bug planted', 'step ε', 'relative error', 'parameters failing']));
  });

  test('assignmentProblem names a measure the lab lacks and a value out of range', () => {
    expect(assignmentProblem({ ...worked, goals: [{ m: 'loss', op: '<', v: 0.1 }] }, GRAD_LAB_MEASURES)).toBe('this widget cannot measure "loss"');
    expect(assignmentProblem({ ...worked, goals: [{ m: 'failing', op: '<=', v: 12 }] }, GRAD_LAB_MEASURES)).toBe('parameters failing is at most 9');
    expect(assignmentProblem({ ...worked, goals: [{ m: 'eps', op: '>', v: 1 }] }, GRAD_LAB_MEASURES)).toBe('step ε is at most 0.1');
  });
});
