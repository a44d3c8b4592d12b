import { describe, expect, test } from 'vitest';
import { median } from '../../bench/median.ts';

describe('median', () => {
  test('median(values) of an odd count is the middle value, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([7])).toBe(7);
    expect(median([10, -4, 5, 0, 99])).toBe(5);
  });

  test('median(values) of an even count is the mean of the two middle values', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1, 100])).toBe(50.5);
  });

  test('median(values) sorts numerically and leaves its argument unchanged', () => {
    const values = [10, 9, 100, 2];
    expect(median(values)).toBe(9.5);
    expect(values).toEqual([10, 9, 100, 2]);
  });

  test('median([]) throws', () => {
    expect(() => median([])).toThrow(/at least one value/);
  });
});
