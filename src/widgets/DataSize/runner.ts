/**
 * Where the data-size measurement runs: in a Web Worker when the browser has them (the page's
 * thread stays free), else on the main thread, one slice per animation frame. On the main thread a
 * slice asks the engine for SLICE_MS of work; the engine finishes its current chunk of steps
 * first, so a slice lasts up to about FRAME_BUDGET_MS. The budget halves when frames come late or a
 * slice overruns (a busy machine) and grows back when frames are on time (see slice-runner.ts).
 */
import { createSliceRunner, type SliceRunner } from '../../lib/slice-runner.ts';
import { SizeLoop, type SizeCommand, type SizeReport } from './loop.ts';

/** Longest a main-thread slice should last. */
export const FRAME_BUDGET_MS = 8;
/** Work asked of the engine per main-thread slice (it may overrun by one chunk of steps). */
const SLICE_MS = 5;
const MIN_SLICE_MS = 1;

export type SizeRunner = SliceRunner<SizeCommand>;

/** A runner delivering reports to `onReport`; `worker: false` keeps the loop on the main thread. */
export function createRunner(onReport: (report: SizeReport) => void, worker = true): SizeRunner {
  return createSliceRunner<SizeCommand, SizeReport>(
    onReport,
    {
      startWorker: () => new Worker(new URL('./size.worker.ts', import.meta.url), { type: 'module', name: 'data-size' }),
      makeLoop: (deliver, schedule) => new SizeLoop(deliver, schedule, SLICE_MS),
      // only a measurement in progress needs handing over; a stop or anything after it does not
      remember: (command) => (command.type === 'measure' ? command : null),
      isStart: (command) => command.type === 'measure',
      stop: { type: 'stop' },
      budget: { max: SLICE_MS, min: MIN_SLICE_MS, overran: (spent) => spent > FRAME_BUDGET_MS },
    },
    worker,
  );
}
