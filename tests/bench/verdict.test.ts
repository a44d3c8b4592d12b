import { describe, expect, test } from 'vitest';
import { capsCrossed, MAX_FRAME_MS, MIN_EPOCHS_PER_SECOND, verdict } from '../../bench/verdict.ts';
import { countParameters, MAX_PARAMS, MAX_POINTS } from '../../src/widgets/NetworkPlayground/settings.ts';

describe('verdict', () => {
  test('verdict(epochsPerSecond, frameMs) is "interactive" within both limits, the limits included', () => {
    expect(MIN_EPOCHS_PER_SECOND).toBe(30);
    expect(MAX_FRAME_MS).toBe(8);
    expect(verdict(30, 8)).toBe('interactive');
    expect(verdict(5000, 0.4)).toBe('interactive');
  });

  test.each([
    [29.9, 8, 'under 30 epochs/s'],
    [30, 8.01, 'frame over 8 ms'],
    [10, 20, 'under 30 epochs/s, frame over 8 ms'],
    [NaN, NaN, 'under 30 epochs/s, frame over 8 ms'],
  ])('verdict(%s, %s) names the limit crossed: %s', (rate, frame, expected) => {
    expect(verdict(rate, frame)).toBe(expected);
  });
});

describe('capsCrossed', () => {
  test('capsCrossed(layers, points, params) is empty within the caps, the largest allowed included', () => {
    expect(capsCrossed([12, 12, 12, 12, 12, 12], 400, countParameters('circle', [12, 12, 12, 12, 12, 12]))).toEqual([]);
    expect(capsCrossed([8, 8], MAX_POINTS, 105)).toEqual([]);
    expect(capsCrossed([], 20, 3)).toEqual([]);
  });

  test('capsCrossed names each cap crossed: points, parameters, layers, units', () => {
    expect(capsCrossed([8, 8], 2000, 105)).toEqual(['2000 points > 1000']);
    const wide = [64, 64];
    expect(countParameters('circle', wide)).toBeGreaterThan(MAX_PARAMS);
    expect(capsCrossed(wide, 400, countParameters('circle', wide))).toEqual(['4417 parameters > 1000']);
    expect(capsCrossed([2, 2, 2, 2, 2, 2, 2], 10, 45)).toEqual(['7 layers > 6', '10 points < 20']);
    expect(capsCrossed([65], 400, 261)).toEqual(['65 units > 64']);
  });
});
