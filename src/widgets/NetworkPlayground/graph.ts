/**
 * The geometry of the network drawing: where each unit sits, the segment of every weight, the
 * handle of every bias, the stroke a weight gets from its value, and which item a pointer is on.
 * Pure arithmetic on pixel coordinates, so it is tested without a browser.
 */

/** A unit's place: column (0 = inputs), row within the column, and its centre in pixels. */
export interface GraphNode {
  column: number;
  row: number;
  x: number;
  y: number;
}

/** One parameter as drawn: a weight (a segment between two units) or a bias (a small square). */
export interface GraphItem {
  kind: 'weight' | 'bias';
  /** The layer the parameter belongs to: 0 is the first hidden layer (between columns 0 and 1). */
  layer: number;
  /** The receiving unit within the layer. */
  unit: number;
  /** For a weight: the sending unit in the previous column; -1 for a bias. */
  from: number;
  /** Position of the value in the network's flat parameter array. */
  index: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  /** Side of a unit's square (its output map), in pixels: the smallest of `columnSizes`. */
  nodeSize: number;
  /** Side of the units' squares column by column (a tall column gets smaller ones). */
  columnSizes: number[];
  /** Side of a bias handle. */
  biasSize: number;
  /** Units per column, inputs first. */
  columns: GraphNode[][];
  /** Every parameter in keyboard order: layer by layer, unit by unit, its weights then its bias. */
  items: GraphItem[];
}

/** Where one layer's parameters sit in the flat array (as the engine's `net.layers` gives them). */
export interface LayerOffsets {
  inputs: number;
  outputs: number;
  weightOffset: number;
  biasOffset: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** About the tallest the drawing grows (px): a column of many units gets smaller units instead. */
export const MAX_GRAPH_HEIGHT = 560;

/** The offsets of a dense network with these layer sizes (torch's layout: W row-major, then b, per layer). */
export function layerOffsets(sizes: readonly number[]): LayerOffsets[] {
  const out: LayerOffsets[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l];
    const outputs = sizes[l + 1];
    out.push({ inputs, outputs, weightOffset: offset, biasOffset: offset + inputs * outputs });
    offset += inputs * outputs + outputs;
  }
  return out;
}

/** Lays out a network of `sizes` (inputs first) in a box `width` pixels wide; the height follows. */
export function layoutGraph(sizes: readonly number[], width: number): GraphLayout {
  const w = Number.isFinite(width) && width > 0 ? width : 320;
  const count = sizes.length;
  // The unit size follows the gap between columns, within 16–40 px; a tall column (wide layers,
  // up to 64 units) shrinks its units so the drawing stays within about MAX_GRAPH_HEIGHT.
  const baseSize = clamp(Math.floor((w / Math.max(2, count)) * 0.5), 16, 40);
  const baseGap = baseSize + Math.max(8, Math.round(baseSize * 0.35));
  const gaps = sizes.map((n) => (n * baseGap > MAX_GRAPH_HEIGHT ? Math.max(7, Math.floor(MAX_GRAPH_HEIGHT / n)) : baseGap));
  const columnSizes = gaps.map((gap) => (gap === baseGap ? baseSize : Math.max(5, Math.min(baseSize, Math.round(gap * 0.72)))));
  const nodeSize = Math.min(...columnSizes);
  const biasSize = clamp(Math.round(nodeSize * 0.32), nodeSize < 16 ? 3 : 6, 10);
  const pad = Math.max(...columnSizes) / 2 + biasSize;
  const top = biasSize;
  const spans = sizes.map((n, c) => n * gaps[c] - (gaps[c] - columnSizes[c]));
  const height = Math.round(top * 2 + Math.max(...spans));
  const span = w - 2 * pad;
  const columns = sizes.map((n, c) => {
    const x = count > 1 ? pad + (span * c) / (count - 1) : w / 2;
    const y0 = (height - spans[c]) / 2 + columnSizes[c] / 2;
    return Array.from({ length: n }, (_, row) => ({ column: c, row, x, y: y0 + row * gaps[c] }));
  });
  const items: GraphItem[] = [];
  const offsets = layerOffsets(sizes);
  offsets.forEach((layer, l) => {
    const from = columns[l];
    const to = columns[l + 1];
    for (let j = 0; j < layer.outputs; j++) {
      const target = to[j];
      for (let k = 0; k < layer.inputs; k++) {
        const source = from[k];
        items.push({
          kind: 'weight',
          layer: l,
          unit: j,
          from: k,
          index: layer.weightOffset + j * layer.inputs + k,
          x1: source.x + columnSizes[l] / 2,
          y1: source.y,
          x2: target.x - columnSizes[l + 1] / 2,
          y2: target.y,
        });
      }
      // The bias handle sits on the unit's lower-left corner.
      const bx = target.x - columnSizes[l + 1] / 2;
      const by = target.y + columnSizes[l + 1] / 2;
      items.push({ kind: 'bias', layer: l, unit: j, from: -1, index: layer.biasOffset + j, x1: bx, y1: by, x2: bx, y2: by });
    }
  });
  return { width: w, height, nodeSize, columnSizes, biasSize, columns, items };
}

/** Stroke width of a weight: 0.6 px at zero, growing with |w| up to 4.5 px at |w| ≥ 3. */
export function edgeWidth(value: number): number {
  if (!Number.isFinite(value)) return 0.6;
  return 0.6 + Math.min(Math.abs(value), 3) * 1.3;
}

/** Opacity of a weight or bias: faint near zero, solid from |v| ≥ 1.5. */
export function edgeOpacity(value: number): number {
  if (!Number.isFinite(value)) return 0.3;
  return 0.3 + 0.7 * Math.min(1, Math.abs(value) / 1.5);
}

/** Sign of a parameter for colouring: 1 positive, -1 negative, 0 zero (or not a number). */
export function signOf(value: number): 1 | -1 | 0 {
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

/** Distance from (px, py) to the segment (x1, y1)–(x2, y2). */
export function segmentDistance(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? clamp(((px - x1) * dx + (py - y1) * dy) / length2, 0, 1) : 0;
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/**
 * The position in `items` of the parameter nearest to (px, py) within `reach` pixels, or -1.
 * A bias handle wins over a weight passing under it.
 */
export function nearestItem(layout: GraphLayout, px: number, py: number, reach = 8): number {
  let best = -1;
  let bestDistance = reach;
  layout.items.forEach((item, i) => {
    const d =
      item.kind === 'bias'
        ? Math.max(0, Math.max(Math.abs(px - item.x1), Math.abs(py - item.y1)) - layout.biasSize / 2) - 0.01
        : segmentDistance(px, py, item.x1, item.y1, item.x2, item.y2);
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** The keyboard's next position in `items` for a key, or null when the key is not a navigation key. */
export function moveSelection(layout: GraphLayout, current: number, key: string): number | null {
  const n = layout.items.length;
  if (n === 0) return null;
  const at = current >= 0 && current < n ? current : -1;
  const layerStart = (layer: number) => layout.items.findIndex((item) => item.layer === layer);
  const lastLayer = layout.items[n - 1].layer;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return at < 0 ? 0 : Math.min(n - 1, at + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return at < 0 ? 0 : Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    case 'PageDown': {
      const layer = at < 0 ? -1 : layout.items[at].layer;
      return layer >= lastLayer ? layerStart(lastLayer) : layerStart(layer + 1);
    }
    case 'PageUp': {
      const layer = at < 0 ? 0 : layout.items[at].layer;
      return layerStart(Math.max(0, layer - 1));
    }
    default:
      return null;
  }
}
