/**
 * Helpers for the browser tests. Importing this file gives the test file one Chromium (launched
 * on first use, closed after the file's tests); `openPage()` opens a page of the served site in a
 * fresh browser context and records every console error, page error and failed request.
 *
 * ```ts
 * const { page, collected, close } = await openPage('/lessons/02-perceptron/', { theme: 'dark' });
 * await page.getByRole('slider', { name: 'w1' }).press('ArrowRight');
 * expectClean(collected);
 * expectNoViolations(await axeScan(page));
 * await close();
 * ```
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page, Request, Response } from 'playwright-core';
import { afterAll, expect, inject } from 'vitest';
import { launchChromium, nextFrames, scrollThrough } from './harness.ts';

export { nextFrames };

/** The served site's home page, e.g. `http://127.0.0.1:40123/` or `…/nn/` under a base path. */
export const baseUrl: string = inject('baseUrl');
/** The deploy base path, `/` or e.g. `/nn/`. */
export const basePath: string = inject('basePath');
/** The served site's origin, `http://127.0.0.1:PORT`. */
export const origin: string = new URL(baseUrl).origin;

/** The localStorage key holding the reader's theme choice. */
export const THEME_KEY = 'nn-theme';

/** Theme names, as in `data-theme` on <html>. */
export type Theme = 'light' | 'dark';

/**
 * The absolute URL of a site path: `siteUrl('/lessons/02-perceptron/')` →
 * `http://127.0.0.1:PORT/lessons/02-perceptron/` (with the base path in between when there is one).
 * Full URLs (`http…`) are returned unchanged.
 */
export function siteUrl(path: string): string {
  if (/^https?:/.test(path)) return path;
  return new URL(path.replace(/^\//, ''), baseUrl).href;
}

let browser: Promise<Browser> | undefined;

/**
 * The test file's Chromium, launched on first call. Its contexts block service workers unless
 * created with `serviceWorkers: 'allow'` (tests/e2e/offline.test.ts): a worker caching the site
 * would otherwise answer requests other tests expect from the server.
 */
export function getBrowser(): Promise<Browser> {
  browser ??= launchChromium(inject('chromiumPath')).then((launched) => {
    const newContext = launched.newContext.bind(launched);
    launched.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
    return launched;
  });
  return browser;
}

afterAll(async () => {
  if (browser) await (await browser).close();
  browser = undefined;
});

/** What went wrong while a page was open; the arrays keep filling while the page lives. */
export interface Collected {
  /** `console.error` messages and the browser's own error messages (e.g. "Failed to load resource"). */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[];
  /** Requests that failed, and same-origin responses with status >= 400. */
  failedRequests: string[];
  /** Requests to any other origin: the site must load everything from itself. */
  externalRequests: string[];
}

/** How a browser context is set up: theme, viewport, motion, touch. */
export interface TabOptions {
  /** The system colour scheme, and the remembered choice unless `storedTheme` says otherwise (default `light`). */
  theme?: Theme;
  /** The remembered choice in localStorage: a theme, or `null` for none (follow the system). Default: `theme`. */
  storedTheme?: Theme | null;
  /** Viewport width in CSS pixels (default 1280). */
  width?: number;
  /** Viewport height in CSS pixels (default 900). */
  height?: number;
  /** Emulate `prefers-reduced-motion: reduce` (default false). */
  reducedMotion?: boolean;
  /** A touch screen (`hasTouch`, enables `page.touchscreen`; default false). */
  touch?: boolean;
  /** Scripts to run in every document before the page's own scripts (`context.addInitScript`). */
  initScripts?: string[];
}

/** How one page is loaded. */
export interface VisitOptions {
  /** The main document's expected HTTP status (default 200); any other status counts as a failed request. */
  status?: number;
  /** Scroll through the page so every lazy island hydrates, then wait for the network to go quiet (default true). */
  settle?: boolean;
}

/** Options for {@link openPage}. */
export type OpenPageOptions = TabOptions & VisitOptions;

/** A browser tab that visits page after page with the same settings (cheaper than a new context each time). */
export interface Tab {
  page: Page;
  context: BrowserContext;
  /** Loads a site path; `collected` records what goes wrong from this load until the next. */
  visit(path: string, options?: VisitOptions): Promise<{ response: Response | null; collected: Collected }>;
  /** Closes the tab's browser context. */
  close(): Promise<void>;
}

/** An open page of the site and what it has collected so far. */
export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  collected: Collected;
  /** The main document's response. */
  response: Response | null;
  /** Closes the page's browser context. */
  close(): Promise<void>;
}

const inflight = new WeakMap<Page, Set<Request>>();

/** Opens a tab in a fresh browser context set up with `options`; load pages with `tab.visit()`. */
export async function openTab(options: TabOptions = {}): Promise<Tab> {
  const theme = options.theme ?? 'light';
  const stored = options.storedTheme === undefined ? theme : options.storedTheme;
  const context = await (await getBrowser()).newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: theme,
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
    hasTouch: options.touch ?? false,
    storageState: {
      cookies: [],
      origins: stored ? [{ origin, localStorage: [{ name: THEME_KEY, value: stored }] }] : [],
    },
  });
  for (const script of options.initScripts ?? []) await context.addInitScript(script);
  const page = await context.newPage();
  const pending = new Set<Request>();
  inflight.set(page, pending);
  let collected: Collected = { consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] };
  let mainUrl = '';
  let expectedStatus = 200;
  const isMainDocument = (request: Request) =>
    request.isNavigationRequest() && request.frame() === page.mainFrame() && request.url() === mainUrl;

  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location();
    // The browser logs a document's own non-200 status; the expected one is not an error.
    if (expectedStatus !== 200 && where.url === mainUrl && /^Failed to load resource/.test(message.text())) return;
    collected.consoleErrors.push(`${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => {
    collected.pageErrors.push(error.stack ?? String(error));
  });
  page.on('request', (request) => {
    pending.add(request);
    const target = new URL(request.url());
    if (/^https?:$/.test(target.protocol) && target.origin !== origin) {
      collected.externalRequests.push(`${request.method()} ${request.url()}`);
    }
  });
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => {
    pending.delete(request);
    collected.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    const request = response.request();
    if (new URL(response.url()).origin !== origin) return;
    const status = response.status();
    const redirect = status >= 300 && status < 400;
    const failed = isMainDocument(request) ? status !== expectedStatus && !redirect : status >= 400;
    if (failed) collected.failedRequests.push(`${request.method()} ${response.url()}: HTTP ${status}`);
  });

  return {
    page,
    context,
    async visit(path, visitOptions = {}) {
      mainUrl = siteUrl(path);
      expectedStatus = visitOptions.status ?? 200;
      collected = { consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [] };
      const mine = collected;
      const response = await page.goto(mainUrl, { waitUntil: 'load' });
      if (visitOptions.settle ?? true) await settle(page);
      return { response, collected: mine };
    },
    close: () => context.close(),
  };
}

/**
 * Opens a site path (as in {@link siteUrl}) in a fresh browser context, waits for `load` and,
 * unless `settle: false`, for lazy islands to hydrate. Nothing is asserted: pass `collected` to
 * {@link expectClean} when the test is done with the page.
 */
export async function openPage(path: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const tab = await openTab(options);
  const { response, collected } = await tab.visit(path, options);
  return { page: tab.page, context: tab.context, collected, response, close: tab.close };
}

/**
 * Scrolls through the whole page one screen at a time (so `client:visible` islands hydrate),
 * back to the top, then waits until no request has been in flight for 150 ms and fonts are ready.
 */
export async function settle(page: Page, timeout = 8_000): Promise<void> {
  const deadline = Date.now() + timeout;
  await scrollThrough(page);
  const pending = inflight.get(page);
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (pending && pending.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 150) break;
    await new Promise((done) => setTimeout(done, 25));
  }
  // fonts.ready settles once the page has laid out its text; never wait on it for more than 5 s
  await page.evaluate(() => Promise.race([document.fonts.ready.then(() => undefined), new Promise<void>((done) => setTimeout(done, 5_000))]));
  await nextFrames(page, 2);
}

/** Everything in `collected`, one labelled line each (empty when the page was clean). */
export function problemsOf(collected: Collected): string[] {
  return [
    ...collected.pageErrors.map((e) => `uncaught error: ${e}`),
    ...collected.consoleErrors.map((e) => `console error: ${e}`),
    ...collected.failedRequests.map((e) => `failed request: ${e}`),
    ...collected.externalRequests.map((e) => `request to another origin: ${e}`),
  ];
}

/** Asserts that nothing went wrong: no console error, page error, failed or external request. */
export function expectClean(collected: Collected): void {
  expect(problemsOf(collected), 'problems while the page was open').toEqual([]);
}

/** axe-core rule tags checked on every page: WCAG 2.0/2.1 levels A and AA, plus best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** One axe-core violation, with the elements it was found on. */
export interface AxeViolation {
  /** The rule, e.g. `color-contrast`. */
  id: string;
  impact: string;
  /** What the rule asks for. */
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
  /** One readable line per element: `color-contrast (serious) at .card .meta: Fix any of …`. */
  summary: string;
}

/** Runs axe-core on the page as it is now and returns its violations (empty when the page passes). */
export async function axeScan(page: Page, options: { exclude?: string[]; include?: string[] } = {}): Promise<AxeViolation[]> {
  // Legacy mode runs axe in the page itself instead of opening a blank page per scan: the site
  // has no cross-origin frames, and this halves the time a scan takes.
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations.map((violation) => {
    const nodes = violation.nodes.map((node) => ({
      target: node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' '),
      html: node.html.length > 160 ? `${node.html.slice(0, 157)}...` : node.html,
      summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    }));
    const impact = violation.impact ?? 'unknown';
    return {
      id: violation.id,
      impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes,
      summary: nodes
        .map((node) => `${violation.id} (${impact}) at ${node.target}: ${violation.help}. ${node.summary} [${node.html}]`)
        .join('\n'),
    };
  });
}

/** Asserts an {@link axeScan} result is empty, listing every violation and element if not. */
export function expectNoViolations(violations: AxeViolation[]): void {
  expect(violations.flatMap((v) => v.summary.split('\n')), 'axe-core violations').toEqual([]);
}

/**
 * Switches the page's theme the way the reader would get it: the system colour scheme, the
 * remembered choice and `data-theme` (through the page's own theme switch, so `nn-themechange` fires).
 */
export async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate(
    ([key, value]) => {
      const set = (window as unknown as { __nnSetTheme?: (choice: string) => void }).__nnSetTheme;
      if (typeof set === 'function') set(value);
      else {
        localStorage.setItem(key, value);
        document.documentElement.dataset.theme = value;
      }
    },
    [THEME_KEY, theme] as const,
  );
  await nextFrames(page, 2);
}

/** The document's horizontal overflow: its scroll width, the viewport width and the elements sticking out. */
export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** Where the overflow starts: elements reaching past the right edge whose parent does not (empty when nothing overflows). */
  offenders: string[];
}

/** Measures whether the page scrolls sideways (`document.scrollingElement.scrollWidth > innerWidth`). */
export async function horizontalOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    const width = window.innerWidth;
    const result = { scrollWidth: scroller.scrollWidth, innerWidth: width, offenders: [] as string[] };
    if (scroller.scrollWidth <= width) return result;
    const clippedByAncestor = (element: Element) => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible' && up.getBoundingClientRect().right <= width + 0.5) return true;
      }
      return false;
    };
    const sticking = Array.from(document.body.querySelectorAll('*')).filter((element) => {
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && rect.right > width + 0.5 && !clippedByAncestor(element);
    });
    // Report where the overflow starts: elements sticking out whose parent does not.
    const outermost = sticking.filter((element) => {
      const parent = element.parentElement;
      return !parent || parent === document.body || !sticking.includes(parent);
    });
    const name = (element: Element) => {
      const classes = Array.from(element.classList).slice(0, 3).map((c) => `.${c}`).join('');
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes}`;
    };
    const describe = (element: Element) => {
      const rect = element.getBoundingClientRect();
      const parent = element.parentElement ? ` in ${name(element.parentElement)}` : '';
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${name(element)}${parent}, ${Math.round(rect.width)} px wide, right edge at ${Math.round(rect.right)} px, ${Math.round(rect.top + window.scrollY)} px down: "${text}"`;
    };
    result.offenders = outermost.slice(0, 8).map(describe);
    return result;
  });
}

/** Polls `read` every 50 ms for up to `timeout` ms: the machine may be busy, and a hydrating island takes a moment. */
export function poll<T>(read: () => Promise<T> | T, timeout = 10_000) {
  return expect.poll(read, { timeout, interval: 50 });
}

/** Waits until the client:visible island holding `selector` has hydrated (Astro drops its `ssr` attribute). */
export async function hydrated(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (sel) => {
      const island = document.querySelector(sel)?.closest('astro-island');
      return !!island && !island.hasAttribute('ssr');
    },
    selector,
    { timeout: 15_000 },
  );
}

/** An init script recording every long task (a main-thread task over 50 ms) in `window.__longTasks`, from the start of each document. */
export const LONG_TASKS = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

/** Presses the widget's "Copy link" and reads the link it produced: from the clipboard, or the fallback field. */
export async function copiedLink(page: Page, id: string): Promise<string> {
  await page.locator(`section#${id}`).getByRole('button', { name: 'Copy link', exact: true }).click();
  let url = '';
  await poll(async () => {
    const fallback = page.locator(`#${id}-link`);
    url = (await fallback.count()) > 0 ? await fallback.inputValue() : await page.evaluate(() => navigator.clipboard.readText());
    return url;
  }).toContain(`w-${id}=`);
  return url;
}

/** A lesson's exercises by id: give an answer (typed or chosen), press Check and wait for the verdict. Each exercise is brought into view and hydrated first, so the page need not be settled. */
export function exercises(page: Page) {
  const exercise = (id: string) => page.locator(`#exercise-${id}`);
  const check = async (id: string, expected: 'correct' | 'incorrect') => {
    await exercise(id).getByRole('button', { name: 'Check' }).click();
    await poll(() => exercise(id).getAttribute('data-status')).toBe(expected);
  };
  return {
    /** Types `answer` into the exercise's field and checks it. */
    async type(id: string, answer: string, expected: 'correct' | 'incorrect' = 'correct'): Promise<void> {
      await hydrated(page, `#exercise-${id}`);
      await exercise(id).getByRole('textbox').fill(answer);
      await check(id, expected);
    },
    /** Picks the option named `choice` and checks it. */
    async choose(id: string, choice: string, expected: 'correct' | 'incorrect' = 'correct'): Promise<void> {
      await hydrated(page, `#exercise-${id}`);
      await exercise(id).getByRole('radio', { name: choice, exact: true }).check();
      await check(id, expected);
    },
  };
}

/**
 * A fingerprint of what a canvas shows now (its pixels, sampled), to tell whether it was redrawn.
 * For a heatmap's grid canvas, the layer of axes, lines and points drawn over it counts too.
 */
export async function pixels(canvas: Locator): Promise<string> {
  return canvas.evaluate((el: HTMLCanvasElement) => {
    const layers = el.classList.contains('grid') ? Array.from(el.parentElement!.querySelectorAll('canvas')) : [el];
    return layers
      .map((c) => {
        const ctx = c.getContext('2d');
        if (!ctx || c.width === 0) return 'empty';
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        let hash = 0;
        for (let i = 0; i < data.length; i += 53) hash = (hash * 31 + data[i]) | 0;
        return `${c.width}x${c.height}:${hash}`;
      })
      .join(' ');
  });
}
