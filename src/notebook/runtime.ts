/**
 * The kernel's runtime: runs prepared cells one after another in one shared scope (the engine's
 * API, the notebook helpers, then every name the cells declare), turns print, table, plot, scatter
 * and heatmap calls into outputs, and reports errors with the line in the learner's code. It has no
 * DOM and no worker in it, so Node tests run cells exactly as the page's worker does.
 */
import { formatCell, formatValue } from './format.ts';
import { MAX_OUTPUTS, MAX_POINTS, MAX_TABLE_ROWS, MAX_TEXT, type Extent, type HeatPoint, type Output, type PlotSeries } from './protocol.ts';
import { CellSyntaxError, prepareCell } from './transform.ts';

/** Where a run's outputs go, one at a time. */
export type Emit = (output: Output) => void;

/** What a run ended with. */
export interface CellRun {
  readonly status: 'ok' | 'error';
  /** The value of the last expression (undefined when the cell ends with a statement). */
  readonly value?: unknown;
}

/** The chart options plot, scatter and heatmap accept. */
export interface ChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  logX?: boolean;
  logY?: boolean;
  /** plot(y) and plot(x, y): the series' name. */
  label?: string;
}

type Series = { label?: string; x?: ArrayLike<number>; y: ArrayLike<number> };

const SOURCE_URL = 'nn-cell.js';
/** The Function constructor, kept before a worker locks the global one away. */
const MakeFunction = Function;
// The wrapper puts the learner's first line on this line of the generated function.
const PREFIX = 'return (async function () { with (__scope) { try {\n';

/** The 1-based line and column in the learner's code of the first frame that is theirs, if any. */
function locate(error: unknown, base: number): { line: number | null; column: number | null } {
  const stack = typeof (error as Error)?.stack === 'string' ? (error as Error).stack! : '';
  const match = stack.match(new RegExp(`${SOURCE_URL.replace('.', '\\.')}:(\\d+):(\\d+)`));
  if (!match) return { line: null, column: null };
  return { line: Number(match[1]) - base + 1, column: Number(match[2]) };
}

/** A runtime with the given names in scope (the engine's API, in the page and in tests). */
export class Runtime {
  private scope: Record<string, unknown>;
  private readonly api: Record<string, unknown>;
  private emit: Emit = () => undefined;
  private outputs = 0;
  private chars = 0;
  private dropped = 0;
  private base: number | null = null;

  constructor(api: Record<string, unknown>) {
    this.api = api;
    this.scope = this.freshScope();
  }

  /** Forgets every name the cells declared. */
  reset(): void {
    this.scope = this.freshScope();
  }

  /** The names in scope now (the engine's, the helpers' and the cells'). */
  names(): string[] {
    return Object.keys(this.scope);
  }

  /** Runs one cell; its outputs (and any error) go to `emit` as they happen. */
  async run(source: string, emit: Emit): Promise<CellRun> {
    this.emit = emit;
    this.outputs = 0;
    this.chars = 0;
    this.dropped = 0;
    try {
      let prepared;
      try {
        prepared = prepareCell(source);
      } catch (error) {
        const e = error as CellSyntaxError;
        this.push({ kind: 'error', name: e.name ?? 'SyntaxError', message: e.message, line: e.line ?? null, column: e.column ?? null });
        return { status: 'error' };
      }
      for (const name of prepared.names) if (!(name in this.scope)) this.scope[name] = undefined;
      // top-level functions are hoisted to the start of the block: hand them to the scope right there
      const keep = prepared.functions.length > 0 ? `__keep({ ${prepared.functions.map((f) => `${f}: ${f}`).join(', ')} }); ` : '';
      const code = `${PREFIX.slice(0, -1)} ${keep}\n${prepared.body}\n} finally {} } })();\n//# sourceURL=${SOURCE_URL}`;
      const base = await this.lineBase();
      let value: unknown;
      try {
        const fn = new MakeFunction('__scope', '__keep', code);
        value = await fn(this.scope, (kept: Record<string, unknown>) => Object.assign(this.scope, kept));
      } catch (error) {
        const { line, column } = locate(error, base);
        const e = error as Error;
        const name = e instanceof Error ? e.name : 'Error';
        const message = e instanceof Error ? e.message : `the code threw ${formatValue(error)}`;
        this.push({ kind: 'error', name, message, line, column });
        return { status: 'error' };
      }
      if (prepared.returnsValue && value !== undefined) this.push({ kind: 'text', stream: 'result', text: formatValue(value, true) });
      return { status: 'ok', value };
    } finally {
      if (this.dropped > 0) this.emit({ kind: 'notice', text: `Output cut short: ${this.dropped} more outputs were dropped (the limit is ${MAX_OUTPUTS} outputs and ${MAX_TEXT.toLocaleString('en')} characters of text a run).` });
    }
  }

  /** The generated line of the learner's line 1, measured once with a probe error. */
  private async lineBase(): Promise<number> {
    if (this.base !== null) return this.base;
    const probe = new MakeFunction('__scope', '__keep', `${PREFIX}return new Error('probe');\n} finally {} } })();\n//# sourceURL=${SOURCE_URL}`);
    const error: Error = await probe({}, () => undefined);
    const match = (error.stack ?? '').match(new RegExp(`${SOURCE_URL.replace('.', '\\.')}:(\\d+):`));
    this.base = match ? Number(match[1]) : 3;
    return this.base;
  }

  /** Sends an output unless the run's limits are spent. */
  private push(output: Output): void {
    // the error that ended a run, notices and the final result are never dropped
    if (output.kind === 'error' || output.kind === 'notice' || (output.kind === 'text' && output.stream === 'result')) {
      this.emit(output);
      return;
    }
    const text = output.kind === 'text' ? output.text.length : 0;
    if (this.outputs >= MAX_OUTPUTS || this.chars + text > MAX_TEXT) {
      this.dropped++;
      return;
    }
    this.outputs++;
    this.chars += text;
    this.emit(output);
  }

  private freshScope(): Record<string, unknown> {
    const scope: Record<string, unknown> = Object.create(null);
    Object.assign(scope, this.api, this.helpers());
    return scope;
  }

  /** print, table, plot, scatter and heatmap, writing to the current run. */
  private helpers(): Record<string, unknown> {
    const push = (o: Output) => this.push(o);
    return {
      /** Prints its arguments on one line, separated by spaces (strings bare, everything else as a value). */
      print: (...values: unknown[]) => push({ kind: 'text', stream: 'out', text: values.map((v) => formatValue(v, false)).join(' ') }),
      /** Rows of objects (columns from their keys) or of arrays, as a table. */
      table: (rows: unknown, columns?: string[]) => push(tableOutput(rows, columns)),
      /** plot(y), plot(x, y) or plot([{ label, x?, y }, …]), with options { title, xLabel, yLabel, logX, logY, label }. */
      plot: (a: unknown, b?: unknown, c?: unknown) => push(lineOutput(a, b, c)),
      /** scatter(points, options): points as { x, y, label? } or [x, y, label?]. */
      scatter: (points: unknown, options: ChartOptions = {}) => push(scatterOutput(points, options)),
      /** heatmap(f or net, { extent, cells, points, domain, title }): f(x, y) over a grid, or a network's output. */
      heatmap: (source: unknown, options: HeatmapOptions = {}) => push(heatmapOutput(source, options)),
    };
  }
}

function isNumbers(v: unknown): v is ArrayLike<number> {
  return (Array.isArray(v) && v.every((x) => typeof x === 'number')) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function points(series: Series): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  const n = Math.min(series.y.length, series.x ? series.x.length : Infinity, MAX_POINTS);
  for (let i = 0; i < n; i++) {
    const x = series.x ? Number(series.x[i]) : i;
    const y = Number(series.y[i]);
    if (Number.isFinite(x) && Number.isFinite(y)) out.push({ x, y });
  }
  return out;
}

function lineOutput(a: unknown, b?: unknown, c?: unknown): Output {
  let series: Series[];
  let options: ChartOptions;
  if (isNumbers(a) && isNumbers(b)) {
    options = (c as ChartOptions) ?? {};
    series = [{ label: options.label, x: a, y: b }];
  } else if (isNumbers(a)) {
    options = (b as ChartOptions) ?? {};
    series = [{ label: options.label, y: a }];
  } else if (Array.isArray(a) && a.every((s) => s && typeof s === 'object' && isNumbers((s as Series).y))) {
    options = (b as ChartOptions) ?? {};
    series = a as Series[];
  } else {
    throw new TypeError('plot needs numbers: plot(y), plot(x, y) or plot([{ label, y }, …])');
  }
  return {
    kind: 'line',
    title: String(options.title ?? ''),
    xLabel: String(options.xLabel ?? 'x'),
    yLabel: String(options.yLabel ?? 'y'),
    logX: options.logX === true,
    logY: options.logY === true,
    series: series.map((s, i): PlotSeries => ({ label: String(s.label ?? `series ${i + 1}`), points: points(s) })),
  };
}

function scatterOutput(input: unknown, options: ChartOptions): Output {
  if (!Array.isArray(input)) throw new TypeError('scatter needs an array of points: { x, y, label? } or [x, y, label?]');
  const groups = new Map<string, { x: number; y: number }[]>();
  for (const p of input.slice(0, MAX_POINTS)) {
    const [x, y, label] = Array.isArray(p) ? p : [p?.x, p?.y, p?.label];
    if (!Number.isFinite(Number(x)) || !Number.isFinite(Number(y))) continue;
    const key = label === undefined ? 'points' : String(label);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push({ x: Number(x), y: Number(y) });
  }
  return {
    kind: 'scatter',
    title: String(options.title ?? ''),
    xLabel: String(options.xLabel ?? 'x₁'),
    yLabel: String(options.yLabel ?? 'x₂'),
    groups: [...groups].map(([label, pts]) => ({ label, points: pts })),
  };
}

/** heatmap's options. */
export interface HeatmapOptions {
  title?: string;
  extent?: Extent;
  /** Cells per side (default 50, at most 150). */
  cells?: number;
  domain?: [number, number];
  /** Points drawn on top: { x, y, label } or [x, y, label]; or a dataset's samples { x: rows, labels }. */
  points?: unknown;
}

function heatmapOutput(source: unknown, options: HeatmapOptions): Output {
  const extent = options.extent ?? { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 };
  const cells = Math.max(2, Math.min(150, Math.round(Number(options.cells ?? 50)) || 50));
  const xs = Array.from({ length: cells }, (_, c) => extent.xMin + ((c + 0.5) * (extent.xMax - extent.xMin)) / cells);
  const ys = Array.from({ length: cells }, (_, r) => extent.yMax - ((r + 0.5) * (extent.yMax - extent.yMin)) / cells);
  let values: number[];
  const net = source as { predictGrid?: (xs: number[], ys: number[]) => ArrayLike<number> };
  if (net && typeof net.predictGrid === 'function') values = Array.from(net.predictGrid(xs, ys));
  else if (typeof source === 'function') values = ys.flatMap((y) => xs.map((x) => Number((source as (x: number, y: number) => number)(x, y))));
  else throw new TypeError('heatmap needs a function f(x, y) or a network: heatmap(net, { points: data.train })');
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('heatmap: some values are not finite numbers (NaN or Infinity)');
  return {
    kind: 'heatmap',
    title: String(options.title ?? ''),
    values,
    cols: cells,
    rows: cells,
    extent,
    domain: options.domain ?? [Math.min(...values, 0), Math.max(...values, 1)],
    points: heatPoints(options.points),
  };
}

function heatPoints(input: unknown): HeatPoint[] {
  if (!input) return [];
  const samples = input as { x?: unknown; labels?: unknown };
  if (Array.isArray(samples.x) && Array.isArray(samples.labels)) {
    return (samples.x as number[][]).slice(0, MAX_POINTS).map((p, i) => ({ x: p[0], y: p[1], label: Number((samples.labels as number[])[i]) }));
  }
  if (!Array.isArray(input)) return [];
  return input.slice(0, MAX_POINTS).flatMap((p) => {
    const [x, y, label] = Array.isArray(p) ? p : [p?.x, p?.y, p?.label];
    return Number.isFinite(Number(x)) && Number.isFinite(Number(y)) ? [{ x: Number(x), y: Number(y), label: Number(label ?? 0) }] : [];
  });
}

function tableOutput(rows: unknown, columns?: string[]): Output {
  if (!Array.isArray(rows) && !(rows && typeof rows === 'object')) throw new TypeError('table needs an array of rows (objects or arrays)');
  const list: unknown[] = Array.isArray(rows) ? rows : Object.entries(rows as object).map(([key, value]) => ({ key, value }));
  const shown = list.slice(0, MAX_TABLE_ROWS);
  let cols = columns;
  if (!cols) {
    const keys = new Set<string>();
    for (const r of shown) {
      if (Array.isArray(r)) r.forEach((_, i) => keys.add(String(i)));
      else if (r && typeof r === 'object') Object.keys(r).forEach((k) => keys.add(k));
      else keys.add('value');
    }
    cols = [...keys];
  }
  const body = shown.map((r) => cols!.map((c) => {
    if (r && typeof r === 'object') return formatCell((r as Record<string, unknown>)[c]);
    return c === 'value' ? formatCell(r) : '';
  }));
  return { kind: 'table', columns: cols, rows: body, more: list.length - shown.length };
}
