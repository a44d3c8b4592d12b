import { describe, expect, test } from 'vitest';
import { isoline, logLevels, sampleGrid } from '../../src/engine/contours.ts';

describe('contours', () => {
  const e = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };
  const f = (x: number, y: number) => x * x + y * y;
  test('sampleGrid puts row 0 at yMin and column 0 at xMin', () => {
    const v = sampleGrid((x, y) => 10 * x + y, e, 3, 3);
    expect(Array.from(v)).toEqual([-22, -2, 18, -20, 0, 20, -18, 2, 22]);
  });
  test('isoline of x² + y² at level 1 lies on the unit circle (within the grid’s linear error)', () => {
    const v = sampleGrid(f, e, 81, 81);
    const seg = isoline(v, 81, 81, e, 1);
    expect(seg.length).toBeGreaterThan(4 * 40);
    for (let i = 0; i < seg.length; i += 2) expect(Math.hypot(seg[i], seg[i + 1])).toBeCloseTo(1, 2);
    expect(isoline(v, 81, 81, e, 100)).toEqual([]);
    expect(() => isoline(v, 80, 81, e, 1)).toThrow(/values/);
  });
  test('logLevels are evenly spaced in log(f − f_min), increasing', () => {
    const v = sampleGrid(f, e, 41, 41);
    const levels = logLevels(v, 0, 5);
    expect(levels).toHaveLength(5);
    const logs = levels.map(Math.log);
    for (let i = 1; i < 5; i++) expect(logs[i] - logs[i - 1]).toBeCloseTo(logs[1] - logs[0], 10);
    expect(logLevels([0, 0], 0, 3)).toEqual([]);
  });
});
