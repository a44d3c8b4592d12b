/**
 * The instructors page's worked assignments: each one fits its widget, is not met where the learner
 * starts, and is met by replaying the run its "how" describes; there is one for every chapter with
 * an assignable widget.
 */
import { describe, expect, test } from 'vitest';
import { assignmentProblem, assignmentSchema, checkGoals, verdict } from '../../../src/lib/assignment.ts';
import { ASSIGNMENT_EXAMPLES, exampleIn } from '../../../src/lib/assignment-examples.ts';

describe('worked assignments', () => {
  test('one per chapter, each for the chapter it is in', () => {
    const chapters = ASSIGNMENT_EXAMPLES.map((e) => e.chapter).sort();
    expect(chapters).toEqual([1, 2, 3, 4, 5, 6]);
    for (const e of ASSIGNMENT_EXAMPLES) {
      expect(e.lesson.startsWith(String(e.chapter).padStart(2, '0'))).toBe(true);
      expect(e.assignment.lesson).toBe(e.lesson);
      expect(e.assignment.widget).toBe(e.widget);
    }
  });

  test.each(ASSIGNMENT_EXAMPLES.map((e) => [e.chapter, e] as const))('chapter %i: not met at the start, met by the run described', async (_n, e) => {
    expect(assignmentProblem(e.assignment, e.measures)).toBeNull();
    const start = await e.replay(structuredClone(e.start) as never);
    expect(checkGoals(e.assignment.goals, e.measures, start).every((c) => c.met)).toBe(false);
    const met = await e.replay(structuredClone(e.met) as never);
    const v = verdict({ a: e.assignment, claimed: met }, e.measures, met);
    expect(v.checks.filter((c) => !c.met).map((c) => `${c.text}: ${c.value}`)).toEqual([]);
    expect(v.met).toBe(true);
  }, 120_000);
});

/** Every number written with digits, in order ("1e−12" and "1e-12" alike). */
const numbers = (text: string) => text.replace(/−/g, '-').match(/\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? [];

describe('the worked assignments in Korean', () => {
  test.each(ASSIGNMENT_EXAMPLES.map((e) => [e.chapter, e] as const))('chapter %i: the same numbers as the English, in Korean, and a valid assignment', (_n, e) => {
    const ko = exampleIn(e, 'ko');
    const pairs = [
      [e.summary, ko.summary],
      [e.assignment.note, ko.assignment.note],
      [e.how, ko.how],
    ];
    for (const [english, korean] of pairs) {
      expect(korean).toMatch(/[가-힣]/);
      expect(numbers(korean).sort(), korean).toEqual(numbers(english).sort());
    }
    expect(assignmentSchema.safeParse(ko.assignment).success).toBe(true);
    expect({ ...ko.assignment, note: e.assignment.note }).toEqual(e.assignment);
    expect(exampleIn(e, 'en')).toBe(e);
  });
});

/** The numbers each example's "how" gives the instructor, from the engine. */
describe('the worked assignments’ figures', () => {
  const example = (chapter: number) => ASSIGNMENT_EXAMPLES.find((e) => e.chapter === chapter)!;
  const replay = (chapter: number, state: unknown) => example(chapter).replay(structuredClone(state) as never);

  test('chapter 1: x₁ and x₂ alone get 55% of the test points; x₁² and x₂² get all', async () => {
    const e = example(1);
    expect(e.how).toContain('55%');
    expect((await replay(1, { ...(e.start as object), linearSteps: 1000 })).linearTest).toBe(55);
    expect(await replay(1, e.met)).toMatchObject({ linearTest: 100, linearTrain: 100 });
  });

  test('chapter 2: NAND from the starting weights takes 11 epochs and 19 updates', async () => {
    const e = example(2);
    expect(e.how).toContain('11 epochs and 19 updates');
    expect(await replay(2, { ...(e.start as object), gate: 'NAND' })).toMatchObject({ epochs: 11, updates: 19 });
  });

  test('chapter 3: 0.069 after 500 steps; below 0.1 from step 474', async () => {
    const e = example(3);
    expect(e.how).toContain('0.069');
    expect(((await replay(3, e.met)).sigmoidLoss as number).toFixed(3)).toBe('0.069');
    const at = async (steps: number) => (await replay(3, { ...(e.met as object), steps })).sigmoidLoss as number;
    expect(await at(474)).toBeLessThan(0.1);
    expect(await at(473)).toBeGreaterThanOrEqual(0.1);
  }, 60_000);

  test('chapter 4: one layer of 14 has 57 parameters; two layers of 5 (51) stall near 89%', async () => {
    const e = example(4);
    const met = await replay(4, e.met);
    expect(met.parameters).toBe(57);
    const small = await replay(4, { ...(e.met as object), layers: [5, 5] });
    expect(small.parameters).toBe(51);
    expect(small.testAccuracy as number).toBeGreaterThan(88);
    expect(small.testAccuracy as number).toBeLessThan(90);
  }, 60_000);

  test('chapter 5: ε = 1e−12 gives a relative error of 2.7e−4; ε = 1e−8 passes', async () => {
    const e = example(5);
    const met = await replay(5, e.met);
    expect((met.relError as number).toExponential(1)).toBe('2.7e-4');
    expect((await replay(5, { ...(e.met as object), eps: -8 })).passes).toBe(true);
  });

  test('chapter 6: μ = 0.52 needs 43 steps, 0.51 needs 49, 0.53 needs 44, 0.5 needs 54, μ = 0.9 needs 263, plain GD 166', async () => {
    const e = example(6);
    const steps = async (beta: number) => (await replay(6, { lr: 0.04, beta })).steps;
    expect([await steps(0.52), await steps(0.51), await steps(0.53), await steps(0.5), await steps(0.9)]).toEqual([43, 49, 44, 54, 263]);
    expect((await replay(6, e.start)).gdSteps).toBe(166);
    expect(e.assignment.note).toContain('263 steps');
  });
});
