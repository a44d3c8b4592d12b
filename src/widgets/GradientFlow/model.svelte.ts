/**
 * State of the gradient-flow widget: the settings behind share links, and what the charts and the
 * table show, built from the snapshots the training loop reports (race.ts, loop.ts). The loop runs
 * in a Web Worker when it can (runner.ts), so training never blocks the page; the two charts are
 * redrawn in turn, one per report (see REPORT_MS in loop.ts).
 */
import { z } from '../../lib/zod.ts';
import { FLOW_ACTIVATIONS, FLOW_LIMITS, attenuation, chainProfile, type FlowActivation } from '../../engine/gradient-flow.ts';
import { derivativeFacts } from '../../engine/derivative-facts.ts';
import { formatNumber } from '../../components/charts/format.ts';
import type { LineSeries } from '../../components/charts/types.ts';
import { toCSV } from '../../components/widget/csv.ts';
import { MAX_SEED } from '../../components/widget/seed.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/flow.ts';
import type { FlowReport, StopCause } from './loop.ts';
import { FlowRace, MAX_STEPS, PREPARE_PARTS, type RaceSettings, type RaceSnapshot, type RunSnapshot } from './race.ts';
import { createRunner, type FlowRunner } from './runner.ts';

export { MAX_STEPS };

/** Learning rates offered (plain gradient descent, full batch). */
export const LEARNING_RATES = [0.03, 0.1, 0.3, 1, 3] as const;
export type LearningRate = (typeof LEARNING_RATES)[number];

export const FLOW_COLORS: Record<FlowActivation, string> = {
  sigmoid: '--nn-series-2',
  tanh: '--nn-series-3',
  relu: '--nn-series-1',
};

export const flowStateSchema = z.strictObject({
  depth: z.number().check(z.int(), z.minimum(FLOW_LIMITS.depth[0]), z.maximum(FLOW_LIMITS.depth[1])),
  width: z.number().check(z.int(), z.minimum(FLOW_LIMITS.width[0]), z.maximum(FLOW_LIMITS.width[1])),
  lr: z.literal(LEARNING_RATES),
  seed: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SEED)),
  /** Steps trained when the link was made; opening it replays them (the run is seeded). */
  steps: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_STEPS)),
  showStart: z.boolean(),
});
export type FlowState = z.infer<typeof flowStateSchema>;

export const DEFAULT_STATE: FlowState = { depth: 10, width: 8, lr: 0.1, seed: 1, steps: 0, showStart: false };

/** The reader's name of an activation. */
export function flowName(name: FlowActivation): string {
  return t(`flow.fn.${name}` as MessageKey);
}

/** One column of the table under the charts. */
export interface FlowRow {
  name: FlowActivation;
  label: string;
  color: string;
  loss: string;
  accuracy: string;
  first: string;
  last: string;
  /** first / last, or a dash when nothing reaches the last layer. */
  ratio: string;
  dead: string;
  /** Why this network stopped (diverged), or ''. */
  stopped: string;
}

/** What the gradient chart and the table show (the loss chart is redrawn separately). */
export interface FlowView {
  step: number;
  /** Weight layers (hidden layers + the output layer). */
  layers: number;
  gradSeries: LineSeries[];
  rows: FlowRow[];
  gradSummary: string;
}

/** Where the training loop may run: a worker when the browser has one (default), or the main thread. */
export interface FlowOptions {
  worker?: boolean;
}

/**
 * Step-0 snapshots made ahead by `warmUpJobs`, by their settings: the widget's constructor takes
 * its first picture from here when it can (a few settings' worth, the most recently made last).
 */
const firstSnapshots = new Map<string, RaceSnapshot>();
const FIRST_SNAPSHOTS_KEPT = 4;
const settingsKey = (s: RaceSettings) => JSON.stringify([s.depth, s.width, s.lr, s.seed]);

/**
 * The first picture of `state` (its three networks at step 0), as small jobs for the page to run
 * one per task before the widget hydrates (src/lib/warm-up.ts): each makes one part of the race
 * (see race.ts), the last keeps its snapshot for the widget's constructor. The numbers are the
 * same as the constructor's own; jobs not run (or a race not finished) only cost it the time.
 */
export function warmUpJobs(state: Partial<FlowState> = {}): (() => void)[] {
  const parsed = flowStateSchema.safeParse({ ...DEFAULT_STATE, ...state });
  if (!parsed.success) return [];
  const { depth, width, lr, seed } = parsed.data;
  const settings = { depth, width, lr, seed };
  const key = settingsKey(settings);
  if (firstSnapshots.has(key)) return [];
  const race = new FlowRace(settings, undefined, true);
  const parts = Array.from({ length: PREPARE_PARTS }, () => () => void race.prepare());
  return [
    ...parts,
    () => {
      // the chart's 0.25ⁿ line needs max σ′ (worked out once, then kept by the engine)
      derivativeFacts('sigmoid');
      firstSnapshots.set(key, race.snapshot(false));
      if (firstSnapshots.size > FIRST_SNAPSHOTS_KEPT) firstSnapshots.delete(firstSnapshots.keys().next().value as string);
    },
  ];
}

/** The three networks of `settings` at step 0: made ahead by `warmUpJobs` (and taken), or made now. */
function firstSnapshot(settings: RaceSettings): RaceSnapshot {
  const key = settingsKey(settings);
  const ahead = firstSnapshots.get(key);
  // taken, not shared: each widget owns its snapshot
  firstSnapshots.delete(key);
  return ahead ?? new FlowRace(settings).snapshot(false);
}

const num = formatNumber;
/** Three significant digits, for the table's narrow columns. */
const short = (value: number) => formatNumber(Number.isFinite(value) ? Number(value.toPrecision(3)) : value);

export class GradientFlowModel {
  depth = $state(DEFAULT_STATE.depth);
  width = $state(DEFAULT_STATE.width);
  lr = $state<LearningRate>(DEFAULT_STATE.lr);
  seed = $state(DEFAULT_STATE.seed);
  showStart = $state(DEFAULT_STATE.showStart);
  running = $state(false);
  /** While a shared run is replayed: the step to reach, else null. */
  target = $state<number | null>(null);
  view = $state.raw<FlowView>({ step: 0, layers: 0, gradSeries: [], rows: [], gradSummary: '' });
  /** The loss curves, kept apart from `view` so each chart is redrawn only when its own data changes. */
  lossSeries = $state.raw<LineSeries[]>([]);
  /** The loss chart's x axis runs from step 0 to this (at least 1, so a lone first point has an axis). */
  lossXMax = $state(1);
  /** Why training stopped by itself (the step limit, every network stopped), or ''. */
  note = $state('');
  /** An error from the training loop, or ''. */
  error = $state('');

  private snap: RaceSnapshot;
  private runner: FlowRunner | null = null;
  private readonly useWorker: boolean;
  private version = 0;
  private reports = 0;

  constructor(initial: Partial<FlowState> = {}, options: FlowOptions = {}) {
    const parsed = flowStateSchema.safeParse({ ...DEFAULT_STATE, ...initial });
    const state = parsed.success ? parsed.data : DEFAULT_STATE;
    this.useWorker = options.worker ?? true;
    this.applySettings(state);
    // The first picture is there before the loop starts (and on the server): made here, or, in the
    // browser, ahead in short tasks before the widget hydrates (warmUpJobs).
    this.snap = firstSnapshot(this.settings());
    this.redraw(true);
  }

  /** Starts the training loop (in the browser, after mount). Safe to call twice. */
  start(): void {
    if (this.runner) return;
    // a shared link may already have asked for a replay (share.set runs before the widget mounts)
    const pending = this.target;
    this.runner = createRunner((report) => this.receive(report), this.useWorker);
    this.restart();
    if (pending !== null) this.playUntil(pending);
  }

  /** Where training runs: 'worker', 'main', or null before start(). */
  get where(): 'worker' | 'main' | null {
    return this.runner?.where ?? null;
  }

  /** Progress of a replay, 0–1, or null. */
  get progress(): number | null {
    return this.target === null || this.target === 0 ? null : Math.min(1, this.view.step / this.target);
  }

  /** The three runs as last reported (read through the charts' data, so a reader follows every report). */
  get snapshot(): RaceSnapshot {
    void this.view;
    void this.lossSeries;
    return this.snap;
  }

  /** Whether any network can still take a step. */
  get canTrain(): boolean {
    return this.view.step < MAX_STEPS && this.view.rows.some((r) => !r.stopped);
  }

  /** One sentence for the status line (announced politely, so it changes only now and then while running). */
  get status(): string {
    if (this.error) return t('flow.status.error', { message: this.error });
    if (this.target !== null) return t('flow.status.replay', { target: this.target });
    const step = this.view.step;
    if (this.running) return t('flow.status.running', { step: Math.floor(step / 500) * 500 });
    if (step === 0) return t('flow.status.ready', { depth: this.depth, width: this.width });
    const losses = this.view.rows.map((r) => t('flow.status.loss', { name: r.label, loss: r.loss })).join(', ');
    const stopped = this.view.rows.filter((r) => r.stopped).map((r) => r.stopped).join(' ');
    return [this.note || t('flow.status.paused', { step }), t('flow.status.losses', { losses }), stopped].filter(Boolean).join(' ');
  }

  play(): void {
    if (this.running || !this.canTrain) return;
    this.note = '';
    this.running = true;
    this.runner?.send({ type: 'play', until: null });
  }

  pause(): void {
    this.target = null;
    this.runner?.send({ type: 'pause' });
  }

  toggle(): void {
    if (this.running) this.pause();
    else this.play();
  }

  /** `steps` more steps of every network (1 for the Step button); pauses first. */
  train(steps = 1): void {
    if (!Number.isInteger(steps) || steps < 1) return;
    this.target = null;
    this.runner?.send({ type: 'step', steps });
  }

  /** Plays until every network has taken `target` steps, then pauses (replaying a shared run). */
  playUntil(target: number): void {
    if (!Number.isInteger(target) || target <= this.view.step) return;
    this.target = Math.min(target, MAX_STEPS);
    this.running = true;
    this.runner?.send({ type: 'play', until: this.target });
  }

  /** Starts over from step 0 with the current settings, or with a new seed. */
  reset(seed?: number): void {
    if (seed !== undefined && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) this.seed = seed;
    this.restart();
  }

  /** Back to the defaults. */
  restoreDefaults(): void {
    this.applySettings(DEFAULT_STATE);
    this.restart();
  }

  setDepth(value: number): void {
    if (!Number.isInteger(value) || value < FLOW_LIMITS.depth[0] || value > FLOW_LIMITS.depth[1] || value === this.depth) return;
    this.depth = value;
    this.restart();
  }

  setWidth(value: number): void {
    if (!Number.isInteger(value) || value < FLOW_LIMITS.width[0] || value > FLOW_LIMITS.width[1] || value === this.width) return;
    this.width = value;
    this.restart();
  }

  setLr(value: number): void {
    const match = LEARNING_RATES.find((r) => r === Number(value));
    if (match === undefined || match === this.lr) return;
    this.lr = match;
    this.restart();
  }

  setShowStart(on: boolean): void {
    this.showStart = on;
    this.redraw(true);
  }

  /** Stops the loop for good (the view is going away). */
  destroy(): void {
    this.runner?.destroy();
    this.runner = null;
    this.running = false;
  }

  toState(): FlowState {
    return { depth: this.depth, width: this.width, lr: this.lr, seed: this.seed, steps: this.view.step, showStart: this.showStart };
  }

  /** Applies a shared state: the settings at once, then the training replayed in the background. */
  fromState(state: FlowState): void {
    const parsed = flowStateSchema.safeParse(state);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid state');
    this.applySettings(parsed.data);
    this.restart();
    if (parsed.data.steps > 0) this.playUntil(parsed.data.steps);
  }

  /**
   * Each network's loss after 0, 1, 2, … updates, up to the current step (every one when paused,
   * thinned while training runs); then per layer, each network's gradient now and at step 0.
   */
  csv(): string {
    const runs = this.snap.runs;
    const rows: (string | number)[][] = [];
    const curves = runs.map((r) => new Map(r.steps.map((k, i) => [k, r.losses[i]])));
    const steps = [...new Set(runs.flatMap((r) => r.steps))].sort((a, b) => a - b);
    for (const step of steps) rows.push(['loss', step, ...curves.map((c) => c.get(step) ?? '')]);
    const layers = runs[0].profile.length;
    for (let l = 0; l < layers; l++) {
      rows.push(['gradient_now', l + 1, ...runs.map((r) => r.profile[l])]);
      rows.push(['gradient_step0', l + 1, ...runs.map((r) => r.start[l])]);
    }
    return toCSV(['quantity', 'step_or_layer', ...runs.map((r) => r.name)], rows);
  }

  private settings() {
    return { depth: this.depth, width: this.width, lr: this.lr, seed: this.seed };
  }

  /** New networks from the current settings (the loop reports step 0 back at once). */
  private restart(): void {
    this.target = null;
    this.note = '';
    this.error = '';
    this.running = false;
    this.version++;
    this.runner?.send({ type: 'reset', version: this.version, settings: this.settings() });
  }

  private receive(report: FlowReport): void {
    if (report.version !== this.version) return; // from networks since replaced
    if (report.type === 'error') {
      this.error = report.message;
      this.running = false;
      this.target = null;
      return;
    }
    this.snap = report.snapshot;
    this.running = report.running;
    if (!report.running) {
      this.note = noteFor(report.cause, report.snapshot.step);
      this.target = null;
    }
    this.redraw(!report.running);
  }

  /** Rebuilds what is shown: both charts, or (while training) one of them in turn. */
  private redraw(both: boolean): void {
    const turn = this.reports++ % 2;
    if (both || turn === 0) this.redrawGradients();
    if (both || turn === 1) this.redrawLosses();
  }

  private redrawLosses(): void {
    this.lossXMax = Math.max(1, ...this.snap.runs.map((run) => run.steps.at(-1) ?? 0));
    this.lossSeries = this.snap.runs.map((run) => ({
      label: flowName(run.name),
      color: FLOW_COLORS[run.name],
      points: run.steps.map((k, i) => ({ x: k, y: run.losses[i] })),
    }));
  }

  /** The gradient chart (profiles, the 0.25ⁿ line) and the table. */
  private redrawGradients(): void {
    const runs = this.snap.runs;
    const layers = runs[0].profile.length;
    const gradSeries: LineSeries[] = [];
    const perLayer = (values: readonly number[]) => values.map((y, l) => ({ x: l + 1, y }));
    for (const run of runs) {
      gradSeries.push({ label: flowName(run.name), color: FLOW_COLORS[run.name], points: perLayer(run.profile) });
      if (this.showStart) {
        gradSeries.push({ label: t('flow.start', { name: flowName(run.name) }), color: FLOW_COLORS[run.name], dashed: true, points: perLayer(run.start) });
      }
    }
    const sigmoid = runs[FLOW_ACTIVATIONS.indexOf('sigmoid')].profile;
    const anchor = sigmoid[layers - 1];
    if (anchor > 0) {
      const chain = chainProfile(layers, anchor, derivativeFacts('sigmoid').max);
      gradSeries.push({ label: t('flow.bound'), color: '--nn-text-muted', dashed: true, points: perLayer(Array.from(chain)) });
    }
    const rows = runs.map((run) => this.row(run, layers));
    const gradSummary = t('flow.grad.summary', {
      layers,
      list: rows.map((r) => t('flow.grad.summary.item', { name: r.label, first: r.first, last: r.last })).join('; '),
    });
    this.view = { step: this.snap.step, layers, gradSeries, rows, gradSummary };
  }

  private row(run: RunSnapshot, layers: number): FlowRow {
    const label = flowName(run.name);
    const ratio = attenuation(run.profile);
    return {
      name: run.name,
      label,
      color: FLOW_COLORS[run.name],
      loss: short(run.loss),
      accuracy: `${Math.round(run.accuracy * 100)}%`,
      first: short(run.profile[0]),
      last: short(run.profile[layers - 1]),
      ratio: ratio === null ? '–' : short(ratio),
      dead: t('flow.dead.value', { dead: run.dead, total: this.snap.units }),
      stopped: run.status === 'diverged' ? t('flow.stopped', { name: label, reason: run.reason }) : '',
    };
  }

  private applySettings(state: FlowState): void {
    this.depth = state.depth;
    this.width = state.width;
    this.lr = state.lr;
    this.seed = state.seed;
    this.showStart = state.showStart;
  }
}

function noteFor(cause: StopCause | null, step: number): string {
  if (cause === 'limit') return t('flow.status.limit', { step });
  if (cause === 'stopped') return t('flow.status.allStopped', { step });
  return '';
}
