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
export function segmentHitsBox([x1, y1, x2, y2]: Segment, box: Box): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x1 - box.x],
    [dx, box.x + box.w - x1],
    [-dy, y1 - box.y],
    [dy, box.y + box.h - y1],
  ];
  for (const [p, q] of edges) {
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
  const inside = (b: Box) => b.x >= area.x && b.y >= area.y && b.x + b.w <= area.x + area.w && b.y + b.h <= area.y + area.h;
  for (const [index, req] of requests.entries()) {
    const { px, py, width: w, height: h } = req;
    // only the segments that come near this label's reach
    const region: Box = { x: px - w - REACH, y: py - h - REACH, w: 2 * (w + REACH), h: 2 * (h + REACH) };
    const near = segments.filter((s) => segmentHitsBox(s, region));
    let best: Box | null = null;
    let bestScore = Infinity;
    for (let y = py - h - REACH; y <= py + REACH; y += STEP_Y) {
      for (let x = px - w - REACH; x <= px + REACH; x += STEP_X) {
        const box = { x, y, w, h };
        const distance = distanceTo(box, px, py);
        if (distance < GAP - 2 || distance > REACH || !inside(box)) continue;
        if (distance >= bestScore) continue;
        if (placed.some((p) => boxesOverlap(p, box)) || points.some((p) => boxesOverlap(p, box))) continue;
        if (requests.some((r, j) => j !== index && distanceTo(box, r.px, r.py) < distance)) continue;
        let hits = 0;
        // a line is drawn `clearance` pixels either side of its centre
        const padded = { x: x - clearance, y: y - clearance, w: w + 2 * clearance, h: h + 2 * clearance };
        for (const s of near) if (segmentHitsBox(s, padded)) hits++;
        // a free place always beats a covered one; among equals the nearer one wins
        const score = hits * 10_000 + distance;
        if (score < bestScore) {
          bestScore = score;
          best = box;
        }
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
