import { describe, expect, test } from 'vitest';
import { cleanRange, LEGEND, legendLayout, linearTicks, logTickLabels, logTicks, nearestPoint, niceRange, niceStep } from '../../../src/components/charts/chart-layout.ts';

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
});
