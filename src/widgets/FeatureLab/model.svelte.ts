/**
 * State of the feature lab: the dataset, the hand-made features a learner ticked, the network's
 * hidden units and seed, and how far each model has trained. Training and every number shown come
 * from the engine (feature-lab.ts); the model only runs it in slices and keeps what the view draws.
 *
 * A trained model always belongs to the current settings: changing the dataset or the features
 * resets the linear model, changing the units or seed resets the network, so a share link (the
 * settings plus each model's step count) replays exactly what was on screen.
 *
 * What a model shows at one step (its scores and maps) is computed once and kept with it, and the
 * page can build and train the models of a state ahead, in small jobs (`warmUpJobs`), before the
 * widget hydrates: the model then takes them over instead of starting again. Training is the same
 * whether its steps are taken in one go or in slices, so the numbers are the same either way.
 */
import { z } from '../../lib/zod.ts';
import { featureGrid, featureLabels, handFeatureKeys, type HandFeature } from '../../engine/features.ts';
import { LAB_HIDDEN, LAB_RECIPE, labData, labDatasetNames, LinearFeatureModel, NetworkModel, type LabDatasetName, type LabScore } from '../../engine/feature-lab.ts';
import { linspace } from '../../engine/grid.ts';
import type { Extent, HeatmapPoint } from '../../components/charts/types.ts';
import { toCSV } from '../../components/widget/csv.ts';
import { MAX_SEED } from '../../components/widget/seed.ts';
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/featurelab.ts';

/** Grid cells per side of the maps. */
export const GRID = 60;
/** Small feature and unit maps. */
export const SMALL_GRID = 36;
/** The frame of every map. */
export const LAB_EXTENT: Extent = { xMin: -1.25, xMax: 1.25, yMin: -1.25, yMax: 1.25 };
/** Steps a frame while training is animated. */
const STEPS_PER_FRAME = 25;

export const featureLabSchema = z.strictObject({
  dataset: z.enum(labDatasetNames),
  features: z.array(z.enum(handFeatureKeys)).check(z.maxLength(handFeatureKeys.length), z.refine((f) => new Set(f).size === f.length, { message: 'features must not repeat' })),
  hidden: z.number().check(z.int(), z.minimum(LAB_HIDDEN.min), z.maximum(LAB_HIDDEN.max)),
  seed: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SEED)),
  linearSteps: z.number().check(z.int(), z.minimum(0), z.maximum(LAB_RECIPE.steps)),
  networkSteps: z.number().check(z.int(), z.minimum(0), z.maximum(LAB_RECIPE.steps)),
});
export type FeatureLabState = z.infer<typeof featureLabSchema>;

export const DEFAULT_FEATURE_LAB: FeatureLabState = {
  dataset: 'circle',
  features: [],
  hidden: LAB_HIDDEN.default,
  seed: 1,
  linearSteps: 0,
  networkSteps: 0,
};

/** A small map of one feature or hidden unit. */
export interface SmallMap {
  key: string;
  label: string;
  values: Float64Array;
  domain: [number, number];
  /** The weight this feature or unit has in the model's output (null before training). */
  weight: number | null;
}

type Which = 'linear' | 'network';

/** Steps a warm-up job takes at least, and the time it keeps training for at most (ms). */
const WARM_STEPS = 10;
const WARM_MS = 4;

/** The datasets' points, made once each (nothing changes them). */
const datasets = new Map<LabDatasetName, ReturnType<typeof labData>>();
function dataOf(name: LabDatasetName): ReturnType<typeof labData> {
  let data = datasets.get(name);
  if (!data) datasets.set(name, (data = labData(name)));
  return data;
}

/** Cell centres of a map with `cells` cells a side: xs left to right, ys top to bottom. */
const axesCache = new Map<number, { xs: Float64Array; ys: Float64Array }>();
function axesOf(cells: number): { xs: Float64Array; ys: Float64Array } {
  let axes = axesCache.get(cells);
  if (!axes) {
    const { xMin, xMax, yMin, yMax } = LAB_EXTENT;
    const half = (xMax - xMin) / cells / 2;
    const halfY = (yMax - yMin) / cells / 2;
    axes = { xs: linspace(xMin + half, xMax - half, cells), ys: linspace(yMax - halfY, yMin + halfY, cells) };
    axesCache.set(cells, axes);
  }
  return axes;
}

/** A hand-made feature's small map and its range, made once each (it depends on nothing else). */
const featureCache = new Map<string, { values: Float64Array; domain: [number, number] }>();
function featureMapOf(key: LinearFeatureModel['columns'][number]): { values: Float64Array; domain: [number, number] } {
  let map = featureCache.get(key);
  if (!map) {
    const { xs, ys } = axesOf(SMALL_GRID);
    const values = featureGrid(key, xs, ys);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    featureCache.set(key, (map = { values, domain: [lo, hi] }));
  }
  return map;
}

type LabModel = LinearFeatureModel | NetworkModel;

/** What was computed from a model at its current step (dropped once it takes another step). */
const computed = new WeakMap<LabModel, { step: number; values: Map<string, unknown> }>();
function once<T>(model: LabModel, what: string, make: () => T): T {
  let entry = computed.get(model);
  if (!entry || entry.step !== model.step) computed.set(model, (entry = { step: model.step, values: new Map() }));
  if (!entry.values.has(what)) entry.values.set(what, make());
  return entry.values.get(what) as T;
}

/** A model's loss and accuracy on the training and test points. */
const scoreOf = (model: LabModel): LabScore => once(model, 'score', () => model.score());
/** A model's probability of class 1 over the large map. */
const mapOf = (model: LabModel): Float64Array => once(model, 'map', () => model.predictGrid(axesOf(GRID).xs, axesOf(GRID).ys));
/** The network's hidden units over the small maps, one after the other. */
const unitsOf = (model: NetworkModel): Float64Array => once(model, 'units', () => model.unitMaps(axesOf(SMALL_GRID).xs, axesOf(SMALL_GRID).ys));

/** Which linear model and which network a state has: their settings, as keys. */
const linearKey = (s: Pick<FeatureLabState, 'dataset' | 'features'>) => `${s.dataset}|${sortFeatures(s.features).join(',')}`;
const networkKey = (s: Pick<FeatureLabState, 'dataset' | 'hidden' | 'seed'>) => `${s.dataset}|${s.hidden}|${s.seed}`;
const newLinear = (s: Pick<FeatureLabState, 'dataset' | 'features'>) => new LinearFeatureModel(dataOf(s.dataset), sortFeatures(s.features));
const newNetwork = (s: Pick<FeatureLabState, 'dataset' | 'hidden' | 'seed'>) => new NetworkModel(dataOf(s.dataset), s.hidden, s.seed);

/** Models built (and trained) ahead by `warmUpJobs`, until a widget takes them over. */
const preparedLinear = new Map<string, LinearFeatureModel>();
const preparedNetwork = new Map<string, NetworkModel>();

function prepared<M extends LabModel>(store: Map<string, M>, key: string, make: () => M): M {
  let model = store.get(key);
  if (!model) store.set(key, (model = make()));
  return model;
}

/**
 * The model for these settings trained `steps` steps: the one built ahead, if there is one that
 * has not gone past `steps`, trained on to `steps`; else a new one, trained from the start.
 */
function take<M extends LabModel>(store: Map<string, M>, key: string, make: () => M, steps: number): M {
  const ahead = store.get(key);
  store.delete(key);
  const model = ahead && ahead.step <= steps ? ahead : make();
  if (steps > model.step) model.advance(steps - model.step);
  return model;
}

/** Trains `model` on towards `target` steps, for a few milliseconds (at least a few steps). */
function trainSlice(model: LabModel, target: number): void {
  const end = performance.now() + WARM_MS;
  let taken = 0;
  while (model.step < target && !model.finished && (taken < WARM_STEPS || performance.now() < end)) {
    const got = model.advance(Math.min(WARM_STEPS, target - model.step));
    if (got === 0) return;
    taken += got;
  }
}

/**
 * What showing `state` takes, as small jobs for the page to run one per task before the widget
 * hydrates (src/lib/warm-up.ts): the points, each model built and trained in slices, their scores
 * and their maps. The widget then finds them done; whatever a job did not get to, the widget
 * computes itself. A state the schema refuses gives no jobs.
 */
export function warmUpJobs(state: FeatureLabState): (() => void)[] {
  const parsed = featureLabSchema.safeParse(state);
  if (!parsed.success) return [];
  const s = parsed.data;
  const linear = () => prepared(preparedLinear, linearKey(s), () => newLinear(s));
  const network = () => prepared(preparedNetwork, networkKey(s), () => newNetwork(s));
  const jobs: (() => void)[] = [() => void dataOf(s.dataset), () => void linear()];
  // more slices than the training needs on a fast machine; the ones left over find it done
  for (let i = 0; i < Math.ceil(s.linearSteps / WARM_STEPS); i++) jobs.push(() => trainSlice(linear(), s.linearSteps));
  jobs.push(() => void network());
  for (let i = 0; i < Math.ceil(s.networkSteps / WARM_STEPS); i++) jobs.push(() => trainSlice(network(), s.networkSteps));
  const ready = (model: LabModel, steps: number) => model.step === steps;
  jobs.push(
    () => void (ready(linear(), s.linearSteps) && scoreOf(linear())),
    () => void (ready(network(), s.networkSteps) && scoreOf(network())),
    () => void (ready(linear(), s.linearSteps) && mapOf(linear())),
    () => void (ready(network(), s.networkSteps) && mapOf(network())),
    () => void (ready(network(), s.networkSteps) && unitsOf(network())),
    () => void linear().columns.forEach(featureMapOf),
  );
  return jobs;
}

const raf = (cb: () => void): number | ReturnType<typeof setTimeout> =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(cb) : setTimeout(cb, 16);
const cancelFrame = (h: number | ReturnType<typeof setTimeout>) => {
  if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(h as number);
  clearTimeout(h as ReturnType<typeof setTimeout>);
};

export class FeatureLabModel {
  dataset = $state<LabDatasetName>(DEFAULT_FEATURE_LAB.dataset);
  features = $state<HandFeature[]>([...DEFAULT_FEATURE_LAB.features]);
  hidden = $state(DEFAULT_FEATURE_LAB.hidden);
  seed = $state(DEFAULT_FEATURE_LAB.seed);
  /** Which models are training now. */
  running = $state<Record<Which, boolean>>({ linear: false, network: false });
  /** Bumped after every slice, so derived views re-read the engine's models. */
  version = $state(0);
  /** Respect prefers-reduced-motion: train in one go. */
  reducedMotion = false;

  #linear: LinearFeatureModel;
  #network: NetworkModel;
  #frames: Record<Which, number | ReturnType<typeof setTimeout> | null> = { linear: null, network: null };

  /** The settings the widget started with, before any link (see startState). */
  #start: FeatureLabState;
  /** The link state the constructor applied, until the frame hands it over (fromLink). */
  #linkApplied: FeatureLabState | null = null;

  /**
   * `initial` is the widget's starting settings; `link`, a share link's state, is applied at once
   * instead (when the schema accepts it), so a share link builds its models once rather than the
   * starting ones first. The starting settings stay what `startState` reports.
   */
  constructor(initial: Partial<FeatureLabState> = {}, link?: FeatureLabState) {
    const parsed = featureLabSchema.safeParse({ ...DEFAULT_FEATURE_LAB, ...initial });
    this.#start = parsed.success ? parsed.data : DEFAULT_FEATURE_LAB;
    const linked = link === undefined ? null : featureLabSchema.safeParse(link);
    const state = linked?.success ? linked.data : this.#start;
    if (linked?.success) this.#linkApplied = { ...linked.data, features: sortFeatures(linked.data.features) };
    this.dataset = state.dataset;
    this.features = sortFeatures(state.features);
    this.hidden = state.hidden;
    this.seed = state.seed;
    this.#linear = take(preparedLinear, linearKey(state), () => this.#newLinear(), state.linearSteps);
    this.#network = take(preparedNetwork, networkKey(state), () => this.#newNetwork(), state.networkSteps);
  }

  /** The settings the widget started with, before any link (what Copy link compares against). */
  startState(): FeatureLabState {
    return { ...this.#start, features: [...this.#start.features] };
  }

  /**
   * A share link's state, as the widget frame hands it over on mount: nothing to do when the
   * constructor already applied this very state and nothing has changed since, else `fromState`.
   */
  fromLink(state: FeatureLabState): void {
    const applied = this.#linkApplied;
    this.#linkApplied = null;
    if (applied && !this.busy && sameState(applied, state) && sameState(applied, this.toState())) return;
    this.fromState(state);
  }

  /** The points and their frame (made once per dataset). */
  data = $derived(dataOf(this.dataset));

  /** The points lie within radius 1 (circle, petals) or the square [−1, 1]²: a small margin around them. */
  get extent(): Extent {
    return LAB_EXTENT;
  }

  /** The training points (the test points are scored, not drawn). */
  points = $derived.by((): HeatmapPoint[] => this.data.train.x.map(([x, y], i) => ({ x, y, label: this.data.train.labels[i] })));

  #newLinear() {
    return newLinear(this);
  }

  #newNetwork() {
    return newNetwork(this);
  }

  get linear(): LinearFeatureModel {
    void this.version;
    return this.#linear;
  }

  get network(): NetworkModel {
    void this.version;
    return this.#network;
  }

  get linearSteps(): number {
    void this.version;
    return this.#linear.step;
  }

  get networkSteps(): number {
    void this.version;
    return this.#network.step;
  }

  linearMap = $derived.by(() => {
    void this.version;
    return mapOf(this.#linear);
  });

  networkMap = $derived.by(() => {
    void this.version;
    return mapOf(this.#network);
  });

  linearScore = $derived.by((): LabScore => {
    void this.version;
    return scoreOf(this.#linear);
  });

  networkScore = $derived.by((): LabScore => {
    void this.version;
    return scoreOf(this.#network);
  });

  /** The hand-made features the linear model uses, each as a map, with its learned weight. */
  featureMaps = $derived.by((): SmallMap[] => {
    void this.version;
    const weights = this.#linear.weights;
    const trained = this.#linear.step > 0;
    return weights.map((w) => {
      const { values, domain } = featureMapOf(w.key);
      return { key: w.key, label: w.label, values, domain, weight: trained ? w.weight : null };
    });
  });

  /** The network's hidden units, each as a map of its activation a = tanh(z), with its weight in the output. */
  unitMaps = $derived.by((): SmallMap[] => {
    void this.version;
    const all = unitsOf(this.#network);
    const n = SMALL_GRID * SMALL_GRID;
    const trained = this.#network.step > 0;
    return Array.from({ length: this.#network.hidden }, (_, u) => ({
      key: `a${u + 1}`,
      label: `a${subscript(u + 1)}`,
      values: all.slice(u * n, (u + 1) * n),
      domain: [-1, 1] as [number, number],
      weight: trained ? this.#network.unit(u).out : null,
    }));
  });

  /** The linear model's bias. */
  get bias(): number {
    void this.version;
    return this.#linear.bias;
  }


  setDataset(name: string): void {
    if (!(labDatasetNames as readonly string[]).includes(name) || name === this.dataset) return;
    this.stop();
    this.dataset = name as LabDatasetName;
    this.#linear = this.#newLinear();
    this.#network = this.#newNetwork();
    this.version++;
  }

  toggleFeature(key: string, on: boolean): void {
    if (!(handFeatureKeys as readonly string[]).includes(key)) return;
    const has = this.features.includes(key as HandFeature);
    if (has === on) return;
    this.stop('linear');
    this.features = sortFeatures(on ? [...this.features, key as HandFeature] : this.features.filter((f) => f !== key));
    this.#linear = this.#newLinear();
    this.version++;
  }

  setHidden(value: number | string): void {
    const n = Number(value);
    if (!Number.isInteger(n) || n < LAB_HIDDEN.min || n > LAB_HIDDEN.max || n === this.hidden) return;
    this.stop('network');
    this.hidden = n;
    this.#network = this.#newNetwork();
    this.version++;
  }

  setSeed(seed: number): void {
    this.stop('network');
    this.seed = seed;
    this.#network = this.#newNetwork();
    this.version++;
  }


  /** True while either model trains. */
  get busy(): boolean {
    return this.running.linear || this.running.network;
  }

  /** Trains one model from its current step to the end of its budget, a few steps a frame. */
  train(which: Which): void {
    this.stop(which);
    if ((which === 'linear' ? this.#linear : this.#network).finished) {
      // train again from the start
      if (which === 'linear') this.#linear = this.#newLinear();
      else this.#network = this.#newNetwork();
    }
    const target = which === 'linear' ? this.#linear : this.#network;
    if (this.reducedMotion) {
      target.advance();
      this.version++;
      return;
    }
    this.running[which] = true;
    const tick = () => {
      this.#frames[which] = null;
      target.advance(STEPS_PER_FRAME);
      this.version++;
      if (target.finished) this.running[which] = false;
      else this.#frames[which] = raf(tick);
    };
    this.#frames[which] = raf(tick);
  }

  /** Skips to the end of every model that is training. */
  finish(): void {
    for (const which of ['linear', 'network'] as const) {
      if (!this.running[which]) continue;
      this.stop(which);
      (which === 'linear' ? this.#linear : this.#network).advance();
    }
    this.version++;
  }

  /** Stops one model's training where it is (both when `which` is omitted). */
  stop(which?: Which): void {
    for (const w of which ? [which] : (['linear', 'network'] as const)) {
      const frame = this.#frames[w];
      if (frame !== null) cancelFrame(frame);
      this.#frames[w] = null;
      this.running[w] = false;
    }
  }

  reset(): void {
    this.fromState(DEFAULT_FEATURE_LAB);
  }


  /** Separate the circle with exactly two hand-made features: every training and test point right. */
  get challenge() {
    void this.version;
    const score = this.linearScore;
    const trained = this.#linear.finished;
    return {
      circle: this.dataset === 'circle',
      two: this.features.length === 2,
      trained,
      all: trained && score.train.accuracy === 1 && score.test?.accuracy === 1,
    };
  }

  get challengeSolved(): boolean {
    const c = this.challenge;
    return c.circle && c.two && c.trained && c.all;
  }


  get status(): string {
    void this.version;
    const ds = t(`featurelab.dataset.${this.dataset}`);
    const training = (['linear', 'network'] as const).filter((w) => this.running[w]);
    if (training.length > 0) {
      return training.map((w) => t('featurelab.status.training', { model: t(`featurelab.${w}.name`), step: (w === 'linear' ? this.#linear : this.#network).step, total: LAB_RECIPE.steps })).join(' ');
    }
    const part = (which: Which, m: LinearFeatureModel | NetworkModel, score: LabScore) =>
      m.step === 0 ? t('featurelab.status.untrained', { model: t(`featurelab.${which}.name`) }) : t('featurelab.status.trained', { model: t(`featurelab.${which}.name`), test: percent(score.test?.accuracy ?? NaN) });
    return `${ds}: ${part('linear', this.#linear, this.linearScore)} ${part('network', this.#network, this.networkScore)}`;
  }

  toState(): FeatureLabState {
    return {
      dataset: this.dataset,
      features: [...this.features],
      hidden: this.hidden,
      seed: this.seed,
      linearSteps: this.#linear.step,
      networkSteps: this.#network.step,
    };
  }

  fromState(state: FeatureLabState): void {
    const parsed = featureLabSchema.parse(state);
    this.stop();
    this.dataset = parsed.dataset;
    this.features = sortFeatures(parsed.features);
    this.hidden = parsed.hidden;
    this.seed = parsed.seed;
    this.#linear = take(preparedLinear, linearKey(parsed), () => this.#newLinear(), parsed.linearSteps);
    this.#network = take(preparedNetwork, networkKey(parsed), () => this.#newNetwork(), parsed.networkSteps);
    this.version++;
  }

  csv(): string {
    const rows: (string | number)[][] = [];
    for (const w of this.#linear.weights) rows.push(['linear', `weight ${w.label}`, w.weight]);
    rows.push(['linear', 'bias', this.#linear.bias]);
    for (const [name, score] of [['linear', this.linearScore], ['network', this.networkScore]] as const) {
      rows.push([name, 'steps', name === 'linear' ? this.#linear.step : this.#network.step]);
      rows.push([name, 'train loss', score.train.loss], [name, 'train accuracy', score.train.accuracy]);
      if (score.test) rows.push([name, 'test loss', score.test.loss], [name, 'test accuracy', score.test.accuracy]);
    }
    for (let u = 0; u < this.#network.hidden; u++) {
      const { w1, w2, b, out } = this.#network.unit(u);
      rows.push(
        ['network', `unit a${u + 1} weight on x1`, w1],
        ['network', `unit a${u + 1} weight on x2`, w2],
        ['network', `unit a${u + 1} bias`, b],
        ['network', `unit a${u + 1} weight in the output`, out],
      );
    }
    return toCSV(['model', 'quantity', 'value'], rows);
  }
}

/** Whether two states are the same settings and steps (features in any order). */
function sameState(a: FeatureLabState, b: FeatureLabState): boolean {
  return (
    a.dataset === b.dataset &&
    linearKey(a) === linearKey(b) &&
    a.hidden === b.hidden &&
    a.seed === b.seed &&
    a.linearSteps === b.linearSteps &&
    a.networkSteps === b.networkSteps
  );
}

/** The features in the fixed order the engine lists them. */
function sortFeatures(list: readonly HandFeature[]): HandFeature[] {
  return handFeatureKeys.filter((k) => list.includes(k));
}

/** 0.985 → "98.5%" (one decimal; "–" for a missing value). */
export function percent(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(1)}%`;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]);
}

export { featureLabels };
