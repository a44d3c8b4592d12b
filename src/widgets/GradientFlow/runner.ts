/**
 * Where the gradient-flow loop runs: in a Web Worker when the browser has them (training then
 * never touches the page's thread), else on the main thread, one slice per animation frame of at
 * most FRAME_BUDGET_MS, shrinking when frames come late or a slice overruns (see slice-runner.ts).
 */
import { createSliceRunner, type SliceRunner } from '../../lib/slice-runner.ts';
import { FlowLoop, type FlowCommand, type FlowReport } from './loop.ts';

/** Training time per animation frame on the main thread, at most. */
export const FRAME_BUDGET_MS = 8;
const MIN_BUDGET_MS = 2;

export type FlowRunner = SliceRunner<FlowCommand>;

/** A runner delivering reports to `onReport`; `worker: false` keeps the loop on the main thread. */
export function createRunner(onReport: (report: FlowReport) => void, worker = true): FlowRunner {
  return createSliceRunner<FlowCommand, FlowReport>(
    onReport,
    {
      startWorker: () => new Worker(new URL('./flow.worker.ts', import.meta.url), { type: 'module', name: 'gradient-flow' }),
      makeLoop: (deliver, schedule) => new FlowLoop(deliver, schedule, FRAME_BUDGET_MS),
      // the last reset says which networks to train; a fallback starts from it
      remember: (command, kept) => (command.type === 'reset' ? command : kept),
      isStart: (command) => command.type === 'play',
      stop: { type: 'pause' },
      budget: { max: FRAME_BUDGET_MS, min: MIN_BUDGET_MS, overran: (spent, slice) => spent > slice * 2 && spent > 12 },
    },
    worker,
  );
}
