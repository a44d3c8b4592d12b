/**
 * What the activation explorer can be assigned: where the cursor is, the x range, how many
 * functions are shown, and for each function the readout at the cursor, its value f(x) and its
 * slope f′(x) (none where the slope does not exist, at ReLU's corner or the step's jump, and none
 * for a function that is not shown). Every value is the engine's, of the state alone, so the live
 * values and a replay of a link are one computation.
 */
import type { AssignSpec, MeasureDef, Values } from '../../lib/assignment.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/explorer.ts';
import { activation, type ActivationName } from '../../engine/activations.ts';
import { derivativeAt } from '../../engine/derivative-facts.ts';
import { EXPLORER_FUNCTIONS, explorerStateSchema, RANGE_MAX, RANGE_MIN, snap, cursorStep, type ExplorerFunction, type ExplorerState } from './model.svelte.ts';

/** Each function as a measure id part (its measures' labels are `measure.explorer.<id>`). */
const NAMES: Record<ExplorerFunction, string> = {
  step: 'step',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  leaky_relu: 'leakyRelu',
  elu: 'elu',
  gelu: 'gelu',
  softplus: 'softplus',
};

/** The ids of a function's value and slope at the cursor. */
export const valueId = (fn: ExplorerFunction) => `${NAMES[fn]}Value`;
export const slopeId = (fn: ExplorerFunction) => `${NAMES[fn]}Slope`;

export const EXPLORER_MEASURES: readonly MeasureDef[] = [
  { id: 'x', label: t('measure.explorer.x'), kind: 'number', min: -RANGE_MAX, max: RANGE_MAX },
  { id: 'range', label: t('measure.explorer.range'), kind: 'number', min: RANGE_MIN, max: RANGE_MAX },
  { id: 'shown', label: t('measure.explorer.shown'), kind: 'integer', min: 1, max: EXPLORER_FUNCTIONS.length },
  ...EXPLORER_FUNCTIONS.flatMap((fn): MeasureDef[] => [
    { id: valueId(fn), label: t(`measure.explorer.${valueId(fn)}` as MessageKey), kind: 'number' },
    { id: slopeId(fn), label: t(`measure.explorer.${slopeId(fn)}` as MessageKey), kind: 'number' },
  ]),
];

const finite = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);

/** The measures of a state: the readout at its cursor for the functions it shows. */
export function explorerValues(s: ExplorerState): Values {
  const values: Values = { x: s.x, range: s.range, shown: s.fns.length };
  for (const fn of EXPLORER_FUNCTIONS) {
    const shown = s.fns.includes(fn);
    values[valueId(fn)] = shown ? finite(activation(fn as ActivationName).f(s.x)) : null;
    values[slopeId(fn)] = shown ? finite(derivativeAt(fn as ActivationName, s.x)) : null;
  }
  return values;
}

/** What a state's link shows: the cursor kept in range and snapped to its step, as the widget places it. */
export async function replayExplorer(state: ExplorerState): Promise<Values> {
  const s = explorerStateSchema.parse(state);
  const x = snap(s.x, cursorStep(s.range), s.range);
  return explorerValues({ fns: EXPLORER_FUNCTIONS.filter((f) => s.fns.includes(f)), range: s.range, x });
}

/** The explorer's assignment spec, reading live values from its model. */
export function explorerAssign(model: { toState(): ExplorerState }): AssignSpec<ExplorerState> {
  return { measures: EXPLORER_MEASURES, read: () => explorerValues(model.toState()), replay: replayExplorer };
}
