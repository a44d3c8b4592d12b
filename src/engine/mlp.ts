/**
 * Dense feed-forward networks (multi-layer perceptrons) of any depth and width, with all parameters
 * in one flat Float64Array laid out as torch's nn.Linear stores them: per layer W[out][in], then b.
 */
import { activation, activationNames, type Activation, type ActivationName } from './activations.ts';
import { backwardLoops, forwardLoops, type BackwardLoop, type ForwardLoop } from './activation-loops.ts';
import { checkBatchFits, packBatch, type Batch } from './batch.ts';
import { checkOneOf, checkPositiveInteger, checkRows, checkVector } from './check.ts';
import { initNames, initialize, type InitName, type LayerShape } from './init.ts';
import { ensureCapacity, forward, type KernelNet, type Workspace } from './kernel.ts';
import { runBatch, type BatchResult, type NetLossName } from './network-loss.ts';
import { seeded } from './random.ts';
import { gridActivations, predictGrid, type GridOptions } from './grid.ts';
import { layerNorms, traceNetwork, type Trace } from './trace.ts';

/** Output activations: any element-wise activation, or softmax across the output units. */
export const outputNames = [...activationNames, 'softmax'] as const;

/** One of `outputNames`. */
export type OutputName = (typeof outputNames)[number];

/** What `createMLP` builds: layer sizes from input to output, activations, seed and init scheme. */
export interface MLPSpec {
  /** Units per layer, inputs first: [2, 3, 1] is 2 inputs, 3 hidden units, 1 output. */
  readonly sizes: readonly number[];
  readonly hidden: ActivationName;
  readonly output: OutputName;
  /** Seed of the initial weights (default 1). */
  readonly seed?: number;
  /** Initialisation scheme (default 'xavier'); see `initialize`. */
  readonly init?: InitName;
}

/** One dense layer: its shape and offsets, its number (0 = first hidden layer) and its activation. */
export interface Layer extends LayerShape {
  readonly index: number;
  readonly activation: OutputName;
}

/** A dense network. Its `work` arrays are scratch space for the kernel (read values through `trace`). */
export class MLP implements KernelNet {
  readonly sizes: readonly number[];
  readonly hidden: ActivationName;
  readonly output: OutputName;
  readonly layers: readonly Layer[];
  readonly shapes: readonly Layer[];
  /** All weights and biases; see `Layer.weightOffset` and `Layer.biasOffset`. Writable. */
  readonly params: Float64Array;
  readonly acts: readonly Activation[];
  readonly forwards: readonly ForwardLoop[];
  readonly backwards: readonly BackwardLoop[];
  readonly softmaxOutput: boolean;
  readonly work: Workspace = { capacity: 0, x: new Float64Array(0), y: new Float64Array(0), losses: new Float64Array(0), z: [], a: [], g: [], d: [] };
  seed = 1;
  init: InitName = 'xavier';

  constructor(spec: MLPSpec) {
    if (spec === null || typeof spec !== 'object') throw new Error('createMLP needs a spec { sizes, hidden, output }');
    const { sizes, hidden, output } = spec;
    if (!Array.isArray(sizes) || sizes.length < 2) {
      throw new Error(`sizes must list at least 2 layer sizes (inputs and outputs), got ${JSON.stringify(sizes)}`);
    }
    sizes.forEach((n, i) => checkPositiveInteger(`sizes[${i}]`, n));
    checkOneOf('hidden activation', hidden, activationNames);
    checkOneOf('output activation', output, outputNames);
    if (output === 'softmax' && sizes[sizes.length - 1] < 2) throw new Error('a softmax output needs at least 2 output units');
    this.sizes = Object.freeze([...sizes]);
    this.hidden = hidden;
    this.output = output;
    this.softmaxOutput = output === 'softmax';
    const layers: Layer[] = [];
    let offset = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const inputs = sizes[l];
      const outputs = sizes[l + 1];
      const activation = l + 2 === sizes.length ? output : hidden;
      layers.push({ index: l, inputs, outputs, weightOffset: offset, biasOffset: offset + inputs * outputs, activation });
      offset += inputs * outputs + outputs;
    }
    if (offset > 10_000_000) throw new Error(`this network would have ${offset} parameters; the limit is 10000000`);
    this.layers = this.shapes = Object.freeze(layers);
    this.acts = layers.map((layer) => activation(layer.activation === 'softmax' ? 'linear' : layer.activation));
    this.forwards = this.acts.map((act) => forwardLoops[act.name]);
    this.backwards = this.acts.map((act) => backwardLoops[act.name]);
    this.params = new Float64Array(offset);
    this.initialize(spec.seed ?? 1, spec.init ?? 'xavier');
  }

  /** Number of inputs (sizes[0]). */
  get inputs(): number {
    return this.sizes[0];
  }

  /** Number of outputs (last of sizes). */
  get outputs(): number {
    return this.sizes[this.sizes.length - 1];
  }

  /** Redraws every parameter from `seed` with `scheme` (see `initialize` in init.ts). */
  initialize(seed: number, scheme: InitName = this.init): void {
    checkOneOf('init scheme', scheme, initNames);
    initialize(this.params, this.layers, scheme, seeded(seed));
    this.seed = seed;
    this.init = scheme;
  }

  /** The network's output for one input x, as a new array: a_L = f_L(W_L·…f_1(W_1·x + b_1)… + b_L). */
  forward(x: ArrayLike<number>): Float64Array {
    checkVector('x', x, this.inputs);
    return this.forwardBatch([x]);
  }

  /** Outputs for many inputs, flat and row-major: output i of sample r at [r·outputs + i]. */
  forwardBatch(inputs: ArrayLike<ArrayLike<number>>): Float64Array {
    checkRows('inputs', inputs, this.inputs);
    const n = inputs.length;
    const work = ensureCapacity(this, n);
    for (let r = 0; r < n; r++) for (let k = 0; k < this.inputs; k++) work.x[r * this.inputs + k] = inputs[r][k];
    forward(this, n);
    return work.a[this.layers.length - 1].slice(0, n * this.outputs);
  }

  /** Mean loss over the batch and its gradient with respect to every parameter (same layout as params). */
  lossAndGrad(inputs: ArrayLike<ArrayLike<number>>, targets: ArrayLike<ArrayLike<number>>, lossName: NetLossName): { loss: number; grad: Float64Array } {
    const grad = new Float64Array(this.params.length);
    const { loss } = this.lossAndGradInto(this.pack(inputs, targets), lossName, grad);
    return { loss, grad };
  }

  /** Mean loss and accuracy (fraction correct, see `isCorrect` in kernel.ts) over a batch, without gradients. */
  evaluate(inputs: ArrayLike<ArrayLike<number>>, targets: ArrayLike<ArrayLike<number>>, lossName: NetLossName): { loss: number; accuracy: number } {
    const result = this.evaluateInto(this.pack(inputs, targets), lossName);
    return { loss: result.loss, accuracy: result.correct / result.count };
  }

  /**
   * The training path: mean loss over rows order[start … end) of a packed batch (all rows in order
   * when order is null), its gradient written into grad, and the count correct; allocates nothing.
   */
  lossAndGradInto(batch: Batch, lossName: NetLossName, grad: Float64Array, result: BatchResult = { loss: 0, correct: 0, count: 0 },
    order: ArrayLike<number> | null = null, start = 0, end = order ? order.length : batch.count): BatchResult {
    if (grad.length !== this.params.length) throw new Error(`grad has ${grad.length} values but the network has ${this.params.length} parameters`);
    checkBatchFits(batch, this.inputs, this.outputs);
    return runBatch(this, batch, lossName, grad, result, order, start, end);
  }

  /** Mean loss and count correct over a packed batch, forward passes only. */
  evaluateInto(batch: Batch, lossName: NetLossName, result: BatchResult = { loss: 0, correct: 0, count: 0 }): BatchResult {
    checkBatchFits(batch, this.inputs, this.outputs);
    return runBatch(this, batch, lossName, null, result, null, 0, batch.count);
  }

  /** Every layer's z, a, ∂L/∂a, f′(z), ∂L/∂z and ∂L/∂W for one sample or a batch (see trace.ts). */
  trace(x: ArrayLike<number> | ArrayLike<ArrayLike<number>>, target: ArrayLike<number> | ArrayLike<ArrayLike<number>>, lossName: NetLossName): Trace {
    return traceNetwork(this, x, target, lossName);
  }

  /** One unit's output at every grid point (xs across, ys down), row-major into a Float64Array (see grid.ts). */
  predictGrid(xs: ArrayLike<number>, ys: ArrayLike<number>, options?: GridOptions): Float64Array {
    return predictGrid(this, xs, ys, options);
  }

  /** Every unit of every layer at every grid point: one array per layer, unit-major (see grid.ts). */
  gridActivations(xs: ArrayLike<number>, ys: ArrayLike<number>): Float64Array[] {
    return gridActivations(this, xs, ys);
  }

  /** Per-layer ‖W‖, mean |W| and ‖b‖ of a params-shaped vector: the parameters, or a gradient. */
  layerNorms(v: Float64Array = this.params): { weightNorm: number; weightMeanAbs: number; biasNorm: number }[] {
    if (v.length !== this.params.length) throw new Error(`the vector has ${v.length} values but the network has ${this.params.length} parameters`);
    return layerNorms(this.layers, v);
  }

  /** Packs rows of inputs and targets into a Batch this network can read. */
  pack(inputs: ArrayLike<ArrayLike<number>>, targets: ArrayLike<ArrayLike<number>>): Batch {
    const batch = packBatch(inputs, targets);
    checkBatchFits(batch, this.inputs, this.outputs);
    return batch;
  }
}

/** A dense network: createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 }). */
export function createMLP(spec: MLPSpec): MLP {
  return new MLP(spec);
}
