/**
 * Text alternatives for charts: a sentence per series (point count, ranges, last point), read by
 * screen readers in place of the picture. Pure functions.
 */
import { t } from '../../i18n/index.ts';
import { formatNumber as f } from './format.ts';

/** A point as charts receive it. */
export interface Point {
  x: number;
  y: number;
}

/** The points that can be drawn: both coordinates finite, and y > 0 on a log axis. */
export function drawablePoints(points: readonly Point[], logY = false): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const x = +p.x;
    const y = +p.y;
    if (Number.isFinite(x) && Number.isFinite(y) && (!logY || y > 0)) out.push({ x, y });
  }
  return out;
}

/** One sentence describing a series, e.g. "Loss: 200 points, x from 0 to 199, y from 0.01 to 0.69, last (199, 0.01)." */
export function describeSeries(label: string, points: readonly Point[]): string {
  if (points.length === 0) return t('chart.summary.empty', { label });
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    if (p.x < x0) x0 = p.x;
    if (p.x > x1) x1 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.y > y1) y1 = p.y;
  }
  const last = points[points.length - 1];
  return t('chart.summary.series', {
    label,
    n: points.length,
    x0: f(x0),
    x1: f(x1),
    y0: f(y0),
    y1: f(y1),
    lx: f(last.x),
    ly: f(last.y),
  });
}

/** One sentence per labelled marker: "Maximum of f′ at (0, 0.25)." */
export function describeMarkers(markers: readonly (Point & { label: string })[]): string {
  return markers
    .filter((m) => Number.isFinite(m.x) && Number.isFinite(m.y))
    .map((m) => t('chart.summary.marker', { label: m.label, x: f(m.x), y: f(m.y) }))
    .join(' ');
}
