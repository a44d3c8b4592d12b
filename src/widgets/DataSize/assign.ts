/**
 * What the data-size widget can be assigned: which points it measures, whether the curve has been
 * measured, where the network passes the linear model, and each model's mean test accuracy at the
 * smallest and the largest training set. A link carries only the points; the curve is the engine's
 * fixed measurement for them (80 seeded trainings), so `replay` runs that measurement again from
 * scratch, in slices of about 30 ms so the page stays responsive, and `read` reads the finished
 * curve the widget shows (none until Measure has run).
 */
import { pause, type AssignSpec, type MeasureDef, type Values } from '../../lib/assignment.ts';
import { DATA_SIZE_DEFAULTS, DataSizeJob, type DataSizeResult } from '../../engine/data-size.ts';
import { labDatasetNames, type LabDatasetName } from '../../engine/feature-lab.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/datasize.ts';
import { dataSizeSchema, datasetName, type DataSizeState } from './model.svelte.ts';

const SMALLEST = DATA_SIZE_DEFAULTS.sizes[0];
const LARGEST = DATA_SIZE_DEFAULTS.sizes[DATA_SIZE_DEFAULTS.sizes.length - 1];

const accuracy = (id: string, label: string): MeasureDef => ({ id, label, kind: 'number', better: 'high', min: 0, max: 100, digits: 2, unit: '%' });

export const DATA_SIZE_MEASURES: readonly MeasureDef[] = [
  { id: 'dataset', label: t('measure.datasize.dataset'), kind: 'choice', choices: labDatasetNames.map((d) => ({ value: d, label: datasetName(d) })) },
  { id: 'measured', label: t('measure.datasize.measured'), kind: 'flag' },
  {
    id: 'crossing',
    label: t('measure.datasize.crossing'),
    kind: 'choice',
    choices: [
      { value: 'crossed', label: t('measure.datasize.crossing.crossed') },
      { value: 'never', label: t('measure.datasize.crossing.never') },
      { value: 'ahead', label: t('measure.datasize.crossing.ahead') },
    ],
  },
  { id: 'crossAt', label: t('measure.datasize.crossAt'), kind: 'number', better: 'low', min: SMALLEST, max: LARGEST, digits: 0 },
  accuracy('linearSmall', t('measure.datasize.linearSmall', { n: SMALLEST })),
  accuracy('networkSmall', t('measure.datasize.networkSmall', { n: SMALLEST })),
  accuracy('linearLarge', t('measure.datasize.linearLarge', { n: LARGEST })),
  accuracy('networkLarge', t('measure.datasize.networkLarge', { n: LARGEST })),
];

/**
 * A model's mean test accuracy at size i in percent, exact for whole counts: each run's accuracy is
 * correct / testSize, so the mean is (Σ correct) × 100 / (repeats × testSize).
 */
function meanPercent(runs: readonly number[], testSize: number): number | null {
  if (runs.length === 0 || !runs.every(Number.isFinite)) return null;
  const correct = runs.reduce((s, a) => s + Math.round(a * testSize), 0);
  return (correct * 100) / (runs.length * testSize);
}

/** The measures of a finished curve for `dataset` (null: not measured, every curve measure is null). */
export function dataSizeValues(dataset: LabDatasetName, result: DataSizeResult | null, testSize: number = DATA_SIZE_DEFAULTS.testSize): Values {
  if (!result) return { dataset, measured: false, crossing: null, crossAt: null, linearSmall: null, networkSmall: null, linearLarge: null, networkLarge: null };
  const last = result.sizes.length - 1;
  return {
    dataset,
    measured: true,
    crossing: result.crossing.kind,
    crossAt: result.crossing.kind === 'crossed' ? result.crossing.at : null,
    linearSmall: meanPercent(result.linear.runs[0], testSize),
    networkSmall: meanPercent(result.network.runs[0], testSize),
    linearLarge: meanPercent(result.linear.runs[last], testSize),
    networkLarge: meanPercent(result.network.runs[last], testSize),
  };
}

/** Measures the curve a state's link shows once Measure is pressed: the engine's job, from scratch. */
export async function replayDataSize(state: DataSizeState): Promise<Values> {
  const s = dataSizeSchema.parse(state);
  const job = new DataSizeJob({ dataset: s.dataset });
  while (!job.runFor(30)) await pause();
  return dataSizeValues(s.dataset, job.result(), job.spec.testSize);
}

/** The widget's assignment spec, reading the finished curve it shows. */
export function dataSizeAssign(model: { dataset: LabDatasetName; finished: DataSizeResult | null; spec: { testSize: number } }): AssignSpec<DataSizeState> {
  return { measures: DATA_SIZE_MEASURES, read: () => dataSizeValues(model.dataset, model.finished, model.spec.testSize), replay: replayDataSize };
}
