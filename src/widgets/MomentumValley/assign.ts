/**
 * What "Momentum in a valley" can be assigned: the settings η and μ, the factor by which the slower
 * direction shrinks each step and the steps that takes to reach a millionth, for the heavy ball and
 * for plain gradient descent, and where the heavy ball is after the widget's 150 steps. `read` is
 * what the widget shows; `replay` races the two again with the engine from the state alone.
 */
import { momentumRate, race, type Lane } from '../../engine/race.ts';
import { surface } from '../../engine/surfaces.ts';
import type { AssignSpec, MeasureDef, Values } from '../../lib/assignment.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/valley.ts';
import { CURVATURES, stepsTo, VALLEY_LR, VALLEY_STEPS, valleyStateSchema, type ValleyState } from './model.svelte.ts';

export const VALLEY_MEASURES: readonly MeasureDef[] = [
  { id: 'steps', label: t('measure.valley.steps'), kind: 'integer', better: 'low', min: 1, max: 100_000 },
  { id: 'rate', label: t('measure.valley.rate'), kind: 'number', better: 'low', min: 0, max: 1, digits: 3 },
  { id: 'gdSteps', label: t('measure.valley.gdSteps'), kind: 'integer', better: 'low', min: 1, max: 100_000 },
  { id: 'gdRate', label: t('measure.valley.gdRate'), kind: 'number', better: 'low', min: 0, max: 1, digits: 3 },
  { id: 'faster', label: t('measure.valley.faster'), kind: 'flag' },
  { id: 'loss', label: t('measure.valley.loss', { n: VALLEY_STEPS }), kind: 'number', better: 'low', min: 0 },
  { id: 'distance', label: t('measure.valley.distance', { n: VALLEY_STEPS }), kind: 'number', better: 'low', min: 0 },
  { id: 'lr', label: t('measure.valley.lr'), kind: 'number', min: VALLEY_LR[0], max: VALLEY_LR[VALLEY_LR.length - 1] },
  { id: 'beta', label: t('measure.valley.beta'), kind: 'number', min: 0, max: 0.99, digits: 2 },
];

const bowl = surface('bowl');
const whole = (n: number) => (Number.isFinite(n) ? n : null);

/** The measures of a state, with the heavy ball's lane (the first lane the widget races). */
export function valleyValues(s: ValleyState, heavy: Lane): Values {
  const rate = Math.max(...CURVATURES.map((c) => momentumRate(s.lr, s.beta, c)));
  const gdRate = Math.max(...CURVATURES.map((c) => momentumRate(s.lr, 0, c)));
  const steps = stepsTo(rate);
  const gdSteps = stepsTo(gdRate);
  const k = heavy.loss.length - 1;
  return {
    steps: whole(steps),
    rate,
    gdSteps: whole(gdSteps),
    gdRate,
    faster: steps < gdSteps,
    loss: heavy.loss[k],
    distance: Math.hypot(heavy.path[2 * k], heavy.path[2 * k + 1]),
    lr: s.lr,
    beta: s.beta,
  };
}

/** Races the heavy ball of a state's link again from the bowl's start and measures it. */
export async function replayValley(state: ValleyState): Promise<Values> {
  const s = valleyStateSchema.parse(state);
  const [heavy] = race(bowl, [{ spec: { kind: 'momentum', lr: s.lr, momentum: s.beta } }], bowl.start, { steps: VALLEY_STEPS });
  return valleyValues(s, heavy);
}

/** The widget's assignment spec, reading live values from its model. */
export function valleyAssign(model: { toState(): ValleyState; lanes: Lane[] }): AssignSpec<ValleyState> {
  return {
    measures: VALLEY_MEASURES,
    read: () => valleyValues(model.toState(), model.lanes[0]),
    replay: replayValley,
  };
}
