/**
 * The one place Chart.js is configured. Only the pieces our charts use are registered (line and
 * scatter controllers, linear and logarithmic scales, tooltip, legend, filler), so the bundle
 * stays small; every chart gets its axes, fonts and colours from `axisOptions` and `baseOptions`.
 */
import {
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartOptions,
  type Plugin,
  type ScaleOptionsByType,
  type TooltipItem,
} from 'chart.js';
import type { Palette } from './theme.ts';
import { formatNumber } from './format.ts';
import { placeLabels, type Box, type Segment } from './label-placement.ts';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend, Filler);

export { Chart };

/** One axis as a chart component describes it. */
export interface AxisSpec {
  label: string;
  log?: boolean;
  range?: [number, number];
}

/**
 * A tick label on a log axis: powers of ten when the axis spans 3+ decades, else also 2 and 5;
 * every tick when it spans less than one decade (which may hold no 1, 2 or 5 at all).
 */
function logTick(value: number, min: number, max: number, index = 0, ticks: readonly { value: number }[] = []): string {
  if (!(value > 0)) return '';
  const exponent = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = Math.round(value / 10 ** exponent);
  const decades = Math.log10(max / min);
  if (decades < 1) return spacedTick(index, ticks, decades) ? formatNumber(value) : '';
  const keep = decades >= 3 ? mantissa === 1 : mantissa === 1 || mantissa === 2 || mantissa === 5;
  return keep ? formatNumber(value) : '';
}

/** On a narrow log axis (under a decade), whether tick `index` is at least a fifth of the axis above the last one labelled. */
function spacedTick(index: number, ticks: readonly { value: number }[], decades: number): boolean {
  let last = -Infinity;
  for (let i = 0; i <= index && i < ticks.length; i++) {
    const at = Math.log10(ticks[i].value);
    if (!Number.isFinite(at)) continue;
    if (at - last >= decades / 5) {
      if (i === index) return true;
      last = at;
    }
  }
  return ticks.length === 0;
}

/** A finite [lo, hi] range with lo < hi, or undefined (so the axis fits the data). */
function cleanRange(range: [number, number] | undefined, log: boolean): [number, number] | undefined {
  if (!range) return undefined;
  const [lo, hi] = range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo >= hi) return undefined;
  if (log && lo <= 0) return undefined;
  return [lo, hi];
}

/** Scale options for one axis: title, ticks, grid and border in the theme's colours. */
export function axisOptions(axis: AxisSpec, palette: Palette, compact: boolean) {
  const log = !!axis.log;
  const range = cleanRange(axis.range, log);
  return {
    type: log ? 'logarithmic' : 'linear',
    min: range?.[0],
    max: range?.[1],
    title: {
      display: axis.label !== '',
      text: axis.label,
      color: palette.textMuted,
      font: { family: palette.fontSans, size: compact ? 12 : 13, weight: 600 },
      padding: { top: 4, bottom: 2 },
    },
    ticks: {
      color: palette.textMuted,
      font: { family: palette.fontSans, size: compact ? 11 : 12 },
      maxTicksLimit: compact ? 6 : 9,
      autoSkipPadding: 8,
      maxRotation: 0,
      callback(this: { min: number; max: number }, value: number | string, index: number, ticks: { value: number }[]) {
        const v = Number(value);
        return log ? logTick(v, this.min, this.max, index, ticks) : formatNumber(v);
      },
    },
    grid: { color: palette.grid, tickColor: palette.grid },
    border: { color: palette.borderStrong },
  } as unknown as ScaleOptionsByType<'linear'>;
}

/** Options shared by every chart: axes, legend, tooltip, animation (none under reduced motion). */
export function baseOptions(
  palette: Palette,
  axes: { x: AxisSpec; y: AxisSpec },
  { legend, reducedMotion, compact }: { legend: boolean; reducedMotion: boolean; compact: boolean },
): ChartOptions<'line'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    animation: reducedMotion ? false : { duration: 250 },
    interaction: { mode: 'nearest', intersect: false },
    layout: { padding: { top: 4, right: 8 } },
    scales: {
      x: axisOptions(axes.x, palette, compact),
      y: axisOptions(axes.y, palette, compact),
    },
    plugins: {
      legend: {
        display: legend,
        position: 'top',
        align: 'start',
        labels: {
          color: palette.text,
          font: { family: palette.fontSans, size: compact ? 12 : 13 },
          usePointStyle: true,
          boxWidth: 24,
          boxHeight: 8,
          padding: 12,
          filter: (item, data) => !(data.datasets[item.datasetIndex ?? 0] as { nnMarkers?: boolean }).nnMarkers,
          // A line series is shown as a short stroke of its own line (dashed if the line is), so
          // a solid and a dashed series of one colour can be told apart.
          generateLabels: (chart) =>
            Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => {
              const dataset = chart.data.datasets[item.datasetIndex ?? 0] as { type?: string; showLine?: boolean; borderDash?: number[] };
              if (dataset.type === 'scatter' || dataset.showLine === false) return item;
              const lineDash = dataset.borderDash ?? [];
              const swatch = lineSwatch(String(item.strokeStyle), lineDash);
              return swatch ? { ...item, lineDash, pointStyle: swatch } : item;
            }),
        },
      },
      tooltip: {
        backgroundColor: palette.surface,
        titleColor: palette.text,
        bodyColor: palette.text,
        borderColor: palette.borderStrong,
        borderWidth: 1,
        titleFont: { family: palette.fontSans, weight: 600 },
        bodyFont: { family: palette.fontSans },
        padding: 8,
        boxPadding: 4,
        callbacks: {
          title: () => '',
          label: (item: TooltipItem<'line'>) => {
            const raw = item.raw as { x: number; y: number; label?: string };
            const name = raw.label ?? item.dataset.label ?? '';
            return `${name}: (${formatNumber(raw.x)}, ${formatNumber(raw.y)})`;
          },
        },
      },
    },
  };
}

/** The drawn lines of a chart, in pixels, as pieces between neighbouring points (marker dots too). */
function lineSegments(chart: Chart<'line'>): Segment[] {
  const out: Segment[] = [];
  chart.data.datasets.forEach((dataset, i) => {
    const meta = chart.getDatasetMeta(i);
    if (meta.hidden || !chart.isDatasetVisible(i)) return;
    const pts = meta.data as unknown as { x: number; y: number }[];
    if ((dataset as { nnMarkers?: boolean }).nnMarkers) {
      for (const p of pts) out.push([p.x - 6, p.y, p.x + 6, p.y], [p.x, p.y - 6, p.x, p.y + 6]);
      return;
    }
    for (let k = 1; k < pts.length; k++) {
      const a = pts[k - 1];
      const b = pts[k];
      if (Number.isFinite(a.x + a.y + b.x + b.y)) out.push([a.x, a.y, b.x, b.y]);
    }
  });
  return out;
}

/** A cheap fingerprint of where the lines are drawn: per dataset, its length and three of its points. */
function dataSignature(chart: Chart<'line'>): string {
  return chart.data.datasets
    .map((_, i) => {
      const pts = chart.getDatasetMeta(i).data as unknown as { x: number; y: number }[];
      const n = pts.length;
      return [n, ...[0, n >> 1, n - 1].flatMap((k) => (pts[k] ? [Math.round(pts[k].x), Math.round(pts[k].y)] : []))].join(',');
    })
    .join(';');
}

const swatches = new Map<string, HTMLCanvasElement>();

/** A 20 × 10 px picture of a line in `color` with `dash`, for a legend entry (null outside a browser). */
function lineSwatch(color: string, dash: readonly number[]): HTMLCanvasElement | null {
  if (typeof document === 'undefined') return null;
  const key = `${color}|${dash.join(',')}`;
  const known = swatches.get(key);
  if (known) return known;
  const canvas = document.createElement('canvas');
  canvas.width = 20;
  canvas.height = 10;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.5;
  ctx.setLineDash([...dash]);
  ctx.beginPath();
  ctx.moveTo(0, 5);
  ctx.lineTo(20, 5);
  ctx.stroke();
  swatches.set(key, canvas);
  return canvas;
}

/** What the overlay plugin draws on top of the data: labelled markers and a vertical guide line. */
export interface Overlay {
  markers: { x: number; y: number; label: string; color: string }[];
  cursorX: number | null;
  palette: Palette;
}

/**
 * A per-chart plugin for the overlay: the guide line goes under the data, the marker labels
 * above it, each with a halo in the surface colour so it stays readable over lines and grid.
 */
export function overlayPlugin(overlay: Overlay): Plugin<'line'> {
  const placement: { key: string; boxes: Box[] } = { key: '', boxes: [] };
  return {
    id: 'nnOverlay',
    // What the chart shows, as data on the canvas, for browser tests and tools: tick labels and legend entries.
    afterRender(chart) {
      const ticks = (id: string) => (chart.scales[id]?.ticks ?? []).map((tick) => String(tick.label ?? ''));
      chart.canvas.dataset.axes = JSON.stringify({ x: ticks('x'), y: ticks('y') });
      const items = chart.legend?.legendItems ?? [];
      chart.canvas.dataset.legend = JSON.stringify(
        items.map((item) => {
          const point = chart.getDatasetMeta(item.datasetIndex ?? 0).data[0] as unknown as { options?: { backgroundColor?: unknown } } | undefined;
          return { text: item.text, color: item.strokeStyle, points: point?.options?.backgroundColor ?? null, dash: item.lineDash ?? [] };
        }),
      );
    },
    beforeDatasetsDraw(chart) {
      const x = overlay.cursorX;
      const scale = chart.scales.x;
      if (x === null || !Number.isFinite(x) || !scale || x < scale.min || x > scale.max) return;
      const px = scale.getPixelForValue(x);
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = overlay.palette.textMuted;
      ctx.lineWidth = 1.25;
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      if (overlay.markers.length === 0) {
        delete chart.canvas.dataset.labels;
        return;
      }
      const { x: xs, y: ys } = chart.scales;
      const area = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `600 12px ${overlay.palette.fontSans}`;
      ctx.textBaseline = 'top';
      ctx.lineJoin = 'round';
      const shown = overlay.markers
        .filter((m) => m.label)
        .map((m) => ({ m, px: xs.getPixelForValue(m.x), py: ys.getPixelForValue(m.y) }))
        .filter(({ px, py }) => Number.isFinite(px) && Number.isFinite(py))
        .filter(({ px, py }) => px >= area.left - 1 && px <= area.right + 1 && py >= area.top - 1 && py <= area.bottom + 1);
      // Each label goes where it covers no other label and no line (see label-placement.ts); the
      // places are kept until the data or the size changes (a cursor move only redraws).
      const requests = shown.map(({ m, px, py }) => ({ px, py, width: ctx.measureText(m.label).width, height: 14 }));
      const bounds = { x: area.left, y: area.top, w: area.right - area.left, h: area.bottom - area.top };
      const key = JSON.stringify([requests, bounds, dataSignature(chart)]);
      if (placement.key !== key) {
        placement.key = key;
        placement.boxes = placeLabels(requests, bounds, lineSegments(chart));
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
        ctx.strokeStyle = overlay.palette.surface;
        ctx.lineWidth = 4;
        ctx.strokeText(m.label, box.x, box.y);
        ctx.fillStyle = overlay.palette.text;
        ctx.fillText(m.label, box.x, box.y);
      });
      // where the labels went, in CSS pixels of the canvas (read by the browser tests)
      chart.canvas.dataset.labels = JSON.stringify(boxes.map((b) => [b.x, b.y, b.w, b.h].map((v) => Math.round(v * 10) / 10)));
      ctx.restore();
    },
  };
}
