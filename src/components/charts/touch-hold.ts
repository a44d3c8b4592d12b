/**
 * Touch on a draggable plot, with scrolling first: a swipe scrolls the page and changes nothing;
 * a tap is a tap; only a finger held still for TOUCH_HOLD_MS starts a drag, and from then on (and
 * only then) touchmove cancels scrolling. Mouse and pen are left to the plot's pointer handlers.
 */
import { TOUCH_HOLD_MS, TOUCH_SLOP_PX } from './plane-geometry.ts';

/** Where a finger is, in client coordinates. */
export interface ClientPoint {
  clientX: number;
  clientY: number;
}

/** What a held touch does; every callback is optional but `move`. */
export interface HoldDrag {
  /** The finger rested long enough: the drag starts at its point. */
  start?(point: ClientPoint): void;
  /** The held finger moved. */
  move(point: ClientPoint): void;
  /** The held finger was lifted. */
  end?(point: ClientPoint): void;
  /** A finger lifted before the hold without having moved past the slop. */
  tap?(point: ClientPoint): void;
  /** The hold began (true) or ended (false): e.g. to outline the plot while it drags. */
  held?(held: boolean): void;
}

/** Wires hold-to-drag touch handling onto `el`; returns the function that removes it. */
export function holdToDrag(el: Element, drag: HoldDrag): () => void {
  let touch: { id: number; x0: number; y0: number; x: number; y: number; timer: ReturnType<typeof setTimeout> } | null = null;
  let held = false;

  const setHeld = (value: boolean) => {
    if (held !== value) drag.held?.(value);
    held = value;
  };
  const finger = (event: TouchEvent) => Array.from(event.changedTouches).find((t) => t.identifier === touch?.id);
  const stop = () => {
    if (touch) clearTimeout(touch.timer);
    touch = null;
    setHeld(false);
  };

  const onStart = (event: Event) => {
    const e = event as TouchEvent;
    stop();
    // A second finger means a pinch: leave it to the browser.
    if (e.touches.length !== 1) return;
    const t = e.touches[0];
    const timer = setTimeout(() => {
      if (!touch) return;
      setHeld(true);
      drag.start?.({ clientX: touch.x, clientY: touch.y });
    }, TOUCH_HOLD_MS);
    touch = { id: t.identifier, x0: t.clientX, y0: t.clientY, x: t.clientX, y: t.clientY, timer };
  };
  const onMove = (event: Event) => {
    const e = event as TouchEvent;
    const t = finger(e);
    if (!touch || !t) return;
    touch.x = t.clientX;
    touch.y = t.clientY;
    if (held) {
      // Held first, so this finger drags and the page stays put.
      if (e.cancelable) e.preventDefault();
      drag.move(t);
    } else if (Math.hypot(t.clientX - touch.x0, t.clientY - touch.y0) > TOUCH_SLOP_PX) {
      // It moved before the hold: a swipe, which scrolls the page and changes nothing.
      stop();
    }
  };
  const onEnd = (event: Event) => {
    const t = finger(event as TouchEvent);
    if (!touch || !t) return;
    if (held) drag.end?.(t);
    else drag.tap?.(t);
    stop();
  };
  // A long press would open the context menu on top of the drag.
  const noMenu = (event: Event) => {
    if (touch || held) event.preventDefault();
  };

  // touchmove must be able to cancel scrolling once a hold has begun, so it is not passive; it
  // cancels nothing before that.
  el.addEventListener('touchstart', onStart, { passive: true });
  el.addEventListener('touchmove', onMove, { passive: false });
  el.addEventListener('touchend', onEnd);
  el.addEventListener('touchcancel', stop);
  el.addEventListener('contextmenu', noMenu);
  return () => {
    stop();
    el.removeEventListener('touchstart', onStart);
    el.removeEventListener('touchmove', onMove);
    el.removeEventListener('touchend', onEnd);
    el.removeEventListener('touchcancel', stop);
    el.removeEventListener('contextmenu', noMenu);
  };
}
