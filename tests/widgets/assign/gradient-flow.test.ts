/**
 * Gradient flow's assignments: the measures the widget shows after opening a link are the ones a
 * fresh replay of that link's race reaches, so a result link is judged by what the three networks
 * really do, and a forged one (edited claims, or a state that does not reach the goal) is refused.
 */
import { describe, expect, test, vi } from 'vitest';
import { flowAssign, FLOW_MEASURES, replayFlow } from '../../../src/widgets/GradientFlow/assign.ts';
import { DEFAULT_STATE, GradientFlowModel, type FlowState } from '../../../src/widgets/GradientFlow/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';

/** A model that opened the state's link and replayed its steps on this thread. */
async function opened(s: FlowState): Promise<GradientFlowModel> {
  const model = new GradientFlowModel({}, { worker: false });
  model.fromState(structuredClone(s));
  model.start();
  await vi.waitFor(() => expect(model.target).toBeNull(), { timeout: 120_000, interval: 20 });
  return model;
}

/** The widget's live values for a state, as its page reads them after the link's replay. */
async function liveValues(s: FlowState) {
  const model = await opened(s);
  const values = flowAssign(model).read();
  model.destroy();
  return values;
}

const states: [string, FlowState][] = [
  ['the default, step 0', DEFAULT_STATE],
  ['the default after 200 steps', { ...DEFAULT_STATE, steps: 200 }],
  ['3 × 4, η = 0.3, seed 2, 150 steps', { depth: 3, width: 4, lr: 0.3, seed: 2, steps: 150, showStart: true }],
  // tanh and ReLU diverge within the first 10 steps; sigmoid trains on
  ['20 × 16, η = 3, 25 steps (two networks diverge)', { depth: 20, width: 16, lr: 3, seed: 1, steps: 25, showStart: false }],
];

/** The worked example's state: 2 hidden layers, η = 3, paused after 500 steps of Play. */
const SHALLOW: FlowState = { ...DEFAULT_STATE, depth: 2, lr: 3, steps: 500 };

const worked: Assignment = {
  v: 1, widget: 'gradient-flow', lesson: '03-activation-functions', note: 'Make the sigmoid network learn: bring its loss below 0.1.',
  goals: [{ m: 'sigmoidLoss', op: '<', v: 0.1 }, { m: 'depth', op: '<=', v: 2 }],
};

describe('Gradient flow: assignments', () => {
  test.each(states)('a fresh replay measures what the widget shows after opening the link: %s', async (_name, s) => {
    const live = await liveValues(s);
    const replayed = await replayFlow(structuredClone(s));
    expect(replayed).toEqual(live);
    expect(replayed.steps).toBe(s.steps);
  }, 180_000);

  test('step 0 at the defaults gives the chapter’s numbers: 7.2e−7, 0.16 and 0.39 of the output gradient, 14 dead ReLU units', async () => {
    const v = await replayFlow(DEFAULT_STATE);
    expect((v.sigmoidRatio as number).toExponential(1)).toBe('7.2e-7');
    expect((v.tanhRatio as number).toFixed(2)).toBe('0.16');
    expect((v.reluRatio as number).toFixed(2)).toBe('0.39');
    expect(v.reluDead).toBe(14);
    expect(v).toMatchObject({ steps: 0, depth: 10, width: 8, lr: 0.1 });
    // after 200 steps: ReLU 0.068, tanh about 0.1, sigmoid stuck at ln 2 with every layer's gradient below 1e−8
    const after = await replayFlow({ ...DEFAULT_STATE, steps: 200 });
    expect((after.reluLoss as number).toFixed(3)).toBe('0.068');
    expect((after.tanhLoss as number).toFixed(1)).toBe('0.1');
    expect((after.sigmoidLoss as number).toFixed(3)).toBe(Math.LN2.toFixed(3));
    expect(after.sigmoidFirst as number).toBeLessThan(1e-8);
    expect(after.leader).toBe('relu');
  }, 60_000);

  test('a race where two networks diverge still measures: the leader is the one left, and no number is NaN', async () => {
    const v = await replayFlow(states[3][1]);
    expect(v.leader).toBe('sigmoid');
    for (const value of Object.values(v)) expect(typeof value === 'number' ? Number.isNaN(value) : false).toBe(false);
  }, 60_000);

  test('worked example: from the default, set 2 hidden layers and η = 3, press Play and pause after about 500 steps', async () => {
    expect(assignmentProblem(worked, FLOW_MEASURES)).toBeNull();
    const start = await replayFlow(DEFAULT_STATE);
    expect(verdict({ a: worked, claimed: start }, FLOW_MEASURES, start).met).toBe(false);
    const claimed = await liveValues(SHALLOW);
    const replayed = await replayFlow(SHALLOW);
    expect((replayed.sigmoidLoss as number).toFixed(3)).toBe('0.069');
    const honest = verdict({ a: worked, claimed }, FLOW_MEASURES, replayed);
    expect(honest.met).toBe(true);
    expect(honest.mismatches).toEqual([]);
  }, 120_000);

  test('a forged result (claims from 500 steps, a state paused at 300) is not met, with the mismatches listed', async () => {
    const good = await replayFlow(SHALLOW);
    const short = await replayFlow({ ...SHALLOW, steps: 300 });
    expect((short.sigmoidLoss as number).toFixed(3)).toBe('0.595');
    const forged = verdict({ a: worked, claimed: good }, FLOW_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.checks.map((c) => c.met)).toEqual([false, true]);
    expect(forged.mismatches.map((x) => x.label)).toEqual(expect.arrayContaining(['sigmoid network: loss', 'steps trained']));
    expect(forged.mismatches.map((x) => x.label)).not.toContain('hidden layers');
  }, 60_000);

  test('assignmentProblem names a measure gradient flow lacks and a value out of range', () => {
    expect(assignmentProblem({ ...worked, goals: [{ m: 'testLoss', op: '<', v: 0.1 }] }, FLOW_MEASURES)).toBe('this widget cannot measure "testLoss"');
    expect(assignmentProblem({ ...worked, goals: [{ m: 'depth', op: '<=', v: 30 }] }, FLOW_MEASURES)).toBe('hidden layers is at most 20');
    expect(assignmentProblem({ ...worked, goals: [{ m: 'steps', op: '<=', v: 6000 }] }, FLOW_MEASURES)).toBe('steps trained is at most 5000');
    expect(assignmentProblem({ ...worked, goals: [{ m: 'leader', op: '=', v: 'gelu' }] }, FLOW_MEASURES)).toBe('network with the lowest loss cannot be "gelu"');
  });
});
