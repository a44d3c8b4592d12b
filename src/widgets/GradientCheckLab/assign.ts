/**
 * What the gradient-check lab can be assigned: the relative error between backprop's gradient and
 * the central difference for the chosen parameter at the chosen step ε, whether the check passes,
 * how many of the nine parameters fail it, and the settings (parameter, ε, the planted bug).
 * `read` takes the widget's live numbers; `replay` computes them again from a state with the engine.
 */
import { backpropSteps } from '../../engine/backprop-steps.ts';
import { createMLP } from '../../engine/mlp.ts';
import { epsilonSweep } from '../../engine/gradient-check.ts';
import { type AssignSpec, type MeasureDef, type Values } from '../../lib/assignment.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/gradlab.ts';
import { PRESET_STATES } from '../BackpropStepper/presets.ts';
import { PARAM_LABELS } from '../LossExplorer/model.svelte.ts';
import { BAD, GOOD, gradLabSchema, type CheckRow, type GradLabState } from './model.svelte.ts';

export const GRAD_LAB_MEASURES: readonly MeasureDef[] = [
  { id: 'relError', label: t('measure.gradlab.relError'), kind: 'number', better: 'low', min: 0 },
  { id: 'passes', label: t('measure.gradlab.passes'), kind: 'flag' },
  { id: 'eps', label: t('measure.gradlab.eps'), kind: 'number', min: 1e-12, max: 0.1 },
  { id: 'failing', label: t('measure.gradlab.failing'), kind: 'integer', min: 0, max: 9 },
  { id: 'bug', label: t('measure.gradlab.bug'), kind: 'flag' },
  { id: 'param', label: t('measure.gradlab.param'), kind: 'choice', choices: PARAM_LABELS.map((name, i) => ({ value: String(i), label: name })) },
  { id: 'analytic', label: t('measure.gradlab.analytic'), kind: 'number' },
  { id: 'numeric', label: t('measure.gradlab.numeric'), kind: 'number' },
];

/** ε = 10^e to 12 digits, as the slider shows it: exactly 1e−5 in every browser (10 ** −5 is not correctly rounded in all of them). */
export function epsValue(exponent: number): number {
  return Number((10 ** exponent).toPrecision(12));
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The measures of a state from its nine checks at its ε. */
export function gradLabValues(s: GradLabState, rows: readonly CheckRow[]): Values {
  const current = rows[s.param];
  return {
    relError: finite(current.relError),
    passes: current.relError < GOOD,
    eps: epsValue(s.eps),
    failing: rows.filter((r) => r.relError > BAD).length,
    bug: s.bug,
    param: String(s.param),
    analytic: finite(current.analytic),
    numeric: finite(current.numeric),
  };
}

/** Every parameter of the lesson's network checked at a state's ε, from the engine alone. */
export async function replayGradLab(state: GradLabState): Promise<Values> {
  const s = gradLabSchema.parse(state);
  const example = PRESET_STATES.lesson;
  const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid' });
  net.params.set(example.params);
  const analytic = backpropSteps(net, example.x, example.y, 'bce', { bug: s.bug ? 'drop-df' : null }).grad;
  const rows = Array.from(analytic, (a, index): CheckRow => {
    const [row] = epsilonSweep(net, [example.x], [example.y], 'bce', index, a, [10 ** s.eps]);
    return { index, name: PARAM_LABELS[index], analytic: a, numeric: row.numeric, relError: row.relError };
  });
  return gradLabValues(s, rows);
}

/** The lab's assignment spec, reading live values from its model. */
export function gradLabAssign(model: { toState: () => GradLabState; rows: CheckRow[] }): AssignSpec<GradLabState> {
  return {
    measures: GRAD_LAB_MEASURES,
    read: () => gradLabValues(model.toState(), model.rows),
    replay: replayGradLab,
  };
}
