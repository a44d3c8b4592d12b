/**
 * Chapter 1's two ways to classify points that no straight line splits, trained the same way:
 *
 * - a **linear model on chosen features**: logistic regression, ŷ = σ(b + Σₖ wₖ·fₖ(x₁, x₂)), over
 *   x₁, x₂ and whichever hand-made features a person picked (a network with no hidden layer);
 * - a **small network on the raw inputs**: 2-H-1 with tanh hidden units, which makes its own
 *   features, one per hidden unit.
 *
 * Both minimise binary cross-entropy with full-batch Adam for a fixed number of steps, starting
 * from zero weights (the linear model, whose loss is convex) or a seeded Xavier draw (the network).
 */
import { checkOneOf, checkPositiveInteger } from './check.ts';
import { dataset, type Dataset } from './datasets.ts';
import { featureColumns, featureLabels, featureRows, featureValue, type FeatureKey } from './features.ts';
import { createMLP, type MLP } from './mlp.ts';
import type { OptimizerSpec } from './optimizers.ts';
import { sigmoid } from './special.ts';
import { createTrainer, type Rows, type Trainer } from './train.ts';

/** How both models are trained: full-batch Adam at η = 0.05 for 1000 steps on the cross-entropy. */
export const LAB_RECIPE: { readonly optimizer: OptimizerSpec; readonly steps: number } = {
  optimizer: { kind: 'adam', lr: 0.05 },
  steps: 1000,
};

/** The datasets of chapter 1. */
export const labDatasetNames = ['circle', 'quadrants', 'petals'] as const;
/** One of `labDatasetNames`. */
export type LabDatasetName = (typeof labDatasetNames)[number];

/** Hidden units the lab's network may have. */
export const LAB_HIDDEN = { min: 1, max: 8, default: 4 } as const;

/** Added to the lab's seed for its test points, so they are fresh points of the same shape. */
export const TEST_SEED_OFFSET = 104_729;

/**
 * The lab's data: `n` training points and as many fresh test points, each set with exactly half of
 * each class (so a model that cannot tell the classes apart scores about 50 %), seeded.
 */
export function labData(name: LabDatasetName, seed = 1, n = 200): Dataset {
  checkOneOf('dataset', name, labDatasetNames);
  checkPositiveInteger('n', n);
  const train = dataset(name, { n, seed });
  const test = dataset(name, { n, seed: seed + TEST_SEED_OFFSET });
  return { ...train, test: test.train };
}

/** Loss and accuracy on the training and test points, with the current weights. */
export interface LabScore {
  readonly train: { readonly loss: number; readonly accuracy: number };
  readonly test: { readonly loss: number; readonly accuracy: number } | null;
}

/** What both lab models share: a network, its trainer and a step budget. */
abstract class LabModel {
  readonly net: MLP;
  readonly trainer: Trainer;
  readonly budget: number;
  protected readonly test: Rows | null;

  protected constructor(net: MLP, train: Rows, test: Rows | null, steps: number) {
    checkPositiveInteger('steps', steps);
    this.net = net;
    this.budget = steps;
    this.test = test && test.x.length > 0 ? test : null;
    // stopAtLoss 0: every run takes exactly its budget of steps, so a figure names one number of steps
    this.trainer = createTrainer({ net, data: { train }, optimizer: LAB_RECIPE.optimizer, loss: 'bce', stopAtLoss: 0 });
  }

  /** Steps taken so far. */
  get step(): number {
    return this.trainer.step;
  }

  /** True once the budget is spent or training stopped. */
  get finished(): boolean {
    return this.trainer.step >= this.budget || this.trainer.status === 'diverged' || this.trainer.status === 'converged';
  }

  /** Takes up to `steps` more steps, never past the budget; returns how many it took. */
  advance(steps = this.budget): number {
    const want = Math.min(steps, this.budget - this.trainer.step);
    return want > 0 ? this.trainer.run(want).steps : 0;
  }

  /** Mean loss and accuracy on the training set and the test set, with the current weights. */
  score(): LabScore {
    const t = this.trainer.evaluate().train;
    const test = this.test ? this.measure(this.test) : null;
    return { train: t, test };
  }

  protected abstract measure(rows: Rows): { loss: number; accuracy: number };

  /** The model's probability of class 1 at (x₁, x₂). */
  abstract probability(x1: number, x2: number): number;

  /** ŷ over a grid, row r at ys[r] (pass ys from top to bottom), column c at xs[c]. */
  predictGrid(xs: ArrayLike<number>, ys: ArrayLike<number>, out?: Float64Array): Float64Array {
    const values = out && out.length === xs.length * ys.length ? out : new Float64Array(xs.length * ys.length);
    for (let r = 0; r < ys.length; r++) for (let c = 0; c < xs.length; c++) values[r * xs.length + c] = this.probability(xs[c], ys[r]);
    return values;
  }
}

/** One weight of the linear model: which feature it multiplies and its value. */
export interface FeatureWeight {
  readonly key: FeatureKey;
  readonly label: string;
  readonly weight: number;
}

/** Logistic regression on x₁, x₂ and the chosen hand-made features. */
export class LinearFeatureModel extends LabModel {
  readonly columns: readonly FeatureKey[];

  constructor(data: { readonly train: Rows; readonly test?: Rows }, hand: readonly string[], steps = LAB_RECIPE.steps) {
    const columns = featureColumns(hand);
    const net = createMLP({ sizes: [columns.length, 1], hidden: 'linear', output: 'sigmoid' });
    net.params.fill(0);
    const lift = (rows: Rows): Rows => ({ x: featureRows(rows.x, columns), y: rows.y });
    super(net, lift(data.train), data.test ? lift(data.test) : null, steps);
    this.columns = columns;
  }

  /** Each feature's weight wₖ, in the order of `columns`. */
  get weights(): FeatureWeight[] {
    return this.columns.map((key, k) => ({ key, label: featureLabels[key], weight: this.net.params[k] }));
  }

  /** The bias b. */
  get bias(): number {
    return this.net.params[this.columns.length];
  }

  /** The weighted sum z = b + Σₖ wₖ·fₖ(x₁, x₂) at a point. */
  logit(x1: number, x2: number): number {
    let z = this.bias;
    for (let k = 0; k < this.columns.length; k++) z += this.net.params[k] * featureValue(this.columns[k], x1, x2);
    return z;
  }

  probability(x1: number, x2: number): number {
    return sigmoid(this.logit(x1, x2));
  }

  protected measure(rows: Rows) {
    return this.net.evaluate(rows.x, rows.y, 'bce');
  }
}

/** A 2-H-1 network with tanh hidden units on the raw inputs x₁, x₂. */
export class NetworkModel extends LabModel {
  readonly hidden: number;

  constructor(data: { readonly train: Rows; readonly test?: Rows }, hidden: number = LAB_HIDDEN.default, seed = 1, steps = LAB_RECIPE.steps) {
    checkPositiveInteger('hidden', hidden);
    if (hidden > 64) throw new Error(`hidden must be at most 64 units, got ${hidden}`);
    const net = createMLP({ sizes: [2, hidden, 1], hidden: 'tanh', output: 'sigmoid', seed });
    super(net, data.train, data.test ?? null, steps);
    this.hidden = hidden;
  }

  probability(x1: number, x2: number): number {
    return this.net.forward([x1, x2])[0];
  }

  override predictGrid(xs: ArrayLike<number>, ys: ArrayLike<number>, out?: Float64Array): Float64Array {
    return this.net.predictGrid(xs, ys, out && out.length === xs.length * ys.length ? { out } : {});
  }

  /** Each hidden unit's activation a = tanh(z) over a grid: unit u is `subarray(u·n, (u+1)·n)`, n = cells. */
  unitMaps(xs: ArrayLike<number>, ys: ArrayLike<number>): Float64Array {
    return this.net.gridActivations(xs, ys)[0];
  }

  /** Hidden unit u's weights (on x₁, x₂) and bias, and its weight in the output's sum. */
  unit(u: number): { w1: number; w2: number; b: number; out: number } {
    const [first, last] = this.net.layers;
    const p = this.net.params;
    return {
      w1: p[first.weightOffset + u * 2],
      w2: p[first.weightOffset + u * 2 + 1],
      b: p[first.biasOffset + u],
      out: p[last.weightOffset + u],
    };
  }

  protected measure(rows: Rows) {
    return this.net.evaluate(rows.x, rows.y, 'bce');
  }
}
