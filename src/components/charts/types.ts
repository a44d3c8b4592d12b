/** The data shapes the chart components take. Widgets build these; the charts do the drawing. */

/** A point in data coordinates. */
export interface XY {
  x: number;
  y: number;
}

/** One line of a LineChart. */
export interface LineSeries {
  label: string;
  points: readonly XY[];
  /** A CSS variable name (`'--nn-series-2'`) or a CSS colour; default: the next series colour. */
  color?: string;
  /** Draw the line dashed (e.g. a bound or a reference curve). */
  dashed?: boolean;
  /** Shade the area between the line and zero (the bottom edge on a log axis). */
  fill?: boolean;
}

/** A highlighted point with a text label, drawn on top of a LineChart. */
export interface ChartMarker extends XY {
  label: string;
  /** A CSS variable name or CSS colour; default `--nn-text`. */
  color?: string;
}

/** One group of a ScatterChart (e.g. one class of a dataset). */
export interface ScatterGroup {
  label: string;
  points: readonly XY[];
  /** A CSS variable name or CSS colour; default: class colours for the first three groups, then series colours. */
  color?: string;
}

/** A labelled data point drawn over a Heatmap; `label` 0, 1, 2 picks the class colour. */
export interface HeatmapPoint extends XY {
  label: number;
  /** Test points are drawn hollow. */
  test?: boolean;
}

/** The line w1·x + w2·y + b = 0, drawn over a Heatmap. */
export interface HeatmapLine {
  w1: number;
  w2: number;
  b: number;
  /** A CSS variable name or CSS colour; default `--nn-text`. */
  color?: string;
  dashed?: boolean;
}

/** The data rectangle a Heatmap covers. */
export interface Extent {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}
