/** Weight initialisation schemes: where gradient descent starts. Seeded, so the start is the same every run. */
import { normal, uniform, type Random } from './random.ts';

/** The schemes `initialize` knows. */
export const initNames = ['uniform', 'xavier', 'he'] as const;

/** One of `initNames`. */
export type InitName = (typeof initNames)[number];

/** Where one dense layer's weights and biases sit in a flat parameter array (torch's nn.Linear order). */
export interface LayerShape {
  readonly inputs: number;
  readonly outputs: number;
  /** W[j][k] (output j, input k) is params[weightOffset + j·inputs + k]. */
  readonly weightOffset: number;
  /** b[j] is params[biasOffset + j]. */
  readonly biasOffset: number;
}

/**
 * Fills params layer by layer (weights row by row, then biases), drawing from `random`:
 * - 'uniform': W, b ~ U(−1/√fan_in, 1/√fan_in), torch's default for nn.Linear;
 * - 'xavier': W ~ U(−√(6/(fan_in + fan_out)), +√(6/(fan_in + fan_out))), b = 0 (Glorot uniform, Keras's default);
 * - 'he': W ~ N(0, 2/fan_in), b = 0 (torch's kaiming_normal_ with the ReLU gain √2).
 */
export function initialize(params: Float64Array, layers: readonly LayerShape[], scheme: InitName, random: Random): void {
  for (const layer of layers) {
    const { inputs, outputs, weightOffset, biasOffset } = layer;
    const count = inputs * outputs;
    if (scheme === 'uniform') {
      const bound = 1 / Math.sqrt(inputs);
      for (let i = 0; i < count; i++) params[weightOffset + i] = uniform(random, -bound, bound);
      for (let j = 0; j < outputs; j++) params[biasOffset + j] = uniform(random, -bound, bound);
    } else if (scheme === 'xavier') {
      const bound = Math.sqrt(6 / (inputs + outputs));
      for (let i = 0; i < count; i++) params[weightOffset + i] = uniform(random, -bound, bound);
      params.fill(0, biasOffset, biasOffset + outputs);
    } else {
      const std = Math.sqrt(2 / inputs);
      for (let i = 0; i < count; i++) params[weightOffset + i] = normal(random, 0, std);
      params.fill(0, biasOffset, biasOffset + outputs);
    }
  }
}
