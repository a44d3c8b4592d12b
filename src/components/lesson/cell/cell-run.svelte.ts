/**
 * One code cell's side of the page's kernel: its output, its execution count and whether that
 * count is stale (the kernel restarted since, so the cell's variables are gone).
 */
import type { Kernel, RunResult } from '../../../notebook/kernel-client.ts';
import type { Output, RunStatus } from '../../../notebook/protocol.ts';
import { appendOutputs, errorLine } from './outputs.ts';

export class CellRun {
  /** What the last run produced, in order. */
  outputs = $state.raw<Output[]>([]);
  /** True from pressing Run until the run ends (running or waiting behind another cell). */
  pending = $state(false);
  /** The execution count of the last run, or null before the first. */
  count = $state<number | null>(null);
  /** How the last run ended, and how long it took (ms). */
  status = $state<RunStatus | null>(null);
  ms = $state(0);
  /** The line of the learner's code the last error came from. */
  errorLine = $derived(errorLine(this.outputs));
  private ranIn = $state(-1);
  private running: Promise<RunResult> | null = null;
  private generation = $state(0);

  constructor(private readonly kernel: Kernel) {
    this.generation = kernel.generation;
  }

  /** True when the kernel restarted after this cell last ran. */
  get stale(): boolean {
    return this.count !== null && !this.pending && this.ranIn !== this.generation;
  }

  /** Follows the kernel's restarts; returns the unsubscribe. */
  connect(): () => void {
    return this.kernel.onChange(() => (this.generation = this.kernel.generation));
  }

  /** Clears the output and queues `source`; resolves when the run ends. While a run of this cell is pending, returns that run. */
  run(source: string, options: { timeLimitMs?: number } = {}): Promise<RunResult> {
    if (this.running) return this.running;
    this.outputs = [];
    this.status = null;
    this.pending = true;
    const generation = this.kernel.generation;
    const handle = this.kernel.run(source, (batch) => (this.outputs = appendOutputs(this.outputs, batch)), options);
    this.count = handle.count;
    this.ranIn = generation;
    this.running = handle.done.then((result) => {
      this.running = null;
      this.pending = false;
      this.status = result.status;
      this.ms = result.ms;
      return result;
    });
    return this.running;
  }
}
