// @ts-check
/**
 * A share link's widget, fetched from the first line of the page. Each built page that has
 * `client:widget` islands gets a small script at the top of its <head>: when the address names one
 * of those widgets (a `w-<id>` key or the `#<id>` hash, as `addressedIds` in client-widget.ts reads
 * it), the script asks for every module the widget's island imports at once, instead of the browser
 * finding them one level at a time after the parser has reached the island far down the page. It
 * also holds the first paint until the widget's markup has been parsed (`<link rel="expect"
 * blocking="render">`), so the browser does not lay out and paint the prose above it several times
 * on the way there; the page still scrolls straight to the widget.
 */
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Static imports of one built chunk (not `import()`: what a chunk loads later is not preloaded).
 * @param {string} source
 * @returns {string[]}
 */
export function staticImports(source) {
  const out = [];
  for (const m of source.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+\.m?js)["']/g)) out.push(m[1]);
  return out;
}

/**
 * The widget islands of one page: the first element id inside each `client="widget"` island, and
 * the island's component and renderer URLs.
 */
/** @typedef {{ id: string, urls: string[] }} WidgetIsland */

/**
 * @param {string} html
 * @returns {WidgetIsland[]}
 */
export function widgetIslands(html) {
  /** @type {WidgetIsland[]} */
  const out = [];
  for (const m of html.matchAll(/<astro-island\b([^>]*)>/g)) {
    const attrs = m[1];
    if (!/\bclient="widget"/.test(attrs)) continue;
    const component = /\bcomponent-url="([^"]+)"/.exec(attrs)?.[1];
    const renderer = /\brenderer-url="([^"]+)"/.exec(attrs)?.[1];
    const id = /\sid="([^"]+)"/.exec(html.slice(m.index + m[0].length, m.index + m[0].length + 2000))?.[1];
    // Only plain ids: the head script writes the id into a link's href.
    if (!component || !id || !/^[A-Za-z][\w-]*$/.test(id)) continue;
    out.push({ id, urls: renderer ? [component, renderer] : [component] });
  }
  return out;
}

/**
 * The head script for a page: `islands` maps widget ids to the module URLs they need (each a full
 * static import closure). Returns '' when the page has no widget island.
 * @param {WidgetIsland[]} islands
 * @returns {string}
 */
export function preloadScript(islands) {
  if (islands.length === 0) return '';
  /** @type {string[]} */
  const table = [];
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {Record<string, number[]>} */
  const map = {};
  for (const { id, urls } of islands) {
    if (Object.hasOwn(map, id)) continue;
    map[id] = urls.map((u) => {
      if (!index.has(u)) {
        index.set(u, table.length);
        table.push(u);
      }
      return /** @type {number} */ (index.get(u));
    });
  }
  // Plain ES5 on purpose: it runs before anything else on the page, in every browser.
  return (
    '<script>(function(){var m=' + JSON.stringify(map) + ',u=' + JSON.stringify(table) + ',ids=[],seen={},held=0;' +
    "try{new URLSearchParams(location.search).forEach(function(v,k){if(k.slice(0,2)==='w-'&&k.length>2)ids.push(k.slice(2))});" +
    "var h=location.hash.slice(1);try{h=decodeURIComponent(h)}catch(e){}if(h)ids.push(h)}catch(e){return}" +
    'ids.forEach(function(id){if(!Object.prototype.hasOwnProperty.call(m,id))return;' +
    "if(!held){held=1;document.write('<link rel=\"expect\" href=\"#'+id+'\" blocking=\"render\">')}" +
    "m[id].forEach(function(i){if(seen[i])return;seen[i]=1;var l=document.createElement('link');l.rel='modulepreload';l.href=u[i];document.head.appendChild(l)})})" +
    '})()</script>'
  );
}

/**
 * The URL → built file mapping for one build (`dir` holds the site served at `base`).
 * @param {string} url
 * @param {string} dir
 * @param {string} base
 */
function fileFor(url, dir, base) {
  if (!url.startsWith(base)) return null;
  const file = join(dir, url.slice(base.length));
  return existsSync(file) ? file : null;
}

/**
 * Every module `entry` imports statically, itself first, as URLs under `base`.
 * @param {string} entry
 * @param {string} dir
 * @param {string} base
 * @param {Map<string, string[]>} cache
 * @returns {string[]}
 */
function closure(entry, dir, base, cache) {
  /** @type {Set<string>} */
  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const url = /** @type {string} */ (stack.pop());
    if (seen.has(url)) continue;
    seen.add(url);
    let deps = cache.get(url);
    if (!deps) {
      const file = fileFor(url, dir, base);
      deps = file ? staticImports(readFileSync(file, 'utf8')).map((d) => (d.startsWith('/') ? d : posix.join(posix.dirname(url), d))) : [];
      cache.set(url, deps);
    }
    stack.push(...deps);
  }
  return [...seen];
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'ko' || name === '_astro' || name === 'pagefind' ? [] : htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

/**
 * Adds the head script to every page of the build in `dir`; returns how many pages got one.
 * @param {string} dir
 * @param {string} base
 * @returns {number}
 */
export function addWidgetPreloads(dir, base) {
  /** @type {Map<string, string[]>} */
  const cache = new Map();
  let pages = 0;
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    const islands = widgetIslands(html).map(({ id, urls }) => ({ id, urls: [...new Set(urls.flatMap((u) => closure(u, dir, base, cache)))] }));
    const script = preloadScript(islands);
    if (!script) continue;
    const at = html.indexOf('<meta charset="utf-8">');
    const head = at >= 0 ? at + '<meta charset="utf-8">'.length : html.indexOf('<head>') + '<head>'.length;
    writeFileSync(file, html.slice(0, head) + script + html.slice(head));
    pages++;
  }
  return pages;
}

/** @returns {import('astro').AstroIntegration} */
export default function widgetPreload() {
  let base = '/';
  return {
    name: 'nn-widget-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const pages = addWidgetPreloads(fileURLToPath(dir), base);
        logger.info(`widget preloads: ${pages} page(s)`);
      },
    },
  };
}
