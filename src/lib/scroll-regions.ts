/**
 * A display formula wider than the text column scrolls sideways inside its own box. Keyboard users
 * must be able to reach such a box to scroll it, so while (and only while) it overflows it becomes
 * a named, focusable group; a formula that fits stays out of the tab order.
 */

/** Makes every element matching `selector` under `root` focusable exactly while it overflows sideways. */
export function keyboardScrollRegions(root: ParentNode, selector: string, label: string): () => void {
  const boxes = Array.from(root.querySelectorAll<HTMLElement>(selector));
  const update = (el: HTMLElement) => {
    if (el.scrollWidth > el.clientWidth + 1) {
      el.tabIndex = 0;
      el.setAttribute('role', 'group');
      el.setAttribute('aria-label', label);
    } else if (el.hasAttribute('tabindex')) {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  };
  if (typeof ResizeObserver === 'undefined') {
    boxes.forEach(update);
    return () => {};
  }
  // No measuring now: reading a box's widths while the page is still being built would force a
  // layout of the whole page. A ResizeObserver reports every box once, after the browser's own
  // layout, and again whenever one changes size.
  const observer = new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target as HTMLElement)));
  // A box the browser skips while it is far from the screen (content-visibility: auto) is measured
  // again when it is first drawn, even if its height was guessed right.
  const shown = (event: Event) => {
    if (!(event as Event & { skipped?: boolean }).skipped) update(event.target as HTMLElement);
  };
  boxes.forEach((el) => {
    observer.observe(el);
    el.addEventListener('contentvisibilityautostatechange', shown);
  });
  return () => {
    observer.disconnect();
    boxes.forEach((el) => el.removeEventListener('contentvisibilityautostatechange', shown));
  };
}
