/**
 * Where the stepper's graph puts things: one column per layer (inputs, hidden units, outputs),
 * then a loss node, in a fixed coordinate box the SVG scales. Pure data, so it is tested alone.
 */

/** The drawing's coordinate box (the SVG viewBox is 0 0 WIDTH height). */
export const WIDTH = 800;
export const UNIT_W = 112;
export const UNIT_H = 64;
export const INPUT_W = 72;
export const INPUT_H = 40;
export const LOSS_W = 104;
export const LOSS_H = 56;
const ROW_GAP = 190;
const TOP = 56;

/** A box in the drawing: an input x, a unit (l ≥ 1), the loss. Centre (x, y), size (w, h). */
export interface NodeBox {
  readonly id: string;
  readonly kind: 'input' | 'unit' | 'loss';
  readonly l: number;
  readonly j: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The connection of weight w⁽ˡ⁾ⱼₖ, from the right edge of unit k of layer l − 1 to the left edge of unit j of layer l. */
export interface EdgeLine {
  readonly id: string;
  readonly l: number;
  readonly j: number;
  readonly k: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** Where the edge's label sits (its weight, and later its gradient): a point on the edge. */
  readonly labelX: number;
  readonly labelY: number;
}

/** The whole drawing. */
export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly NodeBox[];
  readonly edges: readonly EdgeLine[];
  /** The line from each output unit to the loss node. */
  readonly lossEdges: readonly { id: string; j: number; x1: number; y1: number; x2: number; y2: number }[];
}

/** Column centres: inputs, each layer, the loss, spread over the width. */
function columns(layers: number): number[] {
  const first = INPUT_W / 2 + 8;
  const last = WIDTH - LOSS_W / 2 - 8;
  const step = (last - first) / (layers + 1);
  return Array.from({ length: layers + 2 }, (_, i) => first + i * step);
}

/** The layout of a network with these sizes (inputs first, e.g. [2, 2, 1]). */
export function graphLayout(sizes: readonly number[]): GraphLayout {
  if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1 || s > 4)) {
    throw new Error(`the graph draws 1 to 4 units a layer, got ${JSON.stringify(sizes)}`);
  }
  const tallest = Math.max(...sizes);
  const height = TOP + (tallest - 1) * ROW_GAP + UNIT_H / 2 + 56;
  const mid = TOP + ((tallest - 1) * ROW_GAP) / 2;
  const cols = columns(sizes.length - 1);
  const rowY = (count: number, j: number) => mid + (j - (count - 1) / 2) * ROW_GAP;
  const nodes: NodeBox[] = [];
  sizes.forEach((count, l) => {
    for (let j = 0; j < count; j++) {
      const input = l === 0;
      nodes.push({
        id: input ? `x${j}` : `u${l}-${j}`, kind: input ? 'input' : 'unit', l, j,
        x: cols[l], y: rowY(count, j), w: input ? INPUT_W : UNIT_W, h: input ? INPUT_H : UNIT_H,
      });
    }
  });
  const lossNode: NodeBox = { id: 'loss', kind: 'loss', l: sizes.length, j: 0, x: cols[sizes.length], y: mid, w: LOSS_W, h: LOSS_H };
  nodes.push(lossNode);
  const at = (l: number, j: number) => nodes.find((n) => n.l === l && n.j === j && n.kind !== 'loss') as NodeBox;
  const edges: EdgeLine[] = [];
  for (let l = 1; l < sizes.length; l++) {
    for (let j = 0; j < sizes[l]; j++) {
      for (let k = 0; k < sizes[l - 1]; k++) {
        const from = at(l - 1, k);
        const to = at(l, j);
        const x1 = from.x + from.w / 2;
        const x2 = to.x - to.w / 2;
        const y1 = from.y;
        const y2 = to.y;
        // into a layer of one unit the labels sit midway; between two layers of units, 65% of the way,
        // where the edges into each unit are a third of a row apart and their labels cannot meet
        const t = sizes[l - 1] === 1 || sizes[l] === 1 ? 0.5 : 0.65;
        edges.push({ id: `w${l}-${j}-${k}`, l, j, k, x1, y1, x2, y2, labelX: x1 + t * (x2 - x1), labelY: y1 + t * (y2 - y1) });
      }
    }
  }
  const last = sizes.length - 1;
  const lossEdges = Array.from({ length: sizes[last] }, (_, j) => {
    const from = at(last, j);
    return { id: `l${j}`, j, x1: from.x + from.w / 2, y1: from.y, x2: lossNode.x - lossNode.w / 2, y2: lossNode.y };
  });
  return { width: WIDTH, height, nodes, edges, lossEdges };
}
