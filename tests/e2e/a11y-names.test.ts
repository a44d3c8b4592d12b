/**
 * Every interactive control on every page has an accessible name, as the browser computes it: each
 * page (found by crawling) is scrolled through until every widget island has hydrated, then each
 * control's name is read from Chromium's own accessibility tree (CDP `Accessibility`), never
 * computed by hand. A control the accessibility tree ignores (hidden, inert) is not a control a
 * reader can reach, so it is skipped.
 *
 * On the same hydrated pages, no UI string shows as its bare key (`playground.title`) in text, an
 * aria-label or a title: what `t` returns for a key whose string group the page never loaded.
 * Both languages have the same keys, so the English catalogue's keys serve the Korean pages too.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { crawl, hydrateAll } from './harness.ts';
import { baseUrl, basePath, expectClean, openPage } from './support.ts';
import { en } from '../../src/i18n/en.ts';

/** What counts as an interactive control. */
const CONTROLS = [
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[role="button"]',
  '[role="slider"]',
  '[role="switch"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="spinbutton"]',
  '[role="combobox"]',
  '[role="tab"]',
  '[tabindex="0"]',
].join(', ');

const pages = (await crawl(baseUrl)).filter((p) => p.status === 200).map((p) => `/${p.path.slice(basePath.length)}`);

/** One control as a reader meets it: its role and name from the accessibility tree, and where it is. */
interface Control {
  role: string;
  name: string;
  where: string;
}

/** Every control on the page that the accessibility tree exposes, with its computed name. */
async function controls(page: Page): Promise<Control[]> {
  const where = await page.evaluate((selector) => {
    return Array.from(document.querySelectorAll(selector), (el, i) => {
      el.setAttribute('data-name-check', String(i));
      const section = el.closest('section[id], [data-challenge], .exercise, header, footer, nav');
      const context = section ? `${section.tagName.toLowerCase()}${section.id ? `#${section.id}` : ''}` : 'page';
      const html = el.outerHTML.replace(/\s+/g, ' ');
      return `${context}: ${html.length > 140 ? `${html.slice(0, 137)}...` : html}`;
    });
  }, CONTROLS);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-name-check]' });
    const found: Control[] = [];
    for (const nodeId of nodeIds) {
      const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
      const index = Number(attributes[attributes.indexOf('data-name-check') + 1]);
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const node = nodes[0];
      if (!node || node.ignored) continue;
      found.push({
        role: String(node.role?.value ?? ''),
        name: String(node.name?.value ?? '').trim(),
        where: where[index],
      });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

/** Every catalogue key that shows on the page in a text, an aria-label or a title, with where. */
async function keysShown(page: Page): Promise<string[]> {
  return page.evaluate((keys) => {
    const known = new Set(keys);
    const found = new Set<string>();
    const look = (text: string | null, el: Element | null, what: string) => {
      for (const word of text?.match(/[a-zA-Z]\w*(?:\.[\w-]+)+/g) ?? []) {
        if (!known.has(word)) continue;
        const section = el?.closest('section[id], [data-challenge], .exercise, header, footer, nav');
        found.add(`${word} (${what} of <${el?.tagName.toLowerCase()}>${section?.id ? ` in #${section.id}` : ''})`);
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('script, style, template')) look(node.nodeValue, node.parentElement, 'text');
    }
    for (const el of document.querySelectorAll('[aria-label], [title]')) {
      look(el.getAttribute('aria-label'), el, 'aria-label');
      look(el.getAttribute('title'), el, 'title');
    }
    return [...found];
  }, Object.keys(en));
}

describe('accessible names', () => {
  test('the crawl finds every lesson', () => {
    expect(pages.filter((p) => p.includes('/lessons/')).length).toBeGreaterThanOrEqual(6);
  });

  test.each(pages)('%s: every control has a non-empty accessible name, and no string shows as its key, once every widget has hydrated', { timeout: 150_000 }, async (path) => {
    const opened = await openPage(path, { reducedMotion: true });
    try {
      const { page } = opened;
      await hydrateAll(page);
      const found = await controls(page);
      // The site header's controls are always there: a page with none means the lookup failed.
      expect(found.length).toBeGreaterThan(0);
      const unnamed = found.filter((c) => c.name === '').map((c) => `${c.role} at ${c.where}`);
      expect(unnamed, `${unnamed.length} of ${found.length} controls have no accessible name`).toEqual([]);
      expect(await keysShown(page), 'UI keys shown instead of their strings').toEqual([]);
      expectClean(opened.collected);
    } finally {
      await opened.close();
    }
  });
});
