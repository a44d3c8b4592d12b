/**
 * Offline reading in a real browser: after a first visit the service worker (sw.js, written by
 * src/integrations/service-worker.mjs) has cached the whole built site, so with the server shut
 * down and the network cut every page still opens with its content, a share link keeps its state,
 * a missing page gets the 404 page, a widget trains and a code cell's kernel worker runs. A newer
 * build's worker waits until the reader presses Reload in the notice.
 *
 * These tests serve the site from their own server (closed to cut the network for real) and open
 * contexts that allow service workers; every other test file's contexts block them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { LANGUAGE_WORKERS, workerFiles, writeServiceWorker } from '../../src/integrations/service-worker.mjs';
import { encodeState } from '../../src/lib/share-state.ts';
import { startServer, type StaticServer } from './harness.ts';
import { axeScan, basePath, expectNoViolations, getBrowser, horizontalOverflow, hydrated, poll, setTheme } from './support.ts';

const DIST = resolve(process.env.E2E_DIST?.trim() || 'dist');
const [EN, KO] = LANGUAGE_WORKERS;
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** The text of a built page's <h1>, read from its HTML file. */
function builtH1(root: string, url: string): string {
  const file = url === '' || url.endsWith('/') ? join(root, url, 'index.html') : join(root, url);
  const match = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(readFileSync(file, 'utf8'));
  return (match?.[1] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

/** A context that allows service workers, and what went wrong in its pages. */
async function openContext(width = 1280) {
  const context = await (await getBrowser()).newContext({
    serviceWorkers: 'allow',
    viewport: { width, height: 900 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught error: ${error.stack ?? error}`));
  page.on('console', (message) => {
    // The 404 page's own status is expected; anything else logged as an error is not.
    if (message.type() === 'error' && !/status of 404/.test(message.text())) errors.push(`console error: ${message.text()}`);
  });
  return { context, page, errors };
}

/** Waits until the site's service worker is active and controls the page, and returns its cache names. */
async function controlled(page: Page): Promise<string[]> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  return page.evaluate(() => caches.keys());
}

/** Cuts the network for real: the server is closed and the browser context is offline. */
async function goOffline(server: StaticServer, context: BrowserContext): Promise<void> {
  await server.close();
  await context.setOffline(true);
  const reachable = await fetch(server.url).then(
    () => true,
    () => false,
  );
  expect(reachable, 'the server should be down').toBe(false);
}

describe('offline', () => {
  test('after a first visit every page, a share link, the 404 page, a widget and a code cell work with the network cut', { timeout: 180_000 }, async () => {
    const server = await startServer({ root: DIST, base: basePath });
    const sw = await fetch(`${server.url}sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    await sw.body?.cancel();

    const { urls, files } = workerFiles(DIST, EN);
    const pages = urls.filter((url) => url === '' || url.endsWith('/'));
    // The README's figures for the English pages' worker: sw.js about 9 KB; about 200 files and 6 MB precached.
    const precacheBytes = files.reduce((sum, { file }) => sum + statSync(file).size, 0);
    expect(statSync(join(DIST, 'sw.js')).size / 1024).toBeGreaterThan(4.5);
    expect(statSync(join(DIST, 'sw.js')).size / 1024).toBeLessThan(11);
    expect(urls.length).toBeGreaterThanOrEqual(110);
    expect(urls.length).toBeLessThanOrEqual(240);
    expect(precacheBytes / 1e6).toBeGreaterThan(5);
    expect(precacheBytes / 1e6).toBeLessThan(8);
    // No Korean page or asset: the Korean pages have their own worker.
    expect(urls.filter((url) => url.startsWith('ko/'))).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(pages.filter((url) => url.startsWith('lessons/'))).toHaveLength(6);

    const { context, page, errors } = await openContext();
    try {
      await page.goto(server.url, { waitUntil: 'load' });
      const names = await controlled(page);
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(new RegExp(`^nn-offline:${basePath}:[0-9a-f]{16}$`));
      // Everything was precached on install: pages, chunks, workers, CSS, fonts.
      const cached = await page.evaluate((name) => caches.open(name).then((c) => c.keys()).then((keys) => keys.map((r) => r.url)), names[0]);
      expect(cached.sort()).toEqual(urls.map((url) => new URL(url, server.url).href).sort());
      expect(cached.some((url) => /kernel\.worker-[\w-]+\.js$/.test(url))).toBe(true);
      expect(cached.some((url) => /KaTeX_Main-Regular\.[\w-]+\.woff2$/.test(url))).toBe(true);

      await goOffline(server, context);

      await page.reload({ waitUntil: 'load' });
      expect(await page.locator('h1').innerText()).toBe(builtH1(DIST, ''));

      for (const url of pages) {
        const response = await page.goto(new URL(url, server.url).href, { waitUntil: 'load' });
        expect(response?.status(), url).toBe(200);
        expect(await page.locator('h1').first().innerText(), url).toBe(builtH1(DIST, url));
        // The page's stylesheet came from the cache too.
        expect(await page.evaluate(() => document.styleSheets.length), url).toBeGreaterThan(0);
      }

      // A lesson's math: KaTeX's CSS hides the MathML copy and its fonts load from the cache.
      const lesson = new URL('lessons/05-backpropagation/', server.url).href;
      await page.goto(lesson, { waitUntil: 'load' });
      expect(await page.locator('.katex-mathml').first().evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
      const fonts = await page.evaluate(async () => {
        await document.fonts.ready;
        const katex = Array.from(document.fonts).filter((font) => font.family.includes('KaTeX'));
        return { loaded: katex.filter((f) => f.status === 'loaded').length, failed: katex.filter((f) => f.status === 'error').length };
      });
      expect(fonts.failed).toBe(0);
      expect(fonts.loaded).toBeGreaterThan(0);

      // A folder URL without its slash is redirected, as the static host does.
      await page.goto(new URL('lessons/02-perceptron', server.url).href, { waitUntil: 'load' });
      expect(new URL(page.url()).pathname).toBe(`${basePath}lessons/02-perceptron/`);

      // A share link carries its state in the query string: it opens, in that state.
      const state = encodeState({ gate: 'OR', w1: 1.25, w2: -0.75, b: 0.4, lr: 0.5 });
      await page.goto(new URL(`lessons/02-perceptron/?w-perceptron=${state}#perceptron`, server.url).href, { waitUntil: 'load' });
      await hydrated(page, 'section#perceptron');
      const lab = page.locator('section#perceptron');
      await poll(() => lab.getByRole('textbox', { name: 'w1, weight of input x1, typed value' }).inputValue()).toBe('1.25');
      expect(await lab.locator('.eq').innerText()).toBe('1.25·x₁ − 0.75·x₂ + 0.4 = 0');

      // The widget works: from the shared state (η = 0.5) the NAND preset trains to convergence, offline.
      await lab.getByRole('button', { name: 'NAND', exact: true }).click();
      await lab.getByRole('button', { name: 'Train to the end', exact: true }).click();
      await poll(() => lab.locator('p.status[role="status"]').innerText()).toBe(
        'Converged after 6 epochs: a whole pass with no mistake. It computes NAND with w1 = −0.75, w2 = −0.25, b = 0.9.',
      );

      // A code cell: the editor and the kernel worker load from the cache, and the cell runs.
      const cell = page.locator('section#cell-ch2-perceptron-rule');
      await hydrated(page, 'section#cell-ch2-perceptron-rule');
      // the editor loads when the reader reaches for the code
      await cell.locator('.static pre').first().focus();
      await cell.locator('.code.ready').waitFor({ timeout: 20_000 });
      await cell.getByRole('button', { name: 'Run', exact: true }).click();
      await poll(() => cell.getAttribute('data-state'), 30_000).toBe('ok');
      expect(await cell.locator('.output').innerText()).toContain('epoch 1: mistakes 3');

      // A page that was never built gets the site's 404 page, with its status.
      const missing = await page.goto(new URL('no-such-page/', server.url).href, { waitUntil: 'load' });
      expect(missing?.status()).toBe(404);
      expect(await page.locator('h1').filter({ visible: true }).innerText()).toBe(builtH1(DIST, '404.html'));

      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  test('a Korean page installs the Korean pages\' own worker: offline every Korean page opens and the search still finds a word', { timeout: 180_000 }, async () => {
    const server = await startServer({ root: DIST, base: basePath });
    const { urls, files } = workerFiles(DIST, KO);
    const pages = urls.filter((url) => url === '' || url.endsWith('/'));
    const precacheBytes = files.reduce((sum, { file }) => sum + statSync(file).size, 0);
    // The README's figures for the Korean pages' worker: about 200 files and 6 MB, the search index included.
    expect(urls.length).toBeGreaterThanOrEqual(110);
    expect(urls.length).toBeLessThanOrEqual(240);
    expect(precacheBytes / 1e6).toBeGreaterThan(5);
    expect(precacheBytes / 1e6).toBeLessThan(9);
    expect(urls.filter((url) => url.startsWith('../') && !url.startsWith('../pagefind/'))).toEqual([]);
    expect(urls).toContain('../pagefind/pagefind.js');
    expect(pages.filter((url) => url.startsWith('lessons/'))).toHaveLength(6);

    const { context, page, errors } = await openContext();
    try {
      const ko = new URL('ko/', server.url).href;
      await page.goto(ko, { waitUntil: 'load' });
      const names = await controlled(page);
      expect(names).toEqual([expect.stringMatching(new RegExp(`^nn-offline:${basePath}ko/:[0-9a-f]{16}$`))]);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(new URL('sw.js', ko).href);
      const cached = await page.evaluate((name) => caches.open(name).then((c) => c.keys()).then((keys) => keys.map((r) => r.url)), names[0]);
      expect(cached.sort()).toEqual(urls.map((url) => new URL(url, ko).href).sort());

      await goOffline(server, context);
      for (const url of pages) {
        const response = await page.goto(new URL(url, ko).href, { waitUntil: 'load' });
        expect(response?.status(), url).toBe(200);
        expect(await page.locator('html').getAttribute('lang'), url).toBe('ko');
        expect(await page.locator('h1').first().innerText(), url).toBe(builtH1(join(DIST, 'ko'), url));
      }

      // The search index comes from the cache: a word only chapter 3 has is found, offline.
      await page.goto(new URL('lessons/02-perceptron/', ko).href, { waitUntil: 'load' });
      await page.locator('body').press('/');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('searchbox').fill('호흐라이터');
      const hits = dialog.locator('a.search-hit');
      await poll(() => hits.count(), 20_000).toBeGreaterThan(0);
      expect(new URL((await hits.first().getAttribute('href'))!, page.url()).pathname).toBe(`${basePath}ko/lessons/03-activation-functions/`);

      // A Korean page that was never built gets the Korean pages' 404 page.
      const missing = await page.goto(new URL('no-such-page/', ko).href, { waitUntil: 'load' });
      expect(missing?.status()).toBe(404);
      expect(await page.locator('h1').filter({ visible: true }).innerText()).toBe('페이지를 찾을 수 없습니다');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  test('a newer build waits; the notice offers Reload (axe-clean in both themes, fits 360 px), and Reload switches to it', { timeout: 120_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'nn-offline-'));
    temporary.push(root);
    cpSync(DIST, root, { recursive: true });
    const server = await startServer({ root, base: basePath });
    const { context, page, errors } = await openContext(360);
    try {
      await page.goto(server.url, { waitUntil: 'load' });
      const [before] = await controlled(page);
      const notice = page.getByRole('complementary', { name: 'A newer version of the course is available.' });
      expect(await page.locator('#nn-update').isHidden()).toBe(true);

      // The next build: one page changed, so sw.js names a new cache.
      const home = join(root, 'index.html');
      writeFileSync(home, readFileSync(home, 'utf8').replace('<head>', '<head><meta name="nn-build" content="next">'));
      const next = writeServiceWorker(root, basePath, EN);
      expect(next.cache).not.toBe(before);

      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((reg) => reg?.update()));
      await poll(() => notice.isVisible(), 20_000).toBe(true);
      await poll(() => page.locator('#nn-update [role="status"]').innerText()).toBe('A newer version of the course is available.');
      // The new worker waits: the old one still controls the page.
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((reg) => !!reg?.waiting))).toBe(true);
      expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([before, next.cache]));

      expect(await horizontalOverflow(page)).toMatchObject({ offenders: [] });
      const box = await page.locator('#nn-update').boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
      await page.screenshot({ path: join(tmpdir(), 'offline-notice-360-light.png') });
      expectNoViolations(await axeScan(page));
      await setTheme(page, 'dark');
      expect(await page.locator('#nn-update').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(28, 31, 38)');
      await page.screenshot({ path: join(tmpdir(), 'offline-notice-360-dark.png') });
      expectNoViolations(await axeScan(page));
      // Never printed.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#nn-update').isHidden()).toBe(true);
      await page.emulateMedia({ media: 'screen' });

      // Dismiss hides it; the next page load offers it again while the worker still waits.
      await notice.getByRole('button', { name: 'Dismiss', exact: true }).click();
      expect(await notice.isHidden()).toBe(true);
      await page.reload({ waitUntil: 'load' });
      await poll(() => notice.isVisible(), 20_000).toBe(true);

      // Reload: the new worker takes over, the page reloads once, the old cache is gone.
      const reloaded = page.waitForEvent('load');
      await notice.getByRole('button', { name: 'Reload', exact: true }).click();
      await reloaded;
      await poll(() => page.evaluate(() => caches.keys())).toEqual([next.cache]);
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((reg) => !reg?.waiting && !!reg?.active))).toBe(true);
      expect(await page.locator('#nn-update').isHidden()).toBe(true);

      // Offline now, the reader gets the new build from its cache.
      await goOffline(server, context);
      await page.reload({ waitUntil: 'load' });
      expect(await page.locator('meta[name="nn-build"]').getAttribute('content')).toBe('next');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
