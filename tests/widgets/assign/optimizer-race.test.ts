/**
 * The optimizer race: assignments. What the widget shows at its playhead after opening a state's
 * link is what a fresh replay of that state measures; the measures are the chapter's numbers and
 * its challenge; a result link is judged by the replay alone.
 */
import { describe, expect, test } from 'vitest';
import { raceAssign, RACE_MEASURES, replayRace } from '../../../src/widgets/OptimizerRace/assign.ts';
import { DEFAULT_STATE, presetRacers, RaceModel, RACE_STEPS, type RaceState } from '../../../src/widgets/OptimizerRace/model.svelte.ts';
import { assignmentProblem, verdict, type Assignment } from '../../../src/lib/assignment.ts';
import { parseCSV } from '../code/harness.ts';

function opened(state: RaceState): RaceModel {
  const m = new RaceModel();
  m.fromState(structuredClone(state));
  return m;
}
const only = (s: RaceState, on: string[]): RaceState => ({
  ...s,
  racers: Object.fromEntries(Object.entries(s.racers).map(([r, v]) => [r, { ...v, on: on.includes(r) }])) as RaceState['racers'],
});
const end: RaceState = { ...DEFAULT_STATE, t: RACE_STEPS };
const bowl: RaceState = { surface: 'bowl', start: [-3.5, 1.5], racers: presetRacers('bowl'), t: RACE_STEPS, seed: 1 };
const withGd = (lr: number): RaceState => ({ ...end, racers: { ...end.racers, gd: { ...end.racers.gd, lr } } });

const states: [string, RaceState][] = [
  ['the default, at step 0', DEFAULT_STATE],
  ['Rosenbrock run to the end', end],
  ['Rosenbrock at step 500', { ...DEFAULT_STATE, t: 500 }],
  ['bowl, SGD and Adagrad only, seed 7', only({ ...bowl, seed: 7 }, ['sgd', 'adagrad'])],
  ['Himmelblau, Nesterov at lr 1 (diverges), moved start', only({
    surface: 'himmelblau', start: [-1, 1.5], seed: 3, t: 800,
    racers: { ...presetRacers('himmelblau'), nesterov: { ...presetRacers('himmelblau').nesterov, lr: 1 } },
  }, ['nesterov', 'rmsprop', 'gd'])],
];

const assignment = (goals: Assignment['goals']): Assignment => ({ v: 1, widget: 'optimizer-race', lesson: '06-optimizers', note: '', goals });

describe('Optimizer race: assignments', () => {
  test.each(states)('a fresh replay measures what the widget shows after opening the link: %s', async (_name, s) => {
    const m = opened(s);
    const live = raceAssign(m).read();
    expect(await replayRace(structuredClone(s))).toEqual(live);
  });

  test('the measures are the chapter’s race results and the widget’s CSV', async () => {
    // Rosenbrock with the presets: Momentum arrives first at step 405, then Adam and Nesterov; GD ends at 0.0137
    const v = await replayRace(end);
    expect(v).toMatchObject({ winner: 'momentum', winnerSteps: 405, arrived: 3, steps: 2000, racersOn: 7, surface: 'rosenbrock', fromStart: true });
    expect((v.gdLoss as number).toFixed(4)).toBe('0.0137');
    const m = opened(end);
    expect(m.winner).toMatch(/^Momentum arrived first, at step 405\b/);
    // GD's loss is the last GD row of the CSV (optimizer, step, θ₁, θ₂, loss; the minimum's value is 0)
    const gdRows = parseCSV(m.csv()).rows.filter((r) => r[0] === 'gd');
    expect(Number(gdRows.at(-1)![4])).toBe(v.gdLoss);
    // before step 405 nobody has arrived
    expect(await replayRace({ ...end, t: 404 })).toMatchObject({ winner: null, winnerSteps: null, arrived: 0 });
    // on the bowl Adagrad arrives in 9 steps
    expect(await replayRace(bowl)).toMatchObject({ winner: 'adagrad', winnerSteps: 9 });
    // Himmelblau from a moved start: GD arrives at step 8; Nesterov at lr 1 ran off at step 2 and has no loss to show
    const him = await replayRace(states[4][1]);
    expect(him).toMatchObject({ winner: 'gd', winnerSteps: 8, arrived: 1, racersOn: 3, fromStart: false });
    expect(him.bestLoss).toBe(him.gdLoss);
    expect(opened(states[4][1]).legend.map((l) => l.state)).toEqual(['arrived', 'diverged', 'running']);
  });

  test('the chapter’s challenge as an assignment: GD at 0.002 meets it, 0.0019 does not', async () => {
    const a = assignment([
      { m: 'gdLoss', op: '<', v: 0.01 },
      { m: 'steps', op: '>=', v: 2000 },
      { m: 'surface', op: '=', v: 'rosenbrock' },
      { m: 'fromStart', op: '=', v: true },
    ]);
    expect(assignmentProblem(a, RACE_MEASURES)).toBeNull();
    const good = await replayRace(withGd(0.002));
    const honest = verdict({ a, claimed: good }, RACE_MEASURES, good);
    expect(honest.met).toBe(true);
    expect(honest.mismatches).toEqual([]);
    // the model's own challenge check agrees
    expect(opened(withGd(0.002)).challengeSolved).toBe(true);
    // forged: the claims of the good run, but the state has GD at 0.0019
    const short = await replayRace(withGd(0.0019));
    expect(short.gdLoss as number).toBeGreaterThanOrEqual(0.01);
    const forged = verdict({ a, claimed: good }, RACE_MEASURES, short);
    expect(forged.met).toBe(false);
    expect(forged.mismatches.map((x) => x.label)).toEqual(['plain GD’s loss above the minimum']);
  });

  test('assignmentProblem names a measure the widget lacks and a value out of range', () => {
    expect(assignmentProblem(assignment([{ m: 'testLoss', op: '<', v: 0.2 }]), RACE_MEASURES)).toMatch(/cannot measure "testLoss"/);
    expect(assignmentProblem(assignment([{ m: 'winnerSteps', op: '<', v: 5000 }]), RACE_MEASURES)).toBe('step of the first arrival is at most 2000');
    expect(assignmentProblem(assignment([{ m: 'winner', op: '=', v: 'lbfgs' }]), RACE_MEASURES)).toBe('first to arrive cannot be "lbfgs"');
    expect(assignmentProblem(assignment([{ m: 'winner', op: '<', v: 'adam' }]), RACE_MEASURES)).toBe('first to arrive cannot be compared with <');
  });

  test('worked example: make Adam arrive first on Rosenbrock (switch Momentum off, Run to the end)', async () => {
    const a = assignment([{ m: 'winner', op: '=', v: 'adam' }, { m: 'surface', op: '=', v: 'rosenbrock' }, { m: 'racersOn', op: '>=', v: 6 }]);
    expect(assignmentProblem(a, RACE_MEASURES)).toBeNull();
    const m = opened(DEFAULT_STATE);
    const before = raceAssign(m).read();
    expect(verdict({ a, claimed: before }, RACE_MEASURES, before).met).toBe(false);
    // what the learner does: untick Momentum, then Run (here: the playhead moved to the end)
    m.setOn('momentum', false);
    m.seek(RACE_STEPS);
    const reached = m.toState();
    const v = await replayRace(reached);
    expect(v).toMatchObject({ winner: 'adam', winnerSteps: 976, racersOn: 6 });
    const result = verdict({ a, claimed: raceAssign(m).read() }, RACE_MEASURES, v);
    expect(result.met).toBe(true);
    expect(result.mismatches).toEqual([]);
    // switching every other racer off is not what was asked: fewer than 6 racers
    expect(verdict({ a, claimed: {} }, RACE_MEASURES, await replayRace(only(end, ['adam']))).met).toBe(false);
  });
});
