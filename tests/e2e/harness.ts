/**
 * The browser-test harness's plain Node parts, shared by the e2e global setup and
 * scripts/screenshots.ts: a static server for the built site, the Chromium lookup and launch,
 * and a crawler that discovers every page by following links from the home page.
 * No Vitest imports here, so a plain `node` script can use it too.
 */
import { createReadStream, existsSync, statSync, accessSync, constants } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

/** Content types by file extension; anything else is served as application/octet-stream. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

/**
 * The deploy base as a path with a leading and a trailing slash, read the way astro.config.mjs
 * reads it: `BASE_PATH` unset or empty → `/`; `nn`, `/nn` and `/nn/` → `/nn/`.
 */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** A running static server: its origin (`http://127.0.0.1:PORT`), the site's URL and `close()`. */
export interface StaticServer {
  origin: string;
  /** The site's home page: origin + base, e.g. `http://127.0.0.1:40123/nn/`. */
  url: string;
  base: string;
  close(): Promise<void>;
}

/** Options for {@link startServer}. */
export interface ServerOptions {
  /** The built site's folder (an absolute path or relative to the working directory). */
  root: string;
  /** The deploy base, normalised with {@link normalizeBase}. */
  base?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

/** Explains how to get a built site when `root` has no index.html. */
export function assertBuilt(root: string): void {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(
      `The built site is missing: ${join(root, 'index.html')} does not exist. ` +
        'Run `npm run build` first (`npm test` builds before the browser tests).',
    );
  }
}

/**
 * Serves a built static site on 127.0.0.1, like a plain static host: the site lives under
 * `base`; a folder serves its index.html (a folder URL without a trailing slash is redirected to
 * one); `/x` falls back to `/x.html`; anything else gets the site's 404.html with status 404.
 */
export async function startServer(options: ServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const base = normalizeBase(options.base);
  assertBuilt(root);
  const notFoundPage = join(root, '404.html');

  const fileFor = (pathname: string): { file?: string; redirect?: string } => {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname.slice(base.length));
    } catch {
      return {};
    }
    if (rel.includes('\0')) return {};
    const target = resolve(root, rel);
    if (target !== root && !target.startsWith(root + sep)) return {};
    if (existsSync(target)) {
      const stat = statSync(target);
      if (stat.isFile()) return { file: target };
      if (stat.isDirectory()) {
        const index = join(target, 'index.html');
        if (!existsSync(index)) return {};
        return pathname.endsWith('/') ? { file: index } : { redirect: `${pathname}/` };
      }
      return {};
    }
    const html = `${target}.html`;
    if (!pathname.endsWith('/') && existsSync(html) && statSync(html).isFile()) return { file: html };
    return {};
  };

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname = url.pathname;
    // `/nn` is the site's root too, like on a static host.
    if (`${pathname}/` === base) pathname = base;
    const found = pathname.startsWith(base) ? fileFor(pathname) : {};
    if (found.redirect) {
      res.writeHead(301, { location: found.redirect + url.search, 'cache-control': 'no-store' }).end();
      return;
    }
    const file = found.file ?? (existsSync(notFoundPage) ? notFoundPage : undefined);
    const status = found.file ? 200 : 404;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(status, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + base,
    base,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Where Chromium is: `CHROMIUM_PATH` when set, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
}

/** Throws a message saying how to install Chromium when {@link chromiumPath} is not executable. */
export function assertChromium(): string {
  const path = chromiumPath();
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium was not found at ${path}. The browser tests drive a system Chromium: ` +
        'install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
        'or set CHROMIUM_PATH to the path of a Chromium or Chrome executable.',
    );
  }
  return path;
}

/** Command-line switches for a quiet, offline, headless Chromium (no sandbox: CI runs as root). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches the system Chromium headless through playwright-core (never a downloaded browser). */
export function launchChromium(executablePath: string = assertChromium()): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
}

/**
 * Waits for `frames` animation frames in the page, or 2 s at the most: a page the browser is not
 * rendering at that moment runs no animation frames, and a test must not wait on one for ever.
 */
export async function nextFrames(page: Page, frames = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((done) => {
        const timer = setTimeout(done, 2_000);
        const step = (left: number) => {
          if (left > 0) requestAnimationFrame(() => step(left - 1));
          else {
            clearTimeout(timer);
            done();
          }
        };
        step(n);
      }),
    frames,
  );
}

/**
 * Scrolls through the whole page one screen at a time, so every `client:visible` island
 * hydrates, then back to the top. Instant scrolling: the site scrolls smoothly otherwise.
 */
export async function scrollThrough(page: Page, maxScreens = 80): Promise<void> {
  for (let screen = 0; screen < maxScreens; screen++) {
    const moved = await page.evaluate(() => {
      const scroller = document.scrollingElement ?? document.documentElement;
      const before = scroller.scrollTop;
      window.scrollTo({ top: before + window.innerHeight * 0.9, behavior: 'instant' });
      return scroller.scrollTop > before;
    });
    await nextFrames(page, 2);
    if (!moved) break;
  }
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
}

/**
 * Hydrates every island on the page: each island still waiting (Astro keeps `ssr` on it until it
 * has hydrated) is scrolled into view in turn and given time to load, so a slow machine is waited
 * for island by island instead of racing one quick pass over the page. Ends back at the top.
 */
export async function hydrateAll(page: Page, timeout = 90_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const waiting = await page.locator('astro-island[ssr]').count();
    if (waiting === 0) break;
    if (Date.now() > deadline) {
      const message = `${waiting} island(s) still not hydrated after ${timeout} ms on ${page.url()}\n${await whyNotHydrated(page)}`;
      // also on stderr, so the log keeps it when a retry passes
      console.warn(message);
      throw new Error(message);
    }
    await page.evaluate(() => {
      const island = document.querySelector('astro-island[ssr]');
      const target = island?.firstElementChild ?? island;
      target?.scrollIntoView({ block: 'center', behavior: 'instant' });
    });
    await page
      .waitForFunction((n) => document.querySelectorAll('astro-island[ssr]').length < n, waiting, {
        timeout: Math.max(1_000, Math.min(15_000, deadline - Date.now())),
      })
      .catch(() => scrollThrough(page));
  }
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
}

/**
 * What the page says about islands that will not hydrate, for the error message: whether it is
 * being rendered (visibility, animation frames, intersection callbacks), its service worker, and
 * for each waiting island its component and whether the browser has fetched that file.
 */
export async function whyNotHydrated(page: Page): Promise<string> {
  try {
    return await page.evaluate(async () => {
      const frame = await new Promise<string>((done) => {
        const timer = setTimeout(() => done('no animation frame in 1 s'), 1_000);
        requestAnimationFrame(() => {
          clearTimeout(timer);
          done('animation frames run');
        });
      });
      const seen = await new Promise<string>((done) => {
        const probe = document.createElement('div');
        probe.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px';
        document.body.append(probe);
        const timer = setTimeout(() => done('no intersection callback in 1 s'), 1_000);
        new IntersectionObserver((entries, observer) => {
          clearTimeout(timer);
          observer.disconnect();
          probe.remove();
          done(`intersection callbacks run (${entries[0]?.isIntersecting ? 'in view' : 'out of view'})`);
        }).observe(probe);
      });
      const fetched = new Map(
        performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, Math.round((e as PerformanceResourceTiming).responseEnd)]),
      );
      const islands = [...document.querySelectorAll('astro-island[ssr]')].map((island) => {
        const url = new URL(island.getAttribute('component-url') ?? '', location.href).pathname;
        const at = fetched.get(url);
        return `  ${island.getAttribute('component-export') ?? ''} ${url}: ${at === undefined ? 'never fetched' : `fetched by ${at} ms`}, top ${Math.round(island.getBoundingClientRect().top)} px`;
      });
      const worker = navigator.serviceWorker?.controller ? `controlled by ${navigator.serviceWorker.controller.state} service worker` : 'no service worker in control';
      return [`page ${document.visibilityState}, ${frame}, ${seen}, ${worker}, scrolled to ${Math.round(scrollY)} px`, ...islands].join('\n');
    });
  } catch (error) {
    return `the page could not be asked why: ${String(error)}`;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** Decodes the few character references that appear in attribute values. */
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The href of every `<a>` and `<area>` in an HTML document, in document order, decoded. */
export function extractHrefs(html: string): string[] {
  const hrefs: string[] = [];
  const tag = /<(?:a|area)\b[^>]*>/gi;
  const attr = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
  for (const match of html.matchAll(tag)) {
    const found = attr.exec(match[0]);
    if (found) hrefs.push(decodeAttribute(found[1] ?? found[2] ?? found[3] ?? ''));
  }
  return hrefs;
}

/** A page found by {@link crawl}: its path (with the base) and the HTTP status it answered. */
export interface CrawledPage {
  path: string;
  status: number;
}

/**
 * Every HTML page reachable from `startUrl` by same-origin links under the site's base, in
 * breadth-first order. Query strings and fragments are dropped; non-HTML targets (images, CSV
 * downloads) are not followed. Pages answering with an error status are still listed (the link
 * checks report them), but their links are not followed.
 */
export async function crawl(startUrl: string, limit = 400): Promise<CrawledPage[]> {
  const start = new URL(startUrl);
  const basePath = start.pathname.endsWith('/') ? start.pathname : `${start.pathname}/`;
  const seen = new Set<string>([start.pathname]);
  const queue: string[] = [start.pathname];
  const pages: CrawledPage[] = [];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    const response = await fetch(new URL(path, start.origin));
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('text/html')) {
      await response.body?.cancel();
      continue;
    }
    const finalPath = new URL(response.url).pathname;
    pages.push({ path: finalPath, status: response.status });
    if (finalPath !== path) seen.add(finalPath);
    const html = await response.text();
    if (!response.ok) continue;
    for (const href of extractHrefs(html)) {
      let target: URL;
      try {
        target = new URL(href, new URL(finalPath, start.origin));
      } catch {
        continue;
      }
      if (target.origin !== start.origin || !`${target.pathname}/`.startsWith(basePath)) continue;
      if (seen.has(target.pathname)) continue;
      seen.add(target.pathname);
      if (seen.size > limit) throw new Error(`crawl: more than ${limit} pages below ${startUrl}; is a link generating new URLs?`);
      queue.push(target.pathname);
    }
  }
  // A redirect (e.g. `/x` → `/x/`) can list one page twice.
  return pages.filter((p, i) => pages.findIndex((q) => q.path === p.path) === i);
}
