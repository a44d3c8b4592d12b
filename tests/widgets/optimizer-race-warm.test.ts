/** The race's warm-up (jobs run before hydrating) and single lanes give exactly the race's numbers. */
import { describe, expect, test } from 'vitest';
import { race, raceLane } from '../../src/engine/race.ts';
import { surface } from '../../src/engine/surfaces.ts';
import { RACE_STEPS, racerNames, runnerFor } from '../../src/engine/race-presets.ts';
import { DEFAULT_STATE, RaceModel, contoursOf, warmUpJobs, type RaceState } from '../../src/widgets/OptimizerRace/model.svelte.ts';

const linked: RaceState = { ...DEFAULT_STATE, start: [-1, 1.5], seed: 7 };

describe('optimizer race warm-up', () => {
  test('raceLane(i) is race()[i], bit for bit, noise included', () => {
    const s = surface(linked.surface);
    const runners = racerNames.map((r) => runnerFor(r, linked.racers[r]));
    const all = race(s, runners, linked.start, { steps: RACE_STEPS, seed: linked.seed });
    runners.forEach((runner, i) => expect(raceLane(s, runner, i, linked.start, { steps: RACE_STEPS, seed: linked.seed })).toEqual(all[i]));
  });
  test('a model after the warm-up jobs shows the same lanes and contours as the engine computes afresh', () => {
    const jobs = warmUpJobs(linked);
    expect(jobs.length).toBe(1 + 14 + racerNames.length);
    for (const job of jobs) job();
    const model = new RaceModel(linked);
    const s = surface(linked.surface);
    const fresh = race(s, racerNames.map((r) => runnerFor(r, linked.racers[r])), linked.start, { steps: RACE_STEPS, seed: linked.seed });
    expect(model.lanes).toEqual(fresh);
    expect(model.contours).toEqual(contoursOf(linked.surface));
    expect(model.contours.length).toBe(14);
    expect(model.contours.every((d) => d.startsWith('M'))).toBe(true);
  });
});
