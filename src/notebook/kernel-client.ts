/**
 * The page's kernel: one Web Worker shared by every code cell on the page, so cells share state in
 * the order they run, like a notebook. Runs queue one after another. A run that passes its time
 * limit, or that the learner stops, terminates the worker; the next run starts a fresh one (the
 * state is gone, and `generation` says so). The worker is created on the first run, never before.
 */
import { DEFAULT_TIME_LIMIT_MS, type KernelCommand, type KernelMessage, type Output, type RunStatus } from './protocol.ts';

/** How a run ended, how long it took, and its execution count (the [n] beside the cell). */
export interface RunResult {
  status: RunStatus;
  ms: number;
  count: number;
}

/** A run in the queue or in progress. */
export interface RunHandle {
  /** The execution count this run got (1, 2, … per kernel generation). */
  readonly count: number;
  readonly done: Promise<RunResult>;
}

/** A cell as the kernel knows it, for "Run all above". */
export interface RegisteredCell {
  readonly id: string;
  readonly element: Element;
  /** Runs the cell as if its Run button were pressed; resolves when it ends. */
  run(): Promise<RunResult>;
}

export interface KernelOptions {
  /** Creates the worker (tests may pass another). */
  createWorker?: () => Worker;
}

type Listener = () => void;

interface Job {
  id: number;
  count: number;
  source: string;
  onOutput: (outputs: Output[]) => void;
  timeLimitMs: number;
  resolve: (r: RunResult) => void;
  started: number;
}

export class Kernel {
  /** Bumped on every restart (and after a stop or time-out, which restart the worker). */
  generation = 0;
  /** Execution count of the last run started in this generation. */
  counter = 0;
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: Job | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private readonly listeners = new Set<Listener>();
  private readonly cells = new Map<string, RegisteredCell>();
  private readonly createWorker: () => Worker;

  constructor(options: KernelOptions = {}) {
    this.createWorker = options.createWorker ?? (() => new Worker(new URL('./kernel.worker.ts', import.meta.url), { type: 'module', name: 'notebook-kernel' }));
  }

  /** True while a run is in progress or waiting. */
  get busy(): boolean {
    return this.current !== null || this.queue.length > 0;
  }

  /** Queues `source`; outputs arrive through `onOutput` in batches as the code produces them. */
  run(source: string, onOutput: (outputs: Output[]) => void, options: { timeLimitMs?: number } = {}): RunHandle {
    const count = ++this.counter;
    let resolve!: (r: RunResult) => void;
    const done = new Promise<RunResult>((r) => (resolve = r));
    this.queue.push({ id: this.nextId++, count, source, onOutput, timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, resolve, started: 0 });
    this.emit();
    this.pump();
    return { count, done };
  }

  /** Stops the running cell and drops the queue; the kernel's state is lost (a new worker starts on the next run). */
  stop(): void {
    this.halt('stopped');
  }

  /** Clears every variable: a fresh kernel, execution counts from 1 again. */
  restart(): void {
    this.halt('stopped');
    this.counter = 0;
    this.emit();
  }

  /** Calls `listener` whenever busy, counter or generation change; returns the unsubscribe. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Makes a cell known for "Run all above"; returns the unregister. */
  register(cell: RegisteredCell): () => void {
    this.cells.set(cell.id, cell);
    return () => this.cells.delete(cell.id);
  }

  /** The cells above `id` in page order. */
  cellsAbove(id: string): RegisteredCell[] {
    const me = this.cells.get(id);
    if (!me) return [];
    return [...this.cells.values()]
      .filter((c) => c.id !== id && c.element.compareDocumentPosition(me.element) & Node.DOCUMENT_POSITION_FOLLOWING)
      .sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** Runs every cell above `id`, in page order, stopping at the first that does not end ok. */
  async runAllAbove(id: string): Promise<RunStatus> {
    for (const cell of this.cellsAbove(id)) {
      const result = await cell.run();
      if (result.status !== 'ok') return result.status;
    }
    return 'ok';
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = this.createWorker();
    w.onmessage = (event: MessageEvent<KernelMessage>) => this.receive(event.data);
    w.onerror = (event) => {
      event.preventDefault();
      const job = this.current;
      if (job) job.onOutput([{ kind: 'error', name: 'Error', message: `the kernel failed: ${event.message || 'it could not start'}`, line: null, column: null }]);
      this.halt('error', false);
    };
    this.worker = w;
    return w;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.current = job;
    job.started = performance.now();
    const command: KernelCommand = { type: 'run', id: job.id, source: job.source };
    this.ensureWorker().postMessage(command);
    this.timer = setTimeout(() => {
      job.onOutput([{ kind: 'notice', text: `Stopped after ${job.timeLimitMs / 1000} s: the time limit. The kernel was restarted, so variables from earlier cells are gone; run them again.` }]);
      this.halt('timeout');
    }, job.timeLimitMs);
  }

  private receive(message: KernelMessage): void {
    const job = this.current;
    if (!job) return;
    if (message.type === 'output' && message.id === job.id) job.onOutput(message.outputs);
    if (message.type === 'done' && message.id === job.id) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.current = null;
      job.resolve({ status: message.status, ms: message.ms, count: job.count });
      this.emit();
      this.pump();
    }
  }

  /** Ends the current run with `status`, drops the queue and throws the worker away. */
  private halt(status: RunStatus, newGeneration = true): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.worker?.terminate();
    this.worker = null;
    const ended = [this.current, ...this.queue.splice(0)].filter((j): j is Job => j !== null);
    this.current = null;
    for (const job of ended) job.resolve({ status, ms: job.started ? performance.now() - job.started : 0, count: job.count });
    if (newGeneration) {
      this.generation++;
      this.counter = 0;
    }
    this.emit();
  }
}

let shared: Kernel | null = null;

/** The page's one kernel (created on first use). */
export function pageKernel(): Kernel {
  shared ??= new Kernel();
  return shared;
}
