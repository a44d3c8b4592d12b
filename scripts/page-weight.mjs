// Prints each built page's JavaScript and CSS weight (gzipped), following every module a page
// loads: <script type="module">, modulepreload links, island component/renderer URLs, and the
// static and dynamic imports inside those chunks (quoted or in backticks, as the bundler writes them). Usage: npm run build && npm run weight
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, posix } from 'node:path';
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

function jsClosure(entries) {
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
      if (next) stack.push(next);
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
  const jsFiles = jsClosure([...js]);
  const jsBytes = [...jsFiles].reduce((s, f) => s + gz(f), 0) + inlineJs;
  const cssBytes = [...css].reduce((s, f) => s + gz(f), 0) + inlineCss;
  rows.push({ page: '/' + relative(dist, file), jsBytes, cssBytes, html: gz(file), chunks: jsFiles.size });
}
console.log('page'.padEnd(46) + '   JS gz KB  CSS gz KB  HTML gz KB  JS files');
for (const r of rows) {
  console.log(r.page.padEnd(46) + kb(r.jsBytes) + '    ' + kb(r.cssBytes) + '     ' + kb(r.html) + '  ' + String(r.chunks).padStart(5));
}
