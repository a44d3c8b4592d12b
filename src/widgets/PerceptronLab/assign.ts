/**
 * What the perceptron lab can be assigned: the gate its weights compute, whether every point of the
 * chosen gate is right, the weights and bias, the learning rate, and how long the perceptron rule
 * takes to learn the chosen gate from these weights. A share link carries the weights, not the
 * training run, so everything here is a function of the state alone: the live values and a replay
 * of a link are the same computation on the same numbers.
 */
import type { AssignSpec, MeasureDef, Values } from '../../lib/assignment.ts';
import { computesGate, GATE_NAMES, linearlySeparable, misclassified, train, truthTable, type GateName } from '../../engine/perceptron.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/perceptron.ts';
import { LEARNING_RATES, perceptronStateSchema, STATE_LIMIT, type PerceptronState } from './model.svelte.ts';

/** The gates one perceptron can compute (XOR is not among them: no straight line splits it). */
const COMPUTABLE = GATE_NAMES.filter((g) => linearlySeparable(g));

/**
 * Epochs the rule may take when measuring how long learning takes. For a gate a line can split the
 * rule always gets there (the lab's "Train to the end" keeps going in rounds of 100); from weights
 * within the link's limits it never needs this many.
 */
export const LEARN_CAP = 1000;

export const PERCEPTRON_MEASURES: readonly MeasureDef[] = [
  {
    id: 'computes',
    label: t('measure.perceptron.computes'),
    kind: 'choice',
    choices: [...COMPUTABLE.map((g) => ({ value: g, label: g })), { value: 'none', label: t('measure.perceptron.computes.none') }],
  },
  { id: 'allRight', label: t('measure.perceptron.allRight'), kind: 'flag' },
  { id: 'pointsRight', label: t('measure.perceptron.pointsRight'), kind: 'integer', better: 'high', min: 0, max: 4 },
  { id: 'gate', label: t('measure.perceptron.gate'), kind: 'choice', choices: GATE_NAMES.map((g) => ({ value: g, label: g })) },
  { id: 'epochs', label: t('measure.perceptron.epochs'), kind: 'integer', better: 'low', min: 1, max: LEARN_CAP },
  { id: 'updates', label: t('measure.perceptron.updates'), kind: 'integer', better: 'low', min: 0, max: 4 * LEARN_CAP },
  { id: 'w1', label: t('measure.perceptron.w1'), kind: 'number', min: -STATE_LIMIT, max: STATE_LIMIT },
  { id: 'w2', label: t('measure.perceptron.w2'), kind: 'number', min: -STATE_LIMIT, max: STATE_LIMIT },
  { id: 'b', label: t('measure.perceptron.b'), kind: 'number', min: -STATE_LIMIT, max: STATE_LIMIT },
  { id: 'lr', label: t('measure.perceptron.lr'), kind: 'choice', choices: LEARNING_RATES.map((lr) => ({ value: String(lr), label: String(lr) })) },
];

/** The gate of COMPUTABLE the weights compute, or 'none'. */
export function computedGate(s: Pick<PerceptronState, 'w1' | 'w2' | 'b'>): GateName | 'none' {
  const p = { weights: [s.w1, s.w2], bias: s.b };
  return COMPUTABLE.find((g) => computesGate(p, g)) ?? 'none';
}

/** The measures of a state (used live and on replay, so the two cannot drift apart). */
export function perceptronValues(s: PerceptronState): Values {
  const p = { weights: [s.w1, s.w2], bias: s.b };
  const samples = truthTable(s.gate);
  const wrong = misclassified(p, samples).length;
  // XOR never converges: no run is needed to say so
  const run = linearlySeparable(s.gate) ? train(p, samples, { lr: s.lr, maxEpochs: LEARN_CAP }) : null;
  const learned = run !== null && run.converged;
  return {
    computes: computedGate(s),
    allRight: wrong === 0,
    pointsRight: samples.length - wrong,
    gate: s.gate,
    epochs: learned ? run.epochs : null,
    updates: learned ? run.updates : null,
    w1: s.w1,
    w2: s.w2,
    b: s.b,
    lr: String(s.lr),
  };
}

/** What a state's link shows: its weights on its gate (a link opens before any training). */
export async function replayPerceptron(state: PerceptronState): Promise<Values> {
  return perceptronValues(perceptronStateSchema.parse(state));
}

/** The lab's assignment spec, reading live values from its model. */
export function perceptronAssign(model: { toState(): PerceptronState }): AssignSpec<PerceptronState> {
  return { measures: PERCEPTRON_MEASURES, read: () => perceptronValues(model.toState()), replay: replayPerceptron };
}
