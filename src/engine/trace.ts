/**
 * Every intermediate number of one forward and backward pass, kept for display: what a backprop
 * stepper shows value by value, and what a gradient-flow chart sums layer by layer.
 */
import { packBatch } from './batch.ts';
import type { LayerShape } from './init.ts';
import { backward, forward, outputLoss, type KernelNet } from './kernel.ts';
import { gather, lossCode, type NetLossName } from './network-loss.ts';

/** One layer's numbers. Per-sample arrays are row-major: unit j of sample s at [s·outputs + j]. */
export interface LayerTrace {
  readonly index: number;
  readonly activation: string;
  readonly inputs: number;
  readonly outputs: number;
  /** Pre-activations z = W·a_prev + b, per sample. */
  readonly z: Float64Array;
  /** Activations a = f(z), per sample. */
  readonly a: Float64Array;
  /** ∂L/∂a, per sample (L is the batch's mean loss, so each sample's share carries the 1/N). */
  readonly dA: Float64Array;
  /** f′(z), per sample; null for a softmax layer, whose Jacobian is not diagonal. */
  readonly df: Float64Array | null;
  /** ∂L/∂z = ∂L/∂a · f′(z), per sample. */
  readonly delta: Float64Array;
  /** ∂L/∂W = Σ over samples of ∂L/∂z · a_prevᵀ, row-major [out][in]. */
  readonly gradW: Float64Array;
  /** ∂L/∂b = Σ over samples of ∂L/∂z. */
  readonly gradB: Float64Array;
  /** Euclidean (Frobenius) norm ‖∂L/∂W‖. */
  readonly gradWNorm: number;
  /** Mean |∂L/∂W| over the layer's weights: comparable between layers of different widths. */
  readonly gradWMeanAbs: number;
  /** Euclidean norm ‖∂L/∂b‖. */
  readonly gradBNorm: number;
}

/** A whole pass: inputs, targets, outputs, per-sample and mean loss, full gradient, and each layer. */
export interface Trace {
  readonly samples: number;
  readonly input: Float64Array;
  readonly target: Float64Array;
  readonly output: Float64Array;
  readonly losses: Float64Array;
  readonly loss: number;
  readonly grad: Float64Array;
  readonly layers: readonly LayerTrace[];
}

type TraceNet = KernelNet & { readonly output: string; readonly layers: readonly { activation: string }[] };

/** Runs one sample (x a vector) or a batch (x rows) forward and backward, keeping every value. */
export function traceNetwork(net: TraceNet, x: ArrayLike<number> | ArrayLike<ArrayLike<number>>,
  target: ArrayLike<number> | ArrayLike<ArrayLike<number>>, lossName: NetLossName): Trace {
  const single = typeof (x as ArrayLike<unknown>)[0] === 'number';
  const batch = single
    ? packBatch([x as ArrayLike<number>], [target as ArrayLike<number>])
    : packBatch(x as ArrayLike<ArrayLike<number>>, target as ArrayLike<ArrayLike<number>>);
  const code = lossCode(lossName, net.output);
  const shapes = net.shapes;
  const L = shapes.length - 1;
  if (batch.inputs !== shapes[0].inputs || batch.outputs !== shapes[L].outputs) {
    throw new Error(`trace needs inputs of ${shapes[0].inputs} and targets of ${shapes[L].outputs} values, got ${batch.inputs} and ${batch.outputs}`);
  }
  const n = gather(net, batch, null, 0, batch.count);
  const work = net.work;
  forward(net, n);
  const total = outputLoss(net, n, code);
  // L is the batch mean, so each sample's output derivatives carry 1/n before flowing back
  const m = shapes[L].outputs;
  for (let i = 0; i < n * m; i++) {
    work.g[L][i] /= n;
    work.d[L][i] /= n;
  }
  const grad = new Float64Array(net.params.length);
  backward(net, n, grad);
  const layers = shapes.map((layer, l): LayerTrace => {
    const size = n * layer.outputs;
    const z = work.z[l].slice(0, size);
    const a = work.a[l].slice(0, size);
    const softmax = l === L && net.softmaxOutput;
    const df = softmax ? null : z.map((zi, i) => net.acts[l].dfy(zi, a[i]));
    const gradW = grad.slice(layer.weightOffset, layer.weightOffset + layer.inputs * layer.outputs);
    const gradB = grad.slice(layer.biasOffset, layer.biasOffset + layer.outputs);
    return {
      index: l, activation: net.layers[l].activation, inputs: layer.inputs, outputs: layer.outputs,
      z, a, dA: work.g[l].slice(0, size), df, delta: work.d[l].slice(0, size), gradW, gradB,
      gradWNorm: norm(gradW), gradWMeanAbs: meanAbs(gradW), gradBNorm: norm(gradB),
    };
  });
  return {
    samples: n, input: batch.x, target: batch.y, output: layers[L].a, losses: work.losses.slice(0, n),
    loss: total / n, grad, layers,
  };
}

/** Euclidean norm √(Σ vᵢ²). */
export function norm(v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  return Math.sqrt(sum);
}

/** Mean absolute value (1/n) Σ |vᵢ|. */
export function meanAbs(v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += Math.abs(v[i]);
  return v.length ? sum / v.length : 0;
}

/** Per-layer size of a params-shaped vector (a gradient, say): ‖W‖, mean |W| and ‖b‖ for each layer. */
export function layerNorms(layers: readonly LayerShape[], v: Float64Array): { weightNorm: number; weightMeanAbs: number; biasNorm: number }[] {
  return layers.map((layer) => {
    const w = v.subarray(layer.weightOffset, layer.weightOffset + layer.inputs * layer.outputs);
    const b = v.subarray(layer.biasOffset, layer.biasOffset + layer.outputs);
    return { weightNorm: norm(w), weightMeanAbs: meanAbs(w), biasNorm: norm(b) };
  });
}
