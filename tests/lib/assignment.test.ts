/**
 * Assignments and results in links: goals checked against a widget's measures, caps enforced,
 * hostile text refused or kept as text, verdicts from replayed values alone, and the assignment
 * code that changes with any edit.
 */
import { describe, expect, test } from 'vitest';
import {
  assignmentCode,
  assignmentProblem,
  assignmentUrl,
  checkGoals,
  describeGoal,
  formatValue,
  goalProblem,
  lessonOfPath,
  meets,
  opsFor,
  readAssignment,
  readResult,
  resultUrl,
  sameValue,
  verdict,
  type Assignment,
  type MeasureDef,
  type Result,
} from '../../src/lib/assignment.ts';
import { encodeState } from '../../src/lib/share-state.ts';

const MEASURES: MeasureDef[] = [
  { id: 'testLoss', label: 'test loss', kind: 'number', better: 'low', min: 0 },
  { id: 'accuracy', label: 'test accuracy', kind: 'number', better: 'high', min: 0, max: 100, digits: 1, unit: '%' },
  { id: 'units', label: 'hidden units', kind: 'integer', better: 'low', min: 0, max: 64 },
  { id: 'gate', label: 'gate computed', kind: 'choice', choices: [{ value: 'and', label: 'AND' }, { value: 'or', label: 'OR' }] },
  { id: 'separates', label: 'every point classified', kind: 'flag' },
];

const A: Assignment = {
  v: 1,
  widget: 'playground',
  lesson: '04-deep-networks',
  note: 'Keep it small.\nTwo lines.',
  goals: [
    { m: 'testLoss', op: '<', v: 0.1 },
    { m: 'units', op: '<=', v: 8 },
  ],
};
const PAGE = 'https://example.org/nn/lessons/04-deep-networks/?w-other=abc#top';

describe('goals against a widget’s measures', () => {
  test('a comparison fits its kind: numbers any, choices and flags only =', () => {
    expect(opsFor(MEASURES[0])[0]).toBe('<=');
    expect(opsFor(MEASURES[1])[0]).toBe('>=');
    expect(opsFor(MEASURES[3])).toEqual(['=']);
    expect(goalProblem({ m: 'gate', op: '<', v: 'and' }, MEASURES)).toMatch(/cannot be compared/);
    expect(goalProblem({ m: 'gate', op: '=', v: 'xor' }, MEASURES)).toMatch(/cannot be "xor"/);
    expect(goalProblem({ m: 'separates', op: '=', v: 1 }, MEASURES)).toMatch(/yes or no/);
    expect(goalProblem({ m: 'units', op: '<=', v: 2.5 }, MEASURES)).toMatch(/whole number/);
    expect(goalProblem({ m: 'units', op: '<=', v: 65 }, MEASURES)).toMatch(/at most 64/);
    expect(goalProblem({ m: 'accuracy', op: '>=', v: -1 }, MEASURES)).toMatch(/at least 0/);
    expect(goalProblem({ m: 'epochs', op: '<=', v: 10 }, MEASURES)).toMatch(/cannot measure "epochs"/);
    expect(goalProblem({ m: 'testLoss', op: '<', v: 0.1 }, MEASURES)).toBeNull();
  });

  test('an assignment with a goal twice is refused; a good one passes', () => {
    expect(assignmentProblem(A, MEASURES)).toBeNull();
    expect(assignmentProblem({ ...A, goals: [A.goals[0], A.goals[0]] }, MEASURES)).toMatch(/twice/);
  });

  test('meets: strict and non-strict bounds, a missing or non-finite value never meets', () => {
    expect(meets({ m: 'x', op: '<', v: 0.1 }, 0.1)).toBe(false);
    expect(meets({ m: 'x', op: '<=', v: 0.1 }, 0.1)).toBe(true);
    expect(meets({ m: 'x', op: '>', v: 90 }, 90.5)).toBe(true);
    expect(meets({ m: 'x', op: '>=', v: 90 }, 89.99)).toBe(false);
    expect(meets({ m: 'x', op: '=', v: 3 }, 3)).toBe(true);
    expect(meets({ m: 'x', op: '<', v: 1 }, NaN)).toBe(false);
    expect(meets({ m: 'x', op: '>', v: 1 }, Infinity)).toBe(false);
    expect(meets({ m: 'x', op: '<', v: 1 }, null)).toBe(false);
    expect(meets({ m: 'x', op: '=', v: 'and' }, 'and')).toBe(true);
    expect(meets({ m: 'x', op: '=', v: true }, false)).toBe(false);
  });

  test('goals and values in words', () => {
    expect(describeGoal(A.goals[0], MEASURES)).toBe('test loss < 0.1');
    expect(describeGoal({ m: 'accuracy', op: '>=', v: 95 }, MEASURES)).toBe('test accuracy ≥ 95%');
    expect(describeGoal({ m: 'gate', op: '=', v: 'and' }, MEASURES)).toBe('gate computed = AND');
    expect(describeGoal({ m: 'separates', op: '=', v: true }, MEASURES)).toBe('every point classified');
    expect(formatValue(MEASURES[0], 0.031234)).toBe('0.03123');
    expect(formatValue(MEASURES[0], 2.5e-5)).toBe('2.500e−5');
    expect(formatValue(MEASURES[1], 97.5)).toBe('97.5%');
    expect(formatValue(MEASURES[0], NaN)).toBe('not a number');
    expect(formatValue(MEASURES[0], 0)).toBe('0');
    expect(formatValue(MEASURES[0], null)).toBe('—');
    expect(formatValue(MEASURES[4], true)).toBe('yes');
    const checks = checkGoals(A.goals, MEASURES, { testLoss: 0.05, units: 9 });
    expect(checks.map((c) => [c.text, c.value, c.met])).toEqual([
      ['test loss < 0.1', '0.05', true],
      ['hidden units ≤ 8', '9', false],
    ]);
  });
});

describe('links', () => {
  test('an assignment link carries the state and the assignment, drops other parameters, points at the widget', () => {
    const url = assignmentUrl('playground', { lr: 0.3 }, A, PAGE);
    const u = new URL(url);
    expect(u.pathname).toBe('/nn/lessons/04-deep-networks/');
    expect(u.hash).toBe('#playground');
    expect(u.searchParams.get('w-other')).toBeNull();
    expect(u.searchParams.get('w-playground')).toBe(encodeState({ lr: 0.3 }));
    const back = readAssignment('playground', url);
    expect(back).toEqual({ ok: true, value: A });
    expect(readAssignment('other', url)).toMatchObject({ ok: false, absent: true });
  });

  test('a result link round-trips; its assignment code is the assignment’s', () => {
    const r: Result = { a: A, claimed: { testLoss: 0.05, units: 6 }, name: 'Ji-woo', at: '2026-12-01T10:00:00Z' };
    const url = resultUrl('playground', { lr: 0.3 }, r, PAGE);
    const back = readResult('playground', url);
    expect(back).toEqual({ ok: true, value: r });
  });

  test.each([
    ['a note over 500 characters', { ...A, note: 'x'.repeat(501) }, /note: at most 500/],
    ['five goals', { ...A, goals: [...A.goals, ...A.goals, A.goals[0]] }, /goals: at most 4/],
    ['no goal', { ...A, goals: [] }, /goals: no goal/],
    ['a control character in the note', { ...A, note: 'a\u0007b' }, /control characters/],
    ['a bidirectional override in the note', { ...A, note: 'abc\u202edcba' }, /control characters/],
    ['an unknown key', { ...A, extra: 1 }, /Unrecognized key/i],
    ['a goal value that is an object', { ...A, goals: [{ m: 'testLoss', op: '<', v: { x: 1 } }] }, /goals\.0\.v/],
    ['a comparison that is not one', { ...A, goals: [{ m: 'testLoss', op: '!=', v: 1 }] }, /goals\.0\.op/],
    ['a widget id with markup', { ...A, widget: '<img src=x>' }, /widget: not a widget id/],
    ['version 2', { ...A, v: 2 }, /^v:/],
  ])('refused with a reason: %s', (_name, bad, reason) => {
    const url = `https://example.org/lessons/x/?a-playground=${encodeState(bad)}`;
    const r = readAssignment('playground', url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  test('markup in a note stays text: it is carried exactly, never interpreted', () => {
    const note = '<script>alert(1)</script> & <b>bold</b>';
    const url = assignmentUrl('playground', {}, { ...A, note }, PAGE);
    const r = readAssignment('playground', url);
    expect(r.ok && r.value.note).toBe(note);
  });

  test('garbage in the parameter is refused, not thrown', () => {
    for (const raw of ['%%%', 'e30', encodeState('x'.repeat(5000)), encodeState({ __proto__: 1 }).replace(/./, 'e')]) {
      const r = readAssignment('p', `https://example.org/?a-p=${encodeURIComponent(raw)}`);
      expect(r.ok).toBe(false);
    }
  });

  test('the chapter of a lesson path', () => {
    expect(lessonOfPath('/lessons/04-deep-networks/')).toBe('04-deep-networks');
    expect(lessonOfPath('/nn/lessons/02-perceptron')).toBe('02-perceptron');
    expect(lessonOfPath('/instructors/')).toBe('');
  });
});

describe('verdicts and codes', () => {
  test('the verdict is the replay’s; claims that differ from it are listed', () => {
    const replayed = { testLoss: 0.2, units: 6, accuracy: 90 };
    const v = verdict({ a: A, claimed: { testLoss: 0.05, units: 6, accuracy: 90 } }, MEASURES, replayed);
    expect(v.met).toBe(false);
    expect(v.checks.map((c) => c.met)).toEqual([false, true]);
    expect(v.mismatches).toEqual([{ label: 'test loss', claimed: '0.05', replayed: '0.2' }]);
    const honest = verdict({ a: A, claimed: replayed }, MEASURES, { ...replayed, testLoss: 0.05 + 1e-15 });
    expect(honest.mismatches).toEqual([{ label: 'test loss', claimed: '0.2', replayed: '0.05' }]);
    // a value the learner's page had not measured yet is no claim
    expect(verdict({ a: A, claimed: { testLoss: null, units: 6 } }, MEASURES, { testLoss: 0.05, units: 6 }).mismatches).toEqual([]);
    const ok = verdict({ a: A, claimed: { testLoss: 0.05 } }, MEASURES, { testLoss: 0.05 * (1 + 1e-12), units: 4 });
    expect(ok.met).toBe(true);
    expect(ok.mismatches).toEqual([]);
  });

  test('sameValue: last-bit differences pass, real ones do not', () => {
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(0.1, 0.1000001)).toBe(false);
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue('and', 'and')).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(1, '1')).toBe(false);
  });

  test('the assignment code: stable, ten characters, changed by any edit', () => {
    const code = assignmentCode(A);
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(assignmentCode(structuredClone(A))).toBe(code);
    const edits: Assignment[] = [
      { ...A, note: A.note + ' ' },
      { ...A, lesson: '03-activation-functions' },
      { ...A, widget: 'playground2' },
      { ...A, goals: [{ ...A.goals[0], v: 0.2 }, A.goals[1]] },
      { ...A, goals: [{ ...A.goals[0], op: '<=' }, A.goals[1]] },
      { ...A, goals: [A.goals[1], A.goals[0]] },
    ];
    for (const e of edits) expect(assignmentCode(e)).not.toBe(code);
  });
});
