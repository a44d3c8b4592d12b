/**
 * State of the feature lab: the dataset, the hand-made features a learner ticked, the network's
 * hidden units and seed, and how far each model has trained. Training and every number shown come
 * from the engine (feature-lab.ts); the model only runs it in slices and keeps what the view draws.
 *
 * A trained model always belongs to the current settings: changing the dataset or the features
 * resets the linear model, changing the units or seed resets the network, so a share link (the
 * settings plus each model's step count) replays exactly what was on screen.
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

  constructor(initial: Partial<FeatureLabState> = {}) {
    const parsed = featureLabSchema.safeParse({ ...DEFAULT_FEATURE_LAB, ...initial });
    const state = parsed.success ? parsed.data : DEFAULT_FEATURE_LAB;
    this.dataset = state.dataset;
    this.features = sortFeatures(state.features);
    this.hidden = state.hidden;
    this.seed = state.seed;
    this.#linear = this.#newLinear();
    this.#network = this.#newNetwork();
    this.#linear.advance(state.linearSteps);
    this.#network.advance(state.networkSteps);
  }


  /** The points and their frame (recomputed when the dataset changes). */
  data = $derived(labData(this.dataset));

  /** The points lie within radius 1 (circle, petals) or the square [−1, 1]²: a small margin around them. */
  get extent(): Extent {
    return LAB_EXTENT;
  }

  /** The training points (the test points are scored, not drawn). */
  points = $derived.by((): HeatmapPoint[] => this.data.train.x.map(([x, y], i) => ({ x, y, label: this.data.train.labels[i] })));

  #axes(cells: number) {
    const { xMin, xMax, yMin, yMax } = LAB_EXTENT;
    const half = (xMax - xMin) / cells / 2;
    const halfY = (yMax - yMin) / cells / 2;
    return { xs: linspace(xMin + half, xMax - half, cells), ys: linspace(yMax - halfY, yMin + halfY, cells) };
  }


  #newLinear() {
    return new LinearFeatureModel(labData(this.dataset), this.features);
  }

  #newNetwork() {
    return new NetworkModel(labData(this.dataset), this.hidden, this.seed);
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
    const { xs, ys } = this.#axes(GRID);
    return this.#linear.predictGrid(xs, ys);
  });

  networkMap = $derived.by(() => {
    void this.version;
    const { xs, ys } = this.#axes(GRID);
    return this.#network.predictGrid(xs, ys);
  });

  linearScore = $derived.by((): LabScore => {
    void this.version;
    return this.#linear.score();
  });

  networkScore = $derived.by((): LabScore => {
    void this.version;
    return this.#network.score();
  });

  /** The hand-made features the linear model uses, each as a map, with its learned weight. */
  featureMaps = $derived.by((): SmallMap[] => {
    void this.version;
    const { xs, ys } = this.#axes(SMALL_GRID);
    const weights = this.#linear.weights;
    const trained = this.#linear.step > 0;
    return weights.map((w) => {
      const values = featureGrid(w.key, xs, ys);
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of values) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      return { key: w.key, label: w.label, values, domain: [lo, hi] as [number, number], weight: trained ? w.weight : null };
    });
  });

  /** The network's hidden units, each as a map of its activation a = tanh(z), with its weight in the output. */
  unitMaps = $derived.by((): SmallMap[] => {
    void this.version;
    const { xs, ys } = this.#axes(SMALL_GRID);
    const all = this.#network.unitMaps(xs, ys);
    const n = xs.length * ys.length;
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
    this.#linear = this.#newLinear();
    this.#network = this.#newNetwork();
    this.#linear.advance(parsed.linearSteps);
    this.#network.advance(parsed.networkSteps);
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
