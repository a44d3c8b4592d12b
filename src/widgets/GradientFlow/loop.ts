/**
 * The gradient-flow training loop, written once for both places it runs: in a Web Worker
 * (flow.worker.ts) and, where workers are unavailable, on the main thread one short slice per
 * animation frame (runner.ts). It turns commands into race calls and reports snapshots: at most
 * one per `reportEvery` ms while playing, and a full one whenever training stops.
 */
import { FlowRace, MAX_STEPS, type RaceSettings, type RaceSnapshot } from './race.ts';

/**
 * Least time between reports while playing. The page redraws one of its two charts per report, so
 * each chart changes every 120 ms: under the 150 ms below which a chart updates without animating.
 */
export const REPORT_MS = 60;

/** What the page asks the loop to do. */
export type FlowCommand =
  /** New networks (other shape, learning rate or seed); `version` tags the reports that follow. */
  | { type: 'reset'; version: number; settings: RaceSettings }
  /** Train continuously, until `until` steps when given (replaying a shared run). */
  | { type: 'play'; until: number | null }
  | { type: 'pause' }
  /** Take this many steps, then report. */
  | { type: 'step'; steps: number };

/** Why training stopped by itself: the step limit, every network stopped, or the replay target reached. */
export type StopCause = 'limit' | 'stopped' | 'reached';

/** What the loop reports back. */
export type FlowReport =
  | { type: 'snapshot'; version: number; running: boolean; cause: StopCause | null; snapshot: RaceSnapshot }
  | { type: 'error'; version: number; message: string };

export class FlowLoop {
  private race: FlowRace | null = null;
  private version = 0;
  private running = false;
  private until: number | null = null;
  private lastReport = -Infinity;
  private scheduled = false;
  /** Training time per tick (the main-thread runner adapts it to how busy the machine is). */
  sliceMs: number;

  /**
   * `post` delivers a report; `schedule` arranges one call of `tick` soon (next frame, or next
   * turn of the worker's event loop); `reportEvery` is the least time between reports while playing.
   */
  constructor(
    private readonly post: (report: FlowReport) => void,
    private readonly schedule: () => void,
    sliceMs: number,
    private readonly reportEvery = REPORT_MS,
  ) {
    this.sliceMs = sliceMs;
  }

  get playing(): boolean {
    return this.running;
  }

  /** Carries out one command; an engine error stops the loop and is reported, never thrown. */
  handle(command: FlowCommand): void {
    try {
      switch (command.type) {
        case 'reset':
          this.running = false;
          this.until = null;
          this.version = command.version;
          this.race = new FlowRace(command.settings);
          this.report(null);
          break;
        case 'play':
          if (!this.race) break;
          this.until = command.until;
          if (!this.race.canTrain || (this.until !== null && this.race.lowest >= this.until)) {
            this.running = false;
            this.report(this.race.canTrain ? 'reached' : this.cause());
            break;
          }
          this.running = true;
          this.lastReport = performance.now();
          this.later();
          break;
        case 'pause':
          this.running = false;
          this.until = null;
          this.report(null);
          break;
        case 'step':
          if (!this.race) break;
          this.running = false;
          this.until = null;
          this.race.trainTo(this.race.step + Math.max(1, Math.floor(command.steps)));
          this.report(this.race.canTrain ? null : this.cause());
          break;
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * One turn while playing: a report when one is due (and nothing else, so the page gets the turn
   * to draw), otherwise a slice of training. Schedules the next turn.
   */
  tick(): void {
    this.scheduled = false;
    const race = this.race;
    if (!this.running || !race) return;
    try {
      const reached = this.until !== null && race.lowest >= this.until;
      if (reached || !race.canTrain) {
        this.running = false;
        this.until = null;
        this.report(reached ? 'reached' : this.cause());
        return;
      }
      if (performance.now() - this.lastReport >= this.reportEvery) {
        race.countDead(true);
        this.report(null);
      } else {
        race.advance(this.sliceMs, this.until ?? MAX_STEPS);
      }
      this.later();
    } catch (error) {
      this.fail(error);
    }
  }

  private cause(): StopCause {
    return this.race && this.race.step >= MAX_STEPS ? 'limit' : 'stopped';
  }

  private later(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule();
  }

  /** Posts a snapshot: thinned while playing, complete (with every unit recounted) when not. */
  private report(cause: StopCause | null): void {
    const race = this.race;
    if (!race) return;
    if (!this.running) race.countDead();
    this.lastReport = performance.now();
    this.post({ type: 'snapshot', version: this.version, running: this.running, cause, snapshot: race.snapshot(this.running) });
  }

  private fail(error: unknown): void {
    this.running = false;
    this.post({ type: 'error', version: this.version, message: error instanceof Error ? error.message : String(error) });
  }
}
