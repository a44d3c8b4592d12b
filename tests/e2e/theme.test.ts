/**
 * The light/dark theme: the toggle (named for what it does), the remembered choice, following the
 * system, and no flash of the wrong theme on load.
 */
import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { crawl } from './harness.ts';
import type { Page } from 'playwright-core';
import { basePath, baseUrl, expectClean, openPage, THEME_KEY, type OpenedPage } from './support.ts';

const TO_DARK = en['site.theme.toDark'];
const TO_LIGHT = en['site.theme.toLight'];

/** The theme switch's accessible name, found by role: which of the two names a button has now. */
async function toggleName(page: Page): Promise<string | null> {
  const names: string[] = [];
  for (const name of [TO_DARK, TO_LIGHT]) {
    if ((await page.getByRole('button', { name, exact: true }).count()) > 0) names.push(name);
  }
  return names.length === 1 ? names[0] : `${names.length} matching buttons`;
}

/** The home page and the first lesson the crawl finds (the two layouts), as site paths. */
const firstLesson = (await crawl(baseUrl)).find((p) => p.path.includes('/lessons/'));
const firstPaintPaths = ['/', firstLesson ? `/${firstLesson.path.slice(basePath.length)}` : '/lessons/'];

/** Records every `nn-themechange` event's detail in `window.__themeEvents`. */
const RECORD_EVENTS = `
  window.__themeEvents = [];
  window.addEventListener('nn-themechange', (event) => window.__themeEvents.push(event.detail));
`;

/**
 * Records, in document order, each change of `data-theme` on <html> (with the value it replaced)
 * and the moment <body> is inserted, so a test can tell which theme the body first appeared under.
 */
const RECORD_FIRST_PAINT = `
  window.__themeLog = [];
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target === document.documentElement) {
        window.__themeLog.push({ kind: 'theme', old: record.oldValue });
      } else if (record.type === 'childList') {
        for (const node of record.addedNodes) if (node.nodeName === 'BODY') window.__themeLog.push({ kind: 'body' });
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-theme'] });
`;

async function state(opened: OpenedPage) {
  const seen = await opened.page.evaluate((key) => {
    const root = document.documentElement;
    return {
      theme: root.dataset.theme,
      stored: localStorage.getItem(key),
      background: getComputedStyle(document.body).backgroundColor,
      events: (window as unknown as { __themeEvents: string[] }).__themeEvents,
    };
  }, THEME_KEY);
  return { ...seen, name: await toggleName(opened.page) };
}

describe('the theme toggle', () => {
  test('switches light ↔ dark by pointer and keyboard, fires nn-themechange, and is remembered across reloads', async () => {
    const opened = await openPage('/', { theme: 'light', initScripts: [RECORD_EVENTS], settle: false });
    try {
      const { page } = opened;
      const toggle = page.locator('[data-theme-toggle]');
      const before = await state(opened);
      expect(before).toMatchObject({ theme: 'light', stored: 'light', name: TO_DARK, events: [] });

      await page.getByRole('button', { name: TO_DARK, exact: true }).click();
      const dark = await state(opened);
      expect(dark).toMatchObject({ theme: 'dark', stored: 'dark', name: TO_LIGHT, events: ['dark'] });
      expect(dark.background).not.toBe(before.background);

      await page.reload();
      expect(await state(opened)).toMatchObject({ theme: 'dark', stored: 'dark', name: TO_LIGHT, background: dark.background });

      await toggle.focus();
      await page.keyboard.press('Space');
      expect(await state(opened)).toMatchObject({ theme: 'light', stored: 'light', name: TO_DARK, events: ['light'] });
      await page.keyboard.press('Enter');
      expect(await state(opened)).toMatchObject({ theme: 'dark', name: TO_LIGHT, events: ['light', 'dark'] });

      await toggle.click();
      await page.reload();
      expect(await state(opened)).toMatchObject({ theme: 'light', stored: 'light', name: TO_DARK, background: before.background });
      expectClean(opened.collected);
    } finally {
      await opened.close();
    }
  });

  test('with no remembered choice, follows the system setting, also when it changes', async () => {
    const opened = await openPage('/', { theme: 'dark', storedTheme: null, initScripts: [RECORD_EVENTS], settle: false });
    try {
      expect(await state(opened)).toMatchObject({ theme: 'dark', stored: null, name: TO_LIGHT });
      await opened.page.emulateMedia({ colorScheme: 'light' });
      await expect.poll(async () => (await state(opened)).theme).toBe('light');
      expect(await state(opened)).toMatchObject({ stored: null, name: TO_DARK, events: ['light'] });
      expectClean(opened.collected);
    } finally {
      await opened.close();
    }
  });

  test('on a 390 px phone the switch shows only its icon, and still says what it does', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const opened = await openPage('/', { theme, width: 390, height: 844, settle: false });
      try {
        const { page } = opened;
        const name = theme === 'light' ? TO_DARK : TO_LIGHT;
        expect(await toggleName(page)).toBe(name);
        const button = page.getByRole('button', { name, exact: true });
        const box = (await button.boundingBox())!;
        // Icon only: a compact target, at least 40 px tall, well inside the screen.
        expect(box.width).toBeLessThan(60);
        expect(box.height).toBeGreaterThanOrEqual(40);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
        // The icon drawn is the theme it switches to.
        const icon = await button.locator('svg').evaluateAll((svgs) => svgs.filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.getAttribute('class')));
        expect(icon).toEqual([theme === 'light' ? 'moon' : 'sun']);
        await button.click();
        expect(await toggleName(page)).toBe(theme === 'light' ? TO_LIGHT : TO_DARK);
        expectClean(opened.collected);
      } finally {
        await opened.close();
      }
    }
  });

  test.each([
    { stored: 'dark', system: 'light' },
    { stored: 'light', system: 'dark' },
  ] as const)('a remembered $stored choice wins over a $system system setting', async ({ stored, system }) => {
    const opened = await openPage('/', { theme: system, storedTheme: stored, settle: false });
    try {
      expect((await state(opened)).theme).toBe(stored);
      await opened.page.emulateMedia({ colorScheme: stored });
      await opened.page.emulateMedia({ colorScheme: system });
      expect((await state(opened)).theme).toBe(stored);
    } finally {
      await opened.close();
    }
  });

  test.each(firstPaintPaths)('%s does not flash: with dark remembered, <body> first appears under data-theme="dark"', async (path) => {
    const opened = await openPage(path, { theme: 'light', storedTheme: 'dark', initScripts: [RECORD_FIRST_PAINT], settle: false });
    try {
      const { log, final } = await opened.page.evaluate(() => ({
        log: (window as unknown as { __themeLog: { kind: 'theme' | 'body'; old?: string | null }[] }).__themeLog,
        final: document.documentElement.getAttribute('data-theme'),
      }));
      const bodyAt = log.findIndex((entry) => entry.kind === 'body');
      expect(bodyAt, 'the <body> insertion was observed').toBeGreaterThanOrEqual(0);
      // The value in force when <body> arrived: whatever the first change after it replaced,
      // or the final value when nothing changed afterwards.
      const later = log.slice(bodyAt + 1).find((entry) => entry.kind === 'theme');
      const atBody = later ? later.old : final;
      expect(atBody).toBe('dark');
      expect(final).toBe('dark');
    } finally {
      await opened.close();
    }
  });
});
