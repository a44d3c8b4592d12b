/**
 * Questions a lesson asks of a network without training it: how the loss changes along one
 * parameter, what the finite-difference gradient is, and which single layer a stack of linear
 * layers equals.
 */
import { checkVector } from './check.ts';
import { numericalGradient } from './gradcheck.ts';
import type { MLP } from './mlp.ts';
import type { NetLossName } from './network-loss.ts';

type Rows = ArrayLike<ArrayLike<number>>;

/** The mean loss with params[index] set to each of `values` in turn (the parameter is restored after). */
export function lossAlong(net: MLP, inputs: Rows, targets: Rows, lossName: NetLossName, index: number, values: ArrayLike<number>): Float64Array {
  if (!Number.isInteger(index) || index < 0 || index >= net.params.length) {
    throw new Error(`index must be an integer from 0 to ${net.params.length - 1}, got ${index}`);
  }
  checkVector('values', values);
  const batch = net.pack(inputs, targets);
  const saved = net.params[index];
  const out = new Float64Array(values.length);
  try {
    for (let i = 0; i < values.length; i++) {
      net.params[index] = values[i];
      out[i] = net.evaluateInto(batch, lossName).loss;
    }
  } finally {
    net.params[index] = saved;
  }
  return out;
}

/** ∂L/∂pᵢ for every parameter by central differences, (L(p + h·eᵢ) − L(p − h·eᵢ)) / 2h: the check beside backprop. */
export function numericalLossGrad(net: MLP, inputs: Rows, targets: Rows, lossName: NetLossName, h = 1e-6): Float64Array {
  const batch = net.pack(inputs, targets);
  return numericalGradient(() => net.evaluateInto(batch, lossName).loss, net.params, h);
}

/**
 * The one layer a stack of linear layers collapses to: W = W_L·…·W₂·W₁ and
 * b = W_L·(…(W₂·b₁ + b₂)…) + b_L, so the network computes W·x + b. Throws unless every layer is linear.
 */
export function composeLinear(net: MLP): { weights: Float64Array; bias: Float64Array } {
  const bent = net.layers.find((layer) => layer.activation !== 'linear');
  if (bent) throw new Error(`layer ${bent.index} is '${bent.activation}', so the network is not one linear map`);
  const n = net.inputs;
  // start from the identity map x ↦ I·x + 0 and push it through each layer
  let weights = new Float64Array(n * n);
  for (let i = 0; i < n; i++) weights[i * n + i] = 1;
  let bias = new Float64Array(n);
  for (const layer of net.layers) {
    const { inputs, outputs, weightOffset, biasOffset } = layer;
    const nextW = new Float64Array(outputs * n);
    const nextB = new Float64Array(outputs);
    for (let j = 0; j < outputs; j++) {
      nextB[j] = net.params[biasOffset + j];
      for (let k = 0; k < inputs; k++) {
        const w = net.params[weightOffset + j * inputs + k];
        nextB[j] += w * bias[k];
        for (let c = 0; c < n; c++) nextW[j * n + c] += w * weights[k * n + c];
      }
    }
    weights = nextW;
    bias = nextB;
  }
  return { weights, bias };
}
