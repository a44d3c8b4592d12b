/**
 * The gradient-flow race: three networks (sigmoid, tanh, ReLU) of one shape, seed and data, trained
 * side by side in lockstep by plain full-batch gradient descent. Plain TypeScript and plain data
 * out, so the same class runs in a Web Worker and on the main thread.
 */
import { FLOW_ACTIVATIONS, deadUnits, flowData, flowNetwork, gradientProfile, type FlowActivation } from '../../engine/gradient-flow.ts';
import { createTrainer, type Trainer } from '../../engine/train.ts';
import type { MLP } from '../../engine/mlp.ts';
import type { Samples } from '../../engine/datasets.ts';
import type { TrainStatus } from '../../engine/history.ts';

/** Training pauses here. */
export const MAX_STEPS = 5000;
/** Rows of the training set each network's passes first run on, when the race is made in parts. */
const WARM_SLICES: readonly (readonly [number, number])[] = [[0, 10], [10, 30], [30, 70]];
/** Calls of `prepare()` that make a race begun in parts. */
export const PREPARE_PARTS = (5 + WARM_SLICES.length) * FLOW_ACTIVATIONS.length;
/** Most points per loss curve in a snapshot taken while training runs (the chart's resolution). */
export const LOSS_POINTS = 100;

/** What the reader chooses: shape, learning rate and seed. */
export interface RaceSettings {
  depth: number;
  width: number;
  lr: number;
  seed: number;
}

/** One network's state, as plain data. */
export interface RunSnapshot {
  name: FlowActivation;
  step: number;
  /** Mean |∂L/∂w| per layer at the current weights (after `step` updates). */
  profile: number[];
  /** The same at step 0. */
  start: number[];
  /**
   * The loss curve: `steps[i]` updates had been made when `losses[i]` was measured, from 0 up to
   * the current step (all of them, or at most LOSS_POINTS + 1 when `thinned`).
   */
  steps: number[];
  losses: number[];
  /** The training loss before the first step. */
  initialLoss: number;
  /** Loss and accuracy on the training set at the current weights: the same numbers the curve ends on. */
  loss: number;
  accuracy: number;
  /** Hidden units whose f′ is 0 on every training point, at the last count. */
  dead: number;
  status: TrainStatus;
  /** Why it stopped, or ''. */
  reason: string;
}

/** All three networks, as plain data. */
export interface RaceSnapshot {
  step: number;
  /** Hidden units of each network (depth × width). */
  units: number;
  thinned: boolean;
  runs: RunSnapshot[];
}

interface Run {
  name: FlowActivation;
  net: MLP;
  trainer: Trainer;
  start: number[];
  initialLoss: number;
  dead: number;
  /** Loss, accuracy and gradient profile at the current weights, and the step they belong to. */
  now: { step: number; loss: number; accuracy: number; profile: number[] };
}

export class FlowRace {
  readonly settings: RaceSettings;
  private readonly train: Samples;
  /** The networks made so far (all three once the race is made; see `prepare`). */
  private readonly made: Run[] = [];
  /** The parts of making the race still to do, or null once it is made. */
  private making: Iterator<void> | null;
  private next = 0;
  private deadCursor = 0;

  /**
   * Three networks from `settings`, each measured at step 0. With `inParts`, nothing is computed
   * yet: `prepare()` then makes the race one part at a time (see PREPARE_PARTS), so that a page can
   * spread the work over several short tasks. Whichever way it is made, the race is the same.
   */
  constructor(settings: RaceSettings, train: Samples = flowData().train, inParts = false) {
    this.settings = { ...settings };
    this.train = train;
    this.making = this.parts(inParts);
    if (!inParts) while (this.prepare());
  }

  /**
   * Does the next part of making the race (made with `inParts`); false once nothing is left. Any
   * other use of the race first does whatever parts are left, all at once.
   */
  prepare(): boolean {
    if (this.making?.next().done) this.making = null;
    return this.making !== null;
  }

  /** Every network, the race made first if it is not yet. */
  private get runs(): Run[] {
    while (this.prepare());
    return this.made;
  }

  /**
   * Making the race, one part between yields: per network, the network and its trainer, its first
   * gradients, its accuracy, its dead units. Made in parts, each network's passes are first run
   * on a few small slices of the data, results unused: the first passes of this code run slowly,
   * until the JavaScript engine has compiled it, and on small slices that cost is spread over
   * several short parts instead of making one long one. The race's numbers are the same.
   */
  private *parts(inParts: boolean): Generator<void, void> {
    const { settings, train } = this;
    for (const name of FLOW_ACTIVATIONS) {
      const net = flowNetwork(name, settings.depth, settings.width, settings.seed);
      const trainer = createTrainer({
        net,
        data: { train },
        optimizer: { kind: 'sgd', lr: settings.lr },
        loss: 'bce',
        seed: settings.seed,
        stopAtLoss: 0,
      });
      yield;
      if (inParts) {
        const batch = net.pack(train.x, train.y);
        const scratch = new Float64Array(net.params.length);
        for (const [from, to] of WARM_SLICES) {
          net.lossAndGradInto(batch, 'bce', scratch, undefined, null, from, Math.min(to, batch.count));
          yield;
        }
      }
      const { loss, grad } = net.lossAndGrad(train.x, train.y, 'bce');
      const start = Array.from(gradientProfile(net, grad));
      yield;
      const accuracy = trainer.evaluate().train.accuracy;
      yield;
      if (inParts) {
        deadUnits(net, train.x.slice(0, WARM_SLICES[0][1]));
        yield;
      }
      const dead = deadCount(net, train);
      this.made.push({ name, net, trainer, start, initialLoss: loss, dead, now: { step: 0, loss, accuracy, profile: start } });
      if (this.made.length < FLOW_ACTIVATIONS.length) yield;
    }
  }

  /** Steps taken: the networks move in lockstep (at most one step apart in the middle of a slice). */
  get step(): number {
    return this.runs.reduce((high, r) => Math.max(high, r.trainer.step), 0);
  }

  /** The fewest steps taken by a network that can still train. */
  get lowest(): number {
    const active = this.runs.filter(canAdvance);
    return active.length === 0 ? this.step : active.reduce((low, r) => Math.min(low, r.trainer.step), Infinity);
  }

  /** Whether any network can take another step before MAX_STEPS. */
  get canTrain(): boolean {
    return this.runs.some((r) => canAdvance(r) && r.trainer.step < MAX_STEPS);
  }

  /** Trains every network until it has taken `goal` steps in all (or stops, or MAX_STEPS). */
  trainTo(goal: number): void {
    const target = Math.min(MAX_STEPS, goal);
    for (const run of this.runs) if (canAdvance(run) && run.trainer.step < target) run.trainer.run(target - run.trainer.step);
    this.countDead();
  }

  /**
   * Trains for about `budgetMs`, one step per network in turn, never past `limit` steps, keeping
   * the three in lockstep whatever each step costs. Returns the steps taken (all networks together).
   */
  advance(budgetMs: number, limit: number = MAX_STEPS): number {
    const end = performance.now() + budgetMs;
    const cap = Math.min(MAX_STEPS, limit);
    let done = 0;
    let idle = 0;
    while (idle < this.runs.length) {
      const run = this.runs[this.next];
      this.next = (this.next + 1) % this.runs.length;
      if (run.trainer.step >= cap || !canAdvance(run) || run.trainer.step > this.lowest) {
        idle++;
        continue;
      }
      run.trainer.run(1);
      done++;
      idle = 0;
      if (performance.now() >= end) break;
    }
    return done;
  }

  /** Recounts the dead hidden units of every network, or (`one`) of the next one in turn. */
  countDead(one = false): void {
    const runs = one ? [this.runs[this.deadCursor++ % this.runs.length]] : this.runs;
    for (const run of runs) run.dead = deadCount(run.net, this.train);
  }

  /** Everything the page shows; `thin` keeps at most LOSS_POINTS recorded points per loss curve. */
  snapshot(thin: boolean): RaceSnapshot {
    const runs = this.runs.map((run): RunSnapshot => {
      const { trainer } = run;
      const now = this.current(run);
      const history = trainer.history;
      // the loss recorded with step k is measured before its update, at the weights after k − 1 updates
      const measured = history.steps.step.map((k) => k - 1);
      const [steps, losses] = thin ? thinned(measured, history.steps.loss) : [measured, history.steps.loss.slice()];
      steps.push(now.step);
      losses.push(now.loss);
      return {
        name: run.name,
        step: trainer.step,
        profile: now.profile.slice(),
        start: run.start.slice(),
        steps,
        losses,
        initialLoss: run.initialLoss,
        loss: now.loss,
        accuracy: now.accuracy,
        dead: run.dead,
        status: trainer.status,
        reason: trainer.reason,
      };
    });
    return { step: this.step, units: this.settings.depth * this.settings.width, thinned: thin, runs };
  }

  /** Loss, accuracy and gradient at the current weights, measured once per step. */
  private current(run: Run): Run['now'] {
    const { trainer, net } = run;
    if (run.now.step !== trainer.step) {
      const { loss, grad } = net.lossAndGrad(this.train.x, this.train.y, 'bce');
      const accuracy = trainer.evaluate().train.accuracy;
      run.now = { step: trainer.step, loss, accuracy, profile: Array.from(gradientProfile(net, grad)) };
    }
    return run.now;
  }
}

/** Hidden units of `net` whose f′ is 0 on every training point. */
function deadCount(net: MLP, train: Samples): number {
  return deadUnits(net, train.x).reduce((a, b) => a + b, 0);
}

function canAdvance(run: Run): boolean {
  return run.trainer.status === 'ready' || run.trainer.status === 'training';
}

/** At most LOSS_POINTS of a recorded curve, evenly picked, always keeping the last. */
function thinned(steps: readonly number[], losses: readonly number[]): [number[], number[]] {
  const n = steps.length;
  const stride = Math.max(1, Math.ceil(n / LOSS_POINTS));
  const s: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < n; i += stride) {
    s.push(steps[i]);
    l.push(losses[i]);
  }
  if (n > 0 && (n - 1) % stride !== 0) {
    s.push(steps[n - 1]);
    l.push(losses[n - 1]);
  }
  return [s, l];
}
