/**
 * Contour lines of a surface for the optimizer race's map: the surface sampled on a grid, levels
 * spaced evenly in log(f − f_min) so that both the steep walls and the flat valley floor get lines,
 * and marching squares to cut each grid cell where the level crosses it.
 */
import { checkFinite, checkPositiveInteger } from './check.ts';

/** A rectangle of the (θ₁, θ₂) plane. */
export interface ContourExtent {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** f sampled at the corners of a cols × rows grid: values[r * cols + c] at (x_c, y_r), row 0 at yMin. */
export function sampleGrid(f: (x: number, y: number) => number, e: ContourExtent, cols: number, rows: number): Float64Array {
  checkPositiveInteger('cols', cols);
  checkPositiveInteger('rows', rows);
  const values = new Float64Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const y = e.yMin + ((e.yMax - e.yMin) * r) / (rows - 1);
    for (let c = 0; c < cols; c++) values[r * cols + c] = f(e.xMin + ((e.xMax - e.xMin) * c) / (cols - 1), y);
  }
  return values;
}

/** `count` levels f_min + exp(u) with u evenly spaced from ln(lo) to ln(hi), lo and hi the 2nd and 98th percentiles of f − f_min > 0. */
export function logLevels(values: ArrayLike<number>, minValue: number, count: number): number[] {
  checkFinite('minValue', minValue);
  checkPositiveInteger('count', count);
  const gaps = Array.from(values, (v) => v - minValue).filter((g) => g > 0 && Number.isFinite(g)).sort((a, b) => a - b);
  if (gaps.length === 0) return [];
  const lo = Math.log(gaps[Math.floor(gaps.length * 0.02)]);
  const hi = Math.log(gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.98))]);
  if (count === 1 || hi <= lo) return [minValue + Math.exp(lo)];
  return Array.from({ length: count }, (_, i) => minValue + Math.exp(lo + ((hi - lo) * i) / (count - 1)));
}

/**
 * Marching squares: the segments [x₁, y₁, x₂, y₂, …] (flat, four numbers a segment) where the
 * grid crosses `level`, each end found by linear interpolation along a cell edge.
 */
export function isoline(values: ArrayLike<number>, cols: number, rows: number, e: ContourExtent, level: number): number[] {
  if (values.length !== cols * rows) throw new Error(`values has ${values.length} entries, expected ${cols} × ${rows}`);
  checkFinite('level', level);
  const out: number[] = [];
  const dx = (e.xMax - e.xMin) / (cols - 1);
  const dy = (e.yMax - e.yMin) / (rows - 1);
  const at = (c: number, r: number) => values[r * cols + c];
  for (let r = 0; r + 1 < rows; r++) {
    for (let c = 0; c + 1 < cols; c++) {
      // corners counter-clockwise from bottom-left, and where the level cuts each edge
      const v = [at(c, r), at(c + 1, r), at(c + 1, r + 1), at(c, r + 1)];
      if (!v.every(Number.isFinite)) continue;
      const p = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1]];
      const cuts: number[] = [];
      for (let k = 0; k < 4; k++) {
        const a = v[k];
        const b = v[(k + 1) % 4];
        if ((a < level) === (b < level)) continue;
        const s = (level - a) / (b - a);
        const [ca, ra] = p[k];
        const [cb, rb] = p[(k + 1) % 4];
        cuts.push(e.xMin + (ca + s * (cb - ca)) * dx, e.yMin + (ra + s * (rb - ra)) * dy);
      }
      // two cuts: one segment; four (a saddle cell): pair them in order around the cell
      for (let k = 0; k + 3 < cuts.length; k += 4) out.push(cuts[k], cuts[k + 1], cuts[k + 2], cuts[k + 3]);
    }
  }
  return out;
}
