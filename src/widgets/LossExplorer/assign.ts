/**
 * What the loss explorer can be assigned: for the prediction ŷ and target y on screen, both losses
 * and the error signal ∂L/∂z each sends back through a sigmoid output; for the lesson's network, the
 * loss and backprop's slope as one chosen weight moves, and the settings behind them. `read` takes
 * the widget's live numbers; `replay` computes them again from a state with the engine alone.
 */
import { createMLP } from '../../engine/mlp.ts';
import { lossCurve, type LossCurve } from '../../engine/loss-curves.ts';
import { weightProbe } from '../../engine/weight-probe.ts';
import { type AssignSpec, type MeasureDef, type Values } from '../../lib/assignment.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/lossx.ts';
import '../../i18n/strings/stepper.ts';
import { PRESET_STATES } from '../BackpropStepper/presets.ts';
import { lossExplorerSchema, NET_LOSSES, PARAM_LABELS, P_MAX, P_MIN, TARGETS, W_LIMIT, type LossExplorerState } from './model.svelte.ts';

export const LOSS_EXPLORER_MEASURES: readonly MeasureDef[] = [
  { id: 'bce', label: t('measure.lossx.bce'), kind: 'number', better: 'low', min: 0, max: 7 },
  { id: 'mse', label: t('measure.lossx.mse'), kind: 'number', better: 'low', min: 0, max: 1 },
  { id: 'bceDz', label: t('measure.lossx.bceDz'), kind: 'number', min: -1, max: 1 },
  { id: 'mseDz', label: t('measure.lossx.mseDz'), kind: 'number', min: -1, max: 1 },
  { id: 'prediction', label: t('measure.lossx.prediction'), kind: 'number', min: P_MIN, max: P_MAX, digits: 3 },
  { id: 'target', label: t('measure.lossx.target'), kind: 'choice', choices: TARGETS.map((y) => ({ value: String(y), label: String(y) })) },
  { id: 'netLoss', label: t('measure.lossx.netLoss'), kind: 'number', better: 'low', min: 0 },
  { id: 'slope', label: t('measure.lossx.slope'), kind: 'number' },
  { id: 'weightValue', label: t('measure.lossx.weightValue'), kind: 'number', min: -W_LIMIT, max: W_LIMIT, digits: 2 },
  { id: 'weight', label: t('measure.lossx.weight'), kind: 'choice', choices: PARAM_LABELS.map((name, i) => ({ value: String(i), label: name })) },
  { id: 'lossKind', label: t('measure.lossx.lossKind'), kind: 'choice', choices: NET_LOSSES.map((l) => ({ value: l, label: t(`stepper.loss.${l}`) })) },
];

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The measures of a state: the curves' values at its ŷ, and the network probed along its weight. */
export function lossExplorerValues(s: LossExplorerState, point: { mse: LossCurve; bce: LossCurve }, probe: { loss: number; grad: number }): Values {
  return {
    bce: finite(point.bce.value[0]),
    mse: finite(point.mse.value[0]),
    bceDz: finite(point.bce.dz[0]),
    mseDz: finite(point.mse.dz[0]),
    prediction: s.p,
    target: String(s.y),
    netLoss: finite(probe.loss),
    slope: finite(probe.grad),
    weightValue: s.w,
    weight: String(s.param),
    lossKind: s.loss,
  };
}

/** The explorer's numbers for a state, from the engine alone: the curves at ŷ, and the worked example with one weight set. */
export async function replayLossExplorer(state: LossExplorerState): Promise<Values> {
  const s = lossExplorerSchema.parse(state);
  const example = PRESET_STATES.lesson;
  const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid' });
  net.params.set(example.params);
  net.params[s.param] = s.w;
  const probe = weightProbe(net, [example.x], [example.y], s.loss, s.param, [s.w]);
  return lossExplorerValues(s, { mse: lossCurve('mse', s.y, [s.p]), bce: lossCurve('bce', s.y, [s.p]) }, probe);
}

/** The explorer's assignment spec, reading live values from its model. */
export function lossExplorerAssign(model: {
  toState: () => LossExplorerState;
  point: { mse: LossCurve; bce: LossCurve };
  probe: { loss: number; grad: number };
}): AssignSpec<LossExplorerState> {
  return {
    measures: LOSS_EXPLORER_MEASURES,
    read: () => lossExplorerValues(model.toState(), model.point, model.probe),
    replay: replayLossExplorer,
  };
}
