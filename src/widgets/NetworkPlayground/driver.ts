/**
 * The training loop behind the playground, written once for both places it runs: inside a Web
 * Worker (train.worker.ts) and, where workers are unavailable, on the main thread in slices of a
 * few milliseconds per animation frame (runner.ts). It turns commands into session calls and
 * reports snapshots, at most one per `postEvery` milliseconds while playing.
 */
import type { Problem, RowsData, TrainingSpec } from './problem.ts';
import { Replay, Session, type ReplayLeg, type Snapshot } from './session.ts';

/** What the page asks the loop to do. */
export type Command =
  /** A new session (new data, network or seed); `version` tags the snapshots that follow. */
  | { type: 'reset'; version: number; problem: Problem }
  /** A new session replayed to epoch `target` in the background, stretch by stretch (a shared link). */
  | { type: 'replay'; version: number; problem: Problem; legs: ReplayLeg[]; target: number }
  /** Other optimizer, learning rate, loss or batch size; the weights stay. */
  | { type: 'retrain'; training: TrainingSpec }
  /** Other training rows (points added or cleared); the weights stay. */
  | { type: 'data'; train: RowsData }
  | { type: 'play' }
  /** Epochs per second while playing; 0 is as fast as the machine allows. */
  | { type: 'speed'; epochsPerSecond: number }
  | { type: 'pause' }
  /** Train this many whole epochs, then report. */
  | { type: 'step'; epochs: number };

/** What the loop reports back. */
export type Report =
  /** `replaying`: the epoch a replay is heading for, while it runs; else null. */
  | { type: 'snapshot'; version: number; seq: number; running: boolean; replaying: number | null; snapshot: Snapshot }
  | { type: 'error'; version: number; seq: number; message: string };

/** A command as posted: numbered, so a report says which commands it already reflects. */
export interface Envelope {
  seq: number;
  command: Command;
}

export class Driver {
  private session: Session | null = null;
  private replay: Replay | null = null;
  private version = 0;
  private running = false;
  private lastPost = -Infinity;
  private scheduled = false;
  private seq = 0;
  private rate = 0;
  /** When the current paced stretch began, and the epochs trained in it. */
  private since = 0;
  private paced = 0;

  /**
   * `post` delivers a report (with the buffers it may transfer); `schedule(delay)` arranges one
   * call of `tick` after about `delay` ms (0: as soon as possible); `sliceMs` is the most training
   * time per tick; `postEvery` the least time between reports; `rest` a pause after each slice at
   * full speed, which leaves a small machine's other core free for drawing.
   */
  constructor(
    private readonly post: (report: Report, transfer: Transferable[]) => void,
    private readonly schedule: (delay: number) => void,
    private readonly sliceMs: number,
    private readonly postEvery = 16,
    private readonly rest = 0,
  ) {}

  /** Whether the loop is training continuously. */
  get playing(): boolean {
    return this.running;
  }

  /** Carries out one command; an engine error stops the loop and is reported, never thrown. */
  handle({ seq, command }: Envelope): void {
    this.seq = seq;
    try {
      switch (command.type) {
        case 'reset':
          this.running = false;
          this.replay = null;
          this.version = command.version;
          this.session = new Session(command.problem);
          this.send();
          break;
        case 'replay':
          this.running = false;
          this.version = command.version;
          this.replay = new Replay(command.problem, command.legs, command.target);
          this.session = this.replay.session;
          this.send();
          this.later(0);
          break;
        case 'retrain':
          this.replay = null;
          this.session?.retrain(command.training);
          this.send();
          break;
        case 'data':
          this.replay = null;
          this.session?.setTrain(command.train);
          this.send();
          break;
        case 'play':
          this.replay = null;
          if (!this.session?.canTrain) {
            this.send();
            break;
          }
          this.running = true;
          this.pace();
          this.later(0);
          break;
        case 'speed':
          this.rate = Number.isFinite(command.epochsPerSecond) && command.epochsPerSecond > 0 ? command.epochsPerSecond : 0;
          this.pace();
          break;
        case 'pause':
          // Paused, the weights are always those at the end of an epoch: the epoch shown.
          this.running = false;
          this.replay = null;
          this.session?.completeEpoch();
          this.send();
          break;
        case 'step':
          this.running = false;
          this.replay = null;
          this.session?.runEpochs(Math.max(1, Math.floor(command.epochs)));
          this.send();
          break;
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** One slice of training while playing; reports when due, and schedules the next slice. */
  tick(): void {
    this.scheduled = false;
    if (this.replay) {
      this.tickReplay();
      return;
    }
    if (!this.running || !this.session) return;
    try {
      if (this.rate > 0) {
        this.tickPaced();
        return;
      }
      const more = this.session.runFor(this.sliceMs);
      if (!more) this.running = false;
      if (!this.running || performance.now() - this.lastPost >= this.postEvery) this.send();
      if (this.running) this.later(this.rest);
    } catch (error) {
      this.fail(error);
    }
  }

  /** At a set speed: the epochs due by now (within the time slice), then a pause until the next is due. */
  private tickPaced(): void {
    const session = this.session!;
    const start = performance.now();
    const due = Math.floor(((start - this.since) / 1000) * this.rate) - this.paced;
    let done = 0;
    while (done < due && this.running) {
      if (!session.runEpochs(1)) this.running = false;
      done++;
      if (performance.now() - start > this.sliceMs) break;
    }
    this.paced += done;
    // A machine that cannot keep up does not build a backlog.
    if (done < due) this.pace();
    if (done > 0 || !this.running) this.send();
    if (this.running) this.later(Math.min(50, Math.max(4, 1000 / this.rate)));
  }

  /** One slice of a replay; reports when due and when it is done. */
  private tickReplay(): void {
    const replay = this.replay!;
    try {
      const done = replay.advance(this.sliceMs);
      if (done) this.replay = null;
      if (done || performance.now() - this.lastPost >= this.postEvery) this.send();
      if (!done) this.later(this.rest);
    } catch (error) {
      this.replay = null;
      this.fail(error);
    }
  }

  private pace(): void {
    this.since = performance.now();
    this.paced = 0;
  }

  private later(delay: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(delay);
  }

  private send(): void {
    if (!this.session) return;
    const snapshot = this.session.snapshot();
    this.lastPost = performance.now();
    const replaying = this.replay ? this.replay.target : null;
    this.post({ type: 'snapshot', version: this.version, seq: this.seq, running: this.running, replaying, snapshot }, [snapshot.params.buffer]);
  }

  private fail(error: unknown): void {
    this.running = false;
    const message = error instanceof Error ? error.message : String(error);
    this.post({ type: 'error', version: this.version, seq: this.seq, message }, []);
  }
}
