import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render } from '@testing-library/svelte';
import PlanePlot from '../../../src/components/charts/PlanePlot.svelte';
import { TOUCH_HOLD_MS, TOUCH_SLOP_PX, clipHalfPlane, clipLine, niceTicks } from '../../../src/components/charts/plane-geometry.ts';

const VIEW = { xMin: -0.5, xMax: 1.5, yMin: -0.5, yMax: 1.5 };

/** Shoelace formula: the area of a simple polygon. */
function area(points: [number, number][]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[(i + 1) % points.length];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

describe('PlanePlot geometry', () => {
  test('clipHalfPlane(AND line) is the corner triangle above x1 + x2 = 1.5', () => {
    const pos = clipHalfPlane(VIEW, { w1: 1, w2: 1, b: -1.5 }, true);
    expect(area(pos)).toBeCloseTo(0.5 * 1.5 * 1.5, 12);
    const neg = clipHalfPlane(VIEW, { w1: 1, w2: 1, b: -1.5 }, false);
    expect(area(pos) + area(neg)).toBeCloseTo(4, 12);
  });

  test.each([
    [0.7, -0.3, 0.2],
    [0, 2, -1],
    [3, 0, 0.4],
    [-1, -1, 1.5],
  ])('clipHalfPlane splits the view into two parts that add up to it (w = (%d, %d), b = %d)', (w1, w2, b) => {
    const line = { w1, w2, b };
    const total = area(clipHalfPlane(VIEW, line, true)) + area(clipHalfPlane(VIEW, line, false));
    expect(total).toBeCloseTo(4, 12);
    for (const [x, y] of clipHalfPlane(VIEW, line, true)) expect(w1 * x + w2 * y + b).toBeGreaterThanOrEqual(-1e-12);
  });

  test('a line outside the view leaves one side empty', () => {
    expect(clipHalfPlane(VIEW, { w1: 1, w2: 1, b: 10 }, false)).toEqual([]);
    expect(area(clipHalfPlane(VIEW, { w1: 1, w2: 1, b: 10 }, true))).toBeCloseTo(4, 12);
    expect(clipLine(VIEW, { w1: 1, w2: 1, b: 10 })).toBeNull();
    expect(clipLine(VIEW, { w1: 0, w2: 0, b: 1 })).toBeNull();
  });

  test('clipLine returns the visible segment, whose ends lie on the line and the border', () => {
    const and = clipLine(VIEW, { w1: 1, w2: 1, b: -1.5 })!;
    expect(and).toHaveLength(2);
    const ends = [...and].sort((a, b) => a[0] - b[0]);
    expect(ends[0][0]).toBeCloseTo(0, 12);
    expect(ends[0][1]).toBeCloseTo(1.5, 12);
    expect(ends[1][0]).toBeCloseTo(1.5, 12);
    expect(ends[1][1]).toBeCloseTo(0, 12);
    const seg = clipLine(VIEW, { w1: 0.5, w2: 0.3, b: 0.2 })!;
    for (const [x, y] of seg) expect(0.5 * x + 0.3 * y + 0.2).toBeCloseTo(0, 12);
    expect([...clipLine(VIEW, { w1: 2, w2: 0, b: -1 })!].sort((a, b) => a[1] - b[1])).toEqual([
      [0.5, -0.5],
      [0.5, 1.5],
    ]);
  });

  test('niceTicks picks round steps', () => {
    expect(niceTicks(-0.5, 1.5, 4)).toEqual([-0.5, 0, 0.5, 1, 1.5]);
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(1, 1)).toEqual([]);
    expect(niceTicks(0, Number.NaN)).toEqual([]);
  });
});

describe('PlanePlot component', () => {
  const points = [
    { x: 0, y: 0, label: 0 as const, name: '(0, 0)' },
    { x: 0, y: 1, label: 0 as const, name: '(0, 1)', wrong: true },
    { x: 1, y: 0, label: 0 as const, name: '(1, 0)', current: true },
    { x: 1, y: 1, label: 1 as const, name: '(1, 1)' },
    { x: Number.NaN, y: 0, label: 1 as const },
  ];

  test('draws the points, rings, shading and line, with a title and a text alternative', () => {
    const { container } = render(PlanePlot, {
      points,
      lines: [{ w1: 1, w2: 1, b: -1.5, shade: true, normal: true }],
      ariaLabel: 'The plane',
      description: 'The line x1 + x2 − 1.5 = 0.',
    });
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')!.textContent).toBe('The plane');
    expect(svg.querySelector('desc')!.textContent).toBe('The line x1 + x2 − 1.5 = 0.');
    expect(svg.getAttribute('aria-describedby')).toBe(svg.querySelector('desc')!.id);
    // Three squares (label 0) and one circle of radius 11 (label 1); the NaN point is dropped.
    expect(svg.querySelectorAll('rect[width="20"]').length).toBe(3);
    expect(svg.querySelectorAll('circle[r="11"]').length).toBe(1);
    expect(svg.querySelectorAll('circle[stroke="var(--nn-danger)"]').length).toBe(1);
    expect(svg.querySelectorAll('circle[r="21"]').length).toBe(1);
    expect(svg.querySelectorAll('polygon').length).toBe(2);
    expect(svg.querySelectorAll('.plane-line').length).toBe(1);
    expect(svg.textContent).not.toMatch(/NaN/);
  });

  test('non-finite lines are not drawn', () => {
    const { container } = render(PlanePlot, {
      points: [],
      lines: [{ w1: Number.NaN, w2: 1, b: 0, shade: true }],
      ariaLabel: 'Empty',
    });
    expect(container.querySelectorAll('.plane-line, polygon').length).toBe(0);
  });

  test('onpointer receives data coordinates while dragging', async () => {
    const onpointer = vi.fn();
    const { container } = render(PlanePlot, { points, ariaLabel: 'Drag', onpointer });
    const svg = container.querySelector('svg')!;
    // Rendered at the size of its viewBox (360 × 358) at the page's top left corner.
    svg.getBoundingClientRect = () => ({ left: 0, top: 0, width: 360, height: 358, right: 360, bottom: 358, x: 0, y: 0, toJSON: () => ({}) });
    // The plot area starts at (50, 12) and is 296 × 302 for 2 × 2 data units.
    await fireEvent.pointerDown(svg, { clientX: 50 + 148, clientY: 12 + 151, button: 0, pointerId: 1 });
    await fireEvent.pointerMove(svg, { clientX: 50, clientY: 12, pointerId: 1 });
    await fireEvent.pointerUp(svg, { clientX: 50, clientY: 12, pointerId: 1 });
    await fireEvent.pointerMove(svg, { clientX: 60, clientY: 60, pointerId: 1 });
    expect(onpointer).toHaveBeenCalledTimes(3);
    const [x, y, kind] = onpointer.mock.calls[0];
    expect(kind).toBe('down');
    expect(x).toBeCloseTo(0.5, 12);
    expect(y).toBeCloseTo(0.5, 12);
    const [mx, my, moveKind] = onpointer.mock.calls[1];
    expect(moveKind).toBe('move');
    expect(mx).toBeCloseTo(-0.5, 12);
    expect(my).toBeCloseTo(1.5, 12);
    expect(onpointer.mock.calls[2][2]).toBe('up');
  });

  describe('touch: a swipe scrolls, a tap acts, a hold drags', () => {
    /** Dispatches a touch event with one finger at (x, y); returns whether it was cancelled. */
    function touch(el: Element, type: 'touchstart' | 'touchmove' | 'touchend', x: number, y: number): boolean {
      const event = new Event(type, { bubbles: true, cancelable: true });
      const finger = [{ identifier: 7, clientX: x, clientY: y }];
      Object.defineProperty(event, 'touches', { value: type === 'touchend' ? [] : finger });
      Object.defineProperty(event, 'changedTouches', { value: finger });
      el.dispatchEvent(event);
      return event.defaultPrevented;
    }

    function setup() {
      vi.useFakeTimers();
      const onpointer = vi.fn();
      const { container } = render(PlanePlot, { points, ariaLabel: 'Touch', onpointer });
      const svg = container.querySelector('svg')!;
      svg.getBoundingClientRect = () => ({ left: 0, top: 0, width: 360, height: 358, right: 360, bottom: 358, x: 0, y: 0, toJSON: () => ({}) });
      return { svg, onpointer };
    }

    test('the hold is between 350 and 500 ms and the slop a few pixels', () => {
      expect(TOUCH_HOLD_MS).toBeGreaterThanOrEqual(350);
      expect(TOUCH_HOLD_MS).toBeLessThanOrEqual(500);
      expect(TOUCH_SLOP_PX).toBeGreaterThan(0);
      expect(TOUCH_SLOP_PX).toBeLessThanOrEqual(16);
    });

    test('a finger that moves before the hold is a swipe: nothing is reported and scrolling is not blocked', () => {
      const { svg, onpointer } = setup();
      touch(svg, 'touchstart', 200, 200);
      vi.advanceTimersByTime(100);
      expect(touch(svg, 'touchmove', 200, 200 - TOUCH_SLOP_PX - 5)).toBe(false);
      vi.advanceTimersByTime(TOUCH_HOLD_MS);
      expect(touch(svg, 'touchmove', 200, 100)).toBe(false);
      touch(svg, 'touchend', 200, 100);
      expect(onpointer).not.toHaveBeenCalled();
      vi.useRealTimers();
    });

    test('a tap reports one down and one up at the finger', () => {
      const { svg, onpointer } = setup();
      touch(svg, 'touchstart', 50 + 148, 12 + 151);
      vi.advanceTimersByTime(80);
      touch(svg, 'touchend', 50 + 148, 12 + 151);
      expect(onpointer.mock.calls.map((c) => c[2])).toEqual(['down', 'up']);
      expect(onpointer.mock.calls[0][0]).toBeCloseTo(0.5, 12);
      expect(onpointer.mock.calls[0][1]).toBeCloseTo(0.5, 12);
      vi.useRealTimers();
    });

    test('a finger held still for the hold time drags, and its moves cancel scrolling', () => {
      const { svg, onpointer } = setup();
      touch(svg, 'touchstart', 50 + 148, 12 + 151);
      // Resting fingers wobble a little; that is still a hold.
      touch(svg, 'touchmove', 50 + 150, 12 + 152);
      vi.advanceTimersByTime(TOUCH_HOLD_MS - 1);
      expect(onpointer).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(onpointer.mock.calls.map((c) => c[2])).toEqual(['down']);
      expect(touch(svg, 'touchmove', 50, 12)).toBe(true);
      touch(svg, 'touchend', 50, 12);
      expect(onpointer.mock.calls.map((c) => c[2])).toEqual(['down', 'move', 'up']);
      expect(onpointer.mock.calls[1][0]).toBeCloseTo(-0.5, 12);
      expect(onpointer.mock.calls[1][1]).toBeCloseTo(1.5, 12);
      vi.useRealTimers();
    });

    test('pointer events from a touch are left to the touch handlers (a mouse drags at once: see above)', async () => {
      const { svg, onpointer } = setup();
      await fireEvent.pointerDown(svg, { clientX: 100, clientY: 100, button: 0, pointerId: 2, pointerType: 'touch' });
      await fireEvent.pointerMove(svg, { clientX: 120, clientY: 120, pointerId: 2, pointerType: 'touch' });
      expect(onpointer).not.toHaveBeenCalled();
      vi.useRealTimers();
    });
  });
});
