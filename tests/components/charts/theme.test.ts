/** The palette is read from the CSS variables once for each theme state, not once for each picture. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cssVar, readPalette } from '../../../src/components/charts/theme.ts';

const style = document.createElement('style');
style.textContent = ":root { --nn-text: #111111; } :root[data-theme='dark'] { --nn-text: #eeeeee; }";
document.head.append(style);

afterEach(() => {
  delete document.documentElement.dataset.theme;
  vi.restoreAllMocks();
});

describe('readPalette', () => {
  test('reads the variables once per theme, across tasks, and again when the theme changes', async () => {
    document.documentElement.dataset.theme = 'light';
    const reads = vi.spyOn(window, 'getComputedStyle');
    const light = readPalette();
    expect(light.text).toBe('#111111');
    const first = reads.mock.calls.length;
    expect(first).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // a later task: the same palette, and no style is read
    expect(readPalette()).toBe(light);
    expect(cssVar('--nn-text')).toBe('#111111');
    expect(reads.mock.calls.length).toBe(first);
    document.documentElement.dataset.theme = 'dark';
    const dark = readPalette();
    expect(dark).not.toBe(light);
    expect(dark.text).toBe('#eeeeee');
    expect(cssVar('--nn-text')).toBe('#eeeeee');
  });

  test('a missing variable falls back to the light theme', () => {
    expect(cssVar('--nn-class-0')).toBe('#c2410c');
  });

  test('a variable read on another element is not cached', () => {
    const el = document.createElement('div');
    el.style.setProperty('--nn-text', '#123456');
    document.body.append(el);
    expect(cssVar('--nn-text', el)).toBe('#123456');
    el.style.setProperty('--nn-text', '#654321');
    expect(cssVar('--nn-text', el)).toBe('#654321');
    el.remove();
  });
});
