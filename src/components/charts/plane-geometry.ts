/**
 * Geometry for PlanePlot: the part of a rectangle on one side of a line w1·x + w2·y + b = 0, the
 * line's visible segment, and round tick values. Data coordinates in, data coordinates out.
 */
import type { Extent } from './types.ts';

/** A labelled point of the plane; `label` 1 is drawn as a blue circle, 0 as an orange square. */
export interface PlanePoint {
  x: number;
  y: number;
  label: 0 | 1;
  /** Text beside the point, e.g. "(0, 1)". */
  name?: string;
  /** Marked with a dashed ring in the danger colour (misclassified). */
  wrong?: boolean;
  /** Marked with a solid ring (the sample just visited). */
  current?: boolean;
}

/** The line w1·x + w2·y + b = 0. */
export interface PlaneLine {
  w1: number;
  w2: number;
  b: number;
  /** A CSS colour or variable name; default --nn-text. */
  color?: string;
  dashed?: boolean;
  /** Shade the side where w1·x + w2·y + b > 0 in the class-1 tint and the rest in the class-0 tint. */
  shade?: boolean;
  /** Draw the weight vector (w1, w2) as an arrow from the line towards its positive side. */
  normal?: boolean;
}

/** How long a finger must rest on an interactive plot before it drags (ms); a finger that moves sooner scrolls the page. */
export const TOUCH_HOLD_MS = 400;
/** How far (CSS px) a finger may wander during the hold and still count as resting. */
export const TOUCH_SLOP_PX = 10;

/** A point [x, y]. */
export type Pt = [number, number];

/**
 * The part of the rectangle where w1·x + w2·y + b has the given sign (`positive`: > 0, else ≤ 0),
 * as a polygon (one pass of Sutherland–Hodgman clipping). Empty when that side misses the rectangle.
 */
export function clipHalfPlane(extent: Extent, line: Pick<PlaneLine, 'w1' | 'w2' | 'b'>, positive: boolean): Pt[] {
  const { xMin, xMax, yMin, yMax } = extent;
  const corners: Pt[] = [
    [xMin, yMin],
    [xMax, yMin],
    [xMax, yMax],
    [xMin, yMax],
  ];
  const f = ([x, y]: Pt) => (positive ? 1 : -1) * (line.w1 * x + line.w2 * y + line.b);
  const out: Pt[] = [];
  for (let i = 0; i < corners.length; i++) {
    const a = corners[i];
    const c = corners[(i + 1) % corners.length];
    const fa = f(a);
    const fc = f(c);
    if (fa >= 0) out.push(a);
    if ((fa > 0 && fc < 0) || (fa < 0 && fc > 0)) {
      const s = fa / (fa - fc);
      out.push([a[0] + s * (c[0] - a[0]), a[1] + s * (c[1] - a[1])]);
    }
  }
  return out.length >= 3 ? out : [];
}

/** The two ends of the line's visible part inside the rectangle, or null when it misses it. */
export function clipLine(extent: Extent, line: Pick<PlaneLine, 'w1' | 'w2' | 'b'>): [Pt, Pt] | null {
  const { w1, w2, b } = line;
  if (w1 === 0 && w2 === 0) return null;
  const { xMin, xMax, yMin, yMax } = extent;
  const hits: Pt[] = [];
  const add = (p: Pt) => {
    const inside = p[0] >= xMin - 1e-9 && p[0] <= xMax + 1e-9 && p[1] >= yMin - 1e-9 && p[1] <= yMax + 1e-9;
    if (inside && !hits.some((h) => Math.abs(h[0] - p[0]) < 1e-9 && Math.abs(h[1] - p[1]) < 1e-9)) hits.push(p);
  };
  if (w2 !== 0) {
    add([xMin, -(w1 * xMin + b) / w2]);
    add([xMax, -(w1 * xMax + b) / w2]);
  }
  if (w1 !== 0) {
    add([-(w2 * yMin + b) / w1, yMin]);
    add([-(w2 * yMax + b) / w1, yMax]);
  }
  return hits.length >= 2 ? [hits[0], hits[1]] : null;
}

/** Evenly spaced round tick values covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9; v += step) {
    ticks.push(Number(v.toFixed(10)) + 0);
  }
  return ticks;
}
