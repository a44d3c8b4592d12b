import { describe, expect, test } from 'vitest';
import { mix, parseColor, toCss, withAlpha } from '../../../src/components/charts/color.ts';
import { formatNumber } from '../../../src/components/charts/format.ts';
import { buildLut, clipLine, fillClassPixels, fillPixels, heatmapGrid, LUT_SIZE, packRGBA, upperShare } from '../../../src/components/charts/heatmap-render.ts';
import { describeSeries, drawablePoints } from '../../../src/components/charts/summary.ts';

describe('color', () => {
  test.each([
    ['#3b46c4', [59, 70, 196, 1]],
    ['#FFF', [255, 255, 255, 1]],
    ['#0008', [0, 0, 0, 0x88 / 255]],
    ['#11223380', [17, 34, 51, 0x80 / 255]],
    ['rgb(1, 2, 3)', [1, 2, 3, 1]],
    ['rgba(10,20,30,0.5)', [10, 20, 30, 0.5]],
    ['rgb(10 20 30 / 25%)', [10, 20, 30, 0.25]],
    ['rgb(100%, 0%, 50%)', [255, 0, 128, 1]],
  ])('parseColor(%j)', (text, rgba) => {
    const parsed = parseColor(text)!;
    expect(parsed.slice(0, 3)).toEqual(rgba.slice(0, 3));
    expect(parsed[3]).toBeCloseTo(rgba[3] as number, 6);
  });

  test.each(['', 'red', '#12345', 'rgb(1,2)', 'rgb(a,b,c)', 'var(--nn-x)'])('parseColor(%j) is null', (text) => {
    expect(parseColor(text)).toBeNull();
  });

  test('mix goes channel by channel and clamps t to [0, 1]', () => {
    expect(mix([0, 0, 0, 1], [200, 100, 50, 1], 0.5)).toEqual([100, 50, 25, 1]);
    expect(mix([0, 0, 0, 1], [200, 100, 50, 1], 2)).toEqual([200, 100, 50, 1]);
    expect(mix([0, 0, 0, 1], [200, 100, 50, 1], -1)).toEqual([0, 0, 0, 1]);
  });

  test('withAlpha and toCss', () => {
    expect(withAlpha('#3b46c4', 0.16)).toBe('rgba(59, 70, 196, 0.16)');
    expect(withAlpha('not a colour', 0.5)).toBe('not a colour');
    expect(toCss([1, 2, 3, 0.5], 0.5)).toBe('rgba(1, 2, 3, 0.25)');
  });
});

describe('formatNumber', () => {
  test.each([
    [0, '0'],
    [0.25, '0.25'],
    [0.1 + 0.2, '0.3'],
    [1234.5678, '1235'],
    [-0.5, '\u22120.5'],
    [1e-7, '1e\u22127'],
    [9.5367e-7, '9.54e\u22127'],
    [250000, '2.5e5'],
    [NaN, '–'],
    [Infinity, '–'],
  ])('formatNumber(%d) is %j', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('summary', () => {
  test('drawablePoints drops non-finite points, and y ≤ 0 on a log axis', () => {
    const points = [
      { x: 0, y: 1 },
      { x: 1, y: NaN },
      { x: Infinity, y: 2 },
      { x: 2, y: 0 },
      { x: 3, y: -1 },
    ];
    expect(drawablePoints(points)).toEqual([{ x: 0, y: 1 }, { x: 2, y: 0 }, { x: 3, y: -1 }]);
    expect(drawablePoints(points, true)).toEqual([{ x: 0, y: 1 }]);
  });

  test('describeSeries gives count, ranges and the last point', () => {
    expect(describeSeries('Loss', [{ x: 0, y: 0.69 }, { x: 1, y: 0.5 }, { x: 2, y: 0.4 }])).toBe(
      'Loss: 3 points, x from 0 to 2, y from 0.4 to 0.69, last point (2, 0.4).',
    );
    expect(describeSeries('Empty', [])).toBe('Empty: no points.');
  });
});

describe('heatmap-render', () => {
  test('packRGBA lays bytes out as R, G, B, A in memory (ImageData order)', () => {
    const word = new Uint32Array([packRGBA([1, 2, 3, 1])]);
    expect([...new Uint8Array(word.buffer)]).toEqual([1, 2, 3, 255]);
  });

  test('buildLut runs from the first stop to the last through the middle one', () => {
    const lut = buildLut([
      [0, 0, 0, 1],
      [100, 100, 100, 1],
      [200, 0, 0, 1],
    ]);
    const bytes = (i: number) => [...new Uint8Array(new Uint32Array([lut[i]]).buffer)];
    expect(lut).toHaveLength(LUT_SIZE);
    expect(bytes(0)).toEqual([0, 0, 0, 255]);
    expect(bytes(LUT_SIZE - 1)).toEqual([200, 0, 0, 255]);
    // Entry 127.5 would be the middle stop exactly; 127 is just below it.
    expect(bytes(127)[0]).toBe(Math.round((127 / 255) * 2 * 100));
    expect(() => buildLut([[0, 0, 0, 1]])).toThrow(/2 colour stops/);
  });

  test('fillPixels maps the domain onto the table, clamps, and marks non-finite values', () => {
    const lut = new Uint32Array(LUT_SIZE).map((_, i) => i);
    const out = new Uint32Array(7);
    fillPixels(out, [0, 1, 0.5, -3, 9, NaN, Infinity], 7, lut, [0, 1], false, 9999);
    expect([...out]).toEqual([0, 255, 128, 0, 255, 9999, 9999]);
  });

  test('fillPixels with discretize gives two flat colours split at the middle', () => {
    const lut = new Uint32Array(LUT_SIZE).map((_, i) => i);
    const out = new Uint32Array(4);
    fillPixels(out, [-1, -0.01, 0, 0.7], 4, lut, [-1, 1], true, 9999);
    expect([...out]).toEqual([0, 0, 255, 255]);
  });

  test('fillPixels treats missing values (short array) as non-finite', () => {
    const lut = new Uint32Array(LUT_SIZE).map((_, i) => i);
    const out = new Uint32Array(3);
    fillPixels(out, [1], 3, lut, [0, 1], false, 7);
    expect([...out]).toEqual([255, 7, 7]);
  });

  test('heatmapGrid samples cell centres, row 0 at the top', () => {
    const { xs, ys } = heatmapGrid({ xMin: 0, xMax: 4, yMin: -2, yMax: 2 }, 4, 2);
    expect([...xs]).toEqual([0.5, 1.5, 2.5, 3.5]);
    expect([...ys]).toEqual([1, -1]);
  });

  const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

  test('clipLine clips x + y = 0 to the box diagonal', () => {
    const seg = clipLine(1, 1, 0, box)!;
    const ends = [
      [seg[0], seg[1]],
      [seg[2], seg[3]],
    ].sort((a, b) => a[0] - b[0]);
    expect(ends).toEqual([
      [-1, 1],
      [1, -1],
    ]);
  });

  test('clipLine handles vertical and horizontal lines', () => {
    expect(clipLine(1, 0, -0.5, box)).toEqual([0.5, -1, 0.5, 1]);
    expect(clipLine(0, 2, 1, box)).toEqual([-1, -0.5, 1, -0.5]);
  });

  test('clipLine returns null for a line outside the box, or no line at all', () => {
    expect(clipLine(1, 1, -5, box)).toBeNull();
    expect(clipLine(0, 0, 1, box)).toBeNull();
    expect(clipLine(NaN, 1, 0, box)).toBeNull();
    expect(clipLine(1, 1, -2, box)).toBeNull(); // touches one corner only
  });

  test('clipLine endpoints lie on the line', () => {
    const [x0, y0, x1, y1] = clipLine(0.7, -1.3, 0.2, box)!;
    expect(0.7 * x0 - 1.3 * y0 + 0.2).toBeCloseTo(0, 12);
    expect(0.7 * x1 - 1.3 * y1 + 0.2).toBeCloseTo(0, 12);
  });

  test('upperShare counts finite values at or above the middle', () => {
    expect(upperShare([0, 0.2, 0.5, 0.9, NaN], 5, [0, 1])).toBe(0.5);
    expect(upperShare([NaN], 1, [0, 1])).toBeNaN();
  });
});

describe('fillClassPixels', () => {
  const surface: [number, number, number, number] = [255, 255, 255, 1];
  const classes: [number, number, number, number][] = [
    [200, 0, 0, 1],
    [0, 0, 200, 1],
    [0, 100, 0, 1],
  ];

  test('fillClassPixels(pixels, label, confidence) mixes each class colour by 0.1 + 0.5·confidence', () => {
    const pixels = new Uint32Array(3);
    fillClassPixels(pixels, [0, 1, 2], [1, 0, 0.5], 3, surface, classes, false);
    expect(pixels[0]).toBe(packRGBA(mix(surface, classes[0], 0.6)));
    expect(pixels[1]).toBe(packRGBA(mix(surface, classes[1], 0.1)));
    expect(pixels[2]).toBe(packRGBA(mix(surface, classes[2], 0.35)));
  });

  test('fillClassPixels with discretize uses a flat 0.55, and an unknown label shows the surface', () => {
    const pixels = new Uint32Array(2);
    fillClassPixels(pixels, [1, 7], [0.2, 0.9], 2, surface, classes, true);
    expect(pixels[0]).toBe(packRGBA(mix(surface, classes[1], 0.55)));
    expect(pixels[1]).toBe(packRGBA(surface));
  });
});
