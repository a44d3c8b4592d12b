/**
 * State of the network playground: the reader's settings, the training run reported by the
 * runner (a Web Worker, or main-thread slices), and the pictures drawn from it. Rendering is
 * decoupled from training: reports are applied at most once per animation frame, the decision map
 * every frame (less often when one map takes longer than a frame's budget, see cadence.ts), the
 * unit maps and the network drawing about four times a second, and the spoken summary every few
 * seconds. Every number comes from the engine (through session.ts and maps.ts).
 */
import type { StopReason, TrainStatus } from '../../engine/history.ts';
import type { UnitLine } from '../../engine/unit-lines.ts';
import type { LineSeries } from '../../components/charts/types.ts';
import type { GraphItem } from './graph.ts';
import { t } from '../../i18n/index.ts';
import { mapEvery } from './cadence.ts';
import '../../i18n/strings/playground.ts';
import { isDone, markDone } from '../../lib/progress.ts';
import { encodeState } from '../../lib/share-state.ts';
import { formatLoss, formatParam, formatPercent, formatRate } from './format.ts';
import { classField, MapMaker, type UnitMap } from './maps.ts';
import { baseData, buildProblem, layerSizes, parameterCount, trainingSpec, trainRows, type PlayData, type Problem } from './problem.ts';
import { createRunner, type Runner } from './runner.ts';
import type { Report } from './driver.ts';
import { Session, type Curve, type Measure, type ReplayLeg, type SessionLeg, type Snapshot } from './session.ts';
import {
  ADDED_RANGE,
  CHALLENGE_ID,
  CHALLENGE_LOSS,
  DEFAULT_STATE,
  MAX_ADDED,
  MAX_HELD_OUT,
  MAX_LAYERS,
  MAX_LEGS,
  MAX_PARAMS,
  MAX_NOISE,
  MAX_POINTS,
  MAX_REPLAY_EPOCHS,
  MAX_TEST,
  MAX_UNITS,
  MAX_VALID,
  MIN_POINTS,
  MIN_TEST,
  PRESETS,
  challengeSetup,
  classCount,
  cloneState,
  countParameters,
  hiddenUnits,
  lossesFor,
  parseLearningRate,
  playgroundStateSchema,
  type AddedPoint,
  type Leg,
  type PlayActivation,
  type PlayInit,
  type PlayDataset,
  type PlayLoss,
  type PlaygroundState,
  type PlaySpeed,
  type PresetName,
  EPOCHS_PER_SECOND,
  SPEEDS,
} from './settings.ts';
import type { OptimizerKind } from '../../engine/optimizers.ts';

/** A point drawn over the decision map. */
export interface PlotPoint {
  x: number;
  y: number;
  label: number;
  test?: boolean;
}

/**
 * While training, the decision map is redrawn on every animation frame. The loss chart and the
 * unit maps with the network drawing are redrawn at most this often (ms), never both in the same
 * frame and each in a task of its own after the frame, so no frame does all the drawing at once.
 */
export const CHART_EVERY = 250;
export const UNITS_EVERY = 250;
/** Least time between spoken summaries while training (ms). */
export const SUMMARY_EVERY = 3000;
export { FRAME_BUDGET, FRAME_EVERY, mapEvery, SLOWEST_MAP_EVERY } from './cadence.ts';
/** With reduced motion, pictures change at most this often while training (ms). */
export const CALM_EVERY = 400;

export class PlaygroundModel {
  dataset = $state<PlayDataset>(DEFAULT_STATE.dataset);
  noise = $state(DEFAULT_STATE.noise);
  testFraction = $state(DEFAULT_STATE.testFraction);
  validFraction = $state(DEFAULT_STATE.validFraction);
  points = $state(DEFAULT_STATE.points);
  layers = $state.raw<number[]>([...DEFAULT_STATE.layers]);
  activation = $state<PlayActivation>(DEFAULT_STATE.activation);
  init = $state<PlayInit>(DEFAULT_STATE.init);
  lr = $state(DEFAULT_STATE.lr);
  batchSize = $state(DEFAULT_STATE.batchSize);
  optimizer = $state<OptimizerKind>(DEFAULT_STATE.optimizer);
  loss = $state<PlayLoss>(DEFAULT_STATE.loss);
  seed = $state(DEFAULT_STATE.seed);
  discretize = $state(DEFAULT_STATE.discretize);
  showTest = $state(DEFAULT_STATE.showTest);
  showLines = $state(DEFAULT_STATE.showLines);
  speed = $state<PlaySpeed>(DEFAULT_STATE.speed);
  added = $state.raw<AddedPoint[]>([]);

  /** The class a click on the map adds, or -1 when clicking adds nothing. */
  addClass = $state(-1);
  /** The learning-rate field's text and its message about the last thing typed. */
  lrDraft = $state(formatRate(DEFAULT_STATE.lr));
  lrMessage = $state<string | null>(null);
  /** A short message about the last action that could not be done (e.g. too many points). */
  notice = $state<string | null>(null);

  /** Whether the reader wants training to run. */
  playing = $state(false);
  epoch = $state(0);
  step = $state(0);
  status = $state<TrainStatus>('ready');
  stop = $state.raw<StopReason | null>(null);
  train = $state.raw<Measure>({ loss: NaN, accuracy: NaN });
  valid = $state.raw<Measure | null>(null);
  test = $state.raw<Measure | null>(null);
  curve = $state.raw<Curve>({ epoch: [], train: [], valid: [], test: [] });
  /** While a shared run is replayed: the epoch it is heading for; else null. */
  replayTarget = $state<number | null>(null);
  /** What the last Copy link could not carry (a run too long, or points cleared while training), or null. */
  shareNote = $state<string | null>(null);
  /** The state just before the last "Reset all settings", while it can still be undone. */
  undoState = $state.raw<PlaygroundState | null>(null);
  /** The decision map (P(class 1) per cell; class-major probabilities with three classes). */
  region = $state.raw<Float64Array>(new Float64Array(0));
  /** With three classes: the winning class and its confidence per cell. */
  regionClasses = $state.raw<{ label: Uint8Array; confidence: Float64Array } | null>(null);
  /** Every unit's map, layer by layer, and the weights the network drawing shows. */
  unitMaps = $state.raw<UnitMap[][]>([]);
  params = $state.raw<Float64Array>(new Float64Array(0));
  /** The layer sizes of the network the drawing shows: they change together with `params` and `unitMaps`. */
  graphSizes = $state.raw<number[]>([]);
  lines = $state.raw<UnitLine[]>([]);
  /** One calm sentence for screen readers (the frame's polite status line). */
  summary = $state('');
  /** An engine error, shown in place of the run (should not happen with the schema's caps). */
  error = $state<string | null>(null);
  /** Whether the challenge has been met in this browser (now or before). */
  challengeDone = $state(false);
  data = $state.raw<PlayData>(baseData(DEFAULT_STATE));
  /** Where training runs: in a worker, on the main thread, or nowhere yet (before mounting). */
  mode = $state<'worker' | 'main' | 'none'>('none');
  reducedMotion = false;

  private version = 0;
  private controlSeq = 0;
  private runner: Runner | null = null;
  private maps!: MapMaker;
  private problem!: Problem;
  private pending: Extract<Report, { type: 'snapshot' }> | null = null;
  private frame = 0;
  private lastChart = -Infinity;
  private lastUnits = -Infinity;
  private lastSummary = -Infinity;
  private lastRegion = -Infinity;
  /** What one decision map costs on this machine (ms, smoothed over recent frames). */
  private mapCost = 0;
  private latestCurve: Curve = { epoch: [], train: [], valid: [], test: [] };
  /** The finished stretches of the run (from the latest report), for share links. */
  private legs: SessionLeg[] = [];
  /** Set when added points were removed after training began: the run's stretches no longer fit the points a link carries. */
  private pointsRewritten = false;
  /** A replay waiting for the runner (a link opened before the widget mounted). */
  private plan: { legs: ReplayLeg[]; target: number } | null = null;
  /** The starting settings (see startState). */
  private start!: PlaygroundState;
  /** The link state the constructor applied, encoded, until the frame hands it over (fromLink). */
  private linkApplied: string | null = null;
  /** The run version at which the last reset happened (undo is offered until the next new run). */
  private undoVersion = -1;

  /**
   * `initial` is the widget's starting settings; `link`, a share link's state the schema has
   * accepted, is applied at once instead, so a share link builds its session once rather than the
   * starting one first. The starting settings stay what `startState` reports.
   */
  constructor(initial: Partial<PlaygroundState> = {}, link?: PlaygroundState) {
    const parsed = playgroundStateSchema.safeParse({ ...DEFAULT_STATE, ...initial });
    this.assign(parsed.success ? parsed.data : DEFAULT_STATE);
    this.start = this.settings();
    if (link) {
      try {
        this.fromState(link);
        this.linkApplied = encodeState(link);
        return;
      } catch {
        this.assign(this.start);
        this.plan = null;
      }
    }
    this.rebuild();
  }

  /** The settings the widget started with, before any link (what Copy link compares against). */
  startState(): PlaygroundState {
    return { ...this.start, layers: [...this.start.layers], added: this.start.added.map((p) => [...p] as AddedPoint) };
  }

  /**
   * A share link's state, as the widget frame hands it over on mount: nothing to do when the
   * constructor already applied this very state, else `fromState`.
   */
  fromLink(state: PlaygroundState): void {
    const same = this.linkApplied !== null && this.linkApplied === encodeState(state);
    this.linkApplied = null;
    if (!same) this.fromState(state, { soon: true });
  }

  get classes(): 2 | 3 {
    return classCount(this.dataset);
  }

  get sizes(): number[] {
    return layerSizes(this);
  }

  /** "2-4-2-1" */
  get architecture(): string {
    return this.sizes.join('-');
  }

  get hiddenUnits(): number {
    return hiddenUnits(this.layers);
  }

  /** Weights and biases of the network: Σ (inputs × outputs + outputs) over its layers. */
  get parameterCount(): number {
    return parameterCount(this.sizes);
  }

  /** Whether hidden layer `index` can take one more unit (within 64 units and 1000 parameters). */
  canAddUnit(index: number): boolean {
    const n = this.layers[index];
    return n !== undefined && n < MAX_UNITS && countParameters(this.dataset, this.layers.map((u, i) => (i === index ? u + 1 : u))) <= MAX_PARAMS;
  }

  /** Whether another hidden layer fits (within 6 layers and 1000 parameters). */
  get canAddLayer(): boolean {
    return this.layers.length < MAX_LAYERS && countParameters(this.dataset, [...this.layers, this.layers[this.layers.length - 1] ?? 2]) <= MAX_PARAMS;
  }

  /** Progress of a replay, 0–1, or null. */
  get progress(): number | null {
    return this.replayTarget === null || this.replayTarget === 0 ? null : Math.min(1, this.epoch / this.replayTarget);
  }

  /** Whether "Undo reset" is offered: after a reset, until another new run starts. */
  get canUndo(): boolean {
    return this.undoState !== null && this.undoVersion === this.version;
  }

  /** The largest test share the sliders allow with the current validation share, and the other way round. */
  get maxTest(): number {
    return Math.round(Math.min(MAX_TEST, MAX_HELD_OUT - this.validFraction) * 10) / 10;
  }

  get maxValid(): number {
    return Math.round(Math.min(MAX_VALID, MAX_HELD_OUT - this.testFraction) * 10) / 10;
  }

  get lossChoices(): PlayLoss[] {
    return lossesFor(this.dataset);
  }

  get canTrain(): boolean {
    return this.status !== 'diverged' && this.error === null;
  }

  get trainCount(): number {
    return this.data.train.x.length + this.added.length;
  }

  get testCount(): number {
    return this.data.test.x.length;
  }

  get validCount(): number {
    return this.data.valid.x.length;
  }

  /** The points over the decision map: training points, added points, and test points when shown. */
  readonly plotPoints: PlotPoint[] = $derived.by(() => {
    const pts: PlotPoint[] = this.data.train.x.map((p, i) => ({ x: p[0], y: p[1], label: this.data.train.labels[i] }));
    for (const p of this.added) pts.push({ x: p[0], y: p[1], label: p[2] });
    if (this.showTest) {
      this.data.test.x.forEach((p, i) => pts.push({ x: p[0], y: p[1], label: this.data.test.labels[i], test: true }));
    }
    return pts;
  });

  /** The challenge: its conditions, and whether the current test loss meets the bound. */
  get challenge() {
    const setup = challengeSetup(this);
    const testLoss = this.test?.loss ?? NaN;
    const met = setup.circle && setup.units && setup.loss && Number.isFinite(testLoss) && testLoss < CHALLENGE_LOSS;
    return { ...setup, testLoss, met };
  }

  /** Training and test loss per epoch, for the chart. */
  get lossSeries(): LineSeries[] {
    const c = this.curve;
    const series: LineSeries[] = [
      { label: t('playground.chart.train'), points: c.epoch.map((x, i) => ({ x, y: c.train[i] })), color: '--nn-series-1' },
    ];
    if (c.valid.length === c.epoch.length && c.valid.length > 0) {
      series.push({ label: t('playground.chart.valid'), points: c.epoch.map((x, i) => ({ x, y: c.valid[i] })), color: '--nn-series-3', dashed: true });
    }
    if (c.test.length === c.epoch.length && c.test.length > 0) {
      series.push({ label: t('playground.chart.test'), points: c.epoch.map((x, i) => ({ x, y: c.test[i] })), color: '--nn-series-2', dashed: true });
    }
    return series;
  }

  /** The chart's epoch axis while a run is young ([0, 10], so epoch 0 is not one dot in the middle); then automatic. */
  get chartRange(): [number, number] | undefined {
    return (this.curve.epoch[this.curve.epoch.length - 1] ?? 0) < 10 ? [0, 10] : undefined;
  }

  /** The chart's loss axis while a run is young: the data's span with room around it (a log axis needs it); then automatic. */
  get chartYRange(): [number, number] | undefined {
    if (this.chartRange === undefined) return undefined;
    const values = [...this.curve.train, ...this.curve.valid, ...this.curve.test].filter((v) => v > 0 && Number.isFinite(v));
    if (values.length === 0) return undefined;
    return [Math.min(...values) / 2, Math.max(...values) * 2];
  }

  /** With three classes: the share of the plane each class gets, in words. */
  get regionSummary(): string {
    const field = this.regionClasses;
    if (!field || field.label.length === 0) return '';
    const counts = [0, 0, 0];
    for (const c of field.label) counts[c]++;
    const pct = counts.map((n) => Math.round((100 * n) / field.label.length));
    return t('playground.map.shares3', { a: pct[0], b: pct[1], c: pct[2] });
  }

  /** The sentence read out for one weight or bias of the drawing. */
  describeItem(item: GraphItem, value: number): string {
    const hiddenLayers = this.layers.length;
    const node = (layer: number, unit: number) => {
      if (layer < 0) return t('playground.node.input', { name: unit === 0 ? 'x₁' : 'x₂' });
      if (layer < hiddenLayers) return t('playground.node.hidden', { unit: unit + 1, layer: layer + 1 });
      return this.classes === 3 ? t('playground.node.outputClass', { n: unit }) : t('playground.node.output');
    };
    const to = node(item.layer, item.unit);
    const shown = formatParam(value);
    if (item.kind === 'bias') return t('playground.graph.bias', { to, value: shown });
    return t('playground.graph.weight', { from: node(item.layer - 1, item.from), to, value: shown });
  }

  /** What went wrong and what to try, when training diverged; null otherwise. */
  get divergence(): { what: string; why: string; tries: string[] } | null {
    if (this.status !== 'diverged' || !this.stop) return null;
    const s = this.stop;
    // The numbers the stats and the chart show: every loss measured on the whole training set.
    const grew = s.code === 'loss-grew';
    const params = {
      step: s.step,
      epoch: grew ? this.epoch : this.epoch + 1,
      value: formatLoss(grew ? this.train.loss : s.value),
      start: formatLoss(this.curve.train[0]),
      lr: formatRate(this.lr),
    };
    const what =
      s.code === 'loss-not-finite'
        ? t('playground.diverged.notFinite', params)
        : s.code === 'weights-exploded'
          ? t('playground.diverged.exploded', params)
          : t('playground.diverged.grew', params);
    const tries = [t('playground.diverged.tryLr', { lr: formatRate(Math.max(1e-6, this.lr / 10)) })];
    if (this.optimizer !== 'adam') tries.push(t('playground.diverged.tryAdam'));
    if (this.activation === 'relu' || this.activation === 'linear') tries.push(t('playground.diverged.tryTanh'));
    tries.push(t('playground.diverged.tryRestart'));
    const kept = t(s.code === 'weights-exploded' ? 'playground.diverged.keptBefore' : 'playground.diverged.keptAt');
    return { what, why: `${t('playground.diverged.why', params)} ${kept}`, tries };
  }

  /**
   * Training that runs but does not learn: after 20 epochs the training loss is above where it
   * started (e.g. a learning rate of 10), which the engine does not count as divergence.
   */
  get stalled(): { what: string; why: string; tries: string[] } | null {
    if (this.status === 'diverged' || this.epoch < 20) return null;
    const start = this.curve.train[0];
    if (!(this.train.loss > start)) return null;
    return {
      what: t('playground.stalled.what', { epoch: this.epoch, start: formatLoss(start), now: formatLoss(this.train.loss) }),
      why: t('playground.stalled.why', { lr: formatRate(this.lr) }),
      tries: [t('playground.diverged.tryLr', { lr: formatRate(Math.max(1e-6, this.lr / 10)) }), t('playground.stalled.tryRestart')],
    };
  }

  // ---- every change is checked against the schema that reads links ----

  /**
   * Whether the state with `patch` applied passes the share-link schema; if not, nothing changes
   * and the notice says so. Every setter goes through here, so the model can never hold (or
   * share) a state its own links would refuse, whatever a caller passes.
   */
  accepts(patch: Partial<PlaygroundState>): boolean {
    const result = playgroundStateSchema.safeParse({ ...this.settings(), ...patch });
    if (result.success) return true;
    const issue = result.error.issues[0];
    this.notice = t('playground.refused', { field: issue?.path.map(String).join('.') || 'state', message: issue?.message ?? '' });
    return false;
  }

  // ---- settings that rebuild the run (new data or a new network) ----

  setDataset(name: PlayDataset): void {
    if (name === this.dataset) return;
    const loss = lossesFor(name).includes(this.loss) ? this.loss : lossesFor(name)[0];
    const classes = classCount(name);
    const added = this.added.filter((p) => p[2] < classes);
    if (!this.accepts({ dataset: name, loss, added })) return;
    this.dataset = name;
    this.loss = loss;
    this.added = added;
    if (this.addClass >= classes) this.addClass = -1;
    this.rebuild();
  }

  setNoise(noise: number): void {
    const value = clampStep(noise, 0, MAX_NOISE, 0.05);
    if (value === null || value === this.noise || !this.accepts({ noise: value })) return;
    this.noise = value;
    this.rebuild();
  }

  /** The test share, 0.1 to 0.9 less the validation share. */
  setTestFraction(fraction: number): void {
    const value = clampStep(fraction, MIN_TEST, this.maxTest, 0.1);
    if (value === null || value === this.testFraction || !this.accepts({ testFraction: value })) return;
    this.testFraction = value;
    this.rebuild();
  }

  /** The validation share, 0 (none) to 0.4, with at least 10% of the points left to train on. */
  setValidFraction(fraction: number): void {
    const value = clampStep(fraction, 0, this.maxValid, 0.1);
    if (value === null || value === this.validFraction || !this.accepts({ validFraction: value })) return;
    this.validFraction = value;
    this.rebuild();
  }

  setPoints(points: number): void {
    const value = clampStep(points, MIN_POINTS, MAX_POINTS, 1);
    if (value === null || value === this.points || !this.accepts({ points: value })) return;
    this.points = value;
    this.rebuild();
  }

  setActivation(name: PlayActivation): void {
    if (name === this.activation || !this.accepts({ activation: name })) return;
    this.activation = name;
    this.rebuild();
  }

  /** The initialisation: 'xavier' (Glorot), 'he', or 'uniform' (torch's nn.Linear default). */
  setInit(name: PlayInit): void {
    if (name === this.init || !this.accepts({ init: name })) return;
    this.init = name;
    this.rebuild();
  }

  setSeed(seed: number): void {
    if (!this.accepts({ seed })) return;
    this.seed = seed;
    this.rebuild();
  }

  /** Adds a hidden layer (a copy of the last one's width, or 2 units) at the end. */
  addLayer(): void {
    if (this.layers.length >= MAX_LAYERS) return;
    this.setLayers([...this.layers, this.layers[this.layers.length - 1] ?? 2]);
  }

  removeLayer(): void {
    if (this.layers.length === 0) return;
    this.setLayers(this.layers.slice(0, -1));
  }

  /** Adds `delta` units to hidden layer `index`, within 1–64. */
  changeUnits(index: number, delta: number): void {
    const current = this.layers[index];
    if (current === undefined || !Number.isFinite(delta)) return;
    this.setUnits(index, current + delta);
  }

  /** Sets hidden layer `index` to `units` units (rounded, and kept within 1–64). */
  setUnits(index: number, units: number): void {
    const current = this.layers[index];
    if (current === undefined || typeof units !== 'number' || !Number.isFinite(units)) return;
    const next = Math.min(MAX_UNITS, Math.max(1, Math.round(units)));
    if (next === current) return;
    this.setLayers(this.layers.map((n, i) => (i === index ? next : n)));
  }

  /** Replaces the hidden layers (e.g. [8, 8, 8], or [44] with as many parameters). */
  setLayers(layers: number[]): void {
    if (!Array.isArray(layers) || !this.accepts({ layers })) return;
    this.layers = [...layers];
    this.rebuild();
  }

  // ---- settings that keep the weights (a new optimizer on the same network) ----

  /** Reads the learning-rate field; bad text keeps the old rate and says why. `live`: while typing, stay quiet. */
  setLearningRate(text: string, live = false): void {
    const parsed = parseLearningRate(String(text));
    if (!parsed.ok) {
      if (live) return;
      this.lrMessage = t(parsed.reason === 'range' ? 'playground.lr.range' : parsed.reason === 'empty' ? 'playground.lr.empty' : 'playground.lr.invalid', {
        lr: formatRate(this.lr),
      });
      return;
    }
    this.lrMessage = parsed.value > 10 ? t('playground.lr.huge') : null;
    if (!live) this.lrDraft = formatRate(parsed.value);
    if (parsed.value === this.lr) return;
    this.lr = parsed.value;
    this.retrain();
  }

  setBatchSize(size: number): void {
    if (size === this.batchSize || !this.accepts({ batchSize: size })) return;
    this.batchSize = size;
    this.retrain();
  }

  setOptimizer(kind: OptimizerKind): void {
    if (kind === this.optimizer || !this.accepts({ optimizer: kind })) return;
    this.optimizer = kind;
    this.retrain();
  }

  setLoss(name: PlayLoss): void {
    if (name === this.loss || !this.accepts({ loss: name })) return;
    this.loss = name;
    this.retrain();
  }

  /** How fast Play trains; takes effect at once, even while playing. */
  setSpeed(speed: PlaySpeed): void {
    if (!SPEEDS.includes(speed)) return;
    this.speed = speed;
    this.runner?.send({ type: 'speed', epochsPerSecond: EPOCHS_PER_SECOND[speed] });
  }

  /** The view's switches: discretize the map, show the test points, show the first layer's lines. */
  setView(name: 'discretize' | 'showTest' | 'showLines', on: boolean): void {
    if (!['discretize', 'showTest', 'showLines'].includes(name) || !this.accepts({ [name]: on })) return;
    this[name] = on;
  }

  // ---- added points ----

  /** Adds a point of the selected class at (x, y) to the training set (when a class is selected). */
  addPoint(x: number, y: number): void {
    if (this.addClass < 0 || this.addClass >= this.classes || !Number.isFinite(x) || !Number.isFinite(y)) return;
    if (this.added.length >= MAX_ADDED) {
      this.notice = t('playground.points.full', { max: MAX_ADDED });
      return;
    }
    const round = (v: number) => Math.round(Math.min(ADDED_RANGE, Math.max(-ADDED_RANGE, v)) * 100) / 100;
    const added: AddedPoint[] = [...this.added, [round(x), round(y), this.addClass as 0 | 1 | 2]];
    if (!this.accepts({ added })) return;
    this.added = added;
    this.notice = null;
    this.sendData();
  }

  clearPoints(): void {
    if (this.added.length === 0) return;
    if (this.epoch > 0 || this.playing) this.pointsRewritten = true;
    this.added = [];
    this.notice = null;
    this.sendData();
  }

  // ---- running ----

  play(): void {
    if (!this.canTrain || this.playing) return;
    this.replayTarget = null;
    this.playing = true;
    this.control({ type: 'play' });
    this.say();
  }

  /** Pauses training, or stops a replay where it has got to. */
  pause(): void {
    if (!this.playing && this.replayTarget === null) return;
    this.playing = false;
    this.replayTarget = null;
    this.control({ type: 'pause' });
  }

  /** Play, or Pause while training or replaying (the button's label follows). */
  toggle(): void {
    if (this.playing || this.replayTarget !== null) this.pause();
    else this.play();
  }

  /** Trains one epoch. */
  stepEpoch(): void {
    if (!this.canTrain) return;
    this.playing = false;
    this.replayTarget = null;
    this.control({ type: 'step', epochs: 1 });
  }

  /** Restart training: the first weights again (epoch 0), with every setting, the data and the added points kept. */
  restart(): void {
    this.rebuild();
  }

  /**
   * Reset all settings: back to the first view (the default settings, data and seed, no added
   * points; with `seed`, if given). The state before is kept, so `undoReset()` can bring it back.
   */
  reset(seed?: number): void {
    const before = this.toState();
    this.applyState({ ...cloneState(DEFAULT_STATE), ...(seed === undefined ? {} : { seed }) });
    this.addClass = -1;
    this.undoState = before;
    this.undoVersion = this.version;
  }

  /** Brings back the settings, data, points and training from before the last reset (the training is replayed). */
  undoReset(): void {
    const state = this.undoState;
    if (!state || !this.canUndo) return;
    this.undoState = null;
    this.fromState(state);
  }

  applyPreset(name: PresetName): void {
    const preset = PRESETS[name];
    if (!preset) return;
    // A preset sets the problem; the reader's speed and view choices stay.
    this.applyState({ ...cloneState(preset as PlaygroundState), speed: this.speed, discretize: this.discretize, showTest: this.showTest });
  }

  /** The shareable state: every setting, and the training so far (epochs, and earlier stretches if the settings changed on the way). */
  toState(): PlaygroundState {
    return { ...this.settings(), ...this.trainingSoFar() };
  }

  /** The state a link carries (`toState`), noting in `shareNote` what it could not carry. */
  shareState(): PlaygroundState {
    const state = this.toState();
    const trained = this.status === 'diverged' ? this.epoch + 1 : this.epoch;
    if (trained > MAX_REPLAY_EPOCHS) this.shareNote = t('playground.link.capped', { max: MAX_REPLAY_EPOCHS, epochs: this.epoch });
    else if (this.epoch > 0 && state.legs.length === 0 && this.legs.length > 0) this.shareNote = t('playground.link.approximate', { epochs: this.epoch });
    else this.shareNote = null;
    return state;
  }

  /**
   * Restores a state; throws (so a link's notice appears) when the schema refuses it. Trained
   * epochs are replayed in the background. With `soon`, as when a link opens the page, the
   * decision map is drawn at once and the network drawing, its unit maps and the loss chart follow
   * in a task of their own, so the first picture is not held up by the rest of the widget.
   */
  fromState(state: PlaygroundState, options: { soon?: boolean } = {}): void {
    const parsed = playgroundStateSchema.safeParse(state);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid state');
    const s = parsed.data;
    this.assign(s);
    const classes = classCount(s.dataset);
    const data = baseData(s);
    const legs: ReplayLeg[] = s.legs.map(([until, lr, optimizer, batchSize, loss, added]) => ({
      until,
      training: trainingSpec({ ...s, lr, optimizer, batchSize, loss }),
      train: trainRows(data, s.added.slice(0, added), classes),
    }));
    this.plan = s.epochs > 0 ? { legs, target: s.epochs } : null;
    this.rebuild(options.soon ?? false);
  }

  /** The settings alone (what a preset or a reset sets), without the training. */
  private settings(): PlaygroundState {
    return {
      dataset: this.dataset,
      noise: this.noise,
      testFraction: this.testFraction,
      validFraction: this.validFraction,
      points: this.points,
      layers: [...this.layers],
      activation: this.activation,
      init: this.init,
      lr: this.lr,
      batchSize: this.batchSize,
      optimizer: this.optimizer,
      loss: this.loss,
      seed: this.seed,
      discretize: this.discretize,
      showTest: this.showTest,
      showLines: this.showLines,
      speed: this.speed,
      added: this.added.map((p) => [...p] as AddedPoint),
      epochs: 0,
      legs: [],
    };
  }

  /**
   * The epochs trained and the earlier stretches as a link carries them. A diverged run shares one
   * epoch more, so the replay meets the same divergence. When the stretches cannot be written
   * (too many, or added points removed after training began), only the epochs go: the replay
   * then trains them with the current settings, close to the run but not the same.
   */
  private trainingSoFar(): { epochs: number; legs: Leg[] } {
    const epochs = Math.min(MAX_REPLAY_EPOCHS, this.status === 'diverged' ? this.epoch + 1 : this.epoch);
    const base = this.data.train.x.length;
    const legs: Leg[] = this.legs
      .filter((l) => l.until <= epochs)
      .map((l): Leg => [l.until, l.training.optimizer.lr ?? this.lr, l.training.optimizer.kind, l.training.batchSize, l.training.loss as PlayLoss, l.trainCount - base]);
    const fits = !this.pointsRewritten && legs.length <= MAX_LEGS && legs.every((l) => l[5] >= 0 && l[5] <= this.added.length && lossesFor(this.dataset).includes(l[4]));
    return { epochs, legs: fits ? legs : [] };
  }

  /** The loss curves as CSV (every loss on the whole set, with the weights after the epoch), with the settings in a trailing comment. */
  csv(): string {
    const c = this.latestCurve;
    const lines = ['epoch,train_loss,valid_loss,test_loss'];
    c.epoch.forEach((e, i) => lines.push(`${e},${c.train[i]},${c.valid[i] ?? ''},${c.test[i] ?? ''}`));
    lines.push('');
    lines.push(
      `# ${this.architecture} (${this.parameterCount} parameters, ${this.init} init) ${this.activation} on ${this.dataset} (noise ${this.noise}, ${this.points} points, ` +
        `validation share ${this.validFraction}, test share ${this.testFraction}), ${this.optimizer} lr ${this.lr}, batch ${this.batchSize || 'all'}, loss ${this.loss}, seed ${this.seed}`,
    );
    return lines.join('\n');
  }

  // ---- the loop ----

  /** Starts the runner (a worker when possible) and the drawing; returns the cleanup. */
  attach(options: { worker?: boolean } = {}): () => void {
    this.challengeDone = isDone(CHALLENGE_ID);
    const motion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
    this.reducedMotion = !!motion?.matches;
    const onMotion = () => (this.reducedMotion = !!motion?.matches);
    motion?.addEventListener?.('change', onMotion);
    this.runner = createRunner((report) => this.receive(report), options.worker ?? true);
    this.mode = this.runner.mode;
    this.runner.send({ type: 'speed', epochsPerSecond: EPOCHS_PER_SECOND[this.speed] });
    this.startRun();
    const onVisibility = () => {
      if (document.hidden) this.pause();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      motion?.removeEventListener?.('change', onMotion);
      cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.runner?.dispose();
      this.runner = null;
      this.mode = 'none';
    };
  }

  /** Applies a waiting report now instead of at the next frame (tests, and the first paint). */
  flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.draw(performance.now(), true);
  }

  private receive(report: Report): void {
    if (report.version !== this.version) return;
    if (report.type === 'error') {
      this.error = t('playground.error', { message: report.message });
      this.playing = false;
      this.replayTarget = null;
      this.say();
      return;
    }
    this.pending = report;
    if (!this.frame) this.frame = requestAnimationFrame((now) => this.draw(now, false));
  }

  /** Applies the latest report: at most once per frame, the slow parts less often. */
  private draw(now: number, force: boolean): void {
    this.frame = 0;
    const report = this.pending;
    if (!report) return;
    const current = report.seq >= this.controlSeq;
    if (current) {
      if (!report.running) this.playing = false;
      if (report.replaying === null) this.replayTarget = null;
    }
    const running = this.playing || this.replayTarget !== null;
    // While training, the map changes once per animation frame (a few times a second with reduced motion).
    const every = this.reducedMotion ? CALM_EVERY : mapEvery(this.mapCost);
    if (running && !force && now - this.lastRegion < every - 2) {
      this.frame = requestAnimationFrame((t2) => this.draw(t2, false));
      return;
    }
    this.pending = null;
    this.lastRegion = now;
    const all = force || !running;
    // The slow parts take turns: the chart on one frame, the unit maps and the drawing on another.
    const chart = all || now - this.lastChart >= CHART_EVERY;
    const units = all || (!chart && now - this.lastUnits >= UNITS_EVERY);
    this.applySnapshot(report.snapshot, chart, units, !all);
    if (all || now - this.lastSummary >= SUMMARY_EVERY) this.say();
  }

  private applySnapshot(s: Snapshot, chart: boolean, units: boolean, split = false): void {
    this.epoch = s.epoch;
    this.step = s.step;
    this.status = s.status;
    this.stop = s.stop;
    this.train = s.train;
    this.valid = s.valid;
    this.test = s.test;
    this.latestCurve = s.curve;
    this.legs = s.legs;
    this.maps.setParams(s.params);
    this.paint(chart, units, split);
    if (this.challenge.met && !this.challengeDone) {
      markDone(CHALLENGE_ID);
      this.challengeDone = true;
    }
  }

  /**
   * Recomputes the decision map; with `chart` the loss curve; with `units` the unit maps, the
   * drawing's weights and the lines. With `split` (while training) the chart and the unit maps are
   * updated in tasks of their own after the frame, so no single task does all the work.
   */
  private paint(chart: boolean, units: boolean, split: boolean): void {
    const start = performance.now();
    this.region = this.maps.regionValues();
    this.regionClasses = this.classes === 3 ? classField(this.region, this.region.length / 3, 3) : null;
    const now = performance.now();
    this.mapCost = this.mapCost === 0 ? now - start : 0.8 * this.mapCost + 0.2 * (now - start);
    const run = (work: () => void) => (split ? this.afterFrame(work) : work());
    if (chart) {
      this.lastChart = now;
      run(() => (this.curve = this.latestCurve));
    }
    if (units) {
      this.lastUnits = now;
      const version = this.version;
      run(() => {
        if (version !== this.version) return;
        this.unitMaps = this.maps.unitMaps();
        this.params = Float64Array.from(this.maps.net.params);
        if (!sameSizes(this.graphSizes, this.maps.net.sizes)) this.graphSizes = [...this.maps.net.sizes];
        this.lines = this.maps.firstLayerLines();
      });
    }
  }

  /** Runs `work` in a task of its own, soon after the current frame. */
  private afterFrame(work: () => void): void {
    setTimeout(work, 0);
  }

  /**
   * Updates the spoken summary (the frame's polite status line). While training runs it names
   * no numbers, which would be stale by the time they are read; the counters beside the buttons
   * show them. Paused or stopped, it gives the numbers of the latest state.
   */
  private say(): void {
    this.lastSummary = performance.now();
    const names = { arch: this.architecture, dataset: t(`playground.dataset.${this.dataset}`) };
    if (this.error) {
      this.summary = this.error;
      return;
    }
    if (this.replayTarget !== null) {
      this.summary = t('playground.summary.replay', { ...names, target: this.replayTarget });
      return;
    }
    if (this.playing) {
      this.summary = t('playground.summary.started', names);
      return;
    }
    const p = {
      ...names,
      epoch: this.epoch,
      train: formatLoss(this.train.loss),
      valid: formatLoss(this.valid?.loss),
      test: formatLoss(this.test?.loss),
      acc: formatPercent(this.test?.accuracy ?? this.train.accuracy),
      trainCount: this.trainCount,
      validCount: this.validCount,
      testCount: this.testCount,
    };
    const validPart = this.valid ? t('playground.summary.valid', p) : '';
    if (this.status === 'diverged') this.summary = t('playground.summary.diverged', p);
    else if (this.status === 'converged') this.summary = t('playground.summary.converged', p);
    else if (this.epoch === 0) this.summary = t(this.valid ? 'playground.summary.readyValid' : 'playground.summary.ready', p);
    else this.summary = t('playground.summary.paused', { ...p, valid: validPart });
  }

  /** Posts a command that decides whether training runs; later reports are trusted about it. */
  private control(command: Parameters<Runner['send']>[0]): void {
    if (this.runner) this.controlSeq = this.runner.send(command);
  }

  private applyState(state: PlaygroundState): void {
    this.assign(state);
    this.plan = null;
    this.rebuild();
  }

  private assign(state: PlaygroundState): void {
    this.dataset = state.dataset;
    this.noise = state.noise;
    this.testFraction = state.testFraction;
    this.validFraction = state.validFraction ?? 0;
    this.points = state.points;
    this.layers = [...state.layers];
    this.activation = state.activation;
    this.init = state.init ?? 'xavier';
    this.lr = state.lr;
    this.lrDraft = formatRate(state.lr);
    this.lrMessage = null;
    this.batchSize = state.batchSize;
    this.optimizer = state.optimizer;
    this.loss = state.loss;
    this.seed = state.seed;
    this.discretize = state.discretize;
    this.showTest = state.showTest;
    this.showLines = state.showLines;
    this.speed = state.speed;
    this.runner?.send({ type: 'speed', epochsPerSecond: EPOCHS_PER_SECOND[state.speed] });
    this.added = state.added.map((p) => [...p] as AddedPoint);
    if (this.addClass >= classCount(state.dataset)) this.addClass = -1;
    this.notice = null;
  }

  /** A new run: new data and network from the settings, epoch 0 (then a replay, if one is planned); keeps playing if it was. */
  private rebuild(split = false): void {
    const wasPlaying = this.playing && this.plan === null;
    this.version++;
    this.error = null;
    this.legs = [];
    this.pointsRewritten = false;
    this.shareNote = null;
    const state = this.settings();
    this.data = baseData(state);
    this.problem = buildProblem(state, this.data);
    this.maps = new MapMaker(this.problem.sizes, this.problem.hidden, this.problem.output, this.data.extent);
    // The first picture is drawn here at once; the runner's own first report is the same numbers.
    const first = new Session(this.problem).snapshot();
    this.pending = null;
    this.applySnapshot(first, true, true, split);
    this.playing = false;
    this.replayTarget = this.plan ? this.plan.target : null;
    if (this.runner) {
      this.startRun();
      if (wasPlaying) this.play();
    }
    if (!wasPlaying) this.say();
  }

  /** Tells the runner about the new run: a fresh session, or the planned replay. */
  private startRun(): void {
    if (!this.runner) return;
    const plan = this.plan;
    this.plan = null;
    if (plan) {
      this.replayTarget = plan.target;
      this.controlSeq = this.runner.send({ type: 'replay', version: this.version, problem: this.problem, legs: plan.legs, target: plan.target });
      this.say();
    } else {
      this.controlSeq = this.runner.send({ type: 'reset', version: this.version, problem: this.problem });
    }
  }

  /** Other training settings: continue from the current weights, unless the run diverged (then start over). */
  private retrain(): void {
    if (this.status === 'diverged' || this.error) {
      this.rebuild();
      return;
    }
    this.replayTarget = null;
    this.problem = { ...this.problem, training: trainingSpec(this.settings()) };
    this.runner?.send({ type: 'retrain', training: this.problem.training });
  }

  private sendData(): void {
    if (this.status === 'diverged' || this.error) {
      this.rebuild();
      return;
    }
    this.replayTarget = null;
    const train = trainRows(this.data, this.added, this.classes);
    this.problem = { ...this.problem, train };
    this.runner?.send({ type: 'data', train });
  }
}

function sameSizes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** `value` rounded to `step` and clamped to [lo, hi]; null when it is not a number. */
function clampStep(value: number, lo: number, hi: number, step: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const clamped = Math.min(hi, Math.max(lo, value));
  return Math.round(Math.round(clamped / step) * step * 1e6) / 1e6;
}
