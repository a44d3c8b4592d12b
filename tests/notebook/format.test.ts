import { describe, expect, test } from 'vitest';
import { formatCell, formatValue } from '../../src/notebook/format.ts';

describe('formatValue', () => {
  test.each([
    [0.1 + 0.2, '0.30000000000000004'],
    [-0, '-0'],
    [1e21, '1e+21'],
    [NaN, 'NaN'],
    [10n, '10n'],
    ['hi', '"hi"'],
    [null, 'null'],
    [undefined, 'undefined'],
    [[1, [2, [3, [4]]]], '[1, [2, [3, Array(1)]]]'],
    [new Float64Array([0.25, 1]), 'Float64Array(2) [0.25, 1]'],
    [new Map([['a', 1]]), 'Map(1) { "a" => 1 }'],
    [new Set([1]), 'Set(1) [1]'],
    [{ a: 1, 'b c': [2] }, '{ a: 1, "b c": [2] }'],
    [new RangeError('too far'), 'RangeError: too far'],
    [function named() {}, '[Function named]'],
  ])('formatValue(%o) is %s', (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  test('formatValue marks circular references, cuts long arrays and names classes', () => {
    const a: unknown[] = [1];
    a.push(a);
    expect(formatValue(a)).toBe('[1, [Circular]]');
    expect(formatValue(Array.from({ length: 150 }, (_, i) => i))).toMatch(/, 99, … 50 more\]$/);
    class Point {
      x = 1;
    }
    expect(formatValue(new Point())).toBe('Point { x: 1 }');
    expect(formatValue('a'.repeat(5000)).length).toBeLessThan(4100);
  });

  test('print leaves strings bare; a table cell leaves strings bare and a missing value empty', () => {
    expect(formatValue('hi', false)).toBe('hi');
    // a printed string is kept whole (a CSV of many lines); as a result it is cut like any value
    expect(formatValue('a,b\n'.repeat(3000), false)).toBe('a,b\n'.repeat(3000));
    expect(formatValue('a'.repeat(5000), true).length).toBeLessThan(4100);
    expect(formatCell('x')).toBe('x');
    expect(formatCell(undefined)).toBe('');
    expect(formatCell(0.5)).toBe('0.5');
  });
});
