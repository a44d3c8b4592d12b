/**
 * What the batch-size experiment can be assigned: each run's loss on all 200 points and the steps
 * it took (batch 1, 16 and the full batch), which batch size is ahead, the epochs trained and the
 * learning rate. The times are left out: they are measured, not computed, and differ from one
 * machine to the next. `read` is what the widget shows; `replay` trains the state's epochs again
 * with the engine's batch-size trainers, in slices so the page stays responsive.
 */
import { batchChoices, batchData, batchTrainer, fullLoss } from '../../engine/batch-size.ts';
import { pause, type AssignSpec, type MeasureDef, type Values } from '../../lib/assignment.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/batch.ts';
import { BATCH_EPOCHS, BATCH_LR, batchStateSchema, type BatchState } from './model.svelte.ts';

const MAX_EPOCHS = BATCH_EPOCHS[BATCH_EPOCHS.length - 1];
/** Steps per epoch for each batch size on 200 points: 200, ⌈200/16⌉ = 13, 1. */
const MAX_STEPS = [200, 13, 1].map((n) => n * MAX_EPOCHS);
const IDS = ['1', '16', 'Full'];

export const BATCH_MEASURES: readonly MeasureDef[] = [
  ...IDS.map((id): MeasureDef => ({ id: `loss${id}`, label: t(`measure.batch.loss${id}` as MessageKey), kind: 'number', better: 'low', min: 0 })),
  { id: 'best', label: t('measure.batch.best'), kind: 'choice', choices: batchChoices.map((b) => ({ value: String(b), label: t(`batch.series.${b}` as MessageKey) })) },
  ...IDS.map((id, i): MeasureDef => ({ id: `steps${id}`, label: t(`measure.batch.steps${id}` as MessageKey), kind: 'integer', better: 'low', min: 0, max: MAX_STEPS[i] })),
  { id: 'epochs', label: t('measure.batch.epochs'), kind: 'integer', better: 'low', min: 0, max: MAX_EPOCHS },
  { id: 'lr', label: t('measure.batch.lr'), kind: 'number', min: BATCH_LR[0], max: BATCH_LR[BATCH_LR.length - 1] },
];

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The measures of the three runs (in `batchChoices` order) after `epochs` epochs at `lr`. */
export function batchValues(lr: number, epochs: number, runs: readonly { loss: number; steps: number }[]): Values {
  const out: Values = { epochs, lr };
  runs.forEach((r, i) => {
    out[`loss${IDS[i]}`] = finite(r.loss);
    out[`steps${IDS[i]}`] = r.steps;
  });
  // the lowest loss, when one run is strictly ahead (at the start all three share the same weights)
  const losses = runs.map((r) => (Number.isFinite(r.loss) ? r.loss : Infinity));
  const low = Math.min(...losses);
  const ahead = losses.filter((l) => l === low).length === 1 && Number.isFinite(low) ? losses.indexOf(low) : -1;
  out.best = ahead >= 0 ? String(batchChoices[ahead]) : null;
  return out;
}

/** Trains a state's epochs again from the same start, as its link does, and measures the runs. */
export async function replayBatch(state: BatchState): Promise<Values> {
  const s = batchStateSchema.parse(state);
  if (s.trained > s.epochs) throw new Error('trained past the epochs');
  const data = batchData();
  const trainers = batchChoices.map((b) => batchTrainer(data, b, s.lr));
  let since = performance.now();
  for (let e = 0; e < s.trained; e++) {
    for (const trainer of trainers) trainer.run(trainer.stepsPerEpoch);
    if (performance.now() - since > 30) {
      await pause();
      since = performance.now();
    }
  }
  return batchValues(s.lr, s.trained, trainers.map((tr) => ({ loss: fullLoss(tr, data), steps: tr.step })));
}

/** The widget's assignment spec, reading live values from its model. */
export function batchAssign(model: { lr: number; epoch: number; latest: { loss: number; steps: number }[] }): AssignSpec<BatchState> {
  return {
    measures: BATCH_MEASURES,
    read: () => batchValues(model.lr, model.epoch, model.latest),
    replay: replayBatch,
  };
}
