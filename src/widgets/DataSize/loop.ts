/**
 * The data-size measurement loop, written once for both places it runs: in a Web Worker
 * (size.worker.ts) and, where workers are unavailable, on the main thread one short slice per
 * animation frame (runner.ts). It turns commands into a `DataSizeJob` and reports its progress
 * and the curves so far: at most one report per `reportEvery` ms, and a last one when it finishes.
 */
import { DataSizeJob, type DataSizeResult, type DataSizeSpec } from '../../engine/data-size.ts';
import type { LabDatasetName } from '../../engine/feature-lab.ts';

/** Least time between progress reports while measuring. */
export const REPORT_MS = 150;

/** What the page asks the loop to do. */
export type SizeCommand =
  /** Measure the curve for `dataset` (other spec fields keep the engine's defaults unless given); `version` tags the reports. */
  | { type: 'measure'; version: number; dataset: LabDatasetName; spec?: Omit<DataSizeSpec, 'dataset'> }
  | { type: 'stop' };

/** What the loop reports back: the share done (0–1), the curves so far, and whether it is finished. */
export type SizeReport =
  | { type: 'progress'; version: number; progress: number; finished: boolean; result: DataSizeResult }
  | { type: 'error'; version: number; message: string };

export class SizeLoop {
  private job: DataSizeJob | null = null;
  private version = 0;
  private lastReport = -Infinity;
  private scheduled = false;
  /** Measuring time per tick (the main-thread runner adapts it to how busy the machine is). */
  sliceMs: number;

  /** `post` delivers a report; `schedule` arranges one call of `tick` soon; `sliceMs` is the work per tick. */
  constructor(
    private readonly post: (report: SizeReport) => void,
    private readonly schedule: () => void,
    sliceMs: number,
    private readonly reportEvery = REPORT_MS,
  ) {
    this.sliceMs = sliceMs;
  }

  /** True while a measurement is going. */
  get running(): boolean {
    return this.job !== null;
  }

  /** Carries out one command; an engine error stops the loop and is reported, never thrown. */
  handle(command: SizeCommand): void {
    if (command.type === 'stop') {
      this.job = null;
      return;
    }
    this.version = command.version;
    try {
      this.job = new DataSizeJob({ ...command.spec, dataset: command.dataset });
      this.lastReport = performance.now();
      this.later();
    } catch (error) {
      this.fail(error);
    }
  }

  /** One slice of work, then a report when one is due or the job is done; schedules the next slice. */
  tick(): void {
    this.scheduled = false;
    const job = this.job;
    if (!job) return;
    try {
      const finished = job.runFor(this.sliceMs);
      if (finished || performance.now() - this.lastReport >= this.reportEvery) {
        this.lastReport = performance.now();
        this.post({ type: 'progress', version: this.version, progress: job.progress, finished, result: job.result() });
      }
      if (finished) this.job = null;
      else this.later();
    } catch (error) {
      this.fail(error);
    }
  }

  private later(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule();
  }

  private fail(error: unknown): void {
    this.job = null;
    this.post({ type: 'error', version: this.version, message: error instanceof Error ? error.message : String(error) });
  }
}
