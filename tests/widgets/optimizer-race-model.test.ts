import { describe, expect, test } from 'vitest';
import { race, surface } from '../../src/engine/index.ts';
import { LR_GRID, RACE_STEPS, TUNED_LR, defaultSettings, racerNames, runnerFor } from '../../src/engine/race-presets.ts';
import { DEFAULT_STATE, RaceModel, presetRacers, raceStateSchema, type RaceState } from '../../src/widgets/OptimizerRace/model.svelte.ts';

const legendOf = (m: RaceModel, name: string) => m.legend.find((l) => l.name === name)!;
const count = (points: string) => points.trim().split(' ').length;

describe('RaceModel', () => {
  test('the default race is Rosenbrock from (−1.2, 1) with the tuned presets, at step 0', () => {
    const m = new RaceModel();
    expect(m.toState()).toEqual(DEFAULT_STATE);
    expect(DEFAULT_STATE).toMatchObject({ surface: 'rosenbrock', start: [-1.2, 1], t: 0, seed: 1 });
    for (const r of racerNames) expect(m.racers[r]).toMatchObject({ on: true, lr: TUNED_LR.rosenbrock[r] });
    expect(m.winner).toBe('No one has arrived yet (within 1e-6 of the minimum’s loss, and stayed).');
    expect(m.paths.every((p) => count(p.points) === 1)).toBe(true);
  });

  test('to step 2000: Momentum arrives first at 405, Adam at 976, Nesterov at 1036; GD still at 0.01371', () => {
    const m = new RaceModel();
    m.seek(RACE_STEPS);
    expect(m.winner).toBe('Momentum arrived first, at step 405 (within 1e-6 of the minimum’s loss, and stayed).');
    expect(legendOf(m, 'adam')).toMatchObject({ state: 'arrived', text: 'arrived at step 976' });
    expect(legendOf(m, 'nesterov').text).toBe('arrived at step 1036');
    expect(legendOf(m, 'gd')).toMatchObject({ state: 'running', text: 'f − f_min = 0.01371' });
    // before step 405 nobody has arrived, at 405 Momentum has
    m.seek(404);
    expect(m.winner).toMatch(/^No one has arrived yet/);
    m.seek(405);
    expect(m.winner).toMatch(/^Momentum arrived first, at step 405/);
  });

  test('the lanes are the engine’s race, bit for bit', () => {
    const m = new RaceModel();
    const s = surface('rosenbrock');
    const lanes = race(s, racerNames.map((r) => runnerFor(r, defaultSettings(r, TUNED_LR.rosenbrock[r]))), s.start, { steps: RACE_STEPS, seed: 1 });
    lanes.forEach((lane, i) => {
      expect(m.lanes[i].path).toEqual(lane.path);
      expect(m.lanes[i].loss).toEqual(lane.loss);
    });
  });

  test('a share link’s state replays to the same step: playhead, paths, loss curves and legend as the original', () => {
    const a = new RaceModel();
    a.setSurface('himmelblau');
    a.setStart(-1, 2.5);
    a.setSetting('adam', 'lr', 0.05);
    a.setSetting('momentum', 'beta', 0.7);
    a.setOn('sgd', false);
    a.setSeed(9);
    a.seek(733);
    const state = a.toState();
    expect(raceStateSchema.safeParse(state).success).toBe(true);
    const link = JSON.parse(JSON.stringify(state)) as RaceState;
    const b = new RaceModel();
    b.fromState(link);
    expect(b.t).toBe(733);
    expect(b.toState()).toEqual(state);
    expect(b.paths).toEqual(a.paths);
    for (const p of b.paths) expect(count(p.points)).toBe(734);
    expect(b.paths.map((p) => p.label)).not.toContain('sgd');
    expect(b.lossSeries).toEqual(a.lossSeries);
    expect(b.lossSeries.every((s) => s.points.at(-1)!.x === 733)).toBe(true);
    expect(b.legend).toEqual(a.legend);
    expect(b.status).toBe(a.status);
    expect(b.status).toMatch(/^Himmelblau, step 733 of 2000\./);
    // and a model built from the link directly (as the page does on open) agrees
    expect(new RaceModel(link).paths).toEqual(a.paths);
  });

  test('setSetting accepts exactly what the share schema accepts, and refuses the rest', () => {
    const m = new RaceModel();
    const before = m.toState();
    const refused: [keyof RaceState['racers']['gd'], number][] = [
      ['lr', 0], ['lr', -1], ['lr', 11], ['lr', Number.NaN], ['lr', Infinity], ['lr', LR_GRID[0] / 2],
      ['beta', 0.42], ['beta', 1], ['beta2', 0.5], ['noise', 3], ['noise', -2],
    ];
    for (const [key, value] of refused) expect([key, value, m.setSetting('adam', key as never, value)]).toEqual([key, value, false]);
    expect(m.setSetting('nobody' as never, 'lr', 0.1)).toBe(false);
    expect(m.toState()).toEqual(before);
    for (const [key, value] of [['lr', 10], ['lr', 1e-5], ['lr', 0.0023], ['beta', 0.99], ['beta2', 0.9], ['noise', 10]] as const) {
      expect(m.setSetting('sgd', key, value)).toBe(true);
      expect(raceStateSchema.safeParse(m.toState()).success).toBe(true);
    }
  });

  test('the other setters ignore values outside the schema', () => {
    const m = new RaceModel();
    const before = m.toState();
    m.setSurface('moon');
    m.setStart(Number.NaN, 0);
    m.setStart(0, Infinity);
    m.setSeed(-1);
    m.setSeed(1.5);
    m.setSeed(2 ** 40);
    m.seek(1.5);
    m.seek(Number.NaN);
    m.setOn('gd', 'yes' as never);
    m.setOn('bogus' as never, false);
    m.setEditing('bogus');
    m.setLrIndex('gd', LR_GRID.length);
    expect(m.toState()).toEqual(before);
    expect(m.editing).toBe('gd');
    // a start off the map is clamped onto it, rounded to 0.01
    m.setStart(99, -99);
    const v = surface('rosenbrock').view;
    expect(m.start).toEqual([v.xMax, v.yMin]);
    m.seek(99_999);
    expect(m.t).toBe(RACE_STEPS);
    expect(raceStateSchema.safeParse(m.toState()).success).toBe(true);
  });

  test('typeLr: bad text keeps η and says why; a valid rate is taken and clears the message', () => {
    const m = new RaceModel();
    for (const raw of ['', 'abc', '1e6', '0', '-0.01']) {
      m.typeLr('gd', raw);
      expect(m.lrError).toBe('η must be a number from 0.00001 to 10; kept η = 0.00178.'.replace('0.00001', String(LR_GRID[0])));
      expect(m.racers.gd.lr).toBe(0.00178);
    }
    m.typeLr('gd', '0.002');
    expect(m.lrError).toBe('');
    expect(m.racers.gd.lr).toBe(0.002);
  });

  test('fromState refuses malformed links and keeps the race as it was', () => {
    const m = new RaceModel();
    m.seek(50);
    const ok = m.toState();
    const bad: unknown[] = [
      { ...ok, t: RACE_STEPS + 1 },
      { ...ok, t: -1 },
      { ...ok, seed: -1 },
      { ...ok, surface: 'moon' },
      { ...ok, start: [Number.NaN, 0] },
      { ...ok, start: [50, 50] },
      { ...ok, racers: { ...ok.racers, gd: { ...ok.racers.gd, lr: 1e6 } } },
      { ...ok, racers: { ...ok.racers, adam: { ...ok.racers.adam, beta: 0.3 } } },
      { ...ok, extra: true },
    ];
    for (const s of bad) expect(() => m.fromState(s as RaceState)).toThrow();
    expect(m.toState()).toEqual(ok);
    expect(new RaceModel({ start: [50, 50] }).toState()).toEqual(DEFAULT_STATE);
  });

  test('a racer that blows up says so in the legend, and no number on view is NaN', () => {
    const m = new RaceModel();
    m.setSetting('gd', 'lr', 10);
    m.seek(RACE_STEPS);
    const gd = legendOf(m, 'gd');
    expect(gd.state).toBe('diverged');
    expect(gd.text).toMatch(/^diverged at step \d+$/);
    const text = [m.status, m.winner, m.startText, ...m.legend.map((l) => l.text), ...m.paths.map((p) => p.points)].join(' ');
    expect(text).not.toMatch(/NaN|Infinity/);
    for (const s of m.lossSeries) for (const p of s.points) expect(Number.isFinite(p.y) && p.y > 0).toBe(true);
  });

  test('the challenge is met with GD at 0.002 run to the end from the default start, not at 0.0019', () => {
    const m = new RaceModel();
    m.setSetting('gd', 'lr', 0.002);
    expect(m.challengeSolved).toBe(false);
    m.seek(RACE_STEPS);
    expect(m.challenge).toEqual({ surface: true, start: true, end: true, loss: true });
    expect(m.challengeSolved).toBe(true);
    m.setSetting('gd', 'lr', 0.0019);
    expect(m.challenge.loss).toBe(false);
    m.setSetting('gd', 'lr', 0.002);
    m.setStart(-1.1, 1);
    expect(m.challenge.start).toBe(false);
  });

  test('setSurface loads that surface’s start and presets; usePresets restores them after edits', () => {
    const m = new RaceModel();
    m.seek(100);
    m.setSurface('bowl');
    expect(m.t).toBe(0);
    expect(m.start).toEqual([...surface('bowl').start]);
    expect(m.racers).toEqual(presetRacers('bowl'));
    m.setSetting('adam', 'lr', 1);
    m.setOn('gd', false);
    m.usePresets();
    expect(m.racers).toEqual(presetRacers('bowl'));
  });
});
