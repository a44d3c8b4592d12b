/**
 * Where a unit switches: for a unit with two inputs a₁, a₂, the set w₁a₁ + w₂a₂ + b = 0 is a
 * straight line in the plane of its inputs. For the first hidden layer that plane is the input
 * plane itself, so each first-layer unit's line is drawn over the data; for the output unit of a
 * 2-2-1 network it is a line in the plane of the two hidden activations (h₁, h₂).
 */
import type { LayerShape } from './init.ts';

/** The line w1·a₁ + w2·a₂ + b = 0 of one unit, in the plane of its layer's two inputs. */
export interface UnitLine {
  /** The layer (0 = first hidden layer) and the unit within it. */
  readonly layer: number;
  readonly unit: number;
  readonly w1: number;
  readonly w2: number;
  readonly b: number;
}

interface LinesNet {
  readonly params: Float64Array;
  readonly layers: readonly LayerShape[];
}

/**
 * The zero line of every unit of `layer` (default 0): unit j's pre-activation z_j = W[j][0]·a₁ +
 * W[j][1]·a₂ + b_j is 0 on it and positive on the side its weight vector (W[j][0], W[j][1]) points to.
 * Throws unless that layer has exactly two inputs (otherwise the set is not a line in a plane).
 */
export function unitLines(net: LinesNet, layer = 0): UnitLine[] {
  const shape = net.layers[layer];
  if (!Number.isInteger(layer) || !shape) {
    throw new Error(`layer must be an integer from 0 to ${net.layers.length - 1}, got ${layer}`);
  }
  if (shape.inputs !== 2) throw new Error(`unit lines need a layer with 2 inputs, layer ${layer} has ${shape.inputs}`);
  const p = net.params;
  return Array.from({ length: shape.outputs }, (_, j) => ({
    layer,
    unit: j,
    w1: p[shape.weightOffset + 2 * j],
    w2: p[shape.weightOffset + 2 * j + 1],
    b: p[shape.biasOffset + j],
  }));
}

/** z = w1·a₁ + w2·a₂ + b: the unit's pre-activation at (a₁, a₂), positive on the side the weights point to. */
export function lineSide(line: Pick<UnitLine, 'w1' | 'w2' | 'b'>, a1: number, a2: number): number {
  return line.w1 * a1 + line.w2 * a2 + line.b;
}
