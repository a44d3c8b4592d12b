/**
 * The one place uPlot is configured. LineChart and ScatterChart describe what to draw as a
 * `ChartSpec` (axes, series with their styles, markers, a guide line); `createChart` draws it
 * with uPlot in its faceted mode (each series has its own x and y values) and adds what uPlot
 * leaves to its users: the legend above the plot, drawn on the canvas so a saved picture keeps it;
 * labelled markers placed clear of the lines; the guide line; a tooltip for the nearest point.
 *
 * Data changes only set the data and redraw; a change of style (theme, fonts, axes, series
 * colours, the legend's rows) builds the chart again, which takes a few milliseconds.
 */
import uPlot from 'uplot';
import type { Palette } from './theme.ts';
import { formatNumber } from './format.ts';
import { placeLabels, type Box, type Segment } from './label-placement.ts';
import { cleanRange, LEGEND, legendLayout, linearTicks, logTickLabels, logTicks, nearestPoint, niceRange } from './chart-layout.ts';
import type { XY } from './types.ts';

/** One axis as a chart component describes it. */
export interface AxisSpec {
  label: string;
  log?: boolean;
  range?: [number, number];
}

/** One series and how it is drawn. */
export interface SeriesSpec {
  label: string;
  points: readonly XY[];
  color: string;
  /** Line width in CSS pixels; 0 draws the points only. */
  lineWidth: number;
  dash: number[];
  /** Area fill down to zero (the bottom edge on a log axis), or null. */
  fill: string | null;
  /** Point diameter in CSS pixels; 0 draws no points. */
  pointSize: number;
  pointFill: string;
  pointStroke: string;
  pointStrokeWidth: number;
}

/** A labelled point drawn over the data. */
export interface MarkerSpec {
  x: number;
  y: number;
  label: string;
  color: string;
}

/** Everything a chart draws. */
export interface ChartSpec {
  width: number;
  height: number;
  x: AxisSpec;
  y: AxisSpec;
  series: SeriesSpec[];
  markers: MarkerSpec[];
  /** x of a vertical guide line, or null. */
  cursorX: number | null;
  legend: boolean;
  palette: Palette;
  /** The tooltip names the nearest point anywhere (`nearest`) or only one under the pointer (`point`). */
  tooltip: 'nearest' | 'point';
  /** Attributes for the canvas: its role and accessible name. */
  attrs: Record<string, string>;
}

/** A chart on the page. */
export interface LiveChart {
  update(spec: ChartSpec): void;
  setCursorX(x: number | null): void;
  canvas(): HTMLCanvasElement;
  /** The x value at `px` CSS pixels from the canvas's left edge. */
  valueForPixel(px: number): number | undefined;
  destroy(): void;
}

let measurer: CanvasRenderingContext2D | null = null;

/** The width of `text` in `font`, in CSS pixels. */
function measure(text: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/** Font sizes: smaller on a narrow chart. */
function fonts(spec: ChartSpec) {
  const compact = spec.width < 480;
  const family = spec.palette.fontSans;
  return {
    tick: `${compact ? 11 : 12}px ${family}`,
    title: `600 ${compact ? 12 : 13}px ${family}`,
    titleSize: compact ? 12 : 13,
    legend: `${compact ? 12 : 13}px ${family}`,
    compact,
  };
}

/** The legend entries (series with a name) and where they go at the chart's width. */
function legendOf(spec: ChartSpec) {
  if (!spec.legend) return { entries: [], spots: [], height: 0 };
  const font = fonts(spec).legend;
  const entries = spec.series.filter((s) => s.label !== '');
  const { spots, height } = legendLayout(
    entries.map((s) => measure(s.label, font)),
    Math.max(1, spec.width - 8),
  );
  return { entries, spots, height };
}

/** What forces a new chart when it changes: everything but the data, the markers and the guide line. */
function styleKey(spec: ChartSpec): string {
  return JSON.stringify([
    spec.x,
    spec.y,
    spec.height,
    spec.legend,
    spec.palette,
    spec.tooltip,
    spec.attrs,
    fonts(spec).compact,
    legendOf(spec).height,
    labelled(spec),
    spec.series.map(({ points: _points, ...style }) => style),
  ]);
}

/** Whether some marker has a label (the chart then keeps a band above the plot free for labels). */
function labelled(spec: ChartSpec): boolean {
  return spec.markers.some((m) => m.label !== '');
}

/** Space above the plot: the legend, then a band where marker labels may go, or room for the top tick's label. */
function topPadding(spec: ChartSpec): number {
  return legendOf(spec).height + (labelled(spec) ? 20 : 8);
}

/** The points of one series as uPlot's faceted data: [xs, ys]. */
function facet(points: readonly XY[]): [number[], number[]] {
  const xs = new Array<number>(points.length);
  const ys = new Array<number>(points.length);
  for (let i = 0; i < points.length; i++) {
    xs[i] = points[i].x;
    ys[i] = points[i].y;
  }
  return [xs, ys];
}

function dataOf(spec: ChartSpec): uPlot.AlignedData {
  // uPlot needs one series at least: an empty chart gets an empty one.
  const list = spec.series.length > 0 ? spec.series.map((s) => facet(s.points)) : [facet([])];
  return [null, ...list] as unknown as uPlot.AlignedData;
}

/** Draws `spec` into `host` (an empty element); see the module comment. */
export function createChart(host: HTMLElement, first: ChartSpec): LiveChart {
  let spec = first;
  let key = '';
  let plot: uPlot | null = null;
  /** The tick labels drawn on each axis, as the browser tests read them. */
  const drawnTicks: { x: string[]; y: string[] } = { x: [], y: [] };
  const placement: { key: string; boxes: Box[] } = { key: '', boxes: [] };
  let tip: HTMLDivElement | null = null;

  const ratio = () => uPlot.pxRatio || 1;

  function axis(which: 'x' | 'y'): uPlot.Axis {
    const a = spec[which];
    const f = fonts(spec);
    const pal = spec.palette;
    return {
      scale: which,
      stroke: pal.textMuted,
      font: f.tick,
      labelFont: f.title,
      label: a.label === '' ? undefined : a.label,
      labelSize: f.titleSize + 8,
      labelGap: 0,
      gap: 4,
      grid: { stroke: pal.grid, width: 1 },
      ticks: { stroke: pal.grid, width: 1, size: 4 },
      border: { show: true, stroke: pal.borderStrong, width: 1 },
      space: which === 'x' ? (f.compact ? 48 : 56) : 28,
      size:
        which === 'x'
          ? 22
          : (_u, values) => Math.ceil(Math.max(16, ...(values ?? []).map((v) => measure(String(v ?? ''), f.tick)))) + 4 + 4 + 2,
      // a linear axis has a tick at each end of a fitted range; a log axis as many decades as fit
      splits: (u, _axis, min, max) => {
        if (!a.log) return linearTicks(min, max);
        const length = (which === 'x' ? u.bbox.width : u.bbox.height) / ratio();
        return logTicks(min, max, Math.floor(length / (which === 'x' ? 64 : 24)));
      },
      // uPlot thins a log axis's labels itself: ours are already thinned
      filter: (_u, splits) => splits,
      values: (u, splits) => {
        const scale = u.scales[which];
        const labels = a.log ? logTickLabels(splits, scale.min ?? 1, scale.max ?? 10) : splits.map((v) => formatNumber(v));
        drawnTicks[which] = labels;
        return labels;
      },
    };
  }

  function scale(which: 'x' | 'y'): uPlot.Scale {
    const a = spec[which];
    const log = !!a.log;
    const fixed = cleanRange(a.range, log);
    return {
      time: false,
      auto: true,
      distr: log ? 3 : 1,
      log: 10,
      range: (_u, min, max) => fixed ?? niceRange(min, max, log),
    };
  }

  function seriesOptions(): uPlot.Series[] {
    const list = spec.series.length > 0 ? spec.series : [{ label: '', points: [], color: 'transparent', lineWidth: 0, dash: [], fill: null, pointSize: 0, pointFill: 'transparent', pointStroke: 'transparent', pointStrokeWidth: 0 }];
    const logY = !!spec.y.log;
    return [
      {},
      ...list.map(
        (s): uPlot.Series => ({
          label: s.label,
          stroke: s.color,
          width: s.lineWidth,
          dash: s.dash,
          fill: s.fill ?? undefined,
          fillTo: logY ? (u) => u.scales.y.min ?? 1 : 0,
          paths: s.lineWidth > 0 ? undefined : () => null,
          // uPlot's faceted mode draws no points of its own: drawPoints does
          points: { show: false },
          facets: [
            { scale: 'x', auto: true },
            { scale: 'y', auto: true },
          ],
        }),
      ),
    ];
  }

  /** The lines as drawn, in CSS pixels of the canvas, for the label placement. */
  function lineSegments(u: uPlot): Segment[] {
    const out: Segment[] = [];
    const left = u.bbox.left / ratio();
    const top = u.bbox.top / ratio();
    spec.series.forEach((s) => {
      let prev: [number, number] | null = null;
      for (const p of s.points) {
        const x = u.valToPos(p.x, 'x') + left;
        const y = u.valToPos(p.y, 'y') + top;
        if (!Number.isFinite(x + y)) {
          prev = null;
          continue;
        }
        if (s.lineWidth > 0 && prev) out.push([prev[0], prev[1], x, y]);
        if (s.lineWidth === 0) out.push([x - 3, y, x + 3, y]);
        prev = [x, y];
      }
    });
    for (const m of spec.markers) {
      const x = u.valToPos(m.x, 'x') + left;
      const y = u.valToPos(m.y, 'y') + top;
      out.push([x - 6, y, x + 6, y], [x, y - 6, x, y + 6]);
    }
    return out;
  }

  /** Each series' dots (a short line's points, a scatter's cloud), clipped a little outside the plot. */
  function drawPoints(u: uPlot): void {
    const ctx = u.ctx;
    const left = u.bbox.left / ratio();
    const top = u.bbox.top / ratio();
    ctx.save();
    ctx.scale(ratio(), ratio());
    ctx.beginPath();
    ctx.rect(left - 6, top - 6, u.bbox.width / ratio() + 12, u.bbox.height / ratio() + 12);
    ctx.clip();
    for (const s of spec.series) {
      if (s.pointSize <= 0 || s.points.length === 0) continue;
      const r = s.pointSize / 2;
      ctx.beginPath();
      for (const p of s.points) {
        const x = u.valToPos(p.x, 'x') + left;
        const y = u.valToPos(p.y, 'y') + top;
        if (!Number.isFinite(x + y)) continue;
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = s.pointFill;
      ctx.fill();
      if (s.pointStrokeWidth > 0) {
        ctx.lineWidth = s.pointStrokeWidth;
        ctx.strokeStyle = s.pointStroke;
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  function drawGuide(u: uPlot): void {
    const x = spec.cursorX;
    const sx = u.scales.x;
    if (x === null || !Number.isFinite(x) || sx.min == null || sx.max == null || x < sx.min || x > sx.max) return;
    const ctx = u.ctx;
    const px = Math.round(u.valToPos(x, 'x', true));
    ctx.save();
    ctx.strokeStyle = spec.palette.textMuted;
    ctx.lineWidth = 1.25 * ratio();
    ctx.setLineDash([4 * ratio(), 4 * ratio()]);
    ctx.beginPath();
    ctx.moveTo(px, u.bbox.top);
    ctx.lineTo(px, u.bbox.top + u.bbox.height);
    ctx.stroke();
    ctx.restore();
  }

  function drawLegend(u: uPlot): void {
    const { entries, spots } = legendOf(spec);
    const canvas = u.ctx.canvas;
    canvas.dataset.legend = JSON.stringify(
      entries.map((s) => ({ text: s.label, color: s.color, points: s.lineWidth > 0 ? s.color : s.pointFill, dash: s.dash })),
    );
    if (entries.length === 0) return;
    const ctx = u.ctx;
    const f = fonts(spec);
    ctx.save();
    ctx.scale(ratio(), ratio());
    ctx.font = f.legend;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    entries.forEach((s, i) => {
      const spot = spots[i];
      const x = 4 + spot.x;
      const mid = LEGEND.pad + spot.row * LEGEND.rowHeight + LEGEND.rowHeight / 2;
      if (s.lineWidth > 0) {
        ctx.strokeStyle = s.color;
        ctx.lineWidth = 2.5;
        ctx.setLineDash(s.dash);
        ctx.beginPath();
        ctx.moveTo(x, mid);
        ctx.lineTo(x + LEGEND.swatch, mid);
        ctx.stroke();
        ctx.setLineDash([]);
      } else {
        ctx.fillStyle = s.pointFill;
        ctx.beginPath();
        ctx.arc(x + LEGEND.swatch / 2, mid, 5, 0, 2 * Math.PI);
        ctx.fill();
      }
      ctx.fillStyle = spec.palette.text;
      ctx.fillText(s.label, x + LEGEND.swatch + LEGEND.gap, mid);
    });
    ctx.restore();
  }

  function drawMarkers(u: uPlot): void {
    const canvas = u.ctx.canvas;
    if (spec.markers.length === 0) {
      delete canvas.dataset.labels;
      return;
    }
    const ctx = u.ctx;
    const pal = spec.palette;
    const left = u.bbox.left / ratio();
    const top = u.bbox.top / ratio();
    // labels may use the band above the plot, under the legend
    const above = top - legendOf(spec).height - 2;
    const area = { x: left, y: top - above, w: u.bbox.width / ratio(), h: u.bbox.height / ratio() + above };
    const at = spec.markers
      .map((m) => ({ m, px: u.valToPos(m.x, 'x') + left, py: u.valToPos(m.y, 'y') + top }))
      .filter(({ px, py }) => Number.isFinite(px) && Number.isFinite(py))
      .filter(({ px, py }) => px >= left - 1 && px <= area.x + area.w + 1 && py >= top - 1 && py <= area.y + area.h + 1);
    ctx.save();
    ctx.scale(ratio(), ratio());
    for (const { m, px, py } of at) {
      ctx.beginPath();
      ctx.arc(px, py, 5.5, 0, 2 * Math.PI);
      ctx.fillStyle = m.color;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = pal.surface;
      ctx.stroke();
    }
    ctx.font = `600 12px ${pal.fontSans}`;
    // uPlot leaves the alignment of the last axis it drew
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.lineJoin = 'round';
    const shown = at.filter(({ m }) => m.label);
    // Each label goes where it covers no other label and no line (see label-placement.ts); the
    // places are kept until the data or the size changes (moving the guide line only redraws).
    const requests = shown.map(({ m, px, py }) => ({ px, py, width: ctx.measureText(m.label).width, height: 14 }));
    const segments = lineSegments(u);
    const sig = JSON.stringify([requests, area, segments.length, segments[0], segments[segments.length >> 1], segments.at(-1)]);
    if (placement.key !== sig) {
      placement.key = sig;
      // lines are 2.25 px wide and antialiased: keep labels 2 px clear of their centres
      placement.boxes = placeLabels(requests, area, segments, 2);
    }
    const boxes = placement.boxes;
    shown.forEach(({ m, px, py }, i) => {
      const box = boxes[i];
      // a label moved away from its point gets a thin leader line back to it
      const cx = Math.min(Math.max(px, box.x), box.x + box.w);
      const cy = Math.min(Math.max(py, box.y), box.y + box.h);
      const reach = Math.hypot(cx - px, cy - py);
      if (reach > 14) {
        // stop short of the text, so the line never runs into it
        const end = (reach - 4) / reach;
        ctx.strokeStyle = m.color;
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(px, py);
        ctx.lineTo(px + (cx - px) * end, py + (cy - py) * end);
        ctx.stroke();
      }
      ctx.strokeStyle = pal.surface;
      ctx.lineWidth = 4;
      ctx.strokeText(m.label, box.x, box.y);
      ctx.fillStyle = pal.text;
      ctx.fillText(m.label, box.x, box.y);
    });
    // where the labels went, in CSS pixels of the canvas (read by the browser tests)
    canvas.dataset.labels = JSON.stringify(boxes.map((b) => [b.x, b.y, b.w, b.h].map((v) => Math.round(v * 10) / 10)));
    ctx.restore();
  }

  /** Shows the nearest point's name and values by a mouse pointer; hides it when there is none. */
  function showTip(u: uPlot): void {
    const { left, top } = u.cursor;
    const hide = () => {
      if (tip) tip.hidden = true;
    };
    if (left == null || top == null || left < 0 || top < 0) return hide();
    const xs = spec.series.map((s) => s.points.map((p) => u.valToPos(p.x, 'x')));
    const ys = spec.series.map((s) => s.points.map((p) => u.valToPos(p.y, 'y')));
    const found = nearestPoint(xs, ys, left, top, spec.tooltip === 'point' ? 10 : 60);
    if (!found) return hide();
    const s = spec.series[found.series];
    const p = s.points[found.index];
    if (!tip) {
      tip = document.createElement('div');
      tip.className = 'nn-chart-tip';
      tip.setAttribute('aria-hidden', 'true');
      u.over.append(tip);
    }
    const pal = spec.palette;
    Object.assign(tip.style, { background: pal.surface, color: pal.text, borderColor: pal.borderStrong, fontFamily: pal.fontSans });
    tip.textContent = `${s.label}: (${formatNumber(p.x)}, ${formatNumber(p.y)})`;
    tip.hidden = false;
    const px = xs[found.series][found.index];
    const py = ys[found.series][found.index];
    const width = u.over.clientWidth;
    const right = px > width / 2;
    tip.style.left = right ? '' : `${px + 10}px`;
    tip.style.right = right ? `${width - px + 10}px` : '';
    tip.style.top = `${Math.max(0, py - 30)}px`;
  }

  function build(): void {
    plot?.destroy();
    tip = null;
    placement.key = '';
    const options: uPlot.Options = {
      mode: 2,
      width: Math.max(1, Math.round(spec.width)),
      height: Math.max(1, Math.round(spec.height)),
      padding: [topPadding(spec), 12, 0, 0],
      legend: { show: false },
      cursor: { show: true, x: false, y: false, points: { show: false }, drag: { x: false, y: false, setScale: false } },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: scale('x'), y: scale('y') },
      axes: [axis('x'), axis('y')],
      series: seriesOptions(),
      hooks: {
        drawAxes: [drawGuide],
        draw: [
          (u) => {
            drawPoints(u);
            drawMarkers(u);
            drawLegend(u);
            u.ctx.canvas.dataset.axes = JSON.stringify(drawnTicks);
          },
        ],
        setCursor: [showTip],
      },
    };
    plot = new uPlot(options, dataOf(spec), host);
    const canvas = plot.ctx.canvas;
    for (const [name, value] of Object.entries(spec.attrs)) canvas.setAttribute(name, value);
    key = styleKey(spec);
  }

  build();

  return {
    update(next) {
      const sized = next.width !== spec.width || next.height !== spec.height;
      spec = next;
      if (styleKey(spec) !== key || !plot) return build();
      if (sized) plot.setSize({ width: Math.max(1, Math.round(spec.width)), height: Math.max(1, Math.round(spec.height)) });
      plot.setData(dataOf(spec));
    },
    setCursorX(x) {
      spec = { ...spec, cursorX: x };
      plot?.redraw(false, false);
    },
    canvas: () => plot!.ctx.canvas,
    valueForPixel(px) {
      if (!plot) return undefined;
      const v = plot.posToVal(px - plot.bbox.left / ratio(), 'x');
      return Number.isFinite(v) ? v : undefined;
    },
    destroy() {
      plot?.destroy();
      plot = null;
    },
  };
}
