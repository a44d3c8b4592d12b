/**
 * Site-wide checks on every page, found by crawling links from the home page: loads cleanly,
 * passes axe-core in both themes, every internal link (and #fragment) resolves, and nothing
 * scrolls sideways on a 360 px phone. Plus the notation page (linked from every page and
 * lesson), punctuation kept on its formula's line, the 404 page, and every page's JavaScript within its
 * budget (scripts/page-weight.mjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

/** The most one page may take in a lane (load, settle, check) before it counts as failed. */
const PAGE_LIMIT = 180_000;

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
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const { page, visit } = await tab;
        const run = async (): Promise<Seen<T>> => {
          const { response, collected } = await visit(url, { status });
          const theme = await page.evaluate(() => document.documentElement.dataset.theme);
          const result = await check(page);
          return { status: response?.status() ?? 0, theme, result, problems: problemsOf(collected) };
        };
        // A page that never finishes fails its own tests only: the lane moves on to the next page.
        const stuck = new Promise<never>((_, fail) => {
          timer = setTimeout(() => fail(new Error(`${url} did not load, settle and pass its check within ${PAGE_LIMIT / 1000} s`)), PAGE_LIMIT);
        });
        return { ok: true, value: await Promise.race([run(), stuck]) };
      } catch (error) {
        return { ok: false, error };
      } finally {
        clearTimeout(timer);
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
}, 300_000);

test('the crawl finds the home page, every lesson and no broken page', () => {
  const paths = crawled.map((p) => p.path);
  expect(paths[0]).toBe(basePath);
  expect(paths.filter((p) => p.includes('/lessons/')).length).toBeGreaterThanOrEqual(6);
  expect(crawled.filter((p) => p.status !== 200)).toEqual([]);
});

test('every built page is within its JavaScript budget (npm run weight: 120 KB a lesson, 5 KB the course map and text pages)', () => {
  const run = spawnSync(process.execPath, ['scripts/page-weight.mjs'], {
    env: { ...process.env, E2E_DIST: resolve(process.env.E2E_DIST?.trim() || 'dist') },
    encoding: 'utf8',
  });
  const over = run.stdout.split('\n').filter((line) => /OVER \d+$/.test(line));
  expect(over).toEqual([]);
  expect(run.stdout).toContain('Every page is within its JS budget.');
  expect(run.status).toBe(0);
});

test('every stylesheet a script asks for is in the build (a lazily loaded chunk fetches its CSS first: see src/integrations/lazy-css.mjs)', () => {
  const root = resolve(process.env.E2E_DIST?.trim() || 'dist');
  const scripts = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const missing = scripts.flatMap((f) =>
    [...readFileSync(join(root, f), 'utf8').matchAll(/["'`]((?:ko\/)?_astro\/[\w.-]+\.css)["'`]/g)]
      .map((m) => m[1])
      // a service worker's list is relative to its own folder (ko/sw.js lists ko/_astro/…)
      .filter((css) => !existsSync(join(root, css)) && !existsSync(join(root, dirname(f), css)))
      .map((css) => `${f} → ${css}`),
  );
  expect(scripts.length).toBeGreaterThan(20);
  expect(missing).toEqual([]);
});

/**
 * A test below waits for its page's turn in each lane; on a busy machine a page with many widgets
 * can take a minute or more to load, settle and scan.
 */
const LANE_WAIT = { timeout: 240_000 };

describe.each(pages)('$path', ({ path, status }) => {
  const url = origin + path;
  const seen = async <T>(lane: Map<string, Promise<Outcome<Seen<T>>>>) => unwrap(await (lane.get(url) as Promise<Outcome<Seen<T>>>));

  test('loads with no console error, page error or failed request', LANE_WAIT, async () => {
    const page = await seen(light);
    expect(page.status).toBe(status);
    expect(page.result.title).not.toBe('');
    expect(page.problems).toEqual([]);
  });

  test('has no axe-core violations in the light theme', LANE_WAIT, async () => {
    const page = await seen(light);
    expect(page.theme).toBe('light');
    expectNoViolations(page.result.violations);
  });

  test('has no axe-core violations in the dark theme', LANE_WAIT, async () => {
    const page = await seen(dark);
    expect(page.theme).toBe('dark');
    expectNoViolations(page.result);
    expect(page.problems).toEqual([]);
  });

  test('every internal link resolves, #fragments included', LANE_WAIT, async () => {
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

  test('does not scroll sideways on a 360 px wide phone', LANE_WAIT, async () => {
    const page = await seen(phone);
    const overflow = page.result;
    expect(overflow.offenders, `scrollWidth ${overflow.scrollWidth} > innerWidth ${overflow.innerWidth}`).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
    expect(page.problems).toEqual([]);
  });
});

describe('the notation page', () => {
  const notation = `${origin}${basePath}notation/`;
  const lessons = crawled.filter((p) => p.path.includes('/lessons/'));

  test('is found by the crawl, so every site-wide check above covers it (console, axe in both themes, links, phone width)', () => {
    expect(crawled.map((p) => p.path)).toContain(`${basePath}notation/`);
  });

  test('every page links to it from the footer, and every lesson also from its introduction', async () => {
    for (const { path } of crawled) {
      const { links } = await factsOf(origin + path);
      // a Korean page links to the Korean notation page
      const own = path.startsWith(`${basePath}ko/`) ? notation.replace(`${origin}${basePath}`, `${origin}${basePath}ko/`) : notation;
      expect(links, `${path} links to ${own}`).toContain(own);
    }
    expect(lessons.length).toBeGreaterThanOrEqual(6);
    const tab = await openTab();
    try {
      for (const { path } of lessons) {
        await tab.visit(origin + path, { settle: false });
        const href = await tab.page.locator('main .objectives a[href$="/notation/"]').evaluate((a) => (a as HTMLAnchorElement).href);
        expect(href, path).toBe(path.startsWith(`${basePath}ko/`) ? notation.replace(`${origin}${basePath}`, `${origin}${basePath}ko/`) : notation);
      }
      await tab.visit(`${origin}${basePath}instructors/`, { settle: false });
      expect(await tab.page.locator('main a[href$="/notation/"]').count()).toBe(1);
    } finally {
      await tab.close();
    }
  });

  test('renders its math with KaTeX at build time: formulas in every table row, no error, no stray $', async () => {
    const opened = await openPage('/notation/', { settle: false });
    try {
      const { page } = opened;
      expect(await page.locator('main h1').innerText()).toBe('Notation');
      const facts = await page.evaluate(() => {
        const main = document.querySelector('main') as HTMLElement;
        const rows = Array.from(main.querySelectorAll('tbody tr'));
        return {
          formulas: main.querySelectorAll('.katex').length,
          errors: main.querySelectorAll('.katex-error').length,
          mathml: main.querySelectorAll('.katex-mathml math').length,
          rows: rows.length,
          rowsWithoutMath: rows.filter((r) => !r.querySelector('td:first-child .katex')).map((r) => r.textContent?.slice(0, 40)),
          dollars: (main.innerText.match(/\$/g) ?? []).length,
          headers: Array.from(main.querySelectorAll('thead th'), (th) => th.textContent?.trim()),
        };
      });
      expect(facts.errors).toBe(0);
      expect(facts.rows).toBeGreaterThanOrEqual(25);
      expect(facts.rowsWithoutMath).toEqual([]);
      expect(facts.formulas).toBeGreaterThan(facts.rows);
      expect(facts.mathml).toBe(facts.formulas);
      expect(facts.dollars).toBe(0);
      expect(new Set(facts.headers)).toEqual(new Set(['Symbol', 'Meaning']));
      // The decided notation: the target is y, the prediction ŷ, hidden values a, layers in parentheses.
      const text = await page.locator('main').innerText();
      expect(text).toMatch(/The target: the right answer/);
      expect(text).toMatch(/The prediction: what the network outputs/);
      expect(await page.locator('main annotation').allTextContents()).toEqual(
        expect.arrayContaining(['\\hat y', 'W^{(l)}', 'w^{(l)}_{jk}', 'a = f(z)', '\\mathbf{a}^{(0)} = \\mathbf{x}', '\\eta']),
      );
      expectClean(opened.collected);
    } finally {
      await opened.close();
    }
  });
});

describe('a text page on a phone', () => {
  // A block of prose drawn only once it nears the screen (content-visibility, lessons only) would
  // first be laid out at its placeholder height: on the reference page that moved its helpers off
  // a 412 px screen as the page loaded, a layout shift of 0.14.
  test.each(['/reference/', '/notation/'])('%s does not shift while it loads', async (path) => {
    const SHIFTS = `window.__shift = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });`;
    const opened = await openPage(path, { width: 412, height: 823, settle: false, initScripts: [SHIFTS] });
    await opened.page.waitForLoadState('load');
    await opened.page.waitForTimeout(500);
    const shift = await opened.page.evaluate(() => (window as unknown as { __shift: number }).__shift);
    expect(shift).toBeLessThan(0.05);
    expectClean(opened.collected);
    await opened.close();
  });
});

describe('the instructors page', () => {
  test.each([360, 390])('at %i px each chapter is a card: nothing scrolls sideways, objectives read in full lines', async (width) => {
    const opened = await openPage('/instructors/', { width, height: 800, settle: false });
    try {
      const { page } = opened;
      const facts = await page.evaluate(() => {
        const main = document.querySelector('main') as HTMLElement;
        const inner = main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft) - parseFloat(getComputedStyle(main).paddingRight);
        const sideways = Array.from(main.querySelectorAll<HTMLElement>('*'))
          // (a visually hidden element, 1 px wide on purpose, does not count)
          .filter((el) => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
          .map((el) => el.className || el.tagName);
        const rows = Array.from(main.querySelectorAll('tbody tr'), (tr) => {
          const cells = Array.from(tr.querySelectorAll('th, td'));
          return {
            chapter: tr.querySelector('th')?.textContent?.trim().slice(0, 30),
            outside: cells.filter((c) => c.getBoundingClientRect().right > innerWidth || c.getBoundingClientRect().left < 0).length,
            labels: Array.from(tr.querySelectorAll('td'), (td) => getComputedStyle(td, '::before').content),
            // Each objective's line length, as a share of the text column; a word a line is ~0.2.
            objectiveWidths: Array.from(tr.querySelectorAll('td li'), (li) => li.getBoundingClientRect().width / inner),
          };
        });
        return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth, sideways, rows };
      });
      expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth);
      expect(facts.sideways, 'elements that scroll sideways').toEqual([]);
      expect(facts.rows.length).toBeGreaterThanOrEqual(6);
      for (const row of facts.rows) {
        expect(row.outside, `${row.chapter}: cells outside the screen`).toBe(0);
        expect(row.labels.length).toBe(3);
        for (const label of row.labels) expect(label, `${row.chapter}: each value is labelled`).toMatch(/Learning objectives|Minutes|Prerequisites/);
        expect(row.objectiveWidths.length).toBeGreaterThanOrEqual(3);
        for (const share of row.objectiveWidths) expect(share, `${row.chapter}: an objective's line`).toBeGreaterThan(0.8);
      }
      // Still a table for assistive technology: the same rows and headers, found by role.
      expect(await page.getByRole('table').count()).toBe(1);
      expect(await page.getByRole('columnheader').allInnerTexts()).toHaveLength(4);
      expect(await page.getByRole('rowheader').count()).toBe(facts.rows.length);
      expectClean(opened.collected);
    } finally {
      await opened.close();
    }
  });

  test('at 1280 px it is a real table: four columns side by side, headers by role', async () => {
    const opened = await openPage('/instructors/', { settle: false });
    try {
      const { page } = opened;
      const table = page.getByRole('table', { name: 'Chapters with objectives, time and prerequisites' });
      expect(await table.evaluate((t) => getComputedStyle(t).display)).toBe('table');
      expect((await page.getByRole('columnheader').allInnerTexts()).map((s) => s.trim())).toEqual(['Chapter', 'Learning objectives', 'Minutes', 'Prerequisites']);
      const row = page.locator('tbody tr').first();
      const tops = await row.locator('th, td').evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().top)));
      expect(new Set(tops).size, 'the cells of a row sit side by side').toBe(1);
      expect(await row.locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content)).toBe('none');
      expectClean(opened.collected);
    } finally {
      await opened.close();
    }
  });
});

describe('inline math and the punctuation after it', () => {
  const mathPages = crawled.filter((p) => p.path.includes('/lessons/') || p.path.endsWith('/notation/'));

  test.each(mathPages.map((p) => p.path))(
    '%s: a comma or bracket touching a formula stays on the formula’s line, however the line is squeezed',
    async (path) => {
      const opened = await openPage(origin + path, { width: 390, height: 844, settle: false });
      try {
        const result = await opened.page.evaluate(() => {
          const bad: string[] = [];
          let checked = 0;
          const formulas = Array.from(document.querySelectorAll('main .katex')).filter((k) => !k.closest('.katex-display'));
          for (const katex of formulas) {
            const block = katex.closest('p, li, td, th, figcaption') as HTMLElement | null;
            if (!block) continue;
            const name = katex.querySelector('annotation')?.textContent ?? '?';
            const charRect = (node: Node, at: number) => {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + 1);
              return range.getBoundingClientRect();
            };
            // Squeezes the block so the line must end right at `right` (px), then compares lines.
            const squeezed = (right: number, measure: () => [DOMRect, DOMRect]) => {
              block.style.width = `${right - block.getBoundingClientRect().left + 1}px`;
              const [a, b] = measure();
              block.style.width = '';
              return Math.abs(a.bottom - b.bottom) < 4;
            };
            const after = katex.nextSibling;
            if (after?.nodeType === Node.TEXT_NODE && /^[,.;:!?)\]]/.test(after.textContent ?? '')) {
              checked++;
              const ok = squeezed(katex.getBoundingClientRect().right, () => {
                const rects = katex.getClientRects();
                return [charRect(after, 0), rects[rects.length - 1]];
              });
              if (!ok) bad.push(`"${after.textContent?.[0]}" after ${name}`);
            }
            const before = katex.previousSibling;
            const text = before?.textContent ?? '';
            if (before?.nodeType === Node.TEXT_NODE && /[([]$/.test(text)) {
              checked++;
              const ok = squeezed(charRect(before, text.length - 1).right, () => [charRect(before, text.length - 1), katex.getClientRects()[0]]);
              if (!ok) bad.push(`"${text.at(-1)}" before ${name}`);
            }
          }
          return { checked, bad };
        });
        if (path.includes('02-perceptron')) expect(result.checked).toBeGreaterThan(50);
        expect(result.bad, `${result.bad.length} of ${result.checked} split from their formula`).toEqual([]);
        expectClean(opened.collected);
      } finally {
        await opened.close();
      }
    },
  );
});

describe('a missing page', () => {
  test('answers 404 with the not-found page, whose link home works', async () => {
    const opened = await openPage(MISSING, { status: 404 });
    try {
      const { page } = opened;
      expect(opened.response?.status()).toBe(404);
      expect(await page.locator('h1').filter({ visible: true }).count()).toBe(1);
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
