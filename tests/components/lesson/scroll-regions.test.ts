import { describe, expect, test } from 'vitest';
import { keyboardScrollRegions } from '../../../src/lib/scroll-regions.ts';

/** A box whose content is `content` px wide in a box `box` px wide (jsdom has no layout). */
function box(content: number, width: number): HTMLElement {
  const el = document.createElement('span');
  el.className = 'katex-display';
  Object.defineProperty(el, 'scrollWidth', { configurable: true, get: () => content });
  Object.defineProperty(el, 'clientWidth', { configurable: true, get: () => width });
  return el;
}

describe('keyboardScrollRegions', () => {
  test('keyboardScrollRegions makes only the overflowing boxes focusable, named groups', () => {
    const root = document.createElement('div');
    const wide = box(600, 350);
    const fits = box(300, 350);
    root.append(wide, fits);
    keyboardScrollRegions(root, '.katex-display', 'Formula, scroll it');
    expect(wide.tabIndex).toBe(0);
    expect(wide.getAttribute('role')).toBe('group');
    expect(wide.getAttribute('aria-label')).toBe('Formula, scroll it');
    expect(fits.hasAttribute('tabindex')).toBe(false);
    expect(fits.hasAttribute('role')).toBe(false);
  });
});
