// Prints each built page's JavaScript and CSS weight (gzipped), following every module a page
// loads: <script type="module">, modulepreload links, island component/renderer URLs, and the
// static and dynamic imports inside those chunks (quoted or in backticks, as the bundler writes them).
//
// "JS" is what a reader's browser fetches to read the page top to bottom: every island (they wake
// as they near the viewport) and everything they import, also lazily. "On demand" is what loads
// only when the reader asks for it, on top of that (ON_DEMAND below): a code cell's editor and its
// charts, a widget's Code panel, the assignment composer and an opened assignment. Workers (a cell's kernel, training) are
// fetched on Run or Play and are not counted. The budget: a lesson page at most 120 KB of JS, the
// course map and the text-only pages at most 5 KB; the script exits with 1 when a page is over.
// Usage: npm run build && npm run weight
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, posix, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.env.E2E_DIST ? new URL(process.env.E2E_DIST.replace(/\/?$/, '/'), 'file:///').pathname : new URL('../dist/', import.meta.url).pathname;
if (!existsSync(dist)) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const toFile = (url, fromDir) => {
  const clean = url.split(/[?#]/)[0];
  if (/^[a-z]+:/i.test(clean)) return null;
  const path = clean.startsWith('/') ? clean.slice(base.length - 1) : posix.join(fromDir, clean);
  const file = join(dist, path);
  return existsSync(file) ? file : null;
};

/**
 * Chunks that load only on a reader's request (see the top of this file), by the module they are
 * named after, when a chunk reaches them by a dynamic import:
 * - a code cell's editor (when the reader reaches for the code);
 * - a widget's Code panel, its Python view and the widget's `code.ts` (Code);
 * - the widget's `assign.ts`, the assignment composer (Assign), and an assignment's box and checks
 *   (a link that carries one);
 * - the charts a code cell draws (dynamic imports only come from a cell's output, after Run; a
 *   widget that shows one imports it statically, and that import is counted).
 */
export const ON_DEMAND = /^(ko\/)?_astro\/(editor|code-view|CodePanel|code|AssignComposer|AssignmentBox|assign|assignment-view|Heatmap|LineChart|ScatterChart)\.[\w-]+\.js$/;

/** Every chunk `entries` load; with `onDemand` false, not following dynamic imports of on-demand chunks. */
function jsClosure(entries, onDemand = true) {
  const seen = new Set();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const dir = '/' + relative(dist, dirname(file));
    for (const m of text.matchAll(/(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+\.m?js)["']|import\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g)) {
      const next = toFile(m[1] ?? m[2], dir);
      if (!next) continue;
      if (!onDemand && m[2] && ON_DEMAND.test(relative(dist, next).split(sep).join('/'))) continue;
      stack.push(next);
    }
  }
  return seen;
}

function pages(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return pages(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const rows = [];
for (const file of pages(dist).sort()) {
  const html = readFileSync(file, 'utf8');
  const dir = '/' + relative(dist, dirname(file));
  const js = new Set();
  const css = new Set();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) js.add(toFile(m[1], dir));
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) js.add(toFile(m[1], dir));
  for (const m of html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) js.add(toFile(m[1], dir));
  for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) css.add(toFile(m[1], dir));
  // Inline module scripts may import chunks too.
  for (const m of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    for (const i of m[1].matchAll(/["'](\/[^"']+\.m?js)["']/g)) js.add(toFile(i[1], dir));
  }
  js.delete(null);
  css.delete(null);
  const inlineJs = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (s, m) => s + gzipSync(m[1]).length,
    0,
  );
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce((s, m) => s + gzipSync(m[1]).length, 0);
  const readFiles = jsClosure([...js], false);
  const allFiles = jsClosure([...js]);
  const sum = (files) => [...files].reduce((s, f) => s + gz(f), 0);
  const jsBytes = sum(readFiles) + inlineJs;
  const onDemandBytes = sum([...allFiles].filter((f) => !readFiles.has(f)));
  const cssBytes = [...css].reduce((s, f) => s + gz(f), 0) + inlineCss;
  const page = '/' + relative(dist, file).split(sep).join('/');
  const budget = /\/lessons\//.test(page) ? 120 : /^\/(ko\/)?(index|404|notation\/index|instructors\/index|reference\/index)\.html$/.test(page) ? 5 : null;
  rows.push({ page, jsBytes, onDemandBytes, cssBytes, html: gz(file), chunks: readFiles.size, budget });
}
console.log('page'.padEnd(46) + '   JS gz KB  on demand  CSS gz KB  HTML gz KB  JS files  budget');
let over = 0;
for (const r of rows) {
  const verdict = r.budget === null ? '' : r.jsBytes / 1024 <= r.budget ? `<= ${r.budget}` : `OVER ${r.budget}`;
  if (verdict.startsWith('OVER')) over++;
  console.log(r.page.padEnd(46) + kb(r.jsBytes) + '    ' + kb(r.onDemandBytes) + '    ' + kb(r.cssBytes) + '     ' + kb(r.html) + '  ' + String(r.chunks).padStart(5) + '     ' + verdict);
}
console.log(over === 0 ? 'Every page is within its JS budget.' : `${over} page(s) over their JS budget.`);
// A page over its budget fails the run (the site test runs this script against the build).
process.exitCode = over === 0 ? 0 : 1;
