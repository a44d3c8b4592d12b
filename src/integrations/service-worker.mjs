// @ts-check
/**
 * Offline reading: after the build, lists every file of the built site and writes `sw.js` at its
 * root, a service worker that precaches them all under a cache name versioned by their contents.
 * An unchanged build writes a byte-identical `sw.js` (the browser then keeps its cache); any
 * changed file gives a new cache name, so the browser installs the new worker beside the old one
 * and the page offers to reload (src/components/site/UpdateNotice.astro).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The worker's own file name, at the root of the built site (its scope is the deploy base). */
export const SW_FILE = 'sw.js';

/** Prefix of every cache this site creates; the deploy base follows, then the build's hash. */
export const CACHE_PREFIX = 'nn-offline';

/**
 * Whether a built file is left out of the precache: the worker itself, source maps, Pagefind's
 * unused interface bundles, and the
 * `.woff`/`.ttf` copies of a font that also ships as `.woff2` (every browser that runs service
 * workers reads WOFF2, so the older formats listed after it in `@font-face` are never fetched).
 * Font names are compared without the bundler's 8-character hash.
 * @param {string} path a path relative to the output folder, with `/` separators
 * @param {ReadonlySet<string>} all every such path in the build
 */
export function isSkipped(path, all) {
  if (path === SW_FILE || path.endsWith('.map')) return true;
  // Pagefind's ready-made search interfaces: the site has its own (Search.astro) and loads only pagefind.js.
  if (/^(\.\.\/)*pagefind\/pagefind-(component-|modular-)?ui\.(js|css)$/.test(path)) return true;
  if (!/\.(woff|ttf)$/.test(path)) return false;
  const stem = fontStem(path);
  return [...all].some((other) => other.endsWith('.woff2') && fontStem(other) === stem);
}

/** A font file's path without its format and the bundler's hash: `_astro/KaTeX_Main-Regular.B22Nviop.woff2` → `_astro/KaTeX_Main-Regular`. @param {string} path */
function fontStem(path) {
  return path.replace(/\.(woff2?|ttf)$/, '').replace(/\.[\w-]{8}$/, '');
}

/**
 * The URL, relative to the deploy base, at which a built file is requested: `index.html` → ``
 * (the base itself), `lessons/x/index.html` → `lessons/x/`; any other file keeps its path.
 * @param {string} path a path relative to the output folder, with `/` separators
 */
export function urlOf(path) {
  if (path === 'index.html') return '';
  if (path.endsWith('/index.html')) return path.slice(0, -'index.html'.length);
  return path;
}

/**
 * The precache list: the URL (relative to the deploy base) of every built file that is kept,
 * sorted so the same build always gives the same list.
 * @param {readonly string[]} paths every file of the build, relative to the output folder
 */
export function precacheList(paths) {
  const all = new Set(paths);
  return [...all]
    .filter((path) => !isSkipped(path, all))
    .map(urlOf)
    .sort();
}

/**
 * The cache name for one build: `nn-offline:<base>:<hash>`, where the hash (16 hex digits of
 * SHA-256) covers each precached file's path and contents. Same files, same name; one changed
 * byte or one file more or less, a new name.
 * @param {readonly { path: string, contents: string | Uint8Array }[]} files the precached files
 * @param {string} base the deploy base, e.g. `/` or `/nn/`
 */
export function cacheName(files, base) {
  const digest = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    digest.update(file.path).update('\0').update(createHash('sha256').update(file.contents).digest('hex')).update('\n');
  }
  return `${CACHE_PREFIX}:${base}:${digest.digest('hex').slice(0, 16)}`;
}

/**
 * The service worker, run in the browser. Install: precache every URL. Activate: delete this
 * site's older caches and take control of open pages. Fetch: pages network-first, falling back
 * to the cached page without its query string (share links keep their state there), then to the
 * cached 404 page; precached files cache-first. It waits until a page posts `SKIP_WAITING`.
 * @param {string} cache the cache name
 * @param {string[]} urls the precache list, relative to the worker's folder (the deploy base)
 */
function serviceWorker(cache, urls) {
  const sw = /** @type {any} */ (self);
  /** @type {(type: string, listener: (event: any) => void) => void} */
  const on = (type, listener) => sw.addEventListener(type, listener);
  const root = new URL('./', sw.location.href);
  const prefix = cache.slice(0, cache.lastIndexOf(':') + 1);
  const absolute = urls.map((url) => new URL(url, root).href);
  const precached = new Set(absolute);

  on('install', (event) => {
    event.waitUntil(
      caches.open(cache).then((store) => store.addAll(absolute.map((url) => new Request(url, { cache: 'reload' })))),
    );
  });

  on('activate', (event) => {
    event.waitUntil(
      caches
        .keys()
        .then((keys) => Promise.all(keys.filter((key) => key.startsWith(prefix) && key !== cache).map((key) => caches.delete(key))))
        .then(() => sw.clients.claim()),
    );
  });

  on('message', (event) => {
    if (event.data && event.data.type === 'SKIP_WAITING') sw.skipWaiting();
  });

  /** The cached copy of a page, for when the network fails. @param {URL} url */
  const offlinePage = async (url) => {
    const store = await caches.open(cache);
    const page = url.origin + url.pathname;
    const hit = await store.match(page);
    if (hit) return hit;
    // `/lessons/x` → `/lessons/x/`, as the static host redirects it.
    if (!page.endsWith('/') && (await store.match(`${page}/`))) return Response.redirect(`${page}/${url.search}`, 301);
    const missing = await store.match(new URL('404.html', root).href);
    if (missing) return new Response(missing.body, { status: 404, statusText: 'Not Found', headers: missing.headers });
    return Response.error();
  };

  on('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== root.origin) return;
    if (request.mode === 'navigate') {
      if (!url.pathname.startsWith(root.pathname)) return;
      event.respondWith(fetch(request).catch(() => offlinePage(url)));
      return;
    }
    // Files outside the worker's folder are served only when precached (the shared search index).
    const key = url.origin + url.pathname;
    if (!precached.has(key)) return;
    event.respondWith(
      caches
        .open(cache)
        .then((store) => store.match(key))
        .then((hit) => hit || fetch(request)),
    );
  });
}

/**
 * The text of `sw.js` for a cache name and precache list.
 * @param {string} cache
 * @param {readonly string[]} urls
 */
export function renderServiceWorker(cache, urls) {
  return `// Generated at build time by src/integrations/service-worker.mjs.\n(${serviceWorker.toString()})(${JSON.stringify(cache)}, ${JSON.stringify(urls)});\n`;
}

/** Every file below `dir`, as paths relative to it with `/` separators. @param {string} dir */
export function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * The service workers of the two-language build (scripts/build.mjs): one per language, each
 * precaching its own pages and assets. The English one (`sw.js`) leaves out `ko/`; the Korean one
 * (`ko/sw.js`) takes only `ko/`, plus the search index in `pagefind/` that both languages share.
 * @type {readonly { name: string, sub: string, skip: readonly string[], shared: readonly string[] }[]}
 */
export const LANGUAGE_WORKERS = [
  { name: 'sw.js', sub: '', skip: ['ko/'], shared: [] },
  { name: 'ko/sw.js', sub: 'ko/', skip: [], shared: ['pagefind/'] },
];

/**
 * What one service worker precaches in a built site: its URLs (relative to the worker's folder,
 * so a shared file outside `sub` is `../pagefind/…`) and the files behind them.
 *
 * `sub` (`ko/`) is the worker's folder: only files in it are taken; `skip` leaves folders out;
 * `shared` adds folders outside `sub`.
 * @param {string} dir the output folder
 * @param {{ sub?: string, skip?: readonly string[], shared?: readonly string[] }} [options]
 * @returns {{ urls: string[], files: { path: string, file: string }[] }}
 */
export function workerFiles(dir, { sub = '', skip = [], shared = [] } = {}) {
  const up = '../'.repeat(sub.split('/').filter(Boolean).length);
  /** The path as the worker in `sub` sees it. @param {string} path */
  const local = (path) => (path.startsWith(sub) ? path.slice(sub.length) : `${up}${path}`);
  const chosen = listFiles(dir).filter(
    (path) => (path.startsWith(sub) && !skip.some((s) => path.startsWith(s))) || shared.some((s) => path.startsWith(s)),
  );
  const all = new Set(chosen.map(local));
  return {
    urls: precacheList([...all]),
    files: chosen.filter((path) => !isSkipped(local(path), all)).map((path) => ({ path: local(path), file: join(dir, path) })),
  };
}

/**
 * Writes a service worker (`sw.js` in the folder `sub`) into a built site and returns what it
 * precaches. The options are {@link workerFiles}'.
 * @param {string} dir the output folder
 * @param {string} base the deploy base, e.g. `/` or `/nn/`
 * @param {{ sub?: string, skip?: readonly string[], shared?: readonly string[] }} [options]
 * @returns {{ cache: string, urls: string[], precacheBytes: number, swBytes: number }}
 */
export function writeServiceWorker(dir, base, options = {}) {
  const sub = options.sub ?? '';
  const { urls, files: found } = workerFiles(dir, options);
  const files = found.map(({ path, file }) => ({ path, contents: readFileSync(file) }));
  const cache = cacheName(files, `${base}${sub}`);
  const text = renderServiceWorker(cache, urls);
  writeFileSync(join(dir, sub, SW_FILE), text);
  const precacheBytes = files.reduce((sum, file) => sum + file.contents.length, 0);
  return { cache, urls, precacheBytes, swBytes: Buffer.byteLength(text) };
}

/**
 * The Astro integration: writes `sw.js` after every static build (`astro dev` is untouched).
 * @returns {import('astro').AstroIntegration}
 */
export default function serviceWorkerIntegration() {
  let base = '/';
  return {
    name: 'neural-notebook:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        // scripts/build.mjs builds both languages and writes one sw.js for them at the end.
        if (process.env.NN_SW === 'skip') return;
        const result = writeServiceWorker(fileURLToPath(dir), base);
        const mb = (result.precacheBytes / 1e6).toFixed(2);
        logger.info(`${SW_FILE}: ${result.urls.length} files (${mb} MB) precached as ${result.cache}; ${SW_FILE} is ${result.swBytes} bytes`);
      },
    },
  };
}
