import { describe, expect, test } from 'vitest';
import { csvField, toCSV } from '../../../src/components/widget/csv.ts';
import { MAX_SEED, parseSeed } from '../../../src/components/widget/seed.ts';

describe('parseSeed', () => {
  test.each([
    ['0', 0],
    ['42', 42],
    [' 007 ', 7],
    ['2147483647', 2147483647],
  ])('parseSeed(%j) is %d', (text, seed) => {
    expect(parseSeed(text)).toEqual({ ok: true, seed });
  });

  test.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['-1', 'format'],
    ['+1', 'format'],
    ['1.5', 'format'],
    ['1e3', 'format'],
    ['NaN', 'format'],
    ['2147483648', 'range'],
    ['99999999999999999999', 'range'],
  ])('parseSeed(%j) fails with %s', (text, error) => {
    expect(parseSeed(text)).toEqual({ ok: false, error });
  });

  test('MAX_SEED is 2^31 - 1', () => {
    expect(MAX_SEED).toBe(2147483647);
  });
});

describe('csv', () => {
  test('csvField writes numbers in full, non-finite as empty', () => {
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(NaN)).toBe('');
    expect(csvField(-Infinity)).toBe('');
    expect(csvField(-3)).toBe('-3');
  });

  test('csvField quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  test('csvField defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1+2')).toBe("'-1+2");
  });

  test('toCSV joins a header and rows with CRLF and ends with one', () => {
    expect(toCSV(['epoch', 'loss'], [[0, 0.69], [1, 0.5]])).toBe('epoch,loss\r\n0,0.69\r\n1,0.5\r\n');
  });
});
