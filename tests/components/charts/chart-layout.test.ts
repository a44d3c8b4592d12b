import { describe, expect, test } from 'vitest';
import { AXIS, chartLayout, cleanRange, LEGEND, legendLayout, linearTicks, logTickLabels, logTicks, nearestPoint, niceRange, niceStep, type LayoutInput } from '../../../src/components/charts/chart-layout.ts';

describe('chart layout', () => {
  test('niceStep is 1, 2, 2.5 or 5 times a power of ten near a fifth of the span', () => {
    expect(niceStep(1)).toBeCloseTo(0.2, 15);
    expect(niceStep(10)).toBe(2);
    expect(niceStep(1.26)).toBe(0.25);
    expect(niceStep(30)).toBe(5);
    expect(niceStep(45)).toBe(10);
    expect(niceStep(0.007)).toBeCloseTo(0.001, 15);
    expect(niceStep(2000)).toBe(500);
  });

  test('niceRange widens the data to whole steps', () => {
    expect(niceRange(0.13, 0.91, false)).toEqual([0, 1]);
    expect(niceRange(3, 197, false)).toEqual([0, 200]);
    expect(niceRange(-1.7, 2.2, false)).toEqual([-2, 3]);
    // the derivatives of the activation functions, GELU's dip to its peak
    expect(niceRange(-0.13, 1.13, false)).toEqual([-0.25, 1.25]);
    // data already on a step stays there
    expect(niceRange(0, 40, false)).toEqual([0, 40]);
  });

  test('niceRange gives a single value, no data and unplottable data a range that can be drawn', () => {
    expect(niceRange(5, 5, false)).toEqual([4.5, 5.5]);
    expect(niceRange(0, 0, false)).toEqual([-1, 1]);
    expect(niceRange(null, null, false)).toEqual([0, 1]);
    expect(niceRange(NaN, 3, false)).toEqual([0, 1]);
    expect(niceRange(-Infinity, 3, false)).toEqual([0, 1]);
    // a span a double cannot split into steps (a denormal) still gives lo < hi
    const [lo, hi] = niceRange(5e-324, 1e-323, false);
    expect(lo).toBeLessThan(hi);
    const [a, b] = niceRange(1, 1 + 2 ** -52, false);
    expect(a).toBeLessThan(b);
  });

  test('niceRange on a log axis covers whole decades', () => {
    expect(niceRange(0.003, 0.7, true)).toEqual([0.001, 1]);
    expect(niceRange(1, 100, true)).toEqual([1, 100]);
    expect(niceRange(2, 2, true)).toEqual([1, 10]);
    expect(niceRange(10, 10, true)).toEqual([10, 100]);
    expect(niceRange(0, 5, true)).toEqual([1, 10]);
    expect(niceRange(null, null, true)).toEqual([1, 10]);
    const [lo, hi] = niceRange(1e-320, 1e300, true);
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeGreaterThan(lo);
  });

  test('linearTicks: every multiple of the step in the range, without rounding noise, and never an endless list', () => {
    expect(linearTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(-0.25, 1.25)).toEqual([-0.25, 0, 0.25, 0.5, 0.75, 1, 1.25]);
    expect(linearTicks(-5, 5)).toEqual([-4, -2, 0, 2, 4]);
    expect(linearTicks(0.1, 0.7)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(linearTicks(0, 2000)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(linearTicks(1, 1)).toEqual([]);
    expect(linearTicks(NaN, 1)).toEqual([]);
    expect(linearTicks(0, Infinity)).toEqual([]);
    // spans a double cannot step through give the two ends
    expect(linearTicks(5e-324, 1e-323).length).toBeLessThanOrEqual(100);
    expect(linearTicks(1, 1 + 2 ** -52).length).toBeLessThanOrEqual(100);
    expect(linearTicks(-1e308, 1e308).length).toBeLessThanOrEqual(100);
  });

  test('logTicks: decades from three up, thinned to the room there is; 1, 2, 5 over a decade or two; more under one', () => {
    expect(logTicks(1e-16, 10, 40)).toEqual([1e-16, 1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10]);
    // 18 decades in room for 9 ticks: every second one
    expect(logTicks(1e-16, 10, 9)).toEqual([1e-16, 1e-14, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 0.01, 1]);
    expect(logTicks(0.001, 1, 10)).toEqual([0.001, 0.01, 0.1, 1]);
    expect(logTicks(1, 100, 10)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks(2, 3, 10)).toEqual([2, 3]);
    expect(logTicks(1.1, 1.2, 10)).toEqual([1.1, 1.2]);
    expect(logTicks(0, 10, 10)).toEqual([]);
    expect(logTicks(1, NaN, 10)).toEqual([]);
    expect(logTicks(1e-300, 1e300, 5).length).toBeLessThanOrEqual(6);
  });

  test('cleanRange keeps only a finite, increasing range (positive on a log axis)', () => {
    expect(cleanRange([0, 1], false)).toEqual([0, 1]);
    expect(cleanRange([1, 1], false)).toBeUndefined();
    expect(cleanRange([2, 1], false)).toBeUndefined();
    expect(cleanRange([0, NaN], false)).toBeUndefined();
    expect(cleanRange([0, 10], true)).toBeUndefined();
    expect(cleanRange(undefined, false)).toBeUndefined();
  });

  test('logTickLabels: 1, 2 and 5 on a narrow axis, powers of ten from three decades, spaced ticks under a decade', () => {
    const decade = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(logTickLabels(decade, 1, 10)).toEqual(['1', '2', '', '', '5', '', '', '', '', '10']);
    const wide = [0.001, 0.002, 0.005, 0.01, 0.1, 0.5, 1];
    expect(logTickLabels(wide, 0.001, 1)).toEqual(['0.001', '', '', '0.01', '0.1', '', '1']);
    const narrow = [2, 2.2, 2.4, 2.6, 2.8, 3];
    const labels = logTickLabels(narrow, 2, 3);
    expect(labels[0]).toBe('2');
    expect(labels.filter((l) => l !== '').length).toBeGreaterThanOrEqual(3);
    expect(logTickLabels([0, -1], 1, 10)).toEqual(['', '']);
  });

  test('legendLayout wraps entries into rows no wider than the chart', () => {
    const one = LEGEND.swatch + LEGEND.gap;
    const { spots, height } = legendLayout([50, 50, 50], 2 * (one + 50) + LEGEND.spacing);
    expect(spots).toEqual([
      { x: 0, row: 0 },
      { x: one + 50 + LEGEND.spacing, row: 0 },
      { x: 0, row: 1 },
    ]);
    expect(height).toBe(2 * LEGEND.rowHeight + 2 * LEGEND.pad);
    // an entry wider than the chart still gets a row of its own
    expect(legendLayout([500, 10], 100).spots).toEqual([
      { x: 0, row: 0 },
      { x: 0, row: 1 },
    ]);
    expect(legendLayout([], 300)).toEqual({ spots: [], height: 0 });
  });

  test('nearestPoint finds the closest point across series, within the radius', () => {
    const xs = [
      [0, 10, 20],
      [5, 15],
    ];
    const ys = [
      [0, 0, 0],
      [10, 3],
    ];
    expect(nearestPoint(xs, ys, 14, 2)).toEqual({ series: 1, index: 1, distance: Math.hypot(1, 1) });
    expect(nearestPoint(xs, ys, 100, 100, 10)).toBeNull();
    expect(nearestPoint([[NaN]], [[0]], 0, 0)).toBeNull();
    expect(nearestPoint([], [], 0, 0)).toBeNull();
  });

  /** A chart input: 7 px per character of a tick label, 13 px titles, 20 px above the plot. */
  const input = (over: Partial<LayoutInput>): LayoutInput => ({
    width: 600,
    height: 300,
    x: { label: 'step' },
    y: { label: 'loss' },
    series: [],
    top: 20,
    titleSize: 13,
    measure: (text) => 7 * text.length,
    ...over,
  });

  test('chartLayout: the y labels and titles set the margins, the plot takes the rest, and the data maps onto it', () => {
    const l = chartLayout(input({ series: [[{ x: 0, y: 0.13 }, { x: 100, y: 0.91 }]] }));
    // y from 0 to 1 in steps of 0.2: the widest label is "0.2" (3 characters, 21 px)
    expect([l.y.min, l.y.max]).toEqual([0, 1]);
    expect(l.y.labels).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    const left = 13 + 8 + 21 + AXIS.gap + AXIS.tick + 2;
    expect(l.plot).toEqual({ left, top: 20, width: 600 - left - AXIS.right, height: 300 - 20 - AXIS.xLabels - 21 });
    expect(l.x.ticks).toEqual([0, 20, 40, 60, 80, 100]);
    // the ends of the ranges are the plot's edges, and toVal undoes toPx
    expect(l.x.toPx(0)).toBe(left);
    expect(l.x.toPx(100)).toBe(left + l.plot.width);
    expect(l.y.toPx(0)).toBe(20 + l.plot.height);
    expect(l.y.toPx(1)).toBe(20);
    expect(l.x.toVal(l.x.toPx(37.5))).toBeCloseTo(37.5, 12);
    expect(l.y.toVal(l.y.toPx(0.42))).toBeCloseTo(0.42, 12);
  });

  test('chartLayout without axis titles gives their bands to the plot; a given range wins over the data', () => {
    const l = chartLayout(input({ x: { label: '', range: [-3, 3] }, y: { label: '' }, series: [[{ x: 0, y: 5 }]] }));
    expect([l.x.min, l.x.max]).toEqual([-3, 3]);
    expect([l.y.min, l.y.max]).toEqual([4.5, 5.5]);
    expect(l.plot.height).toBe(300 - 20 - AXIS.xLabels);
    // "5.4" and "4.6" are 3 characters: no title band on the left
    expect(l.plot.left).toBe(21 + AXIS.gap + AXIS.tick + 2);
  });

  test('chartLayout on a log axis: decades, points ≤ 0 left out of the range and off the chart, log ticks thinned to the height', () => {
    const points = [{ x: 1, y: 0 }, { x: 2, y: 3e-9 }, { x: 3, y: 0.5 }, { x: 4, y: -1 }];
    const tall = chartLayout(input({ y: { label: 'loss', log: true }, series: [points] }));
    expect([tall.y.min, tall.y.max]).toEqual([1e-9, 1]);
    expect(Number.isNaN(tall.y.toPx(0))).toBe(true);
    expect(Number.isNaN(tall.y.toPx(-1))).toBe(true);
    expect(tall.y.toPx(1e-9)).toBeCloseTo(tall.plot.top + tall.plot.height, 9);
    // 1e-4 is five decades up from the bottom of nine: four ninths of the way down from the top
    expect(tall.y.toPx(1e-4)).toBeCloseTo(tall.plot.top + (4 / 9) * tall.plot.height, 9);
    const short = chartLayout(input({ height: 120, y: { label: 'loss', log: true }, series: [points] }));
    expect(short.y.ticks.length).toBeLessThan(tall.y.ticks.length);
    expect(short.y.ticks.length).toBeGreaterThanOrEqual(2);
  });

  test('chartLayout never gives an empty or inverted plot, whatever the size and data', () => {
    for (const [width, height] of [[0, 0], [1, 1], [40, 30], [NaN, 200], [1e6, 1e6]]) {
      const l = chartLayout(input({ width: Number.isFinite(width) ? width : 0, height, series: [[{ x: NaN, y: Infinity }]] }));
      expect(l.plot.width).toBeGreaterThanOrEqual(1);
      expect(l.plot.height).toBeGreaterThanOrEqual(1);
      expect([l.x.min, l.x.max]).toEqual([0, 1]);
      expect(Number.isFinite(l.x.toPx(0.5)) && Number.isFinite(l.y.toPx(0.5))).toBe(true);
    }
  });
});
