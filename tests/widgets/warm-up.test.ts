/**
 * The gradient-flow, feature-lab and momentum-valley warm-ups (jobs the page runs before hydrating) give exactly
 * the numbers the widgets compute afresh, whether every job ran, some did, or none.
 */
import { describe, expect, test } from 'vitest';
import { FlowRace, PREPARE_PARTS } from '../../src/widgets/GradientFlow/race.ts';
import { DEFAULT_STATE, GradientFlowModel, warmUpJobs as flowJobs } from '../../src/widgets/GradientFlow/model.svelte.ts';
import {
  DEFAULT_FEATURE_LAB,
  FeatureLabModel,
  warmUpJobs as labJobs,
  type FeatureLabState,
} from '../../src/widgets/FeatureLab/model.svelte.ts';
import { ValleyModel, valleyContours, warmUpJobs as valleyJobs } from '../../src/widgets/MomentumValley/model.svelte.ts';
import { isoline, logLevels, sampleGrid } from '../../src/engine/contours.ts';
import { surface } from '../../src/engine/surfaces.ts';

describe('gradient flow warm-up', () => {
  const settings = { depth: DEFAULT_STATE.depth, width: DEFAULT_STATE.width, lr: DEFAULT_STATE.lr, seed: DEFAULT_STATE.seed };

  test('a race made in parts takes PREPARE_PARTS calls of prepare() and is the race made at once', () => {
    const whole = new FlowRace(settings).snapshot(false);
    const parted = new FlowRace(settings, undefined, true);
    let calls = 1;
    while (parted.prepare()) calls++;
    expect(calls).toBe(PREPARE_PARTS);
    expect(parted.prepare()).toBe(false);
    expect(parted.snapshot(false)).toEqual(whole);
    // three networks, each measured: a loss near ln 2 for an untrained classifier, a gradient per layer
    expect(whole.runs.map((r) => r.name)).toEqual(['sigmoid', 'tanh', 'relu']);
    for (const run of whole.runs) expect(run.profile.length).toBe(settings.depth + 1);
  });

  test('a race used before its parts are done makes the rest at once, with the same numbers', () => {
    const parted = new FlowRace(settings, undefined, true);
    for (let i = 0; i < 5; i++) parted.prepare();
    expect(parted.snapshot(false)).toEqual(new FlowRace(settings).snapshot(false));
  });

  test('the widget after the warm-up jobs shows what it shows without them; the snapshot is taken once', () => {
    const fresh = new GradientFlowModel({}, { worker: false });
    const jobs = flowJobs();
    expect(jobs.length).toBe(PREPARE_PARTS + 1);
    for (const job of jobs) job();
    // the jobs' snapshot is there until a widget takes it: no second set of jobs
    expect(flowJobs()).toEqual([]);
    const warmed = new GradientFlowModel({}, { worker: false });
    expect(warmed.view).toEqual(fresh.view);
    expect(warmed.lossSeries).toEqual(fresh.lossSeries);
    expect(flowJobs().length).toBe(PREPARE_PARTS + 1);
  });

  test('a state the schema refuses gives no jobs', () => {
    expect(flowJobs({ depth: 1e6 })).toEqual([]);
    expect(flowJobs({ lr: Number.NaN } as unknown as Partial<typeof DEFAULT_STATE>)).toEqual([]);
  });
});

describe('feature lab warm-up', () => {
  const linked: FeatureLabState = { ...DEFAULT_FEATURE_LAB, dataset: 'petals', features: ['x1sq', 'x2sq', 'x1x2'], hidden: 6, seed: 9, linearSteps: 300, networkSteps: 450 };

  const shown = (m: FeatureLabModel) => ({
    state: m.toState(),
    linearScore: m.linearScore,
    networkScore: m.networkScore,
    linearMap: Array.from(m.linearMap),
    networkMap: Array.from(m.networkMap),
    featureMaps: m.featureMaps.map((f) => ({ ...f, values: Array.from(f.values) })),
    unitMaps: m.unitMaps.map((f) => ({ ...f, values: Array.from(f.values) })),
    status: m.status,
  });

  test('a link state warmed ahead (every job, some jobs, none) shows exactly the fresh model', () => {
    const fresh = shown(new FeatureLabModel(linked));
    expect(fresh.state).toEqual({ ...linked, features: ['x1sq', 'x2sq', 'x1x2'] });
    expect(fresh.networkScore.train.accuracy).toBeGreaterThan(0.5);

    const all = labJobs(linked);
    expect(all.length).toBeGreaterThan(8);
    for (const job of all) job();
    expect(shown(new FeatureLabModel({}, linked))).toEqual(fresh);

    const some = labJobs(linked);
    for (const job of some.slice(0, Math.floor(some.length / 2))) job();
    expect(shown(new FeatureLabModel({}, linked))).toEqual(fresh);

    expect(shown(new FeatureLabModel({}, linked))).toEqual(fresh);
  });

  test('the link is applied in the constructor; handing the same link over again changes nothing', () => {
    const m = new FeatureLabModel({}, linked);
    const before = shown(m);
    m.fromLink(linked);
    expect(shown(m)).toEqual(before);
    expect(m.startState()).toEqual(DEFAULT_FEATURE_LAB);
    // a different link is applied
    m.fromLink({ ...linked, networkSteps: 10 });
    expect(m.toState().networkSteps).toBe(10);
  });

  test('a refused link leaves the starting settings; a refused state gives no jobs', () => {
    const bad = { ...linked, hidden: 1e6 } as FeatureLabState;
    expect(labJobs(bad)).toEqual([]);
    expect(new FeatureLabModel({}, bad).toState()).toEqual(DEFAULT_FEATURE_LAB);
  });
});

describe('momentum valley warm-up', () => {
  test('the jobs trace the bowl\'s ten contour levels, the same paths the engine gives afresh', () => {
    const jobs = valleyJobs();
    expect(jobs.length).toBe(11);
    for (const job of jobs) job();
    const bowl = surface('bowl');
    const grid = sampleGrid(bowl.f, bowl.view, 60, 60);
    const levels = logLevels(grid, 0, 10);
    expect(levels.length).toBe(10);
    const fresh = levels.map((level) => {
      const seg = isoline(grid, 60, 60, bowl.view, level);
      let d = '';
      for (let i = 0; i < seg.length; i += 4) d += `M${seg[i].toFixed(3)} ${seg[i + 1].toFixed(3)}L${seg[i + 2].toFixed(3)} ${seg[i + 3].toFixed(3)}`;
      return d;
    });
    expect(valleyContours()).toEqual(fresh);
    expect(new ValleyModel().contours).toEqual(fresh);
    expect(fresh.every((d) => d.startsWith('M') && d.length > 100)).toBe(true);
  });
});
