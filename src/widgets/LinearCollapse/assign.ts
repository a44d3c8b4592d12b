/**
 * What the linear-collapse widget can be assigned: the stack's shape (layers, units per hidden
 * layer, the activation, the seed of its weights), the one layer the stack without activations
 * collapses to (its slope and intercept), how far the stack is from that layer (rounding only),
 * and how much the activation bends the same stack. Every value is the engine's `stackCurves` of
 * the state, so the live values and a replay of a link are one computation.
 */
import type { AssignSpec, MeasureDef, Values } from '../../lib/assignment.ts';
import { stackCurves, type StackCurves } from '../../engine/collapse.ts';
import { MAX_SEED } from '../../components/widget/seed.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/collapse.ts';
import { COLLAPSE_ACTIVATIONS, collapseStateSchema, DEPTH_RANGE, WIDTH_RANGE, X_RANGE, type CollapseState } from './model.svelte.ts';

export const COLLAPSE_MEASURES: readonly MeasureDef[] = [
  { id: 'slope', label: t('measure.collapse.slope'), kind: 'number' },
  { id: 'intercept', label: t('measure.collapse.intercept'), kind: 'number' },
  { id: 'bend', label: t('measure.collapse.bend'), kind: 'number', better: 'high', min: 0 },
  { id: 'gap', label: t('measure.collapse.gap'), kind: 'number', better: 'low', min: 0 },
  { id: 'depth', label: t('measure.collapse.depth'), kind: 'integer', better: 'low', min: DEPTH_RANGE[0], max: DEPTH_RANGE[1] },
  { id: 'width', label: t('measure.collapse.width'), kind: 'integer', better: 'low', min: WIDTH_RANGE[0], max: WIDTH_RANGE[1] },
  { id: 'activation', label: t('measure.collapse.activation'), kind: 'choice', choices: COLLAPSE_ACTIVATIONS.map((a) => ({ value: a, label: t(`collapse.act.${a}` as MessageKey) })) },
  { id: 'seed', label: t('measure.collapse.seed'), kind: 'integer', min: 0, max: MAX_SEED },
];

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The measures of a state, from its curves (computed once by the widget, or by the replay). */
export function collapseValues(s: CollapseState, c: Pick<StackCurves, 'slope' | 'intercept' | 'bend' | 'collapseGap'>): Values {
  return {
    slope: finite(c.slope),
    intercept: finite(c.intercept),
    bend: finite(c.bend),
    gap: finite(c.collapseGap),
    depth: s.depth,
    width: s.width,
    activation: s.activation,
    seed: s.seed,
  };
}

/** The curves a state's link draws, from scratch. */
export async function replayCollapse(state: CollapseState): Promise<Values> {
  const s = collapseStateSchema.parse(state);
  return collapseValues(s, stackCurves({ depth: s.depth, width: s.width, activation: s.activation, seed: s.seed }, -X_RANGE, X_RANGE));
}

/** The widget's assignment spec, reading the curves it already drew. */
export function collapseAssign(model: { toState(): CollapseState; curves: StackCurves }): AssignSpec<CollapseState> {
  return { measures: COLLAPSE_MEASURES, read: () => collapseValues(model.toState(), model.curves), replay: replayCollapse };
}
