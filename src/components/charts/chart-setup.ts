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

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend, Filler);

export { Chart };

/** One axis as a chart component describes it. */
export interface AxisSpec {
  label: string;
  log?: boolean;
  range?: [number, number];
}

/** A tick label on a log axis: powers of ten when the axis spans 3+ decades, else also 2 and 5. */
function logTick(value: number, min: number, max: number): string {
  if (!(value > 0)) return '';
  const exponent = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = Math.round(value / 10 ** exponent);
  const decades = Math.log10(max / min);
  const keep = decades >= 3 ? mantissa === 1 : mantissa === 1 || mantissa === 2 || mantissa === 5;
  return keep ? formatNumber(value) : '';
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
      callback(this: { min: number; max: number }, value: number | string) {
        const v = Number(value);
        return log ? logTick(v, this.min, this.max) : formatNumber(v);
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
  return {
    id: 'nnOverlay',
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
      if (overlay.markers.length === 0) return;
      const { x: xs, y: ys } = chart.scales;
      const area = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `600 12px ${overlay.palette.fontSans}`;
      ctx.textBaseline = 'bottom';
      ctx.lineJoin = 'round';
      for (const m of overlay.markers) {
        if (!m.label) continue;
        const px = xs.getPixelForValue(m.x);
        const py = ys.getPixelForValue(m.y);
        if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
        if (px < area.left - 1 || px > area.right + 1 || py < area.top - 1 || py > area.bottom + 1) continue;
        const width = ctx.measureText(m.label).width;
        // Right of the point unless that runs off the chart; above it unless too close to the top.
        const left = px + 8 + width > area.right ? px - 8 - width : px + 8;
        const base = py - 8 - 14 < area.top ? py + 8 + 14 : py - 8;
        ctx.strokeStyle = overlay.palette.surface;
        ctx.lineWidth = 4;
        ctx.strokeText(m.label, left, base);
        ctx.fillStyle = overlay.palette.text;
        ctx.fillText(m.label, left, base);
      }
      ctx.restore();
    },
  };
}
