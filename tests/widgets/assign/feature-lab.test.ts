/**
 * The feature lab's assignments: the scores its panels show are the ones a fresh replay of its
 * share link reaches (both models trained again from scratch), whether the lab trained in slices a
 * frame at a time or opened the link.
 */
import { describe, expect, test } from 'vitest';
import { featureLabAssign, FEATURE_LAB_MEASURES, replayFeatureLab } from '../../../src/widgets/FeatureLab/assign.ts';
import { DEFAULT_FEATURE_LAB, FeatureLabModel, type FeatureLabState } from '../../../src/widgets/FeatureLab/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';

function opened(state: FeatureLabState): FeatureLabModel {
  const m = new FeatureLabModel();
  m.fromState(structuredClone(state));
  return m;
}

/** Trains a model as the button does, a few steps a frame, and waits for the end. */
async function trained(m: FeatureLabModel, which: 'linear' | 'network'): Promise<void> {
  m.train(which);
  for (let i = 0; i < 2000 && m.running[which]; i++) await new Promise((r) => setTimeout(r, 5));
  expect(m.running[which]).toBe(false);
}

const states: [string, FeatureLabState][] = [
  ['the default (circle, untrained)', DEFAULT_FEATURE_LAB],
  ['circle, x₁² and x₂², both trained', { dataset: 'circle', features: ['x1sq', 'x2sq'], hidden: 4, seed: 1, linearSteps: 1000, networkSteps: 1000 }],
  ['quadrants, x₁x₂, 2 units, stopped part way', { dataset: 'quadrants', features: ['x1x2'], hidden: 2, seed: 1, linearSteps: 400, networkSteps: 700 }],
  ['petals, every feature, 8 units, seed 123', { dataset: 'petals', features: ['x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'], hidden: 8, seed: 123, linearSteps: 1000, networkSteps: 1000 }],
];

/** The chapter's challenge as an assignment: the circle, at most two hand-made features, every test point right. */
const twoFeatures: Assignment = {
  v: 1, widget: 'feature-lab', lesson: '01-ai-ml-dl', note: '',
  goals: [{ m: 'dataset', op: '=', v: 'circle' }, { m: 'features', op: '<=', v: 2 }, { m: 'linearTest', op: '>=', v: 100 }],
};

describe('Feature lab: assignments', () => {
  test.each(states)('a fresh replay measures what the lab shows after opening the link: %s', async (_name, s) => {
    expect(await replayFeatureLab(structuredClone(s))).toEqual(featureLabAssign(opened(s)).read());
  }, 60_000);

  test('worked example: from the default, tick x₁² and x₂² and train the linear model', async () => {
    expect(assignmentProblem(twoFeatures, FEATURE_LAB_MEASURES)).toBeNull();
    const m = new FeatureLabModel();
    expect(verdict({ a: twoFeatures, claimed: featureLabAssign(m).read() }, FEATURE_LAB_MEASURES, await replayFeatureLab(m.toState())).met).toBe(false);
    m.toggleFeature('x1sq', true);
    m.toggleFeature('x2sq', true);
    await trained(m, 'linear');
    const claimed = featureLabAssign(m).read();
    const replayed = await replayFeatureLab(m.toState());
    expect(replayed).toEqual(claimed);
    // 200 training and 200 test points, every one right: the challenge is solved
    expect(m.challengeSolved).toBe(true);
    expect(replayed).toMatchObject({ dataset: 'circle', features: 2, usesX1sq: true, usesX2sq: true, usesX1x2: false, linearSteps: 1000, linearTest: 100, linearTrain: 100, networkSteps: 0, networkTest: null });
    const v = verdict({ a: twoFeatures, claimed }, FEATURE_LAB_MEASURES, replayed);
    expect(v.met).toBe(true);
    expect(v.mismatches).toEqual([]);
  }, 60_000);

  test('a network trained a frame at a time measures what its link replays', async () => {
    const m = new FeatureLabModel({ dataset: 'petals', hidden: 3, seed: 7 });
    await trained(m, 'network');
    expect(await replayFeatureLab(m.toState())).toEqual(featureLabAssign(m).read());
  }, 60_000);

  test('hand-checked values: untrained models have no score; accuracies are whole counts of 200 points', async () => {
    const d = await replayFeatureLab(DEFAULT_FEATURE_LAB);
    expect(d).toMatchObject({ dataset: 'circle', features: 0, linearSteps: 0, linearTest: null, linearTrain: null, linearLoss: null, hidden: 4, networkSteps: 0, networkTest: null });
    // the panel prints the same numbers, one decimal
    const m = opened(states[3][1]);
    const v = featureLabAssign(m).read();
    for (const id of ['linearTest', 'linearTrain', 'networkTest']) {
      const correct = ((v[id] as number) * 200) / 100;
      expect(correct).toBe(Math.round(correct));
    }
    expect(`${(v.linearTest as number).toFixed(1)}%`).toBe(`${(m.linearScore.test!.accuracy * 100).toFixed(1)}%`);
    expect(v.linearLoss).toBe(m.linearScore.train.loss);
    // with x₁ and x₂ only, a straight line cannot split the circle: about half right
    const line = await replayFeatureLab({ ...DEFAULT_FEATURE_LAB, linearSteps: 1000 });
    expect(line.linearTest).toBe(55);
    expect(line.linearTrain).toBe(51.5);
  }, 60_000);

  test('a forged result: good claims on a state that falls short are caught', async () => {
    const good = await replayFeatureLab(states[1][1]);
    // the same features, trained only 5 steps
    const short = await replayFeatureLab({ ...states[1][1], linearSteps: 5 });
    expect(short.linearTest as number).toBeLessThan(100);
    const forged = verdict({ a: twoFeatures, claimed: good }, FEATURE_LAB_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.mismatches.map((x) => x.label)).toEqual(expect.arrayContaining(['linear model: steps trained', 'linear model: test accuracy', 'linear model: training loss']));
  }, 60_000);

  test('assignment problems name a measure the lab lacks and a value out of range', () => {
    const with_ = (goals: Assignment['goals']): Assignment => ({ ...twoFeatures, goals });
    expect(assignmentProblem(with_([{ m: 'usesX1x2', op: '=', v: true }, { m: 'networkTest', op: '>', v: 90 }]), FEATURE_LAB_MEASURES)).toBeNull();
    expect(assignmentProblem(with_([{ m: 'testLoss', op: '<', v: 0.1 }]), FEATURE_LAB_MEASURES)).toBe('this widget cannot measure "testLoss"');
    expect(assignmentProblem(with_([{ m: 'linearTest', op: '>=', v: 101 }]), FEATURE_LAB_MEASURES)).toBe('linear model: test accuracy is at most 100');
    expect(assignmentProblem(with_([{ m: 'hidden', op: '<=', v: 9 }]), FEATURE_LAB_MEASURES)).toBe('network: hidden units is at most 8');
    expect(assignmentProblem(with_([{ m: 'dataset', op: '=', v: 'spiral' }]), FEATURE_LAB_MEASURES)).toBe('points cannot be "spiral"');
  });
});
