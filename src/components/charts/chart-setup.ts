/**
 * The one chart drawer. LineChart and ScatterChart describe what to draw as a `ChartSpec` (axes,
 * series with their styles, markers, a guide line); `createChart` draws it on one canvas: the axes
 * with their ticks and grid, each series' line, fill and dots (every series has its own x and y
 * values), labelled markers placed clear of the lines, the guide line, and the legend above the
 * plot, so a saved picture keeps it; and a tooltip for the point nearest a mouse pointer.
 *
 * The layout (ranges, ticks, axis sizes, the plot's box) is worked out by `chartLayout` in
 * chart-layout.ts, without a canvas, and is unit-tested there. Every change redraws the whole
 * canvas: a chart of a few thousand points takes well under a millisecond.
 */
import type { Palette } from './theme.ts';
import { formatNumber } from './format.ts';
import { placeLabels, type Box, type Segment } from './label-placement.ts';
import { chartLayout, LEGEND, legendLayout, nearestPoint, type ChartLayout } from './chart-layout.ts';
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

/** Whether some marker has a label (the chart then keeps a band above the plot free for labels). */
function labelled(spec: ChartSpec): boolean {
  return spec.markers.some((m) => m.label !== '');
}

/** Space above the plot: the legend, then a band where marker labels may go, or room for the top tick's label. */
function topPadding(spec: ChartSpec): number {
  return legendOf(spec).height + (labelled(spec) ? 20 : 8);
}

/** Draws `spec` into `host` (an empty element); see the module comment. */
export function createChart(host: HTMLElement, first: ChartSpec): LiveChart {
  let spec = first;
  let layout: ChartLayout | null = null;
  const placement: { key: string; boxes: Box[] } = { key: '', boxes: [] };
  const canvas = document.createElement('canvas');
  canvas.className = 'nn-chart-canvas';
  host.append(canvas);
  let tip: HTMLDivElement | null = null;
  /** Where a mouse pointer is, in CSS pixels of the canvas, or null. */
  let pointer: { x: number; y: number } | null = null;

  const X = (v: number) => layout!.x.toPx(v);
  const Y = (v: number) => layout!.y.toPx(v);

  /** The lines as drawn, in CSS pixels of the canvas, for the label placement. */
  function lineSegments(): Segment[] {
    const out: Segment[] = [];
    spec.series.forEach((s) => {
      let prev: [number, number] | null = null;
      for (const p of s.points) {
        const x = X(p.x);
        const y = Y(p.y);
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
      const x = X(m.x);
      const y = Y(m.y);
      out.push([x - 6, y, x + 6, y], [x, y - 6, x, y + 6]);
    }
    return out;
  }

  function drawAxes(ctx: CanvasRenderingContext2D, l: ChartLayout): void {
    const pal = spec.palette;
    const f = fonts(spec);
    const { left, top, width, height } = l.plot;
    const bottom = top + height;
    ctx.lineWidth = 1;
    ctx.strokeStyle = pal.grid;
    ctx.beginPath();
    // grid lines across the plot and 4 px ticks outside it, on whole pixels so they stay sharp
    for (const v of l.x.ticks) {
      const px = Math.round(X(v)) + 0.5;
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom + 4);
    }
    for (const v of l.y.ticks) {
      const py = Math.round(Y(v)) + 0.5;
      ctx.moveTo(left - 4, py);
      ctx.lineTo(left + width, py);
    }
    ctx.stroke();
    ctx.strokeStyle = pal.borderStrong;
    ctx.beginPath();
    ctx.moveTo(Math.round(left) + 0.5, top);
    ctx.lineTo(Math.round(left) + 0.5, Math.round(bottom) + 0.5);
    ctx.lineTo(left + width, Math.round(bottom) + 0.5);
    ctx.stroke();

    ctx.fillStyle = pal.textMuted;
    ctx.font = f.tick;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    l.x.ticks.forEach((v, i) => {
      const text = l.x.labels[i];
      if (!text) return;
      // the last label may be wider than the margin on the right: it stays on the canvas
      const half = ctx.measureText(text).width / 2;
      ctx.fillText(text, Math.min(X(v), l.width - 1 - half), bottom + 8);
    });
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    l.y.ticks.forEach((v, i) => l.y.labels[i] && ctx.fillText(l.y.labels[i], left - 8, Y(v)));

    ctx.font = f.title;
    if (spec.x.label) {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText(spec.x.label, left + width / 2, l.height - 2);
    }
    if (spec.y.label) {
      ctx.save();
      ctx.translate(2, top + height / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText(spec.y.label, 0, 0);
      ctx.restore();
    }
  }

  function drawGuide(ctx: CanvasRenderingContext2D, l: ChartLayout): void {
    const x = spec.cursorX;
    if (x === null || !Number.isFinite(x) || x < l.x.min || x > l.x.max) return;
    const px = Math.round(X(x)) + 0.5;
    ctx.save();
    ctx.strokeStyle = spec.palette.textMuted;
    ctx.lineWidth = 1.25;
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(px, l.plot.top);
    ctx.lineTo(px, l.plot.top + l.plot.height);
    ctx.stroke();
    ctx.restore();
  }

  /** Each series' fill and line, clipped to the plot; a line breaks at a point it cannot draw. */
  function drawLines(ctx: CanvasRenderingContext2D, l: ChartLayout): void {
    const { left, top, width, height } = l.plot;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    // fills go down to zero, or to the bottom edge on a log axis or when zero is out of view
    const base = spec.y.log || l.y.min > 0 ? top + height : l.y.max < 0 ? top : Y(0);
    ctx.lineJoin = 'round';
    ctx.lineCap = 'butt';
    for (const s of spec.series) {
      if (s.lineWidth <= 0 && !s.fill) continue;
      const runs: [number, number][][] = [[]];
      for (const p of s.points) {
        const x = X(p.x);
        const y = Y(p.y);
        if (Number.isFinite(x + y)) runs[runs.length - 1].push([x, y]);
        else if (runs[runs.length - 1].length > 0) runs.push([]);
      }
      if (s.fill) {
        ctx.fillStyle = s.fill;
        ctx.beginPath();
        for (const run of runs) {
          if (run.length < 2) continue;
          ctx.moveTo(run[0][0], base);
          for (const [x, y] of run) ctx.lineTo(x, y);
          ctx.lineTo(run[run.length - 1][0], base);
          ctx.closePath();
        }
        ctx.fill();
      }
      if (s.lineWidth > 0) {
        ctx.strokeStyle = s.color;
        ctx.lineWidth = s.lineWidth;
        ctx.setLineDash(s.dash);
        ctx.beginPath();
        for (const run of runs) run.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
        ctx.stroke();
        ctx.setLineDash([]);
      }
    }
    ctx.restore();
  }

  /** Each series' dots (a short line's points, a scatter's cloud), clipped a little outside the plot. */
  function drawPoints(ctx: CanvasRenderingContext2D, l: ChartLayout): void {
    const { left, top, width, height } = l.plot;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left - 6, top - 6, width + 12, height + 12);
    ctx.clip();
    for (const s of spec.series) {
      if (s.pointSize <= 0 || s.points.length === 0) continue;
      const r = s.pointSize / 2;
      ctx.beginPath();
      for (const p of s.points) {
        const x = X(p.x);
        const y = Y(p.y);
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

  function drawLegend(ctx: CanvasRenderingContext2D): void {
    const { entries, spots } = legendOf(spec);
    canvas.dataset.legend = JSON.stringify(
      entries.map((s) => ({ text: s.label, color: s.color, points: s.lineWidth > 0 ? s.color : s.pointFill, dash: s.dash })),
    );
    if (entries.length === 0) return;
    ctx.save();
    ctx.font = fonts(spec).legend;
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

  function drawMarkers(ctx: CanvasRenderingContext2D, l: ChartLayout): void {
    if (spec.markers.length === 0) {
      delete canvas.dataset.labels;
      return;
    }
    const pal = spec.palette;
    const { left, top, width, height } = l.plot;
    // labels may use the band above the plot, under the legend
    const above = top - legendOf(spec).height - 2;
    const area = { x: left, y: top - above, w: width, h: height + above };
    const at = spec.markers
      .map((m) => ({ m, px: X(m.x), py: Y(m.y) }))
      .filter(({ px, py }) => Number.isFinite(px) && Number.isFinite(py))
      .filter(({ px, py }) => px >= left - 1 && px <= area.x + area.w + 1 && py >= top - 1 && py <= area.y + area.h + 1);
    ctx.save();
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
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.lineJoin = 'round';
    const shown = at.filter(({ m }) => m.label);
    // Each label goes where it covers no other label and no line (see label-placement.ts); the
    // places are kept until the data or the size changes (moving the guide line only redraws).
    const requests = shown.map(({ m, px, py }) => ({ px, py, width: ctx.measureText(m.label).width, height: 14 }));
    const segments = lineSegments();
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
  function showTip(): void {
    const hide = () => {
      if (tip) tip.hidden = true;
    };
    const l = layout;
    if (!pointer || !l) return hide();
    const xs = spec.series.map((s) => s.points.map((p) => X(p.x)));
    const ys = spec.series.map((s) => s.points.map((p) => Y(p.y)));
    const found = nearestPoint(xs, ys, pointer.x, pointer.y, spec.tooltip === 'point' ? 10 : 60);
    if (!found) return hide();
    const s = spec.series[found.series];
    const p = s.points[found.index];
    if (!tip) {
      tip = document.createElement('div');
      tip.className = 'nn-chart-tip';
      tip.setAttribute('aria-hidden', 'true');
      host.append(tip);
    }
    const pal = spec.palette;
    Object.assign(tip.style, { background: pal.surface, color: pal.text, borderColor: pal.borderStrong, fontFamily: pal.fontSans });
    tip.textContent = `${s.label}: (${formatNumber(p.x)}, ${formatNumber(p.y)})`;
    tip.hidden = false;
    const px = xs[found.series][found.index];
    const py = ys[found.series][found.index];
    const right = px > l.width / 2;
    tip.style.left = right ? '' : `${px + 10}px`;
    tip.style.right = right ? `${l.width - px + 10}px` : '';
    tip.style.top = `${Math.max(0, py - 30)}px`;
  }

  function draw(): void {
    const f = fonts(spec);
    const l = chartLayout({
      width: spec.width,
      height: spec.height,
      x: spec.x,
      y: spec.y,
      series: spec.series.map((s) => s.points),
      top: topPadding(spec),
      titleSize: f.titleSize,
      measure: (text) => measure(text, f.tick),
    });
    layout = l;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(l.width * ratio));
    const h = Math.max(1, Math.round(l.height * ratio));
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    canvas.style.width = `${l.width}px`;
    canvas.style.height = `${l.height}px`;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, l.width, l.height);
    drawAxes(ctx, l);
    drawGuide(ctx, l);
    drawLines(ctx, l);
    drawPoints(ctx, l);
    drawMarkers(ctx, l);
    drawLegend(ctx);
    canvas.dataset.axes = JSON.stringify({ x: l.x.labels, y: l.y.labels });
    if (pointer) showTip();
  }

  function setAttrs(): void {
    for (const [name, value] of Object.entries(spec.attrs)) canvas.setAttribute(name, value);
  }

  // The tooltip follows a mouse only: touch and pen scroll the page or use the widget's own controls.
  const onMove = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    const box = canvas.getBoundingClientRect();
    pointer = { x: event.clientX - box.left, y: event.clientY - box.top };
    showTip();
  };
  const onLeave = () => {
    pointer = null;
    showTip();
  };
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerleave', onLeave);

  setAttrs();
  draw();

  return {
    update(next) {
      const attrs = JSON.stringify(next.attrs) !== JSON.stringify(spec.attrs);
      spec = next;
      if (attrs) setAttrs();
      draw();
    },
    setCursorX(x) {
      spec = { ...spec, cursorX: x };
      draw();
    },
    canvas: () => canvas,
    valueForPixel(px) {
      const v = layout?.x.toVal(px);
      return v !== undefined && Number.isFinite(v) ? v : undefined;
    },
    destroy() {
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.remove();
      tip?.remove();
      tip = null;
      layout = null;
    },
  };
}
