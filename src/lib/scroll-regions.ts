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
  boxes.forEach(update);
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target as HTMLElement)));
  boxes.forEach((el) => observer.observe(el));
  return () => observer.disconnect();
}
