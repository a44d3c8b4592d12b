// @ts-check
/**
 * A share link's widget, fetched in one go. Each built page that has `client:widget` islands gets a
 * small script at the top of its <head>: when the address names one of those widgets (a `w-<id>`
 * key or the `#<id>` hash, as `addressedIds` in client-widget.ts reads it), the script asks for
 * every module the widget's island imports at once, instead of the browser finding them one level
 * at a time as each arrives. It
 * also holds the first paint until the widget's markup has been parsed (`<link rel="expect"
 * blocking="render">`), so the browser does not lay out and paint the prose above it several times
 * on the way there; the page still scrolls straight to the widget. The modules are asked for once
 * the first paint is out, when the island itself starts to hydrate (client-widget.ts): the first
 * paint waits only for the HTML, the stylesheets and the first-frame file below, and does not share
 * the connection with thirty-odd modules it does not need.
 *
 * A widget with a first-frame module (FIRST_FRAMES) also gets its first picture before it hydrates:
 * the head script preloads that one small file, and a line just before the widget's island runs it
 * (FIRST_FRAME_TAIL), so the decision map of the link's state is in the page's first paint.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** As in client-widget.ts: how long the modules wait for the first contentful paint to be reported, at most. */
export const FIRST_PAINT_WAIT_MS = 3000;

/**
 * Widgets that can draw a first picture before they hydrate: the component's file name, and the
 * script that draws it, run as `<built file>#<widget id>` when a link names the widget (see
 * buildFirstFrames and FIRST_FRAME_TAIL).
 * @type {Record<string, string>}
 */
export const FIRST_FRAMES = {
  NetworkPlayground: 'src/widgets/NetworkPlayground/first-frame.ts',
};

/** The name of a widget's first-frame file: `_astro/<name>.<hash>.js`. */
export const firstFrameName = (/** @type {string} */ component) => `${component}.first-frame`;

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
/** @typedef {{ id: string, urls: string[], first?: string }} WidgetIsland */

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
  /** @type {Record<string, number>} */
  const firsts = {};
  for (const { id, urls, first } of islands) {
    if (Object.hasOwn(map, id)) continue;
    const at = (/** @type {string} */ u) => {
      if (!index.has(u)) {
        index.set(u, table.length);
        table.push(u);
      }
      return /** @type {number} */ (index.get(u));
    };
    map[id] = urls.map(at);
    if (first) firsts[id] = at(first);
  }
  // Plain ES5 on purpose: it runs before anything else on the page, in every browser.
  return (
    '<script>(function(){var m=' + JSON.stringify(map) + ',f=' + JSON.stringify(firsts) + ',u=' + JSON.stringify(table) + ',ids=[],seen={},mods=[],held=0;' +
    "try{new URLSearchParams(location.search).forEach(function(v,k){if(k.slice(0,2)==='w-'&&k.length>2)ids.push(k.slice(2))});" +
    "var h=location.hash.slice(1);try{h=decodeURIComponent(h)}catch(e){}if(h)ids.push(h)}catch(e){return}" +
    'ids.forEach(function(id){if(!Object.prototype.hasOwnProperty.call(m,id))return;' +
    "if(!held){held=1;document.write('<link rel=\"expect\" href=\"#'+id+'\" blocking=\"render\">');" +
    // Scrolled to as soon as it has been parsed (SCROLL_TAIL, after each widget island), so the
    // first paint is the widget, not the page's top (the browser's own scroll to the hash may come
    // a frame later). Not on a reload or a step back, where the browser puts back where the reader was.
    "var pf=window.performance,n=pf&&pf.getEntriesByType&&pf.getEntriesByType('navigation')[0];" +
    "if(!(n&&(n.type==='reload'||n.type==='back_forward'))){var t=id;window.__nnScroll=function(){var e=document.getElementById(t);if(e){window.__nnScroll=null;e.scrollIntoView()}}}}" +
    // A widget's first picture (FIRST_FRAMES): fetched from here, run from just before the island.
    "if(Object.prototype.hasOwnProperty.call(f,id)&&!window.__nnFirstFrame){window.__nnFirstFrame=u[f[id]]+'#'+encodeURIComponent(id);" +
    "var p=document.createElement('link');p.rel='preload';p.as='script';p.href=u[f[id]];document.head.appendChild(p)}" +
    "m[id].forEach(function(i){if(seen[i])return;seen[i]=1;mods.push(u[i])})});" +
    // The widget's modules: asked for once the first paint is out (see afterFirstPaint in client-widget.ts).
    "if(!mods.length)return;var go=function(){if(!mods.length)return;mods.splice(0).forEach(function(h){var l=document.createElement('link');l.rel='modulepreload';l.href=h;document.head.appendChild(l)})};" +
    "var P=window.PerformanceObserver;if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf('paint')>=0){var o=new P(function(l){if(!l.getEntries().some(function(e){return e.name==='first-contentful-paint'}))return;o.disconnect();window.setTimeout(go,0)});" +
    "o.observe({type:'paint',buffered:true});window.setTimeout(function(){o.disconnect();go()}," + FIRST_PAINT_WAIT_MS + ")}" +
    "else window.requestAnimationFrame(function(){window.setTimeout(go,0)})" +
    '})()</script>'
  );
}

/**
 * The line placed just before a first-frame widget's island: when the head script chose that
 * widget, its first-frame file runs here (parser-blocking, so it runs before the widget's markup is
 * parsed; the file was preloaded from the top of the head). It paints the widget's canvas in the
 * task that parses it, so the browser's first paint already shows the picture. Without a link to
 * such a widget the line does nothing.
 */
export const FIRST_FRAME_TAIL =
  "<script>window.__nnFirstFrame&&document.write('<script src=\"'+window.__nnFirstFrame+'\"><\\/script>')</script>";

/**
 * The line placed after every widget island: when the head script chose a widget and the page was
 * not reloaded, it scrolls to that widget once its markup is in, in the task that parsed it, so the
 * first paint (held for that markup by the head script) already shows it.
 */
export const SCROLL_TAIL = '<script>window.__nnScroll&&__nnScroll()</script>';

/**
 * Where each widget island of a page ends (just after its `</astro-island>`), in order.
 * @param {string} html
 * @returns {number[]}
 */
export function widgetIslandEnds(html) {
  const out = [];
  const tags = /<astro-island\b([^>]*)>|<\/astro-island>/g;
  /** @type {boolean[]} */
  const open = [];
  for (const m of html.matchAll(tags)) {
    if (m[0].startsWith('</')) {
      const widget = open.pop();
      if (widget) out.push(/** @type {number} */ (m.index) + m[0].length);
    } else open.push(/\bclient="widget"/.test(m[1]));
  }
  return out;
}

/**
 * The component's name in a built component URL (`/_astro/NetworkPlayground.B254zwCl.js` →
 * `NetworkPlayground`) when it has a first-frame module, else null.
 * @param {string} url
 * @returns {string | null}
 */
function firstFrameComponent(url) {
  const name = /\/([A-Za-z][\w-]*)\.[\w-]+\.js$/.exec(url)?.[1];
  return name && Object.hasOwn(FIRST_FRAMES, name) ? name : null;
}

/**
 * Where the first island whose component has a first-frame module starts in a page, or -1.
 * @param {string} html
 * @returns {number}
 */
function firstFrameIsland(html) {
  for (const m of html.matchAll(/<astro-island\b([^>]*)>/g)) {
    const url = /\bcomponent-url="([^"]+)"/.exec(m[1])?.[1];
    if (url && firstFrameComponent(url)) return m.index;
  }
  return -1;
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
 * The URL of the first-frame entry built for a widget component (see FIRST_FRAMES), or null: for
 * `/_astro/NetworkPlayground.B254zwCl.js`, the file `NetworkPlayground.first-frame.<hash>.js` beside it.
 * @param {string} componentUrl
 * @param {string} dir
 * @param {string} base
 * @returns {string | null}
 */
function firstFrameUrl(componentUrl, dir, base) {
  const name = firstFrameComponent(componentUrl);
  if (!name) return null;
  const folder = posix.dirname(componentUrl);
  const file = fileFor(folder + '/', dir, base);
  if (!file) return null;
  const prefix = `${firstFrameName(name)}.`;
  const found = readdirSync(file).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
  return found ? `${folder}/${found}` : null;
}

/**
 * Builds each widget's first-frame module (FIRST_FRAMES) on its own, as one minified file with
 * everything it imports, into the build's `_astro` folder: `<component>.first-frame.<hash>.js`.
 * One file, fetched from the top of the page, arrives with the stylesheets; the widget's own
 * modules are many and come later. Returns the files written.
 * @param {string} root the project folder
 * @param {string} dir the built site
 * @returns {Promise<string[]>}
 */
export async function buildFirstFrames(root, dir) {
  const { build } = await import('esbuild');
  const out = [];
  for (const [component, entry] of Object.entries(FIRST_FRAMES)) {
    const result = await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      format: 'iife',
      // NN_MINIFY=0 (astro.config.mjs) keeps the names here too.
      minify: process.env.NN_MINIFY !== '0',
      target: 'es2022',
      write: false,
      legalComments: 'none',
    });
    const code = result.outputFiles[0].contents;
    const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
    const name = `${firstFrameName(component)}.${hash}.js`;
    mkdirSync(join(dir, '_astro'), { recursive: true });
    writeFileSync(join(dir, '_astro', name), code);
    out.push(name);
  }
  return out;
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
    const islands = widgetIslands(html).map(({ id, urls }) => {
      const first = firstFrameUrl(urls[0], dir, base);
      return { id, urls: [...new Set(urls.flatMap((u) => closure(u, dir, base, cache)))], ...(first ? { first } : {}) };
    });
    const script = preloadScript(islands);
    if (!script) continue;
    const at = html.indexOf('<meta charset="utf-8">');
    const head = at >= 0 ? at + '<meta charset="utf-8">'.length : html.indexOf('<head>') + '<head>'.length;
    // Before the first island that has a first picture (the one a link most likely names).
    const end = islands.some((i) => i.first) ? firstFrameIsland(html) : -1;
    // Insertions from the last to the first, so the earlier positions stay good. Where an island
    // ends just as the first-frame island starts, its scroll line comes first (inserted last).
    const inserts = [...(end > head ? [{ at: end, text: FIRST_FRAME_TAIL }] : []), ...widgetIslandEnds(html).map((at) => ({ at, text: SCROLL_TAIL }))];
    let out = html;
    for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
    writeFileSync(file, out.slice(0, head) + script + out.slice(head));
    pages++;
  }
  return pages;
}

/** @returns {import('astro').AstroIntegration} */
export default function widgetPreload() {
  let base = '/';
  let root = '';
  return {
    name: 'nn-widget-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const firsts = await buildFirstFrames(root, fileURLToPath(dir));
        logger.info(`first frames: ${firsts.join(', ')}`);
        const pages = addWidgetPreloads(fileURLToPath(dir), base);
        logger.info(`widget preloads: ${pages} page(s)`);
      },
    },
  };
}
