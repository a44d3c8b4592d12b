/**
 * What the playground can be assigned: losses and accuracies on the training and test sets, the
 * size of the network, the epochs trained, and the dataset and activation. `read` is the widget's
 * live run; `replay` trains a state's run again from scratch with the engine (the same seeded
 * replay a link uses), in slices so the page stays responsive.
 */
import { pause, type AssignSpec, type MeasureDef, type Values } from '../../lib/assignment.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/playground.ts';
import { baseData, buildProblem, layerSizes, parameterCount, trainingSpec, trainRows } from './problem.ts';
import { Replay, type Measure, type ReplayLeg } from './session.ts';
import { ACTIVATIONS, classCount, DATASETS, hiddenUnits, MAX_LAYERS, MAX_REPLAY_EPOCHS, playgroundStateSchema, type PlaygroundState } from './settings.ts';

export const PLAYGROUND_MEASURES: readonly MeasureDef[] = [
  { id: 'testLoss', label: t('measure.playground.testLoss'), kind: 'number', better: 'low', min: 0 },
  { id: 'trainLoss', label: t('measure.playground.trainLoss'), kind: 'number', better: 'low', min: 0 },
  { id: 'testAccuracy', label: t('measure.playground.testAccuracy'), kind: 'number', better: 'high', min: 0, max: 100, digits: 1, unit: '%' },
  { id: 'trainAccuracy', label: t('measure.playground.trainAccuracy'), kind: 'number', better: 'high', min: 0, max: 100, digits: 1, unit: '%' },
  { id: 'hiddenUnits', label: t('measure.playground.hiddenUnits'), kind: 'integer', better: 'low', min: 0, max: 64 * MAX_LAYERS },
  { id: 'hiddenLayers', label: t('measure.playground.hiddenLayers'), kind: 'integer', better: 'low', min: 0, max: MAX_LAYERS },
  { id: 'parameters', label: t('measure.playground.parameters'), kind: 'integer', better: 'low', min: 0, max: 1000 },
  { id: 'epochs', label: t('measure.playground.epochs'), kind: 'integer', better: 'low', min: 0, max: MAX_REPLAY_EPOCHS },
  { id: 'dataset', label: t('measure.playground.dataset'), kind: 'choice', choices: DATASETS.map((d) => ({ value: d, label: t(`playground.dataset.${d}`) })) },
  { id: 'activation', label: t('measure.playground.activation'), kind: 'choice', choices: ACTIVATIONS.map((a) => ({ value: a, label: t(`playground.activation.${a}`) })) },
];

/** An accuracy in percent, exact for whole counts (correct × 100 / count, not 0.29 × 100). */
function percent(m: Measure | null, count: number): number | null {
  if (!m || count === 0 || !Number.isFinite(m.accuracy)) return null;
  return (Math.round(m.accuracy * count) * 100) / count;
}

const finite = (x: number | undefined | null) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** The measures of a run: its settings, the epochs trained and the losses on each set. */
export function playgroundValues(s: Pick<PlaygroundState, 'dataset' | 'layers' | 'activation'>, epoch: number, train: Measure, test: Measure | null, counts: { train: number; test: number }): Values {
  return {
    testLoss: finite(test?.loss),
    trainLoss: finite(train.loss),
    testAccuracy: percent(test, counts.test),
    trainAccuracy: percent(train, counts.train),
    hiddenUnits: hiddenUnits(s.layers),
    hiddenLayers: s.layers.length,
    parameters: parameterCount(layerSizes(s)),
    epochs: epoch,
    dataset: s.dataset,
    activation: s.activation,
  };
}

/** Trains the run a state describes from scratch (as its link would) and measures it. */
export async function replayPlayground(state: PlaygroundState): Promise<Values> {
  const s = playgroundStateSchema.parse(state);
  const classes = classCount(s.dataset);
  const data = baseData(s);
  const legs: ReplayLeg[] = s.legs.map(([until, lr, optimizer, batchSize, loss, added]) => ({
    until,
    training: trainingSpec({ ...s, lr, optimizer, batchSize, loss }),
    train: trainRows(data, s.added.slice(0, added), classes),
  }));
  const problem = buildProblem(s, data);
  const run = new Replay(problem, legs, s.epochs);
  while (!run.advance(30)) await pause();
  const m = run.session.measure();
  return playgroundValues(s, run.session.epoch, m.train, m.test, { train: problem.train.x.length, test: problem.test.x.length });
}

/** The playground's assignment spec, reading live values from its model. */
export function playgroundAssign(model: {
  dataset: PlaygroundState['dataset'];
  layers: number[];
  activation: PlaygroundState['activation'];
  epoch: number;
  train: Measure;
  test: Measure | null;
  trainCount: number;
  testCount: number;
}): AssignSpec<PlaygroundState> {
  return {
    measures: PLAYGROUND_MEASURES,
    read: () => playgroundValues(model, model.epoch, model.train, model.test, { train: model.trainCount, test: model.testCount }),
    replay: replayPlayground,
  };
}
