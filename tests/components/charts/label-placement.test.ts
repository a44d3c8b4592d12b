import { describe, expect, test } from 'vitest';
import { boxesOverlap, placeLabels, segmentHitsBox, type Segment } from '../../../src/components/charts/label-placement.ts';

/** Three points close together, as the tanh, sigmoid and GELU peaks are. */
const PEAKS = [
  { px: 300, py: 60, width: 90, height: 14 },
  { px: 300, py: 150, width: 120, height: 14 },
  { px: 330, py: 50, width: 110, height: 14 },
];

describe('label placement', () => {
  test('segmentHitsBox: crossing, inside and missing segments', () => {
    const box = { x: 0, y: 0, w: 10, h: 10 };
    expect(segmentHitsBox([-5, 5, 15, 5], box)).toBe(true);
    expect(segmentHitsBox([2, 2, 3, 3], box)).toBe(true);
    expect(segmentHitsBox([-5, -5, -1, 20], box)).toBe(false);
    expect(segmentHitsBox([11, 0, 11, 10], box)).toBe(false);
  });

  test('placeLabels keeps labels apart, off the lines, inside the area, and nearer their own point than any other', () => {
    const area = { x: 0, y: 0, w: 600, h: 300 };
    // three points close together, as the tanh, sigmoid and GELU peaks are, and lines through them
    const requests = PEAKS;
    const segments: Segment[] = [
      [0, 60, 600, 60],
      [300, 0, 300, 300],
      [0, 150, 600, 150],
      [0, 200, 600, 40],
    ];
    const boxes = placeLabels(requests, area, segments);
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i];
      expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= 600 && b.y + b.h <= 300).toBe(true);
      for (const s of segments) expect(segmentHitsBox(s, b)).toBe(false);
      for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(b, boxes[j])).toBe(false);
      const d = (r: (typeof requests)[number]) =>
        Math.hypot(Math.max(b.x - r.px, 0, r.px - b.x - b.w), Math.max(b.y - r.py, 0, r.py - b.y - b.h));
      for (let j = 0; j < requests.length; j++) if (j !== i) expect(d(requests[i])).toBeLessThanOrEqual(d(requests[j]));
    }
  });

  test('with a clearance, every label keeps that far from every line, as a free place exists', () => {
    const area = { x: 0, y: 0, w: 600, h: 300 };
    // the same three points as above
    const requests = PEAKS;
    // many flat lines close together, as curves that level off at 0 and 1 are
    const segments: Segment[] = [];
    for (let y = 20; y < 300; y += 23) segments.push([0, y, 600, y]);
    const grow = (b: { x: number; y: number; w: number; h: number }, by: number) => ({ x: b.x - by, y: b.y - by, w: b.w + 2 * by, h: b.h + 2 * by });
    const clear = placeLabels(requests, area, segments, 3);
    for (const b of clear) for (const seg of segments) expect(segmentHitsBox(seg, grow(b, 3))).toBe(false);
    // without one, some label touches a line's edge
    const tight = placeLabels(requests, area, segments);
    expect(tight.some((b) => segments.some((seg) => segmentHitsBox(seg, grow(b, 3))))).toBe(true);
  });
});
