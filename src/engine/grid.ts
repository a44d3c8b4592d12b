/**
 * A two-input network evaluated over a grid of points, for decision-boundary heatmaps and for
 * each hidden unit's own map. Row r of a grid is ys[r], column c is xs[c]: pass ys from largest to
 * smallest to get row 0 at the top.
 */
import { checkFinite, checkVector } from './check.ts';
import { ensureCapacity, forward, type KernelNet } from './kernel.ts';

/** Which unit `predictGrid` reads, and an optional array to fill instead of a new one. */
export interface GridOptions {
  /** Layer number, 0 = first hidden layer (default: the output layer). */
  readonly layer?: number;
  /** Unit within that layer (default 0). */
  readonly unit?: number;
  /** Array of length ys.length · xs.length to write into. */
  readonly out?: Float64Array;
}

type GridNet = KernelNet & { readonly inputs: number };

function checkGrid(net: GridNet, xs: ArrayLike<number>, ys: ArrayLike<number>): void {
  if (net.inputs !== 2) throw new Error(`a grid needs a network with 2 inputs, this one has ${net.inputs}`);
  checkVector('xs', xs);
  checkVector('ys', ys);
}

/** out[r·xs.length + c] = the chosen unit's activation at input (xs[c], ys[r]). */
export function predictGrid(net: GridNet, xs: ArrayLike<number>, ys: ArrayLike<number>, options: GridOptions = {}): Float64Array {
  checkGrid(net, xs, ys);
  const layerIndex = options.layer ?? net.shapes.length - 1;
  const layer = net.shapes[layerIndex];
  if (!Number.isInteger(layerIndex) || !layer) {
    throw new Error(`layer must be an integer from 0 to ${net.shapes.length - 1}, got ${layerIndex}`);
  }
  const unit = options.unit ?? 0;
  if (!Number.isInteger(unit) || unit < 0 || unit >= layer.outputs) {
    throw new Error(`unit must be an integer from 0 to ${layer.outputs - 1}, got ${unit}`);
  }
  const cols = xs.length;
  const out = options.out ?? new Float64Array(cols * ys.length);
  if (out.length !== cols * ys.length) throw new Error(`out has ${out.length} values but the grid has ${cols * ys.length}`);
  const width = layer.outputs;
  eachRow(net, xs, ys, (r) => {
    const values = net.work.a[layerIndex];
    for (let c = 0; c < cols; c++) out[r * cols + c] = values[c * width + unit];
  });
  return out;
}

/** Runs each grid row (the points (xs[c], ys[r]) for every c) forward as one batch, then calls visit(r). */
function eachRow(net: GridNet, xs: ArrayLike<number>, ys: ArrayLike<number>, visit: (r: number) => void): void {
  const cols = xs.length;
  const work = ensureCapacity(net, cols);
  for (let r = 0; r < ys.length; r++) {
    for (let c = 0; c < cols; c++) {
      work.x[2 * c] = xs[c];
      work.x[2 * c + 1] = ys[r];
    }
    forward(net, cols);
    visit(r);
  }
}

/**
 * Every unit of every layer over the grid, in one pass: result[l] has layer l's units one after
 * another, unit u's map being result[l].subarray(u·n, (u + 1)·n) with n = ys.length · xs.length.
 */
export function gridActivations(net: GridNet, xs: ArrayLike<number>, ys: ArrayLike<number>): Float64Array[] {
  checkGrid(net, xs, ys);
  const cols = xs.length;
  const n = cols * ys.length;
  const maps = net.shapes.map((layer) => new Float64Array(layer.outputs * n));
  eachRow(net, xs, ys, (r) => {
    net.shapes.forEach(({ outputs }, l) => {
      const values = net.work.a[l];
      for (let c = 0; c < cols; c++) {
        for (let u = 0; u < outputs; u++) maps[l][u * n + r * cols + c] = values[c * outputs + u];
      }
    });
  });
  return maps;
}

/** n evenly spaced numbers from `from` to `to`, both included (a grid axis; pass from > to for a top-down y axis). */
export function linspace(from: number, to: number, n: number): Float64Array {
  checkFinite('from', from);
  checkFinite('to', to);
  if (!Number.isInteger(n) || n < 2) throw new Error(`linspace needs an integer n ≥ 2, got ${n}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i === n - 1 ? to : from + ((to - from) * i) / (n - 1);
  return out;
}
