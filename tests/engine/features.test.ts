import { describe, expect, test } from 'vitest';
import {
  featureColumns,
  featureGrid,
  featureKeys,
  featureLabels,
  featureRows,
  featureValue,
  handFeatureKeys,
  isHandFeature,
  linspace,
} from '../../src/engine/index.ts';

describe('feature names', () => {
  test('the two raw inputs come first, then the five hand-made features, each with its label', () => {
    expect(featureKeys).toEqual(['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2']);
    expect(handFeatureKeys).toEqual(featureKeys.slice(2));
    expect(featureKeys.map((k) => featureLabels[k])).toEqual(['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁x₂', 'sin x₁', 'sin x₂']);
  });

  test('isHandFeature accepts the five hand-made names only', () => {
    for (const k of handFeatureKeys) expect(isHandFeature(k)).toBe(true);
    for (const bad of ['x1', 'x2', 'X1SQ', 'cos', '', 3, null, undefined, ['x1sq']]) expect(isHandFeature(bad)).toBe(false);
  });
});

describe('featureValue', () => {
  test('at (0.5, −2) every feature has its hand value', () => {
    const at = (k: (typeof featureKeys)[number]) => featureValue(k, 0.5, -2);
    expect(at('x1')).toBe(0.5);
    expect(at('x2')).toBe(-2);
    expect(at('x1sq')).toBe(0.25);
    expect(at('x2sq')).toBe(4);
    expect(at('x1x2')).toBe(-1);
    expect(at('sinx1')).toBe(Math.sin(0.5));
    expect(at('sinx2')).toBe(Math.sin(-2));
    expect(at('sinx2')).toBeCloseTo(-0.9092974268256817, 15);
  });

  test('an unknown feature throws, naming it', () => {
    expect(() => featureValue('x3' as never, 1, 2)).toThrow(/feature must be one of x1, x2, x1sq.*got x3/);
    // names inherited from Object.prototype are not features either
    expect(() => featureValue('constructor' as never, 1, 2)).toThrow(/got constructor/);
    expect(() => featureValue('toString' as never, 1, 2)).toThrow(/got toString/);
  });
});

describe('featureColumns', () => {
  test('x1, x2 always first, then the chosen features in canonical order, duplicates dropped', () => {
    expect(featureColumns([])).toEqual(['x1', 'x2']);
    expect(featureColumns(['sinx2', 'x1sq'])).toEqual(['x1', 'x2', 'x1sq', 'sinx2']);
    expect(featureColumns(['x2sq', 'x1sq', 'x2sq', 'x1sq'])).toEqual(['x1', 'x2', 'x1sq', 'x2sq']);
    expect(featureColumns([...handFeatureKeys].reverse())).toEqual([...featureKeys]);
  });

  test('an unknown name (raw inputs included) throws with a message naming the bad value', () => {
    expect(() => featureColumns(['x1sq', 'cos'])).toThrow(/hand feature must be one of x1sq, x2sq, x1x2, sinx1, sinx2, got "cos"/);
    expect(() => featureColumns(['x1'])).toThrow(/got "x1"/);
    expect(() => featureColumns([3 as never])).toThrow(/got 3/);
    expect(() => featureColumns('x1sq' as never)).toThrow(/must be an array of names, got string/);
  });
});

describe('featureRows', () => {
  test('one row per point, one column per feature, in the order of the columns', () => {
    const rows = featureRows(
      [
        [0.5, -2],
        [3, 1],
      ],
      featureColumns(['x1x2', 'x1sq', 'sinx2']),
    );
    expect(rows).toEqual([
      [0.5, -2, 0.25, -1, Math.sin(-2)],
      [3, 1, 9, 3, Math.sin(1)],
    ]);
    expect(featureRows([[2, -3]], ['x2sq', 'x1'])).toEqual([[9, 2]]);
  });

  test('bad points or an unknown column throw', () => {
    expect(() => featureRows([], ['x1'])).toThrow(/points is empty/);
    expect(() => featureRows([[1, 2, 3]], ['x1'])).toThrow(/points\[0\] has 3 values but 2 were expected/);
    expect(() => featureRows([[1, NaN]], ['x1'])).toThrow(/points\[0\]\[1\] must be a finite number/);
    expect(() => featureRows([[1, 2]], ['x1', 'cube' as never])).toThrow(/got cube/);
  });
});

describe('featureGrid', () => {
  test('row r at ys[r], column c at xs[c]: row 0 is the first y, as a heatmap drawn from the top wants', () => {
    const xs = [-1, 0.5, 2];
    const ys = [3, -2]; // top to bottom
    expect(Array.from(featureGrid('x1x2', xs, ys))).toEqual([-3, 1.5, 6, 2, -1, -4]);
    expect(Array.from(featureGrid('x2', xs, ys))).toEqual([3, 3, 3, -2, -2, -2]);
    expect(Array.from(featureGrid('x1sq', xs, ys))).toEqual([1, 0.25, 4, 1, 0.25, 4]);
    const sin = featureGrid('sinx2', xs, ys);
    expect(sin).toBeInstanceOf(Float64Array);
    expect(sin[4]).toBe(Math.sin(-2));
  });

  test('every cell equals featureValue at its grid point, for every feature', () => {
    const xs = linspace(-1.5, 1.5, 7);
    const ys = linspace(1.5, -1.5, 5);
    for (const k of featureKeys) {
      const g = featureGrid(k, xs, ys);
      expect(g.length).toBe(35);
      for (let r = 0; r < ys.length; r++) for (let c = 0; c < xs.length; c++) expect(g[r * 7 + c]).toBe(featureValue(k, xs[c], ys[r]));
    }
  });

  test('an unknown feature throws', () => {
    expect(() => featureGrid('x3' as never, [0], [0])).toThrow(/got x3/);
  });
});
