/**
 * What a notebook cell's code produces, and the messages between the page and the kernel worker.
 * Plain data only: everything here crosses `postMessage`.
 */

/** One piece of a cell's output, in the order the code produced it. */
export type Output =
  /** Text from print(...) ('out'), or the value of the cell's last expression ('result'). */
  | { kind: 'text'; stream: 'out' | 'result'; text: string }
  /** A table: from table(rows) with rows of objects or arrays. */
  | { kind: 'table'; columns: string[]; rows: string[][]; more: number }
  /** Lines from plot(...): each series a list of points. */
  | { kind: 'line'; title: string; xLabel: string; yLabel: string; logX: boolean; logY: boolean; series: PlotSeries[] }
  /** A point cloud from scatter(...), one group per class. */
  | { kind: 'scatter'; title: string; xLabel: string; yLabel: string; groups: PlotSeries[] }
  /** A decision map from heatmap(...): values row by row, row 0 at the top. */
  | { kind: 'heatmap'; title: string; values: number[]; cols: number; rows: number; extent: Extent; domain: [number, number]; points: HeatPoint[] }
  /** The error that stopped the cell: its message and where in the learner's code (1-based). */
  | { kind: 'error'; name: string; message: string; line: number | null; column: number | null }
  /** A note from the kernel (output cut off, time limit). */
  | { kind: 'notice'; text: string };

export interface PlotSeries {
  label: string;
  points: { x: number; y: number }[];
}

export interface Extent {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface HeatPoint {
  x: number;
  y: number;
  label: number;
}

/** How a run ended. */
export type RunStatus = 'ok' | 'error' | 'timeout' | 'stopped';

/** Page → worker. */
export type KernelCommand = { type: 'run'; id: number; source: string } | { type: 'reset' };

/** Worker → page: outputs as they come (batched), then the end of the run. */
export type KernelMessage =
  | { type: 'ready' }
  | { type: 'output'; id: number; outputs: Output[] }
  | { type: 'done'; id: number; status: 'ok' | 'error'; ms: number };

/** Most output items one run may produce; later ones are dropped with a notice. */
export const MAX_OUTPUTS = 500;
/** Most characters of text one run may print in all. */
export const MAX_TEXT = 100_000;
/** Most rows a table shows. */
export const MAX_TABLE_ROWS = 200;
/** Most points a plot series keeps. */
export const MAX_POINTS = 5_000;
/** A run is stopped after this long (ms) unless the page says otherwise. */
export const DEFAULT_TIME_LIMIT_MS = 5_000;
