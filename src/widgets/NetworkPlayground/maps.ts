/**
 * What the playground paints: the network's output over the data plane (the decision regions),
 * every hidden unit's own output map, and the first hidden layer's lines. A mirror of the trained
 * network is kept here and fed the weights of each snapshot, so the pictures are computed on the
 * page while training runs elsewhere. All values come from the engine's grid evaluation.
 */
import { createMLP, type MLP, type OutputName } from '../../engine/mlp.ts';
import { unitLines, type UnitLine } from '../../engine/unit-lines.ts';
import { heatmapGrid } from '../../components/charts/heatmap-render.ts';
import type { Extent } from '../../components/charts/types.ts';
import type { PlayActivation } from './limits.ts';

/** One unit's output over the grid, with the colour range it is drawn in. */
export interface UnitMap {
  values: Float64Array;
  domain: [number, number];
  scale: 'diverging' | 'sequential';
}

/** Cells across the big decision map and across each unit's small map. */
export const REGION_CELLS = 50;
export const UNIT_CELLS = 24;

/** How strongly the two-class decision map is tinted: its end colours go this far from the surface to the class colours. */
export const REGION_INTENSITY = 0.55;

const BOUNDED: Partial<Record<string, [number, number]>> = { tanh: [-1, 1], sigmoid: [0, 1] };

/** The colour range of a unit's map: fixed for tanh and sigmoid, else symmetric about 0 up to the largest |value|. */
export function unitDomain(activation: string, values: ArrayLike<number>): [number, number] {
  const fixed = BOUNDED[activation];
  if (fixed) return fixed;
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]);
    if (v > m && Number.isFinite(v)) m = v;
  }
  m = Math.max(m, 1e-6);
  return [-m, m];
}

/**
 * The winning class and how sure the network is at each cell, from class-major probabilities
 * (class c's map at [c·n, (c + 1)·n)): confidence runs from 0 (a tie of all three) to 1 (certain).
 */
export function classField(probabilities: ArrayLike<number>, n: number, classes: number): { label: Uint8Array; confidence: Float64Array } {
  const label = new Uint8Array(n);
  const confidence = new Float64Array(n);
  const floor = 1 / classes;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let top = probabilities[i];
    for (let c = 1; c < classes; c++) {
      const p = probabilities[c * n + i];
      if (p > top) {
        top = p;
        best = c;
      }
    }
    label[i] = best;
    confidence[i] = Number.isFinite(top) ? Math.min(1, Math.max(0, (top - floor) / (1 - floor))) : 0;
  }
  return { label, confidence };
}

/** A network's pictures over one extent; call `setParams` with each snapshot's weights. */
export class MapMaker {
  readonly net: MLP;
  readonly extent: Extent;
  readonly classes: 2 | 3;
  private readonly region: { xs: Float64Array; ys: Float64Array };
  private readonly small: { xs: Float64Array; ys: Float64Array };

  constructor(sizes: readonly number[], hidden: PlayActivation, output: OutputName, extent: Extent) {
    this.net = createMLP({ sizes, hidden, output });
    this.extent = extent;
    this.classes = sizes[sizes.length - 1] === 3 ? 3 : 2;
    this.region = heatmapGrid(extent, REGION_CELLS, REGION_CELLS);
    this.small = heatmapGrid(extent, UNIT_CELLS, UNIT_CELLS);
  }

  /** Uses these weights from now on (a copy is taken). */
  setParams(params: Float64Array): void {
    if (params.length !== this.net.params.length) {
      throw new Error(`the snapshot has ${params.length} parameters but the network has ${this.net.params.length}`);
    }
    this.net.params.set(params);
  }

  /** The decision map: P(class 1) per cell with two classes; with three, the class-major probabilities. */
  regionValues(): Float64Array {
    const { xs, ys } = this.region;
    if (this.classes === 2) return this.net.predictGrid(xs, ys);
    const maps = this.net.gridActivations(xs, ys);
    return maps[maps.length - 1];
  }

  /** Every unit's map, layer by layer (hidden layers, then the output layer). */
  unitMaps(): UnitMap[][] {
    const { xs, ys } = this.small;
    const n = xs.length * ys.length;
    const maps = this.net.gridActivations(xs, ys);
    const last = maps.length - 1;
    return maps.map((layer, l) => {
      const activation = l === last ? this.net.output : this.net.hidden;
      const units = layer.length / n;
      return Array.from({ length: units }, (_, u) => {
        const values = layer.slice(u * n, (u + 1) * n);
        const softmax = activation === 'softmax';
        return {
          values,
          domain: softmax ? [0, 1] : unitDomain(activation, values),
          scale: softmax ? 'sequential' : 'diverging',
        } satisfies UnitMap;
      });
    });
  }

  /** The zero lines of the first layer's units: the hidden units', or the output's without a hidden layer. */
  firstLayerLines(): UnitLine[] {
    return unitLines(this.net, 0);
  }
}
