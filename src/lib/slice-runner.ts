/**
 * Where a widget's long computation runs: in a Web Worker when the browser has them (the page's
 * thread stays free), else on the main thread, one slice per animation frame. A worker that cannot
 * start hands over to the main thread, which is given the last command that matters again. On the
 * main thread the slice adapts: it halves when frames come late or a slice overruns (a busy
 * machine), so no task grows long, and grows back by 0.1 ms a frame while frames are on time.
 */

/** What runs the work on the main thread: it does one slice of `sliceMs` per `tick`. */
export interface SliceLoop<C> {
  sliceMs: number;
  tick(): void;
  handle(command: C): void;
}

export interface SliceRunner<C> {
  send(command: C): void;
  destroy(): void;
  /** Where the work runs now. */
  readonly where: 'worker' | 'main';
}

export interface SliceRunnerOptions<C, R> {
  /** Starts the worker. Keep `new Worker(new URL('./x.worker.ts', import.meta.url), …)` at the call site: the bundler looks for it there. */
  startWorker: () => Worker;
  /** The main-thread loop: it reports through `deliver` and calls `schedule` when it wants another slice. */
  makeLoop: (deliver: (report: R) => void, schedule: () => void) => SliceLoop<C>;
  /** The command a main-thread fallback needs again to pick up the work: given each command sent and the one kept so far, the one to keep. */
  remember: (command: C, kept: C | null) => C | null;
  /** True for a command that starts work afresh (the frame before it is not counted as late). */
  isStart: (command: C) => boolean;
  /** The command that halts the main-thread loop when the runner is destroyed. */
  stop: C;
  /** Main-thread slices: at most `max` ms, at least `min`, and when a slice that took `spent` ms counts as an overrun. */
  budget: { max: number; min: number; overran: (spent: number, sliceMs: number) => boolean };
}

/** A runner delivering reports to `onReport`; `worker: false` keeps the work on the main thread. */
export function createSliceRunner<C, R>(onReport: (report: R) => void, options: SliceRunnerOptions<C, R>, worker = true): SliceRunner<C> {
  if (worker && typeof Worker !== 'undefined') {
    try {
      return workerRunner(onReport, options);
    } catch {
      // fall through to the main thread
    }
  }
  return mainRunner(onReport, options);
}

function workerRunner<C, R>(onReport: (report: R) => void, options: SliceRunnerOptions<C, R>): SliceRunner<C> {
  const w = options.startWorker();
  let fallback: SliceRunner<C> | null = null;
  let kept: C | null = null;
  w.onmessage = (event: MessageEvent<R>) => {
    if (!fallback) onReport(event.data);
  };
  // A worker that cannot start (blocked, or the script failed) hands over to the main thread.
  w.onerror = (event) => {
    event.preventDefault();
    w.terminate();
    fallback = mainRunner(onReport, options);
    if (kept !== null) fallback.send(kept);
  };
  return {
    get where() {
      return fallback ? 'main' : ('worker' as const);
    },
    send(command) {
      kept = options.remember(command, kept);
      if (fallback) fallback.send(command);
      else w.postMessage(command);
    },
    destroy() {
      w.terminate();
      fallback?.destroy();
    },
  };
}

function mainRunner<C, R>(onReport: (report: R) => void, options: SliceRunnerOptions<C, R>): SliceRunner<C> {
  const { max, min, overran } = options.budget;
  let handle: number | ReturnType<typeof setTimeout> | null = null;
  let destroyed = false;
  let lastFrame = 0;
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (cb: () => void) => setTimeout(cb, 16);
  const cancel = (h: number | ReturnType<typeof setTimeout>) => {
    if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(h as number);
    clearTimeout(h as ReturnType<typeof setTimeout>);
  };
  const frame = () => {
    handle = null;
    const start = performance.now();
    const late = lastFrame > 0 && start - lastFrame > 40;
    lastFrame = start;
    loop.tick();
    const spent = performance.now() - start;
    loop.sliceMs = overran(spent, loop.sliceMs) || late ? Math.max(min, loop.sliceMs * 0.5) : Math.min(max, loop.sliceMs + 0.1);
  };
  const loop = options.makeLoop(
    (report) => {
      if (!destroyed) onReport(report);
    },
    () => {
      handle ??= raf(frame);
    },
  );
  return {
    where: 'main',
    send(command) {
      if (options.isStart(command)) lastFrame = 0;
      loop.handle(command);
    },
    destroy() {
      destroyed = true;
      if (handle !== null) cancel(handle);
      handle = null;
      loop.handle(options.stop);
    },
  };
}
