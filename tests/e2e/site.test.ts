/**
 * Site-wide checks on every page, found by crawling links from the home page: loads cleanly,
 * passes axe-core in both themes, every internal link (and #fragment) resolves, and nothing
 * scrolls sideways on a 360 px phone. Plus the 404 page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crawl } from './harness.ts';
import type { Page } from 'playwright-core';
import {
  axeScan,
  basePath,
  baseUrl,
  expectClean,
  expectNoViolations,
  horizontalOverflow,
  openPage,
  openTab,
  origin,
  problemsOf,
  type AxeViolation,
  type Overflow,
  type TabOptions,
} from './support.ts';

/** A path no page will ever have: it must answer with the 404 page. */
const MISSING = `${basePath}404-check`;

const crawled = await crawl(baseUrl);
const pages = [...crawled.map((p) => ({ path: p.path, status: p.status })), { path: MISSING, status: 404 }];

/** What one page links to, and the ids a fragment can point at. */
interface PageFacts {
  links: string[];
  ids: Set<string>;
}

/** The outcome of one check, run ahead of the test that reports it. */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

async function readFacts(page: Page): Promise<PageFacts> {
  const { links, ids } = await page.evaluate(() => ({
    links: Array.from(document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]'), (a) => a.href),
    ids: [
      ...Array.from(document.querySelectorAll('[id]'), (el) => el.id),
      ...Array.from(document.querySelectorAll('a[name]'), (el) => el.getAttribute('name') ?? ''),
    ],
  }));
  return { links, ids: new Set(ids) };
}

/** One page as one tab saw it: the document's status, the theme applied, a check's result, and what went wrong. */
interface Seen<T> {
  status: number;
  theme: string | undefined;
  result: T;
  problems: string[];
}

/** Each lane's end, awaited before the browser closes. */
const lanesDone: Promise<unknown>[] = [];

/**
 * A lane is one tab with fixed settings visiting every page in turn and running `check` on it.
 * The three lanes run side by side, so the tests below mostly just read finished results.
 */
function lane<T>(options: TabOptions, check: (page: Page) => Promise<T>): Map<string, Promise<Outcome<Seen<T>>>> {
  const results = new Map<string, Promise<Outcome<Seen<T>>>>();
  const tab = openTab(options);
  // A failed launch reaches every test of the lane as its error, never as an unhandled rejection.
  tab.catch(() => undefined);
  let previous: Promise<unknown> = tab.catch(() => undefined);
  for (const { path, status } of pages) {
    const url = origin + path;
    const outcome = previous.then(async (): Promise<Outcome<Seen<T>>> => {
      try {
        const { page, visit } = await tab;
        const { response, collected } = await visit(url, { status });
        const theme = await page.evaluate(() => document.documentElement.dataset.theme);
        const result = await check(page);
        return { ok: true, value: { status: response?.status() ?? 0, theme, result, problems: problemsOf(collected) } };
      } catch (error) {
        return { ok: false, error };
      }
    });
    results.set(url, outcome);
    previous = outcome;
  }
  lanesDone.push(previous.then(() => tab).then((t) => t.close()).catch(() => undefined));
  return results;
}

let light: ReturnType<typeof startLight>;
let dark: Map<string, Promise<Outcome<Seen<AxeViolation[]>>>>;
let phone: Map<string, Promise<Outcome<Seen<Overflow>>>>;

function startLight() {
  return lane({ theme: 'light' }, async (page) => ({
    title: await page.title(),
    facts: await readFacts(page),
    violations: await axeScan(page),
  }));
}

const otherFacts = new Map<string, Promise<PageFacts>>();

/** The links and ids of the page at `url` (no fragment): from the light lane when it was crawled. */
async function factsOf(url: string): Promise<PageFacts> {
  const seen = light.get(url);
  if (seen) return unwrap(await seen).result.facts;
  let found = otherFacts.get(url);
  if (!found) {
    found = openPage(url, { settle: false }).then(async (opened) => {
      try {
        return await readFacts(opened.page);
      } finally {
        await opened.close();
      }
    });
    otherFacts.set(url, found);
  }
  return found;
}

const statuses = new Map<string, Promise<{ status: number; type: string }>>();

/** The HTTP status and content type of a URL, following redirects; fetched once. */
function statusOf(url: string): Promise<{ status: number; type: string }> {
  let found = statuses.get(url);
  if (!found) {
    found = fetch(url).then(async (response) => {
      await response.body?.cancel();
      return { status: response.status, type: response.headers.get('content-type') ?? '' };
    });
    statuses.set(url, found);
  }
  return found;
}

beforeAll(() => {
  light = startLight();
  dark = lane({ theme: 'dark' }, (page) => axeScan(page));
  phone = lane({ width: 360, height: 780 }, (page) => horizontalOverflow(page));
});

afterAll(async () => {
  // Let every lane finish before the browser closes under it.
  await Promise.all(lanesDone);
  await Promise.allSettled(otherFacts.values());
});

test('the crawl finds the home page, every lesson and no broken page', () => {
  const paths = crawled.map((p) => p.path);
  expect(paths[0]).toBe(basePath);
  expect(paths.filter((p) => p.includes('/lessons/')).length).toBeGreaterThanOrEqual(6);
  expect(crawled.filter((p) => p.status !== 200)).toEqual([]);
});

describe.each(pages)('$path', ({ path, status }) => {
  const url = origin + path;
  const seen = async <T>(lane: Map<string, Promise<Outcome<Seen<T>>>>) => unwrap(await (lane.get(url) as Promise<Outcome<Seen<T>>>));

  test('loads with no console error, page error or failed request', async () => {
    const page = await seen(light);
    expect(page.status).toBe(status);
    expect(page.result.title).not.toBe('');
    expect(page.problems).toEqual([]);
  });

  test('has no axe-core violations in the light theme', async () => {
    const page = await seen(light);
    expect(page.theme).toBe('light');
    expectNoViolations(page.result.violations);
  });

  test('has no axe-core violations in the dark theme', async () => {
    const page = await seen(dark);
    expect(page.theme).toBe('dark');
    expectNoViolations(page.result);
    expect(page.problems).toEqual([]);
  });

  test('every internal link resolves, #fragments included', async () => {
    const { links } = await factsOf(url);
    const problems: string[] = [];
    for (const href of new Set(links)) {
      const target = new URL(href);
      if (target.origin !== origin) continue;
      const fragment = decodeURIComponent(target.hash.slice(1));
      target.hash = '';
      // A same-page fragment needs no request (the 404 page's skip link points into itself).
      const self = target.href === url;
      const { status: answer, type } = self ? { status, type: 'text/html' } : await statusOf(target.href);
      if (answer >= 400 && !self) {
        problems.push(`${href} → HTTP ${answer}`);
        continue;
      }
      if (fragment === '' || fragment.toLowerCase() === 'top' || !type.startsWith('text/html')) continue;
      const { ids } = await factsOf(target.href);
      if (!ids.has(fragment)) problems.push(`${href} → no element with id "${fragment}"`);
    }
    expect(problems).toEqual([]);
  });

  test('does not scroll sideways on a 360 px wide phone', async () => {
    const page = await seen(phone);
    const overflow = page.result;
    expect(overflow.offenders, `scrollWidth ${overflow.scrollWidth} > innerWidth ${overflow.innerWidth}`).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
    expect(page.problems).toEqual([]);
  });
});

describe('a missing page', () => {
  test('answers 404 with the not-found page, whose link home works', async () => {
    const opened = await openPage(MISSING, { status: 404 });
    try {
      const { page } = opened;
      expect(opened.response?.status()).toBe(404);
      expect(await page.locator('h1').count()).toBe(1);
      const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      const index = hrefs.indexOf(baseUrl);
      expect(index, `a link to ${baseUrl} inside <main>`).toBeGreaterThanOrEqual(0);
      await Promise.all([page.waitForURL(baseUrl), page.locator('main a[href]').nth(index).click()]);
      expect(await page.locator('[data-chapter]').count()).toBeGreaterThanOrEqual(6);
      expectClean(opened.collected);
    } finally {
      await opened.close();
    }
  });
});
