/**
 * Where to put the text labels of chart markers so they overlap neither each other nor the
 * plotted lines: each label tries positions around its point, nearest first, and takes the first
 * that is free (or, when none is, the one that covers the fewest line pieces). Pure geometry in
 * pixels, so it is tested without a canvas.
 */

/** A rectangle in pixels: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A label to place: its anchor point and the size of its text. */
export interface LabelRequest {
  px: number;
  py: number;
  width: number;
  height: number;
}

/** A line piece from (x1, y1) to (x2, y2). */
export type Segment = readonly [number, number, number, number];

/** Gap between a point and its label, and between stacked positions. */
const GAP = 8;

/** Whether two boxes overlap (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether the segment crosses or lies inside the box (Liang–Barsky clipping). */
export function segmentHitsBox(segment: Segment, box: Box): boolean {
  return hits(segment[0], segment[1], segment[2], segment[3], box.x, box.y, box.w, box.h);
}

/**
 * segmentHitsBox on plain numbers: it runs for every segment near every position a label tries,
 * thousands of times a chart, so it allocates nothing.
 */
function hits(x1: number, y1: number, x2: number, y2: number, bx: number, by: number, bw: number, bh: number): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  // the four edges in turn: left, right, top, bottom, each as (p, q) of the clipping test
  for (let edge = 0; edge < 4; edge++) {
    const p = edge === 0 ? -dx : edge === 1 ? dx : edge === 2 ? -dy : dy;
    const q = edge === 0 ? x1 - bx : edge === 1 ? bx + bw - x1 : edge === 2 ? y1 - by : by + bh - y1;
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/** How far from its point a label may go, in pixels, and the grid step of the positions tried. */
const REACH = 160;
const STEP_X = 8;
const STEP_Y = 4;
/** The side of the cells segments are filed in, in pixels. */
const CELL = 24;

/**
 * The indices of a list of distances, nearest first and, among equal distances, in list order,
 * taken one at a time from a binary heap: a label usually finds its place among the first few, so
 * sorting all of them would be wasted.
 */
class NearestFirst {
  private readonly heap: Int32Array;
  private readonly d: readonly number[];
  private size: number;
  constructor(d: readonly number[]) {
    this.d = d;
    this.size = d.length;
    this.heap = Int32Array.from({ length: d.length }, (_, i) => i);
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }
  /** The next index, or -1 when none is left. */
  next(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0];
    this.heap[0] = this.heap[--this.size];
    this.down(0);
    return top;
  }
  private before(a: number, b: number): boolean {
    return this.d[a] < this.d[b] || (this.d[a] === this.d[b] && a < b);
  }
  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) return;
      const c = l + 1 < this.size && this.before(h[l + 1], h[l]) ? l + 1 : l;
      if (!this.before(h[c], h[i])) return;
      [h[c], h[i]] = [h[i], h[c]];
      i = c;
    }
  }
}

/** Distance from (px, py) to the nearest point of a box. */
function distanceTo(box: Box, px: number, py: number): number {
  const dx = Math.max(box.x - px, 0, px - (box.x + box.w));
  const dy = Math.max(box.y - py, 0, py - (box.y + box.h));
  return Math.hypot(dx, dy);
}

/**
 * A box for each label, inside `area`, avoiding the boxes already placed, the labels' points and
 * the line segments (drawn `clearance` pixels either side of their centres). Labels are placed in
 * the order given. Each tries a grid of positions within REACH of its point and takes the one that
 * covers the fewest segments, then the nearest; a label never sits nearer another label's point
 * than its own, so it cannot be read as that one's.
 */
export function placeLabels(requests: readonly LabelRequest[], area: Box, segments: readonly Segment[], clearance = 0): Box[] {
  const placed: Box[] = [];
  const points: Box[] = requests.map((r) => ({ x: r.px - 6, y: r.py - 6, w: 12, h: 12 }));
  for (const [index, req] of requests.entries()) {
    const { px, py, width: w, height: h } = req;
    // Only the segments whose bounding box comes within reach of this label (with the clearance),
    // each filed in the cells of a coarse grid over that region that its box touches: a position
    // then looks only at the segments filed in its own cells.
    const region: Box = { x: px - w - REACH - clearance, y: py - h - REACH - clearance, w: 2 * (w + REACH + clearance), h: 2 * (h + REACH + clearance) };
    const near: Segment[] = [];
    const boundsOf: number[] = [];
    for (const s of segments) {
      const x0 = Math.min(s[0], s[2]);
      const x1 = Math.max(s[0], s[2]);
      const y0 = Math.min(s[1], s[3]);
      const y1 = Math.max(s[1], s[3]);
      if (x1 < region.x || x0 > region.x + region.w || y1 < region.y || y0 > region.y + region.h) continue;
      near.push(s);
      boundsOf.push(x0, x1, y0, y1);
    }
    const bounds = Float64Array.from(boundsOf);
    const cols = Math.max(1, Math.ceil(region.w / CELL));
    const rows = Math.max(1, Math.ceil(region.h / CELL));
    const col = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - region.x) / CELL)));
    const row = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - region.y) / CELL)));
    // the cells as one list: cell i's segments are filed[start[i]] to filed[start[i + 1] - 1]
    const start = new Int32Array(cols * rows + 1);
    // each segment's first and last column and row, counted, then filed
    const span = new Int32Array(4 * near.length);
    for (let n = 0; n < near.length; n++) {
      const c0 = (span[4 * n] = col(bounds[4 * n]));
      const c1 = (span[4 * n + 1] = col(bounds[4 * n + 1]));
      const r0 = (span[4 * n + 2] = row(bounds[4 * n + 2]));
      const r1 = (span[4 * n + 3] = row(bounds[4 * n + 3]));
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) start[r * cols + c + 1]++;
    }
    for (let i = 0; i < cols * rows; i++) start[i + 1] += start[i];
    const filed = new Int32Array(start[cols * rows]);
    const fill = start.slice(0, cols * rows);
    for (let n = 0; n < near.length; n++) {
      for (let r = span[4 * n + 2]; r <= span[4 * n + 3]; r++) for (let c = span[4 * n]; c <= span[4 * n + 1]; c++) filed[fill[r * cols + c]++] = n;
    }
    // the last position that counted each segment, so a segment filed in two cells counts once
    const seen = new Int32Array(near.length).fill(-1);
    // The positions of the grid, in the order the rows and columns are walked, that lie within
    // reach and inside the area; then tried nearest first (the walk's order among equals), so the
    // search stops at the first free one: nothing further can beat it.
    const xs: number[] = [];
    const ys: number[] = [];
    const ds: number[] = [];
    const near2 = (GAP - 2) ** 2 * (1 - 1e-9);
    const far2 = REACH ** 2 * (1 + 1e-9);
    for (let y = py - h - REACH; y <= py + REACH; y += STEP_Y) {
      if (y < area.y || y + h > area.y + area.h) continue;
      const dy = Math.max(y - py, 0, py - (y + h));
      for (let x = px - w - REACH; x <= px + REACH; x += STEP_X) {
        if (x < area.x || x + w > area.x + area.w) continue;
        const dx = Math.max(x - px, 0, px - (x + w));
        // plainly too near or too far (squared, with a margin), before the exact distance
        const d2 = dx * dx + dy * dy;
        if (d2 < near2 || d2 > far2) continue;
        const distance = Math.hypot(dx, dy);
        if (distance < GAP - 2 || distance > REACH) continue;
        xs.push(x);
        ys.push(y);
        ds.push(distance);
      }
    }
    const nearest = new NearestFirst(ds);
    let best: Box | null = null;
    let bestScore = Infinity;
    for (let k = nearest.next(); k >= 0; k = nearest.next()) {
      const distance = ds[k];
      if (distance >= bestScore) break;
      const box = { x: xs[k], y: ys[k], w, h };
      if (placed.some((p) => boxesOverlap(p, box)) || points.some((p) => boxesOverlap(p, box))) continue;
      if (requests.some((r, j) => j !== index && distanceTo(box, r.px, r.py) < distance)) continue;
      // a line is drawn `clearance` pixels either side of its centre
      const bx = box.x - clearance;
      const by = box.y - clearance;
      const bw = w + 2 * clearance;
      const bh = h + 2 * clearance;
      // counting stops once this position cannot win any more
      const enough = Math.ceil((bestScore - distance) / 10_000);
      let covered = 0;
      count: for (let r = row(by); r <= row(by + bh); r++) {
        for (let c = col(bx); c <= col(bx + bw); c++) {
          for (let i = start[r * cols + c], end = start[r * cols + c + 1]; i < end; i++) {
            const n = filed[i];
            if (seen[n] === k) continue;
            seen[n] = k;
            if (bounds[4 * n + 1] < bx || bounds[4 * n] > bx + bw || bounds[4 * n + 3] < by || bounds[4 * n + 2] > by + bh) continue;
            const s = near[n];
            if (hits(s[0], s[1], s[2], s[3], bx, by, bw, bh) && ++covered >= enough) break count;
          }
        }
      }
      // a free place always beats a covered one; among equals the nearer one wins
      const score = covered * 10_000 + distance;
      if (score < bestScore) {
        bestScore = score;
        best = box;
      }
    }
    // nowhere inside the chart at all: beside the point, clamped into the area
    const box = best ?? {
      x: Math.min(Math.max(px + GAP, area.x), area.x + area.w - w),
      y: Math.min(Math.max(py - GAP - h, area.y), area.y + area.h - h),
      w,
      h,
    };
    placed.push(box);
  }
  return placed;
}
