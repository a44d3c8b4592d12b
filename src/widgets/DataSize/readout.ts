/**
 * What the data-size widget prints, built from the engine's result: the crossing sentence, each
 * model's accuracy at the ends, the table rows, the chart's series and the CSV. Formatting and
 * comparisons only; every number comes from `DataSizeResult`.
 */
import type { DataSizeResult } from '../../engine/data-size.ts';
import type { LineSeries, XY } from '../../components/charts/types.ts';
import { toCSV } from '../../components/widget/csv.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import '../../i18n/strings/datasize.ts';

/** Series colours, shared with the feature lab: the linear model and the network. */
export const LINEAR_COLOR = '--nn-series-1';
export const NETWORK_COLOR = '--nn-series-3';

/** An accuracy (0–1) as a percentage with one decimal: 0.8646 → "86.5%". */
export function pct(accuracy: number): string {
  return Number.isFinite(accuracy) ? `${(accuracy * 100).toFixed(1)}%` : '–';
}

/** A range of accuracies without the unit twice: "68.3–99.4%". */
export function range(lo: number, hi: number): string {
  return Number.isFinite(lo) && Number.isFinite(hi) ? `${(lo * 100).toFixed(1)}–${pct(hi)}` : '–';
}

/** Indices of the sizes measured so far (every run of both models done). */
export function measured(result: DataSizeResult): number[] {
  return result.sizes.flatMap((_, i) => (Number.isFinite(result.linear.mean[i]) && Number.isFinite(result.network.mean[i]) ? [i] : []));
}

/**
 * The first size from which both models' mean accuracies are equal at every larger size too
 * (the network has caught up), or null.
 */
export function levelFrom(result: DataSizeResult): number | null {
  let k = result.sizes.length;
  while (k > 0 && result.network.mean[k - 1] === result.linear.mean[k - 1]) k--;
  return k < result.sizes.length ? k : null;
}

/** Where the network passes the linear model, in one sentence. */
export function crossingSentence(result: DataSizeResult): string {
  const c = result.crossing;
  const sizes = result.sizes;
  const last = sizes.length - 1;
  if (c.kind === 'crossed') return t('datasize.crossing.crossed', { from: c.from, to: c.to, at: Math.round(c.at) });
  if (c.kind === 'ahead') return t('datasize.crossing.ahead', { first: sizes[0], last: sizes[last] });
  const level = levelFrom(result);
  if (level !== null) return t('datasize.crossing.level', { n: sizes[level], acc: pct(result.network.mean[level]) });
  return t('datasize.crossing.never', { n: sizes[last], network: pct(result.network.mean[last]), linear: pct(result.linear.mean[last]) });
}

/** Each model's mean accuracy at the smallest and the largest size, one sentence each. */
export function endSentences(result: DataSizeResult): { linear: string; network: string } {
  const last = result.sizes.length - 1;
  const ends = (mean: readonly number[]) => ({ first: result.sizes[0], last: result.sizes[last], a: pct(mean[0]), b: pct(mean[last]) });
  return { linear: t('datasize.ends.linear', ends(result.linear.mean)), network: t('datasize.ends.network', ends(result.network.mean)) };
}

/** One row of the table: a size, and each model's mean and range over the runs. */
export interface SizeRow {
  size: number;
  linear: string;
  linearRange: string;
  network: string;
  networkRange: string;
}

/** The table's rows, for the sizes measured so far. */
export function tableRows(result: DataSizeResult): SizeRow[] {
  return measured(result).map((i) => ({
    size: result.sizes[i],
    linear: pct(result.linear.mean[i]),
    linearRange: range(result.linear.min[i], result.linear.max[i]),
    network: pct(result.network.mean[i]),
    networkRange: range(result.network.min[i], result.network.max[i]),
  }));
}

/**
 * The chart, in percent: each model's mean (solid) and, dashed in the same colour, its lowest and
 * its highest run at each size.
 */
export function chartSeries(result: DataSizeResult): LineSeries[] {
  const done = measured(result);
  const line = (values: readonly number[]): XY[] => done.map((i) => ({ x: result.sizes[i], y: values[i] * 100 }));
  const model = (curve: DataSizeResult['linear'], name: 'linear' | 'network', color: string): LineSeries[] => [
    { label: t(`datasize.series.${name}` as MessageKey), color, points: line(curve.mean) },
    { label: t(`datasize.series.${name}.min` as MessageKey), color, dashed: true, points: line(curve.min) },
    { label: t(`datasize.series.${name}.max` as MessageKey), color, dashed: true, points: line(curve.max) },
  ];
  return [...model(result.linear, 'linear', LINEAR_COLOR), ...model(result.network, 'network', NETWORK_COLOR)];
}

/** The chart's text alternative: each model's mean accuracy at every size measured. */
export function chartSummary(result: DataSizeResult): string {
  const list = (mean: readonly number[]) => measured(result).map((i) => `${result.sizes[i]}: ${pct(mean[i])}`).join(', ');
  return t('datasize.chart.summary', { linear: list(result.linear.mean), network: list(result.network.mean) });
}

/** Every run: size, repeat (1…), the linear model's and the network's test accuracy. */
export function resultCSV(result: DataSizeResult): string {
  const rows: (string | number)[][] = [];
  result.sizes.forEach((size, i) => {
    result.linear.runs[i].forEach((linear, r) => {
      const network = result.network.runs[i][r];
      if (Number.isFinite(linear) && Number.isFinite(network)) rows.push([size, r + 1, linear, network]);
    });
  });
  return toCSV(['size', 'repeat', 'linear', 'network'], rows);
}
