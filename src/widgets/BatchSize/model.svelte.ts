/**
 * State of the batch-size widget: one learning rate, how many epochs, and three trainers (batch 1,
 * 16 and the full 200 points) from the same start. Training runs in slices between frames; after
 * every epoch each run's loss on all the data is measured the same way (batch-size.ts), and the time
 * each run has spent training is added up. A share link replays the epochs trained (the losses are
 * deterministic; the times are re-measured).
 */
import { z } from '../../lib/zod.ts';
import { batchChoices, batchData, batchTrainer, fullLoss, type BatchChoice } from '../../engine/batch-size.ts';
import type { Trainer } from '../../engine/train.ts';
import type { LineSeries } from '../../components/charts/types.ts';
import { toCSV } from '../../components/widget/csv.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/batch.ts';

export const BATCH_LR = [0.03, 0.1, 0.3, 1] as const;
export const BATCH_EPOCHS = [20, 40, 60, 100] as const;
const lit = (values: readonly number[]) => z.number().check(z.refine((v) => values.includes(v), { message: `must be one of ${values.join(', ')}` }));
export const batchStateSchema = z.strictObject({
  lr: lit(BATCH_LR),
  epochs: lit(BATCH_EPOCHS),
  trained: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
});
export type BatchState = z.infer<typeof batchStateSchema>;
export const DEFAULT_STATE: BatchState = { lr: 0.3, epochs: 60, trained: 0 };
const COLORS = ['--nn-series-2', '--nn-series-3', '--nn-series-1'];
const data = batchData();

interface Run {
  trainer: Trainer;
  loss: number[];
  ms: number[];
}

export class BatchModel {
  lr = $state(DEFAULT_STATE.lr);
  epochs = $state(DEFAULT_STATE.epochs);
  epoch = $state(0);
  running = $state(false);
  /** Bumped after every epoch so the charts redraw. */
  version = $state(0);
  private runs: Run[] = [];
  private frame = 0;

  constructor() {
    this.rebuild();
  }

  private rebuild(): void {
    this.runs = batchChoices.map((b) => {
      const trainer = batchTrainer(data, b, this.lr);
      return { trainer, loss: [fullLoss(trainer, data)], ms: [0] };
    });
    this.epoch = 0;
    this.version += 1;
  }

  /** One epoch of each run, timed. */
  private trainEpoch(): void {
    for (const run of this.runs) {
      const t0 = performance.now();
      run.trainer.run(run.trainer.stepsPerEpoch);
      const spent = performance.now() - t0;
      run.ms.push(run.ms[run.ms.length - 1] + spent);
      run.loss.push(fullLoss(run.trainer, data));
    }
    this.epoch += 1;
  }

  private series(x: 'epoch' | 'time'): LineSeries[] {
    void this.version;
    return this.runs.map((run, i) => ({
      label: t(`batch.series.${batchChoices[i]}` as MessageKey),
      color: COLORS[i],
      points: run.loss.map((y, k) => ({ x: x === 'epoch' ? k : run.ms[k], y })),
    }));
  }
  get byEpoch(): LineSeries[] {
    return this.series('epoch');
  }
  get byTime(): LineSeries[] {
    return this.series('time');
  }

  get status(): string {
    void this.version;
    if (this.running) return t('batch.status.training', { e: this.epoch, total: this.epochs });
    if (this.epoch === 0) return t('batch.status.ready');
    const l = this.runs.map((r) => r.loss[r.loss.length - 1].toFixed(3));
    const s = this.runs.map((r) => r.trainer.step);
    return t('batch.status.done', { e: this.epoch, l1: l[0], l16: l[1], lf: l[2], s1: s[0], s16: s[1], sf: s[2] });
  }

  /** Each run now (batch 1, 16, full): its loss on all the data and the steps it has taken. */
  get latest(): { loss: number; steps: number }[] {
    void this.version;
    return this.runs.map((r) => ({ loss: r.loss[r.loss.length - 1], steps: r.trainer.step }));
  }

  get progress(): number | null {
    return this.running ? this.epoch / this.epochs : null;
  }

  /** Trains to `this.epochs` in slices of about 12 ms, or pauses. */
  train(): void {
    if (this.running) return this.pause();
    if (this.epoch >= this.epochs) this.rebuild();
    this.running = true;
    const tick = () => {
      if (!this.running) return;
      const t0 = performance.now();
      while (this.epoch < this.epochs && performance.now() - t0 < 12) this.trainEpoch();
      this.version += 1;
      if (this.epoch >= this.epochs) this.running = false;
      else this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  pause(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.running = false;
  }

  setLr(v: number): void {
    if (!batchStateSchema.shape.lr.safeParse(v).success || v === this.lr) return;
    this.pause();
    this.lr = v;
    this.rebuild();
  }
  setEpochs(v: number): void {
    if (!batchStateSchema.shape.epochs.safeParse(v).success) return;
    this.epochs = v;
    if (this.epoch > v) {
      this.pause();
      this.rebuild();
    }
  }
  reset(): void {
    this.pause();
    this.lr = DEFAULT_STATE.lr;
    this.epochs = DEFAULT_STATE.epochs;
    this.rebuild();
  }
  toState(): BatchState {
    return { lr: this.lr, epochs: this.epochs, trained: this.epoch };
  }
  /** Applies a link's settings and replays its epochs (deterministic losses). */
  fromState(s: BatchState): void {
    const p = batchStateSchema.safeParse(s);
    if (!p.success || p.data.trained > p.data.epochs) throw new Error(p.success ? 'trained past the epochs' : (p.error.issues[0]?.message ?? 'invalid'));
    this.pause();
    this.lr = p.data.lr;
    this.epochs = p.data.epochs;
    this.rebuild();
    while (this.epoch < p.data.trained) this.trainEpoch();
    this.version += 1;
  }
  csv(): string {
    const rows: (number | string)[][] = [];
    this.runs.forEach((run, i) => run.loss.forEach((l, k) => rows.push([String(batchChoices[i]), k, run.trainer.stepsPerEpoch * k, l, run.ms[k]])));
    return toCSV(['batch', 'epoch', 'steps', 'loss', 'ms'], rows);
  }
  destroy(): void {
    this.pause();
  }
}

export type { BatchChoice };
