/**
 * Where the playground trains: in a Web Worker when the browser can start one, otherwise on the
 * main thread, one slice of about 8 ms per animation frame. Both run the same Driver, so the same
 * seed gives the same run either way. If the worker fails to start, the runner replays the current
 * session's commands on the main thread and carries on.
 */
import { Driver, type Command, type Envelope, type Report } from './driver.ts';

export interface Runner {
  /** 'worker' or 'main': where training runs now. */
  readonly mode: 'worker' | 'main';
  /** Posts a command; returns its number (reports carry the number of the last command handled). */
  send(command: Command): number;
  dispose(): void;
}

/** Training time per animation frame when training shares the main thread. */
export const MAIN_SLICE_MS = 8;

/** A runner that reports to `onReport`; `preferWorker: false` keeps training on the main thread. */
export function createRunner(onReport: (report: Report) => void, preferWorker = true): Runner {
  let mode: 'worker' | 'main' = 'main';
  let worker: Worker | null = null;
  let driver: Driver | null = null;
  let frame = 0;
  let disposed = false;
  let seq = 0;
  // The commands since the last reset, replayed if the worker has to be abandoned.
  let log: Envelope[] = [];
  let playing = false;

  const deliver = (report: Report) => {
    if (disposed) return;
    if (report.type === 'snapshot') playing = report.running;
    onReport(report);
  };

  const startMain = () => {
    mode = 'main';
    driver = new Driver(
      deliver,
      () => {
        frame = requestAnimationFrame(() => driver?.tick());
      },
      MAIN_SLICE_MS,
      0,
    );
  };

  const abandonWorker = () => {
    worker?.terminate();
    worker = null;
    if (disposed || driver) return;
    startMain();
    const wasPlaying = playing;
    for (const envelope of log) driver!.handle(envelope);
    if (wasPlaying) driver!.handle({ seq, command: { type: 'play' } });
  };

  if (preferWorker && typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
      mode = 'worker';
      worker.onmessage = (event: MessageEvent<Report>) => deliver(event.data);
      worker.onerror = (event) => {
        event.preventDefault?.();
        abandonWorker();
      };
    } catch {
      worker = null;
    }
  }
  if (!worker) startMain();

  return {
    get mode() {
      return mode;
    },
    send(command) {
      if (disposed) return seq;
      const envelope = { seq: ++seq, command };
      if (command.type === 'reset' || command.type === 'replay') log = [...log.filter((e) => e.command.type === 'speed').slice(-1), envelope];
      else if (command.type === 'retrain' || command.type === 'data' || command.type === 'speed') log.push(envelope);
      if (command.type === 'play') playing = true;
      else if (command.type === 'pause' || command.type === 'step' || command.type === 'reset' || command.type === 'replay') playing = false;
      if (worker) worker.postMessage(envelope);
      else driver?.handle(envelope);
      return envelope.seq;
    },
    dispose() {
      disposed = true;
      cancelAnimationFrame(frame);
      worker?.terminate();
      worker = null;
      driver = null;
    },
  };
}
