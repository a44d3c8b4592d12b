/**
 * Where the gradient-flow loop runs: in a Web Worker when the browser has them (training then
 * never touches the page's thread), else on the main thread, one slice per animation frame. On the
 * main thread the slice adapts: it starts at FRAME_BUDGET_MS and shrinks when frames come late or
 * a slice overruns (a busy machine), so no task grows long; it grows back when frames are on time.
 */
import { FlowLoop, type FlowCommand, type FlowReport } from './loop.ts';

/** Training time per animation frame on the main thread, at most. */
export const FRAME_BUDGET_MS = 8;
const MIN_BUDGET_MS = 2;

export interface FlowRunner {
  send(command: FlowCommand): void;
  destroy(): void;
  /** Where the loop runs now. */
  readonly where: 'worker' | 'main';
}

/** A runner delivering reports to `onReport`; `worker: false` keeps the loop on the main thread. */
export function createRunner(onReport: (report: FlowReport) => void, worker = true): FlowRunner {
  if (worker && typeof Worker !== 'undefined') {
    try {
      return workerRunner(onReport);
    } catch {
      // fall through to the main thread
    }
  }
  return mainRunner(onReport);
}

function workerRunner(onReport: (report: FlowReport) => void): FlowRunner {
  const w = new Worker(new URL('./flow.worker.ts', import.meta.url), { type: 'module', name: 'gradient-flow' });
  let fallback: FlowRunner | null = null;
  let lastReset: FlowCommand | null = null;
  w.onmessage = (event: MessageEvent<FlowReport>) => {
    if (!fallback) onReport(event.data);
  };
  // A worker that cannot start (blocked, or the script failed) hands over to the main thread.
  w.onerror = (event) => {
    event.preventDefault();
    w.terminate();
    fallback = mainRunner(onReport);
    if (lastReset) fallback.send(lastReset);
  };
  return {
    get where() {
      return fallback ? 'main' : ('worker' as const);
    },
    send(command) {
      if (command.type === 'reset') lastReset = command;
      if (fallback) fallback.send(command);
      else w.postMessage(command);
    },
    destroy() {
      w.terminate();
      fallback?.destroy();
    },
  };
}

function mainRunner(onReport: (report: FlowReport) => void): FlowRunner {
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
    const slow = spent > loop.sliceMs * 2 && spent > 12;
    loop.sliceMs = slow || late ? Math.max(MIN_BUDGET_MS, loop.sliceMs * 0.5) : Math.min(FRAME_BUDGET_MS, loop.sliceMs + 0.1);
  };
  const deliver = (report: FlowReport) => {
    if (!destroyed) onReport(report);
  };
  const loop = new FlowLoop(deliver, () => {
    handle ??= raf(frame);
  }, FRAME_BUDGET_MS);
  return {
    where: 'main',
    send(command) {
      if (command.type === 'play') lastFrame = 0;
      loop.handle(command);
    },
    destroy() {
      destroyed = true;
      if (handle !== null) cancel(handle);
      handle = null;
      loop.handle({ type: 'pause' });
    },
  };
}
