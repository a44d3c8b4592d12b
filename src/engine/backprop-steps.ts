/**
 * Backpropagation for one example, written out as the ordered list of small computations a
 * learner steps through: every weighted sum and activation forward, the loss, then every local
 * derivative backward with the numbers it multiplies, and the update. Written as plain scalar
 * loops, one unit at a time, so each step reads like the formula it shows; the tests check that
 * it equals the engine's vectorised `net.trace` and a central difference.
 *
 * Indices: layers l = 1…n as in the course notation (a⁽⁰⁾ = x), units j, k from 0. A weight
 * w⁽ˡ⁾ⱼₖ joins unit k of layer l − 1 to unit j of layer l (torch's `nn.Linear` layout).
 */
import { activation, type Activation } from './activations.ts';
import { checkFinite, checkVector } from './check.ts';
import { binaryCrossEntropy, binaryCrossEntropyGrad } from './losses.ts';
import type { MLP } from './mlp.ts';

/** The losses the stepper explains: mean squared error and binary cross-entropy, both the mean over outputs. */
export type StepLoss = 'mse' | 'bce';

/**
 * A named quantity of the network. `l` is the layer (0 for inputs), `j` the unit in layer l,
 * `k` the unit in layer l − 1 (weights only).
 * x input · y target · w weight · b bias · z weighted sum · a activation (a⁽ⁿ⁾ is ŷ) · L loss ·
 * dA ∂L/∂a · df f′(z) · delta ∂L/∂z · gw ∂L/∂w · gb ∂L/∂b · lr the learning rate η.
 */
export interface Sym {
  readonly q: 'x' | 'y' | 'w' | 'b' | 'z' | 'a' | 'L' | 'dA' | 'df' | 'delta' | 'gw' | 'gb' | 'lr';
  readonly l?: number;
  readonly j?: number;
  readonly k?: number;
}

/** One operand of a step: which quantity, and its value. */
export interface Term {
  readonly sym: Sym;
  readonly value: number;
}

/**
 * How a step combines its terms:
 * - `sum`: z = Σₖ w·a + b (terms: w, a pairs, then b);
 * - `activate`: a = f(z) (terms: z);
 * - `loss`: L = mean over outputs of ℓ(ŷⱼ, yⱼ) (terms: ŷ, y pairs);
 * - `loss-grad`: ∂L/∂ŷⱼ (terms: ŷ, y);
 * - `local-df`: f′(z) (terms: z, and a where f′ is written with a, e.g. σ′ = a(1 − a));
 * - `product`: the chain rule, value = product of the terms (δ = ∂L/∂a · f′; ∂L/∂w = δ · a; ∂L/∂b = δ);
 * - `back-sum`: ∂L/∂a⁽ˡ⁻¹⁾ₖ = Σⱼ w⁽ˡ⁾ⱼₖ δ⁽ˡ⁾ⱼ (terms: w, δ pairs);
 * - `update`: p ← p − η · ∂L/∂p (terms: p, η, ∂L/∂p).
 */
export type StepRule = 'sum' | 'activate' | 'loss' | 'loss-grad' | 'local-df' | 'product' | 'back-sum' | 'update';

/** One small computation of the pass. */
export interface BackpropStep {
  readonly phase: 'forward' | 'loss' | 'backward' | 'update';
  readonly rule: StepRule;
  /** The quantity this step computes. */
  readonly out: Sym;
  readonly value: number;
  readonly terms: readonly Term[];
  /**
   * For an output δ of a sigmoid unit under binary cross-entropy: the simplified value (ŷ − y)/m,
   * the same number without the two factors that cancel.
   */
  readonly shortcut?: number;
}

/** Options for {@link backpropSteps}. */
export interface StepOptions {
  /** Learning rate η of the update steps (default 0.5). */
  readonly lr?: number;
  /**
   * A deliberate mistake, for the gradient check to catch: `'drop-df'` forgets the factor f′(z)
   * in every hidden layer's δ (a classic hand-written backprop bug). Default null: correct.
   */
  readonly bug?: 'drop-df' | null;
}

/** The whole pass for one example: the steps in order, and their results gathered. */
export interface BackpropPass {
  readonly steps: readonly BackpropStep[];
  /** ŷ = a⁽ⁿ⁾. */
  readonly output: Float64Array;
  readonly loss: number;
  /** ∂L/∂p in the layout of `net.params`. */
  readonly grad: Float64Array;
  /** p − η·∂L/∂p in the layout of `net.params`. */
  readonly updated: Float64Array;
}

const HIDDEN_OK = new Set(['sigmoid', 'tanh', 'relu', 'linear', 'leaky_relu']);

/**
 * Forward pass, loss, backward pass and update of `net` on one example (x, y), as steps.
 * The output layer must be sigmoid for `'bce'` (any of sigmoid, tanh, linear, relu for `'mse'`).
 */
export function backpropSteps(net: MLP, x: ArrayLike<number>, y: ArrayLike<number>, lossName: StepLoss, options: StepOptions = {}): BackpropPass {
  checkVector('x', x, net.inputs);
  checkVector('y', y, net.outputs);
  if (lossName !== 'mse' && lossName !== 'bce') throw new Error(`loss must be 'mse' or 'bce', got ${JSON.stringify(lossName)}`);
  if (lossName === 'bce' && net.output !== 'sigmoid') throw new Error(`bce needs a 'sigmoid' output, got '${net.output}'`);
  for (const layer of net.layers) {
    if (!HIDDEN_OK.has(layer.activation)) throw new Error(`the stepper explains sigmoid, tanh, relu, leaky_relu and linear units, got '${layer.activation}'`);
  }
  const lr = options.lr ?? 0.5;
  checkFinite('lr', lr);
  const bug = options.bug ?? null;
  const p = net.params;
  const n = net.layers.length;
  const acts: Activation[] = net.layers.map((layer) => activation(layer.activation as 'sigmoid'));
  const steps: BackpropStep[] = [];

  // forward: a⁽⁰⁾ = x, then z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and a⁽ˡ⁾ = f(z⁽ˡ⁾), one unit at a time
  const a: number[][] = [Array.from(x)];
  const z: number[][] = [[]];
  for (let l = 1; l <= n; l++) {
    const { inputs, outputs, weightOffset, biasOffset } = net.layers[l - 1];
    z.push([]);
    a.push([]);
    for (let j = 0; j < outputs; j++) {
      const terms: Term[] = [];
      let sum = 0;
      for (let k = 0; k < inputs; k++) {
        const w = p[weightOffset + j * inputs + k];
        sum += w * a[l - 1][k];
        terms.push({ sym: { q: 'w', l, j, k }, value: w }, { sym: l === 1 ? { q: 'x', l: 0, j: k } : { q: 'a', l: l - 1, j: k }, value: a[l - 1][k] });
      }
      const bias = p[biasOffset + j];
      sum += bias;
      terms.push({ sym: { q: 'b', l, j }, value: bias });
      z[l].push(sum);
      steps.push({ phase: 'forward', rule: 'sum', out: { q: 'z', l, j }, value: sum, terms });
      const out = acts[l - 1].f(sum);
      a[l].push(out);
      steps.push({ phase: 'forward', rule: 'activate', out: { q: 'a', l, j }, value: out, terms: [{ sym: { q: 'z', l, j }, value: sum }] });
    }
  }

  // the loss: the mean over the m outputs, as torch's default reduction
  const yHat = a[n];
  const m = yHat.length;
  const pairs: Term[] = [];
  let total = 0;
  for (let j = 0; j < m; j++) {
    total += lossName === 'mse' ? (yHat[j] - y[j]) ** 2 : binaryCrossEntropy(yHat[j], y[j]);
    pairs.push({ sym: { q: 'a', l: n, j }, value: yHat[j] }, { sym: { q: 'y', j }, value: y[j] });
  }
  const loss = total / m;
  steps.push({ phase: 'loss', rule: 'loss', out: { q: 'L' }, value: loss, terms: pairs });

  // backward: from the output layer to the first, each δ once
  const grad = new Float64Array(p.length);
  let dA: number[] = yHat.map((yh, j) => (lossName === 'mse' ? (2 * (yh - y[j])) / m : binaryCrossEntropyGrad(yh, y[j]) / m));
  for (let j = 0; j < m; j++) {
    steps.push({
      phase: 'backward', rule: 'loss-grad', out: { q: 'dA', l: n, j }, value: dA[j],
      terms: [{ sym: { q: 'a', l: n, j }, value: yHat[j] }, { sym: { q: 'y', j }, value: y[j] }],
    });
  }
  for (let l = n; l >= 1; l--) {
    const { inputs, outputs, weightOffset, biasOffset } = net.layers[l - 1];
    const act = acts[l - 1];
    const delta: number[] = [];
    for (let j = 0; j < outputs; j++) {
      const df = act.dfy(z[l][j], a[l][j]);
      steps.push({
        phase: 'backward', rule: 'local-df', out: { q: 'df', l, j }, value: df,
        terms: [{ sym: { q: 'z', l, j }, value: z[l][j] }, { sym: { q: 'a', l, j }, value: a[l][j] }],
      });
      const dropped = bug === 'drop-df' && l < n;
      const d = dropped ? dA[j] : dA[j] * df;
      const bceSigmoid = l === n && lossName === 'bce';
      // σ′ cancels the denominator of ∂L/∂ŷ: the product is exactly (ŷ − y)/m, kept that way for saturated outputs
      const value = bceSigmoid ? (a[l][j] - y[j]) / m : d;
      delta.push(value);
      const terms: Term[] = [{ sym: { q: 'dA', l, j }, value: dA[j] }];
      if (!dropped) terms.push({ sym: { q: 'df', l, j }, value: df });
      steps.push({ phase: 'backward', rule: 'product', out: { q: 'delta', l, j }, value, terms, ...(bceSigmoid ? { shortcut: value } : {}) });
    }
    for (let j = 0; j < outputs; j++) {
      for (let k = 0; k < inputs; k++) {
        const g = delta[j] * a[l - 1][k];
        grad[weightOffset + j * inputs + k] = g;
        steps.push({
          phase: 'backward', rule: 'product', out: { q: 'gw', l, j, k }, value: g,
          terms: [{ sym: { q: 'delta', l, j }, value: delta[j] }, { sym: l === 1 ? { q: 'x', l: 0, j: k } : { q: 'a', l: l - 1, j: k }, value: a[l - 1][k] }],
        });
      }
      grad[biasOffset + j] = delta[j];
      steps.push({ phase: 'backward', rule: 'product', out: { q: 'gb', l, j }, value: delta[j], terms: [{ sym: { q: 'delta', l, j }, value: delta[j] }] });
    }
    if (l === 1) break;
    // pass the error one layer down: ∂L/∂a⁽ˡ⁻¹⁾ₖ = Σⱼ w⁽ˡ⁾ⱼₖ δ⁽ˡ⁾ⱼ
    const below: number[] = [];
    for (let k = 0; k < inputs; k++) {
      const terms: Term[] = [];
      let sum = 0;
      for (let j = 0; j < outputs; j++) {
        const w = p[weightOffset + j * inputs + k];
        sum += w * delta[j];
        terms.push({ sym: { q: 'w', l, j, k }, value: w }, { sym: { q: 'delta', l, j }, value: delta[j] });
      }
      below.push(sum);
      steps.push({ phase: 'backward', rule: 'back-sum', out: { q: 'dA', l: l - 1, j: k }, value: sum, terms });
    }
    dA = below;
  }

  // the update: every parameter takes one step against its gradient
  const updated = new Float64Array(p.length);
  for (let l = 1; l <= n; l++) {
    const { inputs, outputs, weightOffset, biasOffset } = net.layers[l - 1];
    for (let j = 0; j < outputs; j++) {
      for (let k = 0; k < inputs; k++) {
        const i = weightOffset + j * inputs + k;
        updated[i] = p[i] - lr * grad[i];
        steps.push({
          phase: 'update', rule: 'update', out: { q: 'w', l, j, k }, value: updated[i],
          terms: [{ sym: { q: 'w', l, j, k }, value: p[i] }, { sym: { q: 'lr' }, value: lr }, { sym: { q: 'gw', l, j, k }, value: grad[i] }],
        });
      }
      const i = biasOffset + j;
      updated[i] = p[i] - lr * grad[i];
      steps.push({
        phase: 'update', rule: 'update', out: { q: 'b', l, j }, value: updated[i],
        terms: [{ sym: { q: 'b', l, j }, value: p[i] }, { sym: { q: 'lr' }, value: lr }, { sym: { q: 'gb', l, j }, value: grad[i] }],
      });
    }
  }
  return { steps, output: Float64Array.from(yHat), loss, grad, updated };
}

/** The index in `net.params` of weight w⁽ˡ⁾ⱼₖ (k given) or bias b⁽ˡ⁾ⱼ (k omitted), l counted from 1. */
export function paramIndex(net: MLP, l: number, j: number, k?: number): number {
  const layer = net.layers[l - 1];
  if (!layer) throw new Error(`layer must be from 1 to ${net.layers.length}, got ${l}`);
  if (!Number.isInteger(j) || j < 0 || j >= layer.outputs) throw new Error(`unit j of layer ${l} must be from 0 to ${layer.outputs - 1}, got ${j}`);
  if (k === undefined) return layer.biasOffset + j;
  if (!Number.isInteger(k) || k < 0 || k >= layer.inputs) throw new Error(`input k of layer ${l} must be from 0 to ${layer.inputs - 1}, got ${k}`);
  return layer.weightOffset + j * layer.inputs + k;
}
