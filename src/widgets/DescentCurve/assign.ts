/**
 * What "Descent on a curve" can be assigned: where the ball ended (its loss and its distance to the
 * lowest minimum), the steps it took, whether it settled or ran off, the regime the learning rate
 * puts it in, and the settings (curve, η, start). `read` is what the widget shows; `replay` walks
 * the state's path again with the engine's `descend`, the same call the widget's model makes.
 */
import { curve, curveNames, descend, quadraticRegime, type DescentPath, type Regime } from '../../engine/descent.ts';
import type { AssignSpec, MeasureDef, Values } from '../../lib/assignment.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/descent.ts';
import { descentStateSchema, LR_RANGE, MAX_STEPS, type DescentState } from './model.svelte.ts';

const REGIMES: readonly Regime[] = ['still', 'crawl', 'converge', 'one-step', 'oscillate', 'bounce', 'diverge'];
/** The ball has settled once it is within this of a minimum (a millionth, as in the chapter). */
export const SETTLED_WITHIN = 1e-6;

export const DESCENT_MEASURES: readonly MeasureDef[] = [
  { id: 'loss', label: t('measure.descent.loss'), kind: 'number', better: 'low', min: 0 },
  { id: 'distance', label: t('measure.descent.distance'), kind: 'number', better: 'low', min: 0 },
  { id: 'steps', label: t('measure.descent.steps'), kind: 'integer', better: 'low', min: 0, max: MAX_STEPS },
  { id: 'settled', label: t('measure.descent.settled'), kind: 'flag' },
  { id: 'diverged', label: t('measure.descent.diverged'), kind: 'flag' },
  { id: 'regime', label: t('measure.descent.regime'), kind: 'choice', choices: REGIMES.map((r) => ({ value: r, label: t(`descent.regime.${r}` as MessageKey) })) },
  { id: 'lr', label: t('measure.descent.lr'), kind: 'number', min: LR_RANGE[0], max: LR_RANGE[1] },
  { id: 'start', label: t('measure.descent.start'), kind: 'number', min: -3, max: 5 },
  { id: 'curve', label: t('measure.descent.curve'), kind: 'choice', choices: curveNames.map((c) => ({ value: c, label: t(`descent.curve.${c}` as MessageKey) })) },
];

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The measures of a state and its path (the path `descend` gives for that state). */
export function descentValues(s: DescentState, path: DescentPath): Values {
  const c = curve(s.curve);
  const w = path.w[path.taken];
  const nearest = Math.min(...c.minima.map((m) => Math.abs(w - m)));
  return {
    loss: finite(path.loss[path.taken]),
    distance: finite(Math.abs(w - c.minima[0])),
    steps: path.taken,
    settled: !path.diverged && nearest < SETTLED_WITHIN,
    diverged: path.diverged,
    regime: quadraticRegime(s.lr, c.curvature).regime,
    lr: s.lr,
    start: s.w0,
    curve: s.curve,
  };
}

/** The path a state's link shows, walked again from scratch. */
export async function replayDescent(state: DescentState): Promise<Values> {
  const s = descentStateSchema.parse(state);
  const view = curve(s.curve).view;
  if (s.w0 < view.wMin || s.w0 > view.wMax) throw new Error('start outside the curve');
  return descentValues(s, descend(curve(s.curve), s.w0, s.lr, s.steps));
}

/** The widget's assignment spec, reading live values from its model. */
export function descentAssign(model: { toState(): DescentState; path: DescentPath }): AssignSpec<DescentState> {
  return {
    measures: DESCENT_MEASURES,
    read: () => descentValues(model.toState(), model.path),
    replay: replayDescent,
  };
}
