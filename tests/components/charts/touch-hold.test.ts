import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { holdToDrag } from '../../../src/components/charts/touch-hold.ts';
import { TOUCH_HOLD_MS, TOUCH_SLOP_PX } from '../../../src/components/charts/plane-geometry.ts';

/** A touch event carrying one finger (jsdom has no Touch constructor, so the lists are plain arrays). */
function touchEvent(type: string, x: number, y: number, id = 1): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  const finger = { identifier: id, clientX: x, clientY: y };
  Object.defineProperty(event, 'touches', { value: type === 'touchend' ? [] : [finger] });
  Object.defineProperty(event, 'changedTouches', { value: [finger] });
  return event;
}

describe('holdToDrag', () => {
  let el: HTMLElement;
  let calls: string[];
  let stop: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    el = document.createElement('div');
    calls = [];
    stop = holdToDrag(el, {
      start: (p) => calls.push(`start ${p.clientX},${p.clientY}`),
      move: (p) => calls.push(`move ${p.clientX},${p.clientY}`),
      end: (p) => calls.push(`end ${p.clientX},${p.clientY}`),
      tap: (p) => calls.push(`tap ${p.clientX},${p.clientY}`),
      held: (h) => calls.push(`held ${h}`),
    });
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  test('holdToDrag: a swipe past the slop before the hold does nothing and does not cancel scrolling', () => {
    el.dispatchEvent(touchEvent('touchstart', 10, 10));
    const move = touchEvent('touchmove', 10, 10 + TOUCH_SLOP_PX + 5);
    el.dispatchEvent(move);
    vi.advanceTimersByTime(TOUCH_HOLD_MS * 2);
    el.dispatchEvent(touchEvent('touchend', 10, 60));
    expect(calls).toEqual([]);
    expect(move.defaultPrevented).toBe(false);
  });

  test('holdToDrag: a quick tap is a tap', () => {
    el.dispatchEvent(touchEvent('touchstart', 10, 10));
    vi.advanceTimersByTime(TOUCH_HOLD_MS / 2);
    el.dispatchEvent(touchEvent('touchend', 11, 10));
    expect(calls).toEqual(['tap 11,10']);
  });

  test('holdToDrag: a finger held still starts a drag whose moves cancel scrolling, then ends it', () => {
    el.dispatchEvent(touchEvent('touchstart', 10, 10));
    vi.advanceTimersByTime(TOUCH_HOLD_MS);
    const move = touchEvent('touchmove', 40, 80);
    el.dispatchEvent(move);
    el.dispatchEvent(touchEvent('touchend', 40, 80));
    expect(calls).toEqual(['held true', 'start 10,10', 'move 40,80', 'end 40,80', 'held false']);
    expect(move.defaultPrevented).toBe(true);
  });

  test('holdToDrag: the returned function removes every listener', () => {
    stop();
    el.dispatchEvent(touchEvent('touchstart', 10, 10));
    vi.advanceTimersByTime(TOUCH_HOLD_MS);
    expect(calls).toEqual([]);
  });
});
