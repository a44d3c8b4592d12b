import { describe, expect, test } from 'vitest';
import { mapsPerSecond } from '../../bench/scaling.ts';

describe('mapsPerSecond: the decision maps a second the scaling table reports', () => {
  test('within the frame budget, one a frame at 60 Hz', () => {
    expect(mapsPerSecond(0.5)).toBeCloseTo(60, 12);
    expect(mapsPerSecond(8)).toBeCloseTo(60, 12);
  });
  test('past it, one every twice the map\'s cost, never fewer than four a second', () => {
    expect(mapsPerSecond(8.5)).toBeCloseTo(1000 / 17, 12);
    expect(mapsPerSecond(15.66)).toBeCloseTo(1000 / 31.32, 12);
    expect(mapsPerSecond(400)).toBe(4);
  });
});
