/**
 * The pure parts of drawing a chart, kept apart from the canvas so they are tested without one:
 * the range an axis shows, its ticks and which of them get a label, the sizes of the axes and
 * where the plot goes (`chartLayout`), where the legend entries go, and which point a pointer is
 * nearest to. No loop here runs longer than its input.
 */
import { formatNumber } from './format.ts';
import type { XY } from './types.ts';

/** A finite [lo, hi] range with lo < hi (and lo > 0 on a log axis), or undefined. */
export function cleanRange(range: readonly [number, number] | undefined, log: boolean): [number, number] | undefined {
  if (!range) return undefined;
  const [lo, hi] = range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo >= hi) return undefined;
  if (log && lo <= 0) return undefined;
  return [lo, hi];
}

/** The step between ticks near `span / 5`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(span: number): number {
  const rough = span / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const unit = rough / power;
  return (unit < 1.5 ? 1 : unit < 2.25 ? 2 : unit < 3.5 ? 2.5 : unit < 7.5 ? 5 : 10) * power;
}

/**
 * The ticks of a linear axis from `lo` to `hi`: every multiple of the axis's step in the range
 * (so a range from niceRange starts and ends on a tick), at most 100 of them; the two ends alone
 * when the range is too small or too odd to step through.
 */
export function linearTicks(lo: number, hi: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) return [];
  const step = niceStep(hi - lo);
  const first = Math.ceil(lo / step - 1e-9);
  const count = Math.floor(hi / step + 1e-9) - first;
  if (!(step > 0) || !Number.isFinite(count) || count < 0 || count > 100) return [lo, hi];
  const ticks: number[] = [];
  for (let i = 0; i <= count; i++) {
    const v = (first + i) * step;
    // 0.1 + 0.2 style noise: round to the step's own decimals
    const digits = Math.max(0, Math.min(20, -Math.floor(Math.log10(step)) + 2));
    ticks.push(Number(v.toFixed(digits)));
  }
  return ticks;
}

/**
 * The range an axis shows for data from `min` to `max` (null when there is none): the data
 * widened to whole ticks, whole decades on a log axis. A single value gets a range around it; no
 * data, or data that cannot be drawn, gets 0…1 (1…10 on a log axis).
 */
export function niceRange(min: number | null, max: number | null, log: boolean): [number, number] {
  if (log) {
    if (min === null || max === null || !(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [1, 10];
    const lo = 10 ** Math.floor(Math.log10(min) + 1e-9);
    let hi = 10 ** Math.ceil(Math.log10(max) - 1e-9);
    if (!(hi > lo)) hi = lo * 10;
    return Number.isFinite(lo) && Number.isFinite(hi) && lo > 0 ? [lo, hi] : [1, 10];
  }
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return [min - pad, max + pad];
  }
  const step = niceStep(max - min);
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  // Steps below what a double resolves at this size would make lo and hi collapse into one.
  return Number.isFinite(lo) && Number.isFinite(hi) && hi > lo ? [lo, hi] : [min, max];
}

/**
 * The ticks of a log axis from `lo` to `hi` with room for about `room` of them: from three decades
 * up, powers of ten (every second, third… decade when they would crowd); from one decade, 1, 2 and
 * 5 times the powers of ten; under a decade, 1 to 9 times them, and the ends when none falls inside.
 */
export function logTicks(lo: number, hi: number, room: number): number[] {
  if (!(lo > 0) || !(hi > lo) || !Number.isFinite(hi)) return [];
  const decades = Math.log10(hi / lo);
  const first = Math.floor(Math.log10(lo) + 1e-9);
  const last = Math.ceil(Math.log10(hi) - 1e-9);
  const inside = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  const ticks: number[] = [];
  if (decades >= 3) {
    const stride = Math.max(1, Math.ceil((decades + 1) / Math.max(2, room)));
    for (let k = first; k <= last; k++) if (k % stride === 0 && inside(10 ** k)) ticks.push(Number((10 ** k).toPrecision(12)));
    return ticks;
  }
  const mantissas = decades >= 1 ? [1, 2, 5] : [1, 2, 3, 4, 5, 6, 7, 8, 9];
  for (let k = first; k <= last; k++) {
    for (const m of mantissas) {
      const v = Number((m * 10 ** k).toPrecision(12));
      if (inside(v)) ticks.push(v);
    }
  }
  return ticks.length >= 2 ? ticks : [lo, hi];
}

/**
 * The labels of the ticks on a log axis from `min` to `max`: powers of ten when the axis spans 3+
 * decades, else also 2 and 5; under a decade (which may hold no 1, 2 or 5 at all), every tick at
 * least a fifth of the axis above the last one labelled. Unlabelled ticks get ''.
 */
export function logTickLabels(values: readonly number[], min: number, max: number): string[] {
  const decades = Math.log10(max / min);
  let last = -Infinity;
  return values.map((value) => {
    if (!(value > 0)) return '';
    if (!(decades >= 1)) {
      const at = Math.log10(value);
      if (at - last < decades / 5) return '';
      last = at;
      return formatNumber(value);
    }
    const exponent = Math.floor(Math.log10(value) + 1e-9);
    const mantissa = Math.round(value / 10 ** exponent);
    const keep = decades >= 3 ? mantissa === 1 : mantissa === 1 || mantissa === 2 || mantissa === 5;
    return keep ? formatNumber(value) : '';
  });
}

/** Where one legend entry goes: its left edge and its row. */
export interface LegendSpot {
  x: number;
  row: number;
}

/** Sizes of the legend, in CSS pixels. */
export const LEGEND = { swatch: 24, gap: 6, spacing: 14, rowHeight: 20, pad: 4 };

/**
 * Lays legend entries out left to right in rows no wider than `width`; returns each entry's spot
 * and the height the legend takes (0 with no entries). `widths` are the widths of the names.
 */
export function legendLayout(widths: readonly number[], width: number): { spots: LegendSpot[]; height: number } {
  if (widths.length === 0) return { spots: [], height: 0 };
  const spots: LegendSpot[] = [];
  let x = 0;
  let row = 0;
  for (const w of widths) {
    const full = LEGEND.swatch + LEGEND.gap + w;
    if (x > 0 && x + full > width) {
      x = 0;
      row++;
    }
    spots.push({ x, row });
    x += full + LEGEND.spacing;
  }
  return { spots, height: (row + 1) * LEGEND.rowHeight + LEGEND.pad * 2 };
}

/** A point found under the pointer: which series, which point, and its distance in pixels. */
export interface NearestPoint {
  series: number;
  index: number;
  distance: number;
}

/**
 * The drawn point nearest to the pointer at (`px`, `py`), given each series' points already in
 * pixels (`xs[i][k]`, `ys[i][k]`); null when there is none within `radius` pixels.
 */
export function nearestPoint(
  xs: readonly (readonly number[])[],
  ys: readonly (readonly number[])[],
  px: number,
  py: number,
  radius = Infinity,
): NearestPoint | null {
  let best: NearestPoint | null = null;
  for (let s = 0; s < xs.length; s++) {
    const sx = xs[s];
    const sy = ys[s];
    for (let k = 0; k < sx.length; k++) {
      const d = Math.hypot(sx[k] - px, sy[k] - py);
      if (Number.isFinite(d) && d <= radius && (best === null || d < best.distance)) best = { series: s, index: k, distance: d };
    }
  }
  return best;
}

/** One axis as laid out: the range it shows, its ticks and their labels ('' for an unlabelled tick), and its mapping. */
export interface AxisLayout {
  min: number;
  max: number;
  log: boolean;
  ticks: number[];
  labels: string[];
  /** CSS pixels from the canvas's left (x) or top (y) edge; NaN for a value the axis cannot show (≤ 0 on a log axis). */
  toPx(value: number): number;
  /** The value at a pixel (the inverse of toPx). */
  toVal(px: number): number;
}

/** A chart as laid out, in CSS pixels: its size, the plot's box and the two axes. */
export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  x: AxisLayout;
  y: AxisLayout;
}

export interface LayoutInput {
  width: number;
  height: number;
  x: { label: string; log?: boolean; range?: [number, number] };
  y: { label: string; log?: boolean; range?: [number, number] };
  /** Each series' points: the axes fit them unless a range is given. */
  series: readonly (readonly XY[])[];
  /** Space above the plot (the legend, a band for marker labels). */
  top: number;
  /** Font size of the axis titles. */
  titleSize: number;
  /** The width of a tick label in the tick font. */
  measure: (text: string) => number;
}

/** Sizes around the plot, in CSS pixels: tick length, the gap before a tick label, the x labels' row, the right margin. */
export const AXIS = { tick: 4, gap: 4, xLabels: 22, right: 12 };

/** The smallest and largest drawable value of one coordinate over every series (positive only on a log axis), or nulls. */
function extent(series: readonly (readonly XY[])[], key: 'x' | 'y', log: boolean): [number | null, number | null] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const points of series) {
    for (const p of points) {
      const v = p[key];
      if (!Number.isFinite(v) || (log && !(v > 0))) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [null, null];
}

function axisLayout(
  input: LayoutInput['x'],
  series: LayoutInput['series'],
  key: 'x' | 'y',
  length: number,
): Omit<AxisLayout, 'toPx' | 'toVal'> & { fraction: (v: number) => number; value: (f: number) => number } {
  const log = !!input.log;
  const [min, max] = cleanRange(input.range, log) ?? niceRange(...extent(series, key, log), log);
  const ticks = log ? logTicks(min, max, Math.floor(length / (key === 'x' ? 64 : 24))) : linearTicks(min, max);
  const labels = log ? logTickLabels(ticks, min, max) : ticks.map((v) => formatNumber(v));
  const lo = log ? Math.log10(min) : min;
  const span = (log ? Math.log10(max) : max) - lo;
  const fraction = (v: number) => ((log ? (v > 0 ? Math.log10(v) : NaN) : v) - lo) / span;
  const value = (f: number) => (log ? 10 ** (lo + f * span) : lo + f * span);
  return { min, max, log, ticks, labels, fraction, value };
}

/**
 * Where everything goes on a chart of `width` × `height` CSS pixels: the y axis's tick labels set
 * the width on the left (plus the axis title's band), the x axis's row and title the height below,
 * `top` the space above; the plot takes the rest. Log ticks thin out to the room they have.
 */
export function chartLayout(input: LayoutInput): ChartLayout {
  const width = Math.max(1, Math.round(input.width));
  const height = Math.max(1, Math.round(input.height));
  const band = (label: string) => (label === '' ? 0 : input.titleSize + 8);
  const top = Math.max(0, input.top);
  const plotHeight = Math.max(1, height - top - AXIS.xLabels - band(input.x.label));
  const y = axisLayout(input.y, input.series, 'y', plotHeight);
  const yLabels = Math.ceil(Math.max(16, ...y.labels.map((t) => (t === '' ? 0 : input.measure(t)))));
  const left = band(input.y.label) + yLabels + AXIS.gap + AXIS.tick + 2;
  const plotWidth = Math.max(1, width - left - AXIS.right);
  const x = axisLayout(input.x, input.series, 'x', plotWidth);
  const { fraction: fx, value: vx, ...xAxis } = x;
  const { fraction: fy, value: vy, ...yAxis } = y;
  return {
    width,
    height,
    plot: { left, top, width: plotWidth, height: plotHeight },
    x: { ...xAxis, toPx: (v) => left + fx(v) * plotWidth, toVal: (px) => vx((px - left) / plotWidth) },
    y: { ...yAxis, toPx: (v) => top + (1 - fy(v)) * plotHeight, toVal: (py) => vy(1 - (py - top) / plotHeight) },
  };
}
