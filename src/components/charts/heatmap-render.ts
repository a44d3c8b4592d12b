/**
 * The arithmetic behind the Heatmap component, kept apart from the DOM so it is unit-tested:
 * colour lookup tables, filling an RGBA pixel buffer from a grid of values, the sample points of
 * a grid, clipping a line to the plotted rectangle, and the shares of a decision region.
 */
import { mix, parseColor, type RGBA } from './color.ts';
import type { Palette } from './theme.ts';
import type { Extent } from './types.ts';

/** Number of entries in a colour lookup table. */
export const LUT_SIZE = 256;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A colour packed into one 32-bit word in the byte order of ImageData (R, G, B, A in memory). */
export function packRGBA([r, g, b, a]: RGBA): number {
  const alpha = Math.round(a * 255);
  return LITTLE_ENDIAN
    ? ((alpha << 24) | (b << 16) | (g << 8) | r) >>> 0
    : ((r << 24) | (g << 16) | (b << 8) | alpha) >>> 0;
}

/**
 * A lookup table of LUT_SIZE packed colours running through `stops` (evenly spaced, at least two),
 * so a value's colour is one array read instead of a mix per pixel.
 */
export function buildLut(stops: readonly RGBA[]): Uint32Array {
  if (stops.length < 2) throw new Error(`buildLut: needs at least 2 colour stops, got ${stops.length}`);
  const lut = new Uint32Array(LUT_SIZE);
  const segments = stops.length - 1;
  for (let i = 0; i < LUT_SIZE; i++) {
    const t = (i / (LUT_SIZE - 1)) * segments;
    const k = Math.min(segments - 1, Math.floor(t));
    lut[i] = packRGBA(mix(stops[k], stops[k + 1], t - k));
  }
  return lut;
}

/**
 * The colour stops of a heatmap's scale in a palette. Diverging: the class-0 colour, the surface,
 * the class-1 colour; sequential: the surface, then the accent. `intensity` (0–1, default 0.72) is
 * how far the end colours go from the surface towards the full colour.
 */
export function scaleStops(palette: Pick<Palette, 'surface' | 'accent' | 'classes'>, scale: 'diverging' | 'sequential', intensity = 0.72): RGBA[] {
  const c = (css: string, fallback: RGBA): RGBA => parseColor(css) ?? fallback;
  const surface = c(palette.surface, [255, 255, 255, 1]);
  const k = Math.min(1, Math.max(0, Number.isFinite(intensity) ? intensity : 0.72));
  if (scale === 'sequential') return [surface, mix(surface, c(palette.accent, [59, 70, 196, 1]), k)];
  const c0 = mix(surface, c(palette.classes[0], [194, 65, 12, 1]), k);
  const c1 = mix(surface, c(palette.classes[1], [29, 100, 194, 1]), k);
  return [c0, surface, c1];
}

/**
 * Writes one packed colour per value into `out` (row-major, like the values). A value maps
 * linearly from `domain` onto the table (clamped at both ends); with `discretize`, values below
 * the domain's middle take the first entry and the rest the last. Non-finite values get `missing`.
 */
export function fillPixels(
  out: Uint32Array,
  values: ArrayLike<number>,
  count: number,
  lut: Uint32Array,
  domain: readonly [number, number],
  discretize: boolean,
  missing: number,
): void {
  const [d0, d1] = domain;
  const span = d1 - d0;
  const scale = span !== 0 ? (LUT_SIZE - 1) / span : 0;
  const middle = (d0 + d1) / 2;
  const low = lut[0];
  const high = lut[LUT_SIZE - 1];
  const n = Math.min(count, out.length);
  for (let i = 0; i < n; i++) {
    const v = i < values.length ? values[i] : NaN;
    if (!Number.isFinite(v)) {
      out[i] = missing;
    } else if (discretize) {
      out[i] = (span >= 0 ? v >= middle : v <= middle) ? high : low;
    } else {
      let k = Math.round((v - d0) * scale);
      if (k < 0) k = 0;
      else if (k > LUT_SIZE - 1) k = LUT_SIZE - 1;
      out[i] = lut[k];
    }
  }
}

/**
 * The data coordinates a heatmap's cells stand for: cell (row r, column c) is sampled at its
 * centre, x = xMin + (c + ½)·(xMax − xMin)/cols and y = yMax − (r + ½)·(yMax − yMin)/rows
 * (row 0 is the top). Compute `values[r * cols + c]` at (xs[c], ys[r]).
 */
export function heatmapGrid(extent: Extent, cols: number, rows: number): { xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(cols);
  const ys = new Float64Array(rows);
  const dx = (extent.xMax - extent.xMin) / cols;
  const dy = (extent.yMax - extent.yMin) / rows;
  for (let c = 0; c < cols; c++) xs[c] = extent.xMin + (c + 0.5) * dx;
  for (let r = 0; r < rows; r++) ys[r] = extent.yMax - (r + 0.5) * dy;
  return { xs, ys };
}

/**
 * The segment of the line w1·x + w2·y + b = 0 inside the extent, as [x0, y0, x1, y1], or null when
 * the line misses the rectangle or is not a line (w1 = w2 = 0, or non-finite coefficients).
 */
export function clipLine(w1: number, w2: number, b: number, e: Extent): [number, number, number, number] | null {
  if (![w1, w2, b].every(Number.isFinite) || (w1 === 0 && w2 === 0)) return null;
  const hits: [number, number][] = [];
  const add = (x: number, y: number) => {
    if (!hits.some(([hx, hy]) => Math.abs(hx - x) < 1e-12 && Math.abs(hy - y) < 1e-12)) hits.push([x, y]);
  };
  const eps = 1e-12 * Math.max(1, Math.abs(e.xMax - e.xMin), Math.abs(e.yMax - e.yMin));
  if (w2 !== 0) {
    // Crossings of the left and right edges.
    for (const x of [e.xMin, e.xMax]) {
      const y = -(w1 * x + b) / w2;
      if (y >= e.yMin - eps && y <= e.yMax + eps) add(x, Math.min(e.yMax, Math.max(e.yMin, y)));
    }
  }
  if (w1 !== 0) {
    // Crossings of the bottom and top edges.
    for (const y of [e.yMin, e.yMax]) {
      const x = -(w2 * y + b) / w1;
      if (x >= e.xMin - eps && x <= e.xMax + eps) add(Math.min(e.xMax, Math.max(e.xMin, x)), y);
    }
  }
  if (hits.length < 2) return null;
  // With a corner hit twice, keep the two points farthest apart.
  let best: [number, number, number, number] = [...hits[0], ...hits[1]];
  let bestD = -1;
  for (let i = 0; i < hits.length; i++) {
    for (let j = i + 1; j < hits.length; j++) {
      const d = (hits[i][0] - hits[j][0]) ** 2 + (hits[i][1] - hits[j][1]) ** 2;
      if (d > bestD) {
        bestD = d;
        best = [...hits[i], ...hits[j]];
      }
    }
  }
  return bestD > 0 ? best : null;
}

/** The fraction of finite values at or above the domain's middle (the "class 1" share of a region map); NaN if none. */
export function upperShare(values: ArrayLike<number>, count: number, domain: readonly [number, number]): number {
  const middle = (domain[0] + domain[1]) / 2;
  let finite = 0;
  let upper = 0;
  const n = Math.min(count, values.length);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    finite++;
    if (v >= middle) upper++;
  }
  return finite === 0 ? NaN : upper / finite;
}

/**
 * Fills `pixels` with one colour per class: cell i takes class `label[i]`'s colour mixed into the
 * surface by 0.1 + 0.5·confidence[i] (the surer, the stronger), or by a flat 0.55 with `discretize`.
 * A label with no colour shows the surface.
 */
export function fillClassPixels(
  pixels: Uint32Array,
  label: ArrayLike<number>,
  confidence: ArrayLike<number>,
  count: number,
  surface: RGBA,
  classes: readonly RGBA[],
  discretize: boolean,
): void {
  const n = Math.min(count, pixels.length, label.length);
  for (let i = 0; i < n; i++) {
    const k = discretize ? 0.55 : 0.1 + 0.5 * (confidence[i] ?? 0);
    pixels[i] = packRGBA(mix(surface, classes[label[i]] ?? surface, k));
  }
}
