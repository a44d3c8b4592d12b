/**
 * The backprop stepper's assignments: what the widget reads out for a state is what a fresh pass
 * at that state's weights computes, so a result link is judged by the numbers the state really gives.
 */
import { describe, expect, test } from 'vitest';
import { replayStepper, STEPPER_MEASURES, stepperAssign } from '../../../src/widgets/BackpropStepper/assign.ts';
import { StepperModel } from '../../../src/widgets/BackpropStepper/model.svelte.ts';
import { PRESET_STATES, type StepperState } from '../../../src/widgets/BackpropStepper/presets.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';

/** A model that opened the state's link. */
function opened(state: StepperState): StepperModel {
  const m = new StepperModel();
  m.fromState(structuredClone(state));
  return m;
}

/** The state after the clicks: the lesson's example, a learning rate chosen, then "10 iterations" pressed `tens` times. */
function trained(lr: StepperState['lr'], tens: number): StepperState {
  const m = new StepperModel();
  m.setOption('lr', lr);
  for (let i = 0; i < tens; i++) m.update(10);
  return m.toState();
}

/** The challenge's solution: the saturated output pushed further (w⁽²⁾ = −8, −8, b⁽²⁾ = −4). */
const FLAT: StepperState = { ...PRESET_STATES.saturated, params: [0.6, -0.4, 0.2, 0.9, 0, -0.1, -8, -8, -4] };

const states: [string, StepperState][] = [
  ['the lesson’s example (the default)', PRESET_STATES.lesson],
  ['XOR’s hand-built network, tanh, η = 2', { ...PRESET_STATES.xor, hidden: 'tanh', lr: 2 }],
  ['two outputs, ReLU, MSE, 5 steps into the pass, 3 updates', { ...PRESET_STATES['two-outputs'], hidden: 'relu', loss: 'mse', cursor: 5, iteration: 3 }],
  ['all weights equal, 3 updates', (() => { const m = opened(PRESET_STATES.symmetric); m.update(3); return m.toState(); })()],
  ['the flat spot of the challenge', FLAT],
  ['η = 1 and 10 updates', trained(1, 1)],
  ['a cursor past the end of the pass (clamped)', { ...PRESET_STATES.lesson, cursor: 200 }],
];

const worked: Assignment = {
  v: 1, widget: 'backprop-stepper', lesson: '05-backpropagation', note: 'Bring the loss on the worked example below 0.05 in at most 10 updates, under cross-entropy.',
  goals: [{ m: 'loss', op: '<', v: 0.05 }, { m: 'updates', op: '<=', v: 10 }, { m: 'lossKind', op: '=', v: 'bce' }],
};

describe('Backprop stepper: assignments', () => {
  test.each(states)('a fresh replay measures what the widget reads out after opening the link: %s', async (_name, s) => {
    const m = opened(s);
    const live = stepperAssign(m).read();
    expect(await replayStepper(structuredClone(s))).toEqual(live);
    // the flags are the widget's own checks
    expect(live.twins).toBe(m.symmetric);
    expect(live.flatSpot).toBe(m.stuck.flat && m.stuck.lossHigh);
    expect(live.stepsDone).toBe(m.cursor);
  });

  test('the lesson’s numbers: loss 0.5972, ŷ 0.5503, δ⁽²⁾ = ŷ − y; one update brings 0.4306; twins stay twins', async () => {
    const v = await replayStepper(PRESET_STATES.lesson);
    expect((v.loss as number).toFixed(4)).toBe('0.5972');
    expect((v.prediction as number).toFixed(5)).toBe('0.55033');
    expect(v.outputDelta as number).toBeCloseTo((v.prediction as number) - 1, 15);
    expect((v.maxGrad as number).toFixed(4)).toBe('0.4497');
    expect(v).toMatchObject({ updates: 0, stepsDone: 0, flatSpot: false, twins: false, lossKind: 'bce', hidden: 'sigmoid', lr: 0.5 });
    const m = opened(PRESET_STATES.lesson);
    m.update(1);
    expect(((await replayStepper(m.toState())).loss as number).toFixed(4)).toBe('0.4306');
    // MSE's δ⁽²⁾ at the example: −0.2226 (the stepper's figure in the chapter)
    expect(((await replayStepper({ ...PRESET_STATES.lesson, loss: 'mse' })).outputDelta as number).toFixed(4)).toBe('-0.2226');
    const twins = opened(PRESET_STATES.symmetric);
    twins.update(3);
    expect((await replayStepper(twins.toState())).twins).toBe(true);
    expect(twins.toState().params.slice(0, 2).map((p) => p.toFixed(5))).toEqual(['0.55205', '0.52603']);
  });

  test('the chapter’s challenge as a goal: the flat spot meets it under MSE, and fails under cross-entropy', async () => {
    const a: Assignment = { ...worked, goals: [{ m: 'flatSpot', op: '=', v: true }] };
    expect(assignmentProblem(a, STEPPER_MEASURES)).toBeNull();
    const flat = await replayStepper(FLAT);
    expect(flat.maxGrad as number).toBeLessThan(1e-4);
    expect(flat.loss as number).toBeGreaterThan(0.5);
    expect(verdict({ a, claimed: flat }, STEPPER_MEASURES, flat).met).toBe(true);
    const bce = await replayStepper({ ...FLAT, loss: 'bce' });
    expect((bce.outputDelta as number).toFixed(3)).toBe('-1.000');
    expect(verdict({ a, claimed: flat }, STEPPER_MEASURES, bce).met).toBe(false);
  });

  test('worked example: from the default, choose learning rate 1 and press “10 iterations” once', async () => {
    expect(assignmentProblem(worked, STEPPER_MEASURES)).toBeNull();
    const start = await replayStepper(PRESET_STATES.lesson);
    expect(verdict({ a: worked, claimed: start }, STEPPER_MEASURES, start).met).toBe(false);
    const m = new StepperModel();
    m.setOption('lr', 1);
    m.update(10);
    const claimed = stepperAssign(m).read();
    const replayed = await replayStepper(m.toState());
    expect((replayed.loss as number).toFixed(4)).toBe('0.0460');
    const honest = verdict({ a: worked, claimed }, STEPPER_MEASURES, replayed);
    expect(honest.met).toBe(true);
    expect(honest.mismatches).toEqual([]);
    // at the default η = 0.5, 10 updates leave 0.0976 and 20 leave 0.0487 (too many updates)
    expect(((await replayStepper(trained(0.5, 1))).loss as number).toFixed(4)).toBe('0.0976');
    const twenty = await replayStepper(trained(0.5, 2));
    expect((twenty.loss as number).toFixed(4)).toBe('0.0487');
    expect(verdict({ a: worked, claimed }, STEPPER_MEASURES, twenty).met).toBe(false);
  });

  test('a forged result (claims from η = 1, the state left at η = 0.5) is not met, with the mismatches listed', async () => {
    const good = await replayStepper(trained(1, 1));
    const short = await replayStepper(trained(0.5, 1));
    const forged = verdict({ a: worked, claimed: good }, STEPPER_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.checks.map((c) => c.met)).toEqual([false, true, true]);
    expect(forged.mismatches.map((x) => x.label)).toEqual(expect.arrayContaining(['loss', 'learning rate', 'prediction ŷ']));
    expect(forged.mismatches.map((x) => x.label)).not.toContain('updates made');
  });

  test('assignmentProblem names a measure the stepper lacks and a value out of range', () => {
    expect(assignmentProblem({ ...worked, goals: [{ m: 'testAccuracy', op: '>', v: 90 }] }, STEPPER_MEASURES)).toBe('this widget cannot measure "testAccuracy"');
    expect(assignmentProblem({ ...worked, goals: [{ m: 'updates', op: '<=', v: 2.5 }] }, STEPPER_MEASURES)).toBe('updates made is a whole number');
    expect(assignmentProblem({ ...worked, goals: [{ m: 'prediction', op: '>', v: 2 }] }, STEPPER_MEASURES)).toBe('prediction ŷ is at most 1');
    expect(assignmentProblem({ ...worked, goals: [{ m: 'hidden', op: '=', v: 'gelu' }] }, STEPPER_MEASURES)).toBe('hidden activation cannot be "gelu"');
  });
});
