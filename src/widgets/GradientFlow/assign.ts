/**
 * What gradient flow can be assigned: for each of the three networks (sigmoid, tanh, ReLU), its loss,
 * the gradient its first layer receives and that gradient as a fraction of the output layer's;
 * which network leads; the ReLU network's dead units; the steps trained and the shape. `read` takes
 * the widget's last report; `replay` trains a state's three networks again from scratch with the
 * engine (the same seeded race the widget runs), in slices so the page stays responsive.
 */
import { attenuation, FLOW_ACTIVATIONS, FLOW_LIMITS, type FlowActivation } from '../../engine/gradient-flow.ts';
import { pause, type AssignSpec, type MeasureDef, type Values } from '../../lib/assignment.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/flow.ts';
import { FlowRace, MAX_STEPS, type RaceSnapshot } from './race.ts';
import { flowName, flowStateSchema, LEARNING_RATES, type FlowState } from './model.svelte.ts';

/** One measure per network; its label is `measure.flow.<id>`. */
const perNetwork = (make: (name: FlowActivation) => MeasureDef) => FLOW_ACTIVATIONS.map((name) => make(name));

export const FLOW_MEASURES: readonly MeasureDef[] = [
  ...perNetwork((name) => ({ id: `${name}Loss`, label: t(`measure.flow.${name}Loss` as MessageKey), kind: 'number', better: 'low', min: 0 })),
  ...perNetwork((name) => ({ id: `${name}First`, label: t(`measure.flow.${name}First` as MessageKey), kind: 'number', better: 'high', min: 0 })),
  ...perNetwork((name) => ({ id: `${name}Ratio`, label: t(`measure.flow.${name}Ratio` as MessageKey), kind: 'number', better: 'high', min: 0 })),
  { id: 'leader', label: t('measure.flow.leader'), kind: 'choice', choices: FLOW_ACTIVATIONS.map((a) => ({ value: a, label: flowName(a) })) },
  { id: 'reluDead', label: t('measure.flow.reluDead'), kind: 'integer', better: 'low', min: 0, max: FLOW_LIMITS.depth[1] * FLOW_LIMITS.width[1] },
  { id: 'steps', label: t('measure.flow.steps'), kind: 'integer', better: 'low', min: 0, max: MAX_STEPS },
  { id: 'depth', label: t('measure.flow.depth'), kind: 'integer', min: FLOW_LIMITS.depth[0], max: FLOW_LIMITS.depth[1] },
  { id: 'width', label: t('measure.flow.width'), kind: 'integer', min: FLOW_LIMITS.width[0], max: FLOW_LIMITS.width[1] },
  { id: 'lr', label: t('measure.flow.lr'), kind: 'number', min: LEARNING_RATES[0], max: LEARNING_RATES[LEARNING_RATES.length - 1] },
];

const finite = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** The measures of a race: each network's loss and gradients now, the leader, the settings. */
export function flowValues(s: Pick<FlowState, 'depth' | 'width' | 'lr'>, snap: RaceSnapshot): Values {
  const values: Values = {};
  let leader: FlowActivation | null = null;
  let lowest = Infinity;
  for (const run of snap.runs) {
    const loss = finite(run.loss);
    values[`${run.name}Loss`] = loss;
    values[`${run.name}First`] = finite(run.profile[0]);
    values[`${run.name}Ratio`] = finite(attenuation(run.profile));
    if (loss !== null && loss < lowest) {
      lowest = loss;
      leader = run.name;
    }
  }
  values.leader = leader;
  values.reluDead = snap.runs.find((r) => r.name === 'relu')?.dead ?? null;
  values.steps = snap.step;
  values.depth = s.depth;
  values.width = s.width;
  values.lr = s.lr;
  return values;
}

/** Trains a state's three networks from scratch to its step (as its link would) and measures them. */
export async function replayFlow(state: FlowState): Promise<Values> {
  const s = flowStateSchema.parse(state);
  const race = new FlowRace({ depth: s.depth, width: s.width, lr: s.lr, seed: s.seed });
  // the widget's loop: slices of training, until every network still training has taken the steps
  while (race.canTrain && race.lowest < s.steps) {
    race.advance(30, s.steps);
    await pause();
  }
  race.countDead();
  return flowValues(s, race.snapshot(false));
}

/** Gradient flow's assignment spec, reading live values from its model. */
export function flowAssign(model: { depth: number; width: number; lr: FlowState['lr']; snapshot: RaceSnapshot }): AssignSpec<FlowState> {
  return {
    measures: FLOW_MEASURES,
    read: () => flowValues(model, model.snapshot),
    replay: replayFlow,
  };
}
