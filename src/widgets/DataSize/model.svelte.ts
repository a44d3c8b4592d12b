/**
 * State of the data-size widget: which dataset, whether a measurement is running and how far it
 * is, and the finished curves, kept per dataset (switching back shows one at once). Nothing is
 * computed until `measure()`; the engine's job then runs in a Web Worker, or on the main thread in
 * short slices (runner.ts), and its partial curves are shown as each size completes.
 */
import { z } from '../../lib/zod.ts';
import { DATA_SIZE_DEFAULTS, type DataSizeResult, type DataSizeSpec } from '../../engine/data-size.ts';
import { labDatasetNames, type LabDatasetName } from '../../engine/feature-lab.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/datasize.ts';
import type { SizeReport } from './loop.ts';
import { measured, resultCSV } from './readout.ts';
import { createRunner, type SizeRunner } from './runner.ts';

/** The datasets in the order the select lists them (the default first). */
export const DATASETS: readonly LabDatasetName[] = ['petals', 'circle', 'quadrants'];

export const dataSizeSchema = z.strictObject({ dataset: z.enum(labDatasetNames) });
export type DataSizeState = z.infer<typeof dataSizeSchema>;

export const DEFAULT_STATE: DataSizeState = { dataset: 'petals' };

/** The reader's name of a dataset. */
export function datasetName(name: LabDatasetName): string {
  return t(`datasize.dataset.${name}` as MessageKey);
}

export interface DataSizeOptions {
  /** Run in a Web Worker when the browser has one (default true). */
  worker?: boolean;
  /** Other sizes, repeats or steps than the engine's defaults (tests). */
  spec?: Omit<DataSizeSpec, 'dataset'>;
}

export class DataSizeModel {
  dataset = $state<LabDatasetName>(DEFAULT_STATE.dataset);
  running = $state(false);
  /** Share of the running measurement done, 0–1. */
  done = $state(0);
  /** The curves of the running measurement so far. */
  partial = $state.raw<DataSizeResult | null>(null);
  /** Finished curves by dataset. */
  cache = $state.raw<Partial<Record<LabDatasetName, DataSizeResult>>>({});
  /** Set after Stop, until the next measurement. */
  stopped = $state(false);
  error = $state('');

  readonly spec: Required<Omit<DataSizeSpec, 'dataset' | 'hand'>>;
  private readonly extra: Omit<DataSizeSpec, 'dataset'> | undefined;
  private readonly useWorker: boolean;
  private runner: SizeRunner | null = null;
  private version = 0;

  constructor(initial: Partial<DataSizeState> = {}, options: DataSizeOptions = {}) {
    const parsed = dataSizeSchema.safeParse({ ...DEFAULT_STATE, ...initial });
    this.dataset = parsed.success ? parsed.data.dataset : DEFAULT_STATE.dataset;
    this.useWorker = options.worker ?? true;
    this.extra = options.spec;
    const { hand: _hand, ...rest } = { ...DATA_SIZE_DEFAULTS, ...options.spec };
    this.spec = rest as Required<Omit<DataSizeSpec, 'dataset' | 'hand'>>;
  }

  /** What the chart and table show: the running measurement, else the dataset's finished curve, else null. */
  get shown(): DataSizeResult | null {
    return this.running ? this.partial : (this.cache[this.dataset] ?? null);
  }

  /** The finished curve of the current dataset, or null. */
  get finished(): DataSizeResult | null {
    return this.running ? null : (this.cache[this.dataset] ?? null);
  }

  /** How many models one measurement trains. */
  get models(): number {
    return 2 * this.spec.sizes.length * this.spec.repeats;
  }

  /** Progress for the frame's bar while measuring, else null. */
  get progress(): number | null {
    return this.running ? this.done : null;
  }

  /** Where the measurement runs: 'worker', 'main', or null before the first one. */
  get where(): 'worker' | 'main' | null {
    return this.runner?.where ?? null;
  }

  get status(): string {
    const name = datasetName(this.dataset);
    if (this.error) return t('datasize.status.error', { message: this.error });
    if (this.running) {
      const sizes = this.partial ? measured(this.partial).length : 0;
      return t('datasize.status.running', { name, sizes, total: this.spec.sizes.length });
    }
    if (this.finished) return t('datasize.status.done', { name, models: this.models, steps: this.spec.steps });
    if (this.stopped) return t('datasize.status.stopped');
    return t('datasize.status.ready', { models: this.models });
  }

  /** Starts measuring the current dataset (again, if it was measured); a measurement already running is replaced. */
  measure(): void {
    this.runner ??= createRunner((report) => this.receive(report), this.useWorker);
    this.version++;
    this.error = '';
    this.stopped = false;
    this.done = 0;
    this.partial = null;
    this.running = true;
    this.runner.send({ type: 'measure', version: this.version, dataset: this.dataset, spec: this.extra });
  }

  /** Cancels the running measurement; its partial curves are dropped. */
  stop(): void {
    if (!this.running) return;
    this.version++;
    this.runner?.send({ type: 'stop' });
    this.running = false;
    this.partial = null;
    this.done = 0;
    this.stopped = true;
  }

  toggle(): void {
    if (this.running) this.stop();
    else this.measure();
  }

  /** Picks a dataset; a measurement running for another one stops. */
  setDataset(raw: unknown): void {
    const parsed = dataSizeSchema.shape.dataset.safeParse(raw);
    if (!parsed.success || parsed.data === this.dataset) return;
    this.stop();
    this.stopped = false;
    this.dataset = parsed.data;
  }

  /** Back to the default dataset, nothing running (finished curves stay cached: they never change). */
  reset(): void {
    this.stop();
    this.stopped = false;
    this.error = '';
    this.dataset = DEFAULT_STATE.dataset;
  }

  destroy(): void {
    this.runner?.destroy();
    this.runner = null;
    this.running = false;
  }

  toState(): DataSizeState {
    return { dataset: this.dataset };
  }

  /** Applies a shared state: the dataset only; measuring waits for the reader. */
  fromState(state: DataSizeState): void {
    const parsed = dataSizeSchema.safeParse(state);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid state');
    this.setDataset(parsed.data.dataset);
  }

  /** Every run of the shown curve: size, repeat, linear, network. */
  csv(): string {
    const result = this.shown;
    return result ? resultCSV(result) : resultCSV({ dataset: this.dataset, sizes: [], linear: empty, network: empty, crossing: { kind: 'never' } });
  }

  private receive(report: SizeReport): void {
    if (report.version !== this.version) return; // from a measurement since stopped or replaced
    if (report.type === 'error') {
      this.error = report.message;
      this.running = false;
      this.partial = null;
      return;
    }
    this.done = report.progress;
    if (report.finished) {
      this.cache = { ...this.cache, [report.result.dataset]: report.result };
      this.running = false;
      this.partial = null;
    } else {
      const before = this.partial ? measured(this.partial).length : 0;
      // redraw only when another size is complete
      if (!this.partial || measured(report.result).length !== before) this.partial = report.result;
    }
  }
}

const empty = { mean: [], min: [], max: [], runs: [] };
