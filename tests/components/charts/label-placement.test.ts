import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { boxesOverlap, placeLabels, segmentHitsBox, type Box, type Segment } from '../../../src/components/charts/label-placement.ts';

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

/**
 * The search written the plain way: every position of the grid, in the order it is walked, with
 * the fewest covered segments then the nearest winning. placeLabels tries positions nearest first
 * and stops early; it must choose exactly the same boxes.
 */
function plainSearch(requests: readonly { px: number; py: number; width: number; height: number }[], area: Box, segments: readonly Segment[], clearance: number): Box[] {
  const REACH = 160;
  const dist = (b: Box, px: number, py: number) => Math.hypot(Math.max(b.x - px, 0, px - (b.x + b.w)), Math.max(b.y - py, 0, py - (b.y + b.h)));
  const placed: Box[] = [];
  const points = requests.map((r) => ({ x: r.px - 6, y: r.py - 6, w: 12, h: 12 }));
  const inside = (b: Box) => b.x >= area.x && b.y >= area.y && b.x + b.w <= area.x + area.w && b.y + b.h <= area.y + area.h;
  requests.forEach(({ px, py, width: w, height: h }, index) => {
    let best: Box | null = null;
    let bestScore = Infinity;
    for (let y = py - h - REACH; y <= py + REACH; y += 4) {
      for (let x = px - w - REACH; x <= px + REACH; x += 8) {
        const box = { x, y, w, h };
        const d = dist(box, px, py);
        if (d < 6 || d > REACH || !inside(box)) continue;
        if (placed.some((p) => boxesOverlap(p, box)) || points.some((p) => boxesOverlap(p, box))) continue;
        if (requests.some((r, j) => j !== index && dist(box, r.px, r.py) < d)) continue;
        const padded = { x: x - clearance, y: y - clearance, w: w + 2 * clearance, h: h + 2 * clearance };
        const score = segments.filter((s) => segmentHitsBox(s, padded)).length * 10_000 + d;
        if (score < bestScore) {
          bestScore = score;
          best = box;
        }
      }
    }
    placed.push(best ?? { x: Math.min(Math.max(px + 8, area.x), area.x + area.w - w), y: Math.min(Math.max(py - 8 - h, area.y), area.y + area.h - h), w, h });
  });
  return placed;
}

describe('label placement, nearest first', () => {
  test('chooses exactly the boxes the plain search of the whole grid chooses', () => {
    const area = { x: 40, y: 10, w: 560, h: 280 };
    const label = fc.record({
      px: fc.double({ min: 30, max: 610, noNaN: true }),
      py: fc.double({ min: 0, max: 300, noNaN: true }),
      width: fc.integer({ min: 20, max: 140 }),
      height: fc.constant(14),
    });
    // crowded charts too: many lines, so that some labels find no free place
    const segment = fc.tuple(fc.integer({ min: 0, max: 640 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 640 }), fc.integer({ min: 0, max: 300 }));
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), fc.array(segment, { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (requests, segments, clearance) => {
        expect(placeLabels(requests, area, segments, clearance)).toEqual(plainSearch(requests, area, segments, clearance));
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });
});
