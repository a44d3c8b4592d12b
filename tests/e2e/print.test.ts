/**
 * Printed handouts: chapters 2, 3 and 4 printed to PDF (A4) from a light system, a dark system and
 * the site's own switch set to dark. Under print media every widget is light with dark text, shows
 * no control, takes the full text width and can stay on one page; the site chrome and the challenge
 * status are gone. The PDF itself is read back with poppler-utils (pdftotext, pdftoppm): no dark
 * areas, text at its size (not shrunk to fit something too wide), and a last page that is more than
 * a status line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../src/i18n/en.ts';
import { expectClean, nextFrames, openTab, type Theme } from './support.ts';
import { scrollThrough, whyNotHydrated } from './harness.ts';

const CHAPTERS = ['01-ai-ml-dl', '02-perceptron', '03-activation-functions', '04-deep-networks'] as const;

/** The reader's setups: the system colour scheme and the remembered choice of the site's switch. */
const SETUPS: { name: string; theme: Theme; stored: Theme | null }[] = [
  { name: 'light system', theme: 'light', stored: null },
  { name: 'dark system', theme: 'dark', stored: null },
  { name: 'site switch set to dark', theme: 'light', stored: 'dark' },
];

/** A4 less the print margins of src/styles/global.css (16 mm top, 18 mm bottom), in CSS pixels. */
const PAGE_CONTENT_HEIGHT = ((297 - 34) / 25.4) * 96;

/** Every control role a widget has on screen; none may show on paper. */
const CONTROL_ROLES = ['button', 'slider', 'textbox', 'spinbutton', 'combobox', 'checkbox', 'radio'] as const;

/** Status lines that only make sense in this browser, never on paper. */
const STATUS_LINES = Object.entries(en)
  .filter(([key]) => /\.challenge\.status\./.test(key))
  .map(([, text]) => text);

const folder = mkdtempSync(join(tmpdir(), 'nn-print-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Waits until every island on the page has hydrated (the visit scrolled through the page). */
async function allHydrated(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, {
      timeout: 30_000,
      polling: 100,
    });
  } catch (error) {
    const message = `islands still not hydrated on ${page.url()}: ${String(error)}\n${await whyNotHydrated(page)}`;
    // also on stderr, so the log keeps it when a retry passes
    console.warn(message);
    throw new Error(message);
  }
  await nextFrames(page, 3);
}

/** What the print-media layout shows, measured in the page. */
async function printLayout(page: Page) {
  return page.evaluate(() => {
    const luminance = (css: string): { l: number; a: number } => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) return { l: 1, a: 0 };
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return { l: 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b), a };
    };
    /** The colour actually behind an element: the first opaque background up the tree (white paper otherwise). */
    const backdrop = (el: Element | null): number => {
      for (let up = el; up; up = up.parentElement) {
        const bg = luminance(getComputedStyle(up).backgroundColor);
        if (bg.a > 0.5) return bg.l;
      }
      return 1;
    };
    const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/)[0] : ''}`;

    const widgets = [...document.querySelectorAll<HTMLElement>('section.nn-widget')].map((widget) => {
      const style = getComputedStyle(widget);
      const darkBoxes: string[] = [];
      const faintText: string[] = [];
      for (const el of [widget, ...widget.querySelectorAll('*')]) {
        if (!visible(el)) continue;
        const bg = backdrop(el);
        const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        // A dark area: behind text, or a box larger than a colour key in a legend.
        const rect = el.getBoundingClientRect();
        if (bg < 0.7 && (ownText || rect.width * rect.height > 1600)) darkBoxes.push(`${name(el)} (luminance ${bg.toFixed(2)})`);
        if (ownText) {
          const fg = luminance(getComputedStyle(el).color).l;
          if (contrast(fg, bg) < 3) faintText.push(`${name(el)} "${el.textContent!.trim().slice(0, 30)}" (contrast ${contrast(fg, bg).toFixed(1)})`);
        }
      }
      // Canvases redrawn in the light palette: hardly any dark pixels (text and lines are thin).
      const darkCanvases: string[] = [];
      for (const canvas of widget.querySelectorAll('canvas')) {
        if (!visible(canvas) || canvas.width === 0 || canvas.height === 0) continue;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let dark = 0;
        let opaque = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] < 200) continue;
          opaque++;
          if (0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2] < 60) dark++;
        }
        const share = dark / (data.length / 4);
        if (share > 0.08) darkCanvases.push(`${canvas.getAttribute('aria-label') || 'canvas'}: ${(share * 100).toFixed(0)}% dark pixels (${opaque} opaque)`);
      }
      const output = widget.querySelector(':scope > .body > .output');
      const inner = widget.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return {
        id: widget.id,
        breakInside: style.breakInside,
        height: widget.getBoundingClientRect().height,
        outputShare: output ? output.getBoundingClientRect().width / inner : 1,
        darkBoxes: darkBoxes.slice(0, 5),
        faintText: faintText.slice(0, 5),
        darkCanvases,
      };
    });
    const shown = (selector: string) => [...document.querySelectorAll(selector)].filter(visible).length;
    return {
      widgets,
      chrome: shown('.site-header, .site-footer, .lesson-nav, .toc, .chapters, [data-theme-toggle]'),
      challengeStatus: shown('.challenge-status'),
      hintsAndAnswers: shown('.nn-exercise details, .nn-exercise .feedback:not(:empty), .challenge-solution'),
      exercises: document.querySelectorAll('.nn-exercise').length,
      bodyBackground: luminance(getComputedStyle(document.body).backgroundColor).l,
    };
  });
}

/** The PDF's pages as text (pdftotext keeps page breaks as form feeds). */
function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

/** The heights (pt) of the words pdftotext finds: shrinking the page to fit makes them small. */
function wordHeights(file: string): number[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map((m) => Number(m[2]) - Number(m[1]));
}

/** The share of dark pixels on each page, rendered small in grey (pdftoppm, PGM). */
function darkShares(file: string): number[] {
  const prefix = join(folder, `gray-${Math.random().toString(36).slice(2)}`);
  execFileSync('pdftoppm', ['-gray', '-r', '24', file, prefix]);
  const pages = execFileSync('sh', ['-c', `ls ${prefix}*.pgm`], { encoding: 'utf8' }).trim().split('\n');
  return pages.map((page) => {
    const bytes = readFileSync(page);
    // PGM header: "P5\n<width> <height>\n<max>\n", then one byte a pixel.
    const header = bytes.subarray(0, 40).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!;
    const pixels = bytes.subarray(header[0].length);
    let dark = 0;
    for (const value of pixels) if (value < 80) dark++;
    return dark / pixels.length;
  });
}

describe.each(SETUPS)('printing with a $name', ({ theme, stored }) => {
  test.each(CHAPTERS)('%s prints as a light, chrome-free handout', async (chapter) => {
    const tab = await openTab({ theme, storedTheme: stored });
    try {
      const { collected } = await tab.visit(`/lessons/${chapter}/`);
      const { page } = tab;
      await allHydrated(page);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(stored ?? theme);

      await page.emulateMedia({ media: 'print' });
      await nextFrames(page, 4);
      const layout = await printLayout(page);

      expect(layout.bodyBackground, 'the page is white').toBeGreaterThan(0.95);
      expect(layout.chrome, 'site header, navigation, table of contents, footer').toBe(0);
      expect(layout.challengeStatus, 'challenge status lines').toBe(0);
      expect(layout.hintsAndAnswers, 'hints, worked answers and verdicts of exercises').toBe(0);
      expect(layout.widgets.length).toBeGreaterThan(0);
      for (const widget of layout.widgets) {
        expect(widget.darkBoxes, `${widget.id}: nothing dark behind its parts`).toEqual([]);
        expect(widget.faintText, `${widget.id}: text dark on light`).toEqual([]);
        expect(widget.darkCanvases, `${widget.id}: canvases in the light palette`).toEqual([]);
        expect(['avoid', 'avoid-page'], `${widget.id}: kept on one page`).toContain(widget.breakInside);
        expect(widget.height, `${widget.id}: short enough for one A4 page`).toBeLessThanOrEqual(PAGE_CONTENT_HEIGHT);
        expect(widget.outputShare, `${widget.id}: the picture takes the full width`).toBeGreaterThan(0.97);
      }

      // No control of a widget or an exercise is on paper.
      for (const scope of ['section.nn-widget', '.nn-exercise']) {
        for (const role of CONTROL_ROLES) {
          const shown = page.locator(scope).getByRole(role).filter({ visible: true });
          expect(await shown.count(), `${scope}: visible ${role}s`).toBe(0);
        }
      }
      // Each exercise still prints its question.
      expect(await page.locator('.nn-exercise .question').filter({ visible: true }).count()).toBe(layout.exercises);
      // Each experiment prints where to open it live; each exercise has ruled room to work the answer out.
      const links = await page.locator('section.nn-widget [data-print-link]').filter({ visible: true }).allInnerTexts();
      expect(links.length).toBe(await page.locator('section.nn-widget').count());
      for (const link of links) expect(link).toMatch(new RegExp(`^Open it live: https?://\\S+/lessons/${chapter}/#[a-z0-9-]+$`));
      expect(await page.locator('.nn-exercise [data-working-space]').filter({ visible: true }).count()).toBe(layout.exercises);

      const file = join(folder, `${chapter}-${theme}-${stored ?? 'system'}.pdf`);
      await page.pdf({ path: file, format: 'A4', printBackground: true });
      const pages = pdfPages(file);
      const last = pages.at(-1)!.replace(/\s+/g, ' ').trim();
      expect(pages.length).toBeGreaterThan(2);
      for (const status of STATUS_LINES) expect(pages.join(' ')).not.toContain(status);
      expect(last.length, `the last page holds more than a line: "${last.slice(0, 80)}"`).toBeGreaterThan(120);

      const darkest = Math.max(...darkShares(file));
      expect(darkest, 'no page has large dark areas').toBeLessThan(0.05);
      // Body text is about 10.5 pt (13 px to the rem in print): its words are about 12 pt tall.
      const heights = wordHeights(file).sort((a, b) => a - b);
      const median = heights[Math.floor(heights.length / 2)];
      expect(median, 'body text is printed at its size, not shrunk to fit').toBeGreaterThan(11);

      expectClean(collected);
    } finally {
      await tab.close();
    }
  }, 150_000);
});

describe('printing before a widget has run', () => {
  test('an experiment that never hydrated prints a note saying how to include it, not empty axes; once run, its picture', async () => {
    const tab = await openTab({ theme: 'dark', storedTheme: null });
    const { collected } = await tab.visit('/lessons/04-deep-networks/', { settle: false });
    const page = tab.page;
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const unopened = () => page.evaluate(() =>
      Array.from(document.querySelectorAll('astro-island')).filter((island) => island.querySelector('.nn-widget')).map((island) => ({
        ssr: island.hasAttribute('ssr'),
        note: getComputedStyle(island.querySelector('.print-unopened')!).display !== 'none',
        output: getComputedStyle(island.querySelector('.output')!).display !== 'none',
      })));
    const before = await unopened();
    const waiting = before.filter((w) => w.ssr);
    expect(waiting.length).toBeGreaterThan(0);
    for (const w of waiting) expect(w).toMatchObject({ note: true, output: false });
    for (const w of before.filter((w) => !w.ssr)) expect(w).toMatchObject({ note: false, output: true });
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    await scrollThrough(page);
    await allHydrated(page);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    for (const w of await unopened()) expect(w).toMatchObject({ ssr: false, note: false, output: true });
    expectClean(collected);
    await tab.close();
  }, 120_000);
});

