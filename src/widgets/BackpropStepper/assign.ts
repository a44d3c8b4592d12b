/**
 * What the backprop stepper can be assigned: the loss and the prediction at the current weights,
 * the output unit's error signal and the largest gradient, how many updates have been made and how
 * far through the pass the learner has stepped, the flat-spot challenge and the twin hidden units,
 * and the settings. `read` takes the widget's live numbers; `replay` runs the pass again from a
 * state's weights with the engine (the weights already hold every update made).
 */
import { backpropSteps, type BackpropPass } from '../../engine/backprop-steps.ts';
import { createMLP } from '../../engine/mlp.ts';
import { type AssignSpec, type MeasureDef, type Values } from '../../lib/assignment.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/stepper.ts';
import { HIDDEN, LEARNING_RATES, LOSSES, MAX_ITERATION, sizesOf, stepperSchema, type StepperState } from './presets.ts';

export const STEPPER_MEASURES: readonly MeasureDef[] = [
  { id: 'loss', label: t('measure.stepper.loss'), kind: 'number', better: 'low', min: 0 },
  { id: 'updates', label: t('measure.stepper.updates'), kind: 'integer', better: 'low', min: 0, max: MAX_ITERATION },
  { id: 'prediction', label: t('measure.stepper.prediction'), kind: 'number', min: 0, max: 1 },
  { id: 'outputDelta', label: t('measure.stepper.outputDelta'), kind: 'number' },
  { id: 'maxGrad', label: t('measure.stepper.maxGrad'), kind: 'number', min: 0 },
  { id: 'stepsDone', label: t('measure.stepper.stepsDone'), kind: 'integer', min: 0, max: 200 },
  { id: 'flatSpot', label: t('measure.stepper.flatSpot'), kind: 'flag' },
  { id: 'twins', label: t('measure.stepper.twins'), kind: 'flag' },
  { id: 'lossKind', label: t('measure.stepper.lossKind'), kind: 'choice', choices: LOSSES.map((l) => ({ value: l, label: t(`stepper.loss.${l}`) })) },
  { id: 'hidden', label: t('measure.stepper.hidden'), kind: 'choice', choices: HIDDEN.map((h) => ({ value: h, label: t(`stepper.act.${h}`) })) },
  { id: 'lr', label: t('measure.stepper.lr'), kind: 'number', min: LEARNING_RATES[0], max: LEARNING_RATES[LEARNING_RATES.length - 1] },
];

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** Whether the two hidden units have equal incoming weights and bias and every output weighs them equally. */
function twins(s: StepperState): boolean {
  const p = s.params;
  if (p[0] !== p[2] || p[1] !== p[3] || p[4] !== p[5]) return false;
  for (let j = 0; j < sizesOf(s.arch)[2]; j++) if (p[6 + 2 * j] !== p[7 + 2 * j]) return false;
  return true;
}

/** The measures of a state and the pass at its weights. */
export function stepperValues(s: StepperState, pass: BackpropPass): Values {
  const [n0, n1] = sizesOf(s.arch);
  const maxGrad = Math.max(...Array.from(pass.grad, Math.abs));
  return {
    loss: finite(pass.loss),
    updates: s.iteration,
    prediction: finite(pass.output[0]),
    // ∂L/∂b⁽²⁾₁ is the first output unit's δ: the first bias after W⁽¹⁾, b⁽¹⁾ and W⁽²⁾
    outputDelta: finite(pass.grad[n0 * n1 + n1 + n1 * sizesOf(s.arch)[2]]),
    maxGrad: finite(maxGrad),
    stepsDone: Math.min(s.cursor, pass.steps.length),
    flatSpot: maxGrad < 1e-4 && pass.loss > 0.5,
    twins: twins(s),
    lossKind: s.loss,
    hidden: s.hidden,
    lr: s.lr,
  };
}

/** The stepper's numbers for a state, from the engine alone: one pass at its weights, input and target. */
export async function replayStepper(state: StepperState): Promise<Values> {
  const s = stepperSchema.parse(state);
  const net = createMLP({ sizes: sizesOf(s.arch), hidden: s.hidden, output: 'sigmoid' });
  net.params.set(s.params);
  return stepperValues(s, backpropSteps(net, s.x, s.y, s.loss, { lr: s.lr }));
}

/** The stepper's assignment spec, reading live values from its model. */
export function stepperAssign(model: { toState: () => StepperState; pass: BackpropPass }): AssignSpec<StepperState> {
  return {
    measures: STEPPER_MEASURES,
    read: () => stepperValues(model.toState(), model.pass),
    replay: replayStepper,
  };
}
