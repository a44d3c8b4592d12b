/**
 * What the optimizer race can be assigned, at its playhead: who arrived first and at which step,
 * how many racers have arrived, the lowest loss any racer on has reached, plain GD's loss (the
 * chapter's challenge), the steps run, the surface and whether the race starts from the surface's
 * own start. `read` is what the widget shows; `replay` runs the state's race again with the engine,
 * from the state alone (the race is deterministic: same seed, same paths).
 */
import { race, type Lane } from '../../engine/race.ts';
import { surface, surfaceNames } from '../../engine/surfaces.ts';
import { racerNames, RACE_STEPS, runnerFor, settledAt } from '../../engine/race-presets.ts';
import type { AssignSpec, MeasureDef, Values } from '../../lib/assignment.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/race.ts';
import { raceStateSchema, type RaceState } from './model.svelte.ts';

export const RACE_MEASURES: readonly MeasureDef[] = [
  { id: 'winner', label: t('measure.race.winner'), kind: 'choice', choices: racerNames.map((r) => ({ value: r, label: t(`race.racer.${r}` as MessageKey) })) },
  { id: 'winnerSteps', label: t('measure.race.winnerSteps'), kind: 'integer', better: 'low', min: 0, max: RACE_STEPS },
  { id: 'arrived', label: t('measure.race.arrived'), kind: 'integer', better: 'high', min: 0, max: racerNames.length },
  { id: 'bestLoss', label: t('measure.race.bestLoss'), kind: 'number', better: 'low', min: 0 },
  { id: 'gdLoss', label: t('measure.race.gdLoss'), kind: 'number', better: 'low', min: 0 },
  { id: 'steps', label: t('measure.race.steps'), kind: 'integer', better: 'high', min: 0, max: RACE_STEPS },
  { id: 'racersOn', label: t('measure.race.racersOn'), kind: 'integer', min: 0, max: racerNames.length },
  { id: 'surface', label: t('measure.race.surface'), kind: 'choice', choices: surfaceNames.map((s) => ({ value: s, label: t(`race.surface.${s}` as MessageKey) })) },
  { id: 'fromStart', label: t('measure.race.fromStart'), kind: 'flag' },
];

type Shown = Pick<RaceState, 'surface' | 'start' | 'racers' | 't'>;

/** The measures of a race at its playhead, from every racer's lane (in `racerNames` order). */
export function raceValues(s: Shown, lanes: readonly Lane[]): Values {
  const surf = surface(s.surface);
  let winner: { r: string; n: number } | null = null;
  let arrived = 0;
  let on = 0;
  let best: number | null = null;
  let gd: number | null = null;
  racerNames.forEach((r, i) => {
    if (!s.racers[r].on) return;
    on += 1;
    const lane = lanes[i];
    const a = settledAt(lane, surf.minValue);
    if (a !== null && a <= s.t) {
      arrived += 1;
      // ties go to the racer listed first, as in the widget's status
      if (winner === null || a < winner.n) winner = { r, n: a };
    }
    const last = lane.loss.length - 1;
    if (lane.diverged && last < s.t) return; // ran off before the playhead: no loss to show
    const loss = lane.loss[Math.min(s.t, last)] - surf.minValue;
    if (!Number.isFinite(loss)) return;
    if (best === null || loss < best) best = loss;
    if (r === 'gd') gd = loss;
  });
  const w = winner as { r: string; n: number } | null;
  return {
    winner: w ? w.r : null,
    winnerSteps: w ? w.n : null,
    arrived,
    bestLoss: best,
    gdLoss: gd,
    steps: s.t,
    racersOn: on,
    surface: s.surface,
    fromStart: s.start[0] === surf.start[0] && s.start[1] === surf.start[1],
  };
}

/** Runs a state's race again from scratch, as its link does, and measures it at the playhead. */
export async function replayRace(state: RaceState): Promise<Values> {
  const s = raceStateSchema.parse(state);
  const surf = surface(s.surface);
  const v = surf.view;
  if (s.start[0] < v.xMin || s.start[0] > v.xMax || s.start[1] < v.yMin || s.start[1] > v.yMax) throw new Error('the start lies outside the map');
  const runners = racerNames.map((r) => {
    const { lr, beta, beta2, noise } = s.racers[r];
    return runnerFor(r, { lr, beta, beta2, noise });
  });
  return raceValues(s, race(surf, runners, [s.start[0], s.start[1]], { steps: RACE_STEPS, seed: s.seed }));
}

/** The widget's assignment spec, reading live values from its model. */
export function raceAssign(model: { surfaceName: RaceState['surface']; start: [number, number]; racers: RaceState['racers']; t: number; lanes: Lane[] }): AssignSpec<RaceState> {
  return {
    measures: RACE_MEASURES,
    read: () => raceValues({ surface: model.surfaceName, start: model.start, racers: model.racers, t: model.t }, model.lanes),
    replay: replayRace,
  };
}
