/**
 * What the feature lab can be assigned: the points, which hand-made features the linear model
 * uses, how far each model has trained and what it scores (loss and accuracy, as the panels show
 * them), and the network's hidden units. `read` is what the panels show now; `replay` trains both
 * models of a state again from scratch with the engine, as its link does, in slices so the page
 * stays responsive.
 */
import { pause, type AssignSpec, type MeasureDef, type Values } from '../../lib/assignment.ts';
import { featureLabels, handFeatureKeys, type HandFeature } from '../../engine/features.ts';
import { LAB_HIDDEN, LAB_RECIPE, labData, labDatasetNames, LinearFeatureModel, NetworkModel, type LabScore } from '../../engine/feature-lab.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/featurelab.ts';
import { featureLabSchema, type FeatureLabState } from './model.svelte.ts';

/** The id of the flag "uses feature k". */
export const featureFlag = (key: HandFeature) => `uses${key[0].toUpperCase()}${key.slice(1)}`;

const percentMeasure = (id: string, label: string): MeasureDef => ({ id, label, kind: 'number', better: 'high', min: 0, max: 100, digits: 1, unit: '%' });
const steps = (id: string, label: string): MeasureDef => ({ id, label, kind: 'integer', better: 'low', min: 0, max: LAB_RECIPE.steps });

export const FEATURE_LAB_MEASURES: readonly MeasureDef[] = [
  { id: 'dataset', label: t('measure.featurelab.dataset'), kind: 'choice', choices: labDatasetNames.map((d) => ({ value: d, label: t(`featurelab.dataset.${d}`) })) },
  { id: 'features', label: t('measure.featurelab.features'), kind: 'integer', better: 'low', min: 0, max: handFeatureKeys.length },
  ...handFeatureKeys.map((k): MeasureDef => ({ id: featureFlag(k), label: t('measure.featurelab.uses', { feature: featureLabels[k] }), kind: 'flag' })),
  steps('linearSteps', t('measure.featurelab.linearSteps')),
  percentMeasure('linearTest', t('measure.featurelab.linearTest')),
  percentMeasure('linearTrain', t('measure.featurelab.linearTrain')),
  { id: 'linearLoss', label: t('measure.featurelab.linearLoss'), kind: 'number', better: 'low', min: 0 },
  { id: 'hidden', label: t('measure.featurelab.hidden'), kind: 'integer', better: 'low', min: LAB_HIDDEN.min, max: LAB_HIDDEN.max },
  steps('networkSteps', t('measure.featurelab.networkSteps')),
  percentMeasure('networkTest', t('measure.featurelab.networkTest')),
];

/** An accuracy in percent, exact for whole counts (correct × 100 / count). */
function percent(accuracy: number | undefined, count: number): number | null {
  if (accuracy === undefined || count === 0 || !Number.isFinite(accuracy)) return null;
  return (Math.round(accuracy * count) * 100) / count;
}

const finite = (x: number | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/**
 * The measures of the lab: its settings, and each model's score once it has taken a step (an
 * untrained model shows no score, so it has none here either).
 */
export function featureLabValues(
  s: Pick<FeatureLabState, 'dataset' | 'features' | 'hidden' | 'linearSteps' | 'networkSteps'>,
  linear: LabScore,
  network: LabScore,
  counts: { train: number; test: number },
): Values {
  const lin = s.linearSteps > 0;
  const net = s.networkSteps > 0;
  const values: Values = { dataset: s.dataset, features: s.features.length };
  for (const k of handFeatureKeys) values[featureFlag(k)] = s.features.includes(k);
  return {
    ...values,
    linearSteps: s.linearSteps,
    linearTest: lin ? percent(linear.test?.accuracy, counts.test) : null,
    linearTrain: lin ? percent(linear.train.accuracy, counts.train) : null,
    linearLoss: lin ? finite(linear.train.loss) : null,
    hidden: s.hidden,
    networkSteps: s.networkSteps,
    networkTest: net ? percent(network.test?.accuracy, counts.test) : null,
  };
}

/** Trains a lab model `total` steps in slices of about 30 ms, yielding to the page between them. */
async function advance(model: LinearFeatureModel | NetworkModel, total: number): Promise<void> {
  let left = total;
  while (left > 0) {
    const end = performance.now() + 30;
    while (left > 0 && performance.now() < end) {
      const taken = model.advance(Math.min(25, left));
      if (taken === 0) return;
      left -= taken;
    }
    if (left > 0) await pause();
  }
}

/** Trains both models of a state from scratch (as its link does) and measures them. */
export async function replayFeatureLab(state: FeatureLabState): Promise<Values> {
  const s = featureLabSchema.parse(state);
  const features = handFeatureKeys.filter((k) => s.features.includes(k));
  const data = labData(s.dataset);
  const linear = new LinearFeatureModel(data, features);
  const network = new NetworkModel(data, s.hidden, s.seed);
  await advance(linear, s.linearSteps);
  await advance(network, s.networkSteps);
  return featureLabValues(
    { ...s, features, linearSteps: linear.step, networkSteps: network.step },
    linear.score(),
    network.score(),
    { train: data.train.x.length, test: data.test.x.length },
  );
}

/** The lab's assignment spec, reading live values from its model. */
export function featureLabAssign(model: {
  dataset: FeatureLabState['dataset'];
  features: HandFeature[];
  hidden: number;
  linearSteps: number;
  networkSteps: number;
  linearScore: LabScore;
  networkScore: LabScore;
  data: { train: { x: unknown[] }; test: { x: unknown[] } };
}): AssignSpec<FeatureLabState> {
  return {
    measures: FEATURE_LAB_MEASURES,
    read: () =>
      featureLabValues(model, model.linearScore, model.networkScore, { train: model.data.train.x.length, test: model.data.test.x.length }),
    replay: replayFeatureLab,
  };
}
