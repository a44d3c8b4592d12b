/**
 * Where the data-size measurement runs: in a Web Worker when the browser has them (the page's
 * thread stays free), else on the main thread, one slice per animation frame. On the main thread a
 * slice asks the engine for SLICE_MS of work; the engine finishes its current chunk of steps
 * first, so a slice lasts up to about FRAME_BUDGET_MS. The budget halves when frames come late or a
 * slice overruns (a busy machine) and grows back when frames are on time.
 */
import { SizeLoop, type SizeCommand, type SizeReport } from './loop.ts';

/** Longest a main-thread slice should last. */
export const FRAME_BUDGET_MS = 8;
/** Work asked of the engine per main-thread slice (it may overrun by one chunk of steps). */
const SLICE_MS = 5;
const MIN_SLICE_MS = 1;

export interface SizeRunner {
  send(command: SizeCommand): void;
  destroy(): void;
  /** Where the measurement runs now. */
  readonly where: 'worker' | 'main';
}

/** A runner delivering reports to `onReport`; `worker: false` keeps the loop on the main thread. */
export function createRunner(onReport: (report: SizeReport) => void, worker = true): SizeRunner {
  if (worker && typeof Worker !== 'undefined') {
    try {
      return workerRunner(onReport);
    } catch {
      // fall through to the main thread
    }
  }
  return mainRunner(onReport);
}

function workerRunner(onReport: (report: SizeReport) => void): SizeRunner {
  const w = new Worker(new URL('./size.worker.ts', import.meta.url), { type: 'module', name: 'data-size' });
  let fallback: SizeRunner | null = null;
  let pending: SizeCommand | null = null;
  w.onmessage = (event: MessageEvent<SizeReport>) => {
    if (!fallback) onReport(event.data);
  };
  // A worker that cannot start (blocked, or the script failed) hands over to the main thread.
  w.onerror = (event) => {
    event.preventDefault();
    w.terminate();
    fallback = mainRunner(onReport);
    if (pending) fallback.send(pending);
  };
  return {
    get where() {
      return fallback ? 'main' : ('worker' as const);
    },
    send(command) {
      pending = command.type === 'measure' ? command : null;
      if (fallback) fallback.send(command);
      else w.postMessage(command);
    },
    destroy() {
      w.terminate();
      fallback?.destroy();
    },
  };
}

function mainRunner(onReport: (report: SizeReport) => void): SizeRunner {
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
    const slow = spent > FRAME_BUDGET_MS;
    loop.sliceMs = slow || late ? Math.max(MIN_SLICE_MS, loop.sliceMs * 0.5) : Math.min(SLICE_MS, loop.sliceMs + 0.1);
  };
  const deliver = (report: SizeReport) => {
    if (!destroyed) onReport(report);
  };
  const loop = new SizeLoop(deliver, () => {
    handle ??= raf(frame);
  }, SLICE_MS);
  return {
    where: 'main',
    send(command) {
      if (command.type === 'measure') lastFrame = 0;
      loop.handle(command);
    },
    destroy() {
      destroyed = true;
      if (handle !== null) cancel(handle);
      handle = null;
      loop.handle({ type: 'stop' });
    },
  };
}
