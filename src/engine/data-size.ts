/**
 * Accuracy against the number of training points, for chapter 1's two approaches: the linear model
 * on hand-made features and the small network on raw inputs (see feature-lab.ts), trained by the
 * same recipe. For each repeat r, one sample of the largest size is drawn with seed r and every
 * smaller training set is its first n points, so the sets are nested; the network starts from seed
 * r. Accuracy is measured on one fixed test set of fresh points.
 *
 * The work comes in slices (`DataSizeJob.runFor`), so a page can compute the curve between frames
 * or in a worker and show its progress; `dataSizeCurve` runs it all at once.
 */
import { checkOneOf, checkPositiveInteger } from './check.ts';
import { dataset, type Samples } from './datasets.ts';
import { labDatasetNames, LinearFeatureModel, NetworkModel, LAB_RECIPE, type LabDatasetName } from './feature-lab.ts';
import { featureColumns, featureRows, handFeatureKeys } from './features.ts';

/** What to measure. Every field but `dataset` has a default. */
export interface DataSizeSpec {
  readonly dataset: LabDatasetName;
  /** Training-set sizes, ascending (default 8, 16, …, 1024). */
  readonly sizes?: readonly number[];
  /** Independent samples (and network seeds) per size (default 5). */
  readonly repeats?: number;
  /** Fresh points the accuracy is measured on (default 2000). */
  readonly testSize?: number;
  /** The linear model's hand-made features (default all five). */
  readonly hand?: readonly string[];
  /** The network's hidden units (default 8). */
  readonly hidden?: number;
  /** Training steps of each run (default the lab's 1000). */
  readonly steps?: number;
}

export const DATA_SIZE_DEFAULTS = {
  sizes: [8, 16, 32, 64, 128, 256, 512, 1024] as readonly number[],
  repeats: 5,
  testSize: 2000,
  hand: handFeatureKeys as readonly string[],
  hidden: 8,
  steps: LAB_RECIPE.steps,
} as const;

/** Seed of the test set: far from the training seeds 1 … repeats. */
export const TEST_SEED = 7919;

/** One model's test accuracy at each size: the mean over repeats, and the lowest and highest run. */
export interface AccuracyCurve {
  readonly mean: number[];
  readonly min: number[];
  readonly max: number[];
  /** runs[i][r]: repeat r at size i. */
  readonly runs: number[][];
}

/** Where the network's mean accuracy passes the linear model's for good. */
export type Crossing =
  /** It was behind at `from` and ahead at `to` and at every larger size; `at` interpolates on a log scale. */
  | { readonly kind: 'crossed'; readonly from: number; readonly to: number; readonly at: number }
  /** It was never ahead at the largest size. */
  | { readonly kind: 'never' }
  /** It was ahead at every size. */
  | { readonly kind: 'ahead' };

export interface DataSizeResult {
  readonly dataset: LabDatasetName;
  readonly sizes: readonly number[];
  readonly linear: AccuracyCurve;
  readonly network: AccuracyCurve;
  readonly crossing: Crossing;
}

interface Task {
  readonly size: number;
  readonly repeat: number;
  readonly model: 'linear' | 'network';
}

/** A resumable computation of the curve. */
export class DataSizeJob {
  readonly spec: Required<DataSizeSpec>;
  /** Units of work in all (training points × steps, summed over runs). */
  readonly total: number;
  /** Units of work done. */
  done = 0;
  private readonly tasks: Task[];
  private next = 0;
  private current: { task: Task; model: LinearFeatureModel | NetworkModel } | null = null;
  private readonly samples = new Map<number, Samples>();
  private readonly test: Samples;
  /** The test points as the linear model sees them. */
  private readonly testFeatures: number[][];
  private readonly results: { linear: number[][]; network: number[][] };

  constructor(spec: DataSizeSpec) {
    // a field left undefined takes its default, as one left out does
    const given = Object.fromEntries(Object.entries(spec ?? {}).filter(([, v]) => v !== undefined));
    const full = { ...DATA_SIZE_DEFAULTS, ...given } as Required<DataSizeSpec>;
    checkOneOf('dataset', full.dataset, labDatasetNames);
    if (!Array.isArray(full.sizes) || full.sizes.length === 0) throw new Error('sizes must be a non-empty array of whole numbers');
    full.sizes.forEach((n, i) => {
      checkPositiveInteger('size', n);
      if (n > 10_000) throw new Error(`a size must be at most 10000 points, got ${n}`);
      if (i > 0 && n <= full.sizes[i - 1]) throw new Error(`sizes must be ascending, got ${full.sizes[i - 1]} then ${n}`);
    });
    checkPositiveInteger('repeats', full.repeats);
    if (full.repeats > 50) throw new Error(`repeats must be at most 50, got ${full.repeats}`);
    checkPositiveInteger('testSize', full.testSize);
    checkPositiveInteger('steps', full.steps);
    const columns = featureColumns(full.hand);
    this.spec = full;
    this.tasks = [];
    for (const size of full.sizes) {
      for (let repeat = 1; repeat <= full.repeats; repeat++) {
        this.tasks.push({ size, repeat, model: 'linear' }, { size, repeat, model: 'network' });
      }
    }
    this.total = this.tasks.reduce((s, t) => s + t.size * full.steps, 0);
    this.test = dataset(full.dataset, { n: full.testSize, seed: TEST_SEED }).train;
    this.testFeatures = featureRows(this.test.x, columns);
    const empty = () => full.sizes.map(() => new Array<number>(full.repeats).fill(NaN));
    this.results = { linear: empty(), network: empty() };
  }

  /** Share of the work done, 0 … 1. */
  get progress(): number {
    return this.total === 0 ? 1 : this.done / this.total;
  }

  /** True once every run is measured. */
  get finished(): boolean {
    return this.next >= this.tasks.length && this.current === null;
  }

  /** Works until `milliseconds` have passed (at least a few steps) or the job is finished; returns `finished`. */
  runFor(milliseconds: number): boolean {
    const end = performance.now() + milliseconds;
    do {
      if (!this.current) {
        if (this.next >= this.tasks.length) break;
        const task = this.tasks[this.next++];
        this.current = { task, model: this.build(task) };
      }
      const { task, model } = this.current;
      // about 4096 point-steps a chunk (25 steps on small sets, 4 on 1024 points), so a slice overruns by a few ms at most
      const taken = model.advance(Math.max(1, Math.min(25, Math.floor(4096 / task.size))));
      this.done += taken * task.size;
      if (model.finished || taken === 0) {
        // a run that stopped early still counts its whole budget as done
        this.done += (this.spec.steps - model.step) * task.size;
        const accuracy = model.net.evaluate(model instanceof LinearFeatureModel ? this.testFeatures : this.test.x, this.test.y, 'bce').accuracy;
        this.results[task.model][this.spec.sizes.indexOf(task.size)][task.repeat - 1] = accuracy;
        this.current = null;
      }
    } while (performance.now() < end);
    return this.finished;
  }

  /** The curves so far (sizes not yet measured hold NaN). */
  result(): DataSizeResult {
    const linear = curve(this.results.linear);
    const network = curve(this.results.network);
    return { dataset: this.spec.dataset, sizes: this.spec.sizes, linear, network, crossing: crossing(this.spec.sizes, linear.mean, network.mean) };
  }

  private build(task: Task): LinearFeatureModel | NetworkModel {
    let sample = this.samples.get(task.repeat);
    if (!sample) {
      sample = dataset(this.spec.dataset, { n: this.spec.sizes[this.spec.sizes.length - 1], seed: task.repeat }).train;
      this.samples.set(task.repeat, sample);
    }
    const train = { x: sample.x.slice(0, task.size), y: sample.y.slice(0, task.size) };
    return task.model === 'linear'
      ? new LinearFeatureModel({ train }, this.spec.hand, this.spec.steps)
      : new NetworkModel({ train }, this.spec.hidden, task.repeat, this.spec.steps);
  }
}

function curve(runs: number[][]): AccuracyCurve {
  return {
    runs: runs.map((r) => r.slice()),
    mean: runs.map((r) => r.reduce((s, v) => s + v, 0) / r.length),
    min: runs.map((r) => Math.min(...r)),
    max: runs.map((r) => Math.max(...r)),
  };
}

/** Where `network` passes `linear` for good (ties count as not ahead). */
export function crossing(sizes: readonly number[], linear: readonly number[], network: readonly number[]): Crossing {
  const ahead = sizes.map((_, i) => network[i] > linear[i]);
  if (ahead.every(Boolean)) return { kind: 'ahead' };
  if (!ahead[ahead.length - 1]) return { kind: 'never' };
  let i = ahead.length - 1;
  while (i > 0 && ahead[i - 1]) i--;
  // behind (or level) at i − 1, ahead from i on: the gap changes sign between the two sizes
  const g0 = network[i - 1] - linear[i - 1];
  const g1 = network[i] - linear[i];
  const t = g0 === g1 ? 0.5 : (0 - g0) / (g1 - g0);
  const at = Math.exp(Math.log(sizes[i - 1]) + t * (Math.log(sizes[i]) - Math.log(sizes[i - 1])));
  return { kind: 'crossed', from: sizes[i - 1], to: sizes[i], at };
}

/** The whole curve at once (Node, tests, a worker). */
export function dataSizeCurve(spec: DataSizeSpec): DataSizeResult {
  const job = new DataSizeJob(spec);
  while (!job.runFor(1000));
  return job.result();
}
