/**
 * Builds the whole course into one static folder (default `dist/`, or `--outDir <dir>`):
 *
 *   1. the Korean site (LOCALE=ko) into <dir>/ko/, from content/ko/ and src/i18n/ko.ts;
 *   2. the English site into <dir>/, beside it;
 *   3. the search index (Pagefind, one index per language from each page's <html lang>);
 *   4. sitemap.xml, with each page's other language as an alternate;
 *   5. sw.js, the service worker that precaches both languages for offline reading.
 *
 * BASE_PATH (a sub-path deploy) and SITE_URL apply to both languages. Runs under the project's Node.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LANGUAGE_WORKERS, listFiles, writeServiceWorker } from '../src/integrations/service-worker.mjs';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--outDir');
const outDir = resolve(outIndex >= 0 ? args[outIndex + 1] : 'dist');
const rootBase = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const site = (process.env.SITE_URL ?? 'http://127.0.0.1:4321').replace(/\/$/, '');
const astro = resolve('node_modules/astro/bin/astro.mjs');

function step(name, fn) {
  const started = Date.now();
  fn();
  console.log(`[build] ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function astroBuild(locale, dir) {
  execFileSync(process.execPath, [astro, 'build', '--outDir', dir], {
    stdio: 'inherit',
    env: { ...process.env, LOCALE: locale, NN_KEEP_OUTDIR: '1', NN_SW: 'skip' },
  });
}

/** Every built page's path below the base (`lessons/x/`), without the 404 page. */
function pagesOf(dir, skip = []) {
  return listFiles(dir)
    .filter((f) => f.endsWith('index.html') && !skip.some((s) => f.startsWith(s)))
    .map((f) => f.slice(0, -'index.html'.length));
}

function sitemap() {
  const en = pagesOf(outDir, ['ko/', 'pagefind/']);
  const ko = new Set(pagesOf(join(outDir, 'ko')));
  const url = (locale, path) => `${site}${rootBase}${locale === 'ko' ? 'ko/' : ''}${path}`;
  const entry = (locale, path) => {
    const links = ['en', 'ko']
      .map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${url(l, path)}"/>`)
      .concat(`    <xhtml:link rel="alternate" hreflang="x-default" href="${url('en', path)}"/>`);
    return `  <url>\n    <loc>${url(locale, path)}</loc>\n${ko.has(path) ? `${links.join('\n')}\n` : ''}  </url>`;
  };
  const body = [...en.map((p) => entry('en', p)), ...[...ko].map((p) => entry('ko', p))].join('\n');
  writeFileSync(
    join(outDir, 'sitemap.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`,
  );
  writeFileSync(join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\nSitemap: ${site}${rootBase}sitemap.xml\n`);
  return en.length + ko.size;
}

rmSync(outDir, { recursive: true, force: true });
step('Korean site', () => astroBuild('ko', join(outDir, 'ko')));
step('English site', () => astroBuild('en', outDir));
const pagefind = resolve('node_modules/pagefind/lib/runner/bin.cjs');
if (existsSync(pagefind)) {
  step('search index', () => execFileSync(process.execPath, [pagefind, '--site', outDir, '--output-subdir', 'pagefind'], { stdio: 'inherit' }));
}
step('sitemap', () => console.log(`[build] sitemap.xml: ${sitemap()} pages`));
step('service workers', () => {
  for (const { name, ...options } of LANGUAGE_WORKERS) {
    const r = writeServiceWorker(outDir, rootBase, options);
    console.log(`[build] ${name}: ${r.urls.length} files (${(r.precacheBytes / 1e6).toFixed(2)} MB) precached as ${r.cache}; ${name} is ${r.swBytes} bytes`);
  }
});
