import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  cacheName,
  isSkipped,
  listFiles,
  precacheList,
  renderServiceWorker,
  LANGUAGE_WORKERS,
  urlOf,
  workerFiles,
  writeServiceWorker,
} from '../../src/integrations/service-worker.mjs';

const BUILD = [
  '404.html',
  '_astro/KaTeX_Main-Regular.B22Nviop.woff2',
  '_astro/KaTeX_Main-Regular.Dr94JaBh.woff',
  '_astro/KaTeX_Main-Regular.ypZvNtVU.ttf',
  '_astro/CodeCell.BFSVf9U6.js',
  '_astro/kernel.worker-DSI7-X_c.js',
  '_astro/Lesson.Bq1x2y3z.css',
  '_astro/CodeCell.BFSVf9U6.js.map',
  'favicon.svg',
  'index.html',
  'lessons/02-perceptron/index.html',
  'sw.js',
];

describe('urlOf', () => {
  test.each([
    ['index.html', ''],
    ['lessons/02-perceptron/index.html', 'lessons/02-perceptron/'],
    ['404.html', '404.html'],
    ['_astro/kernel.worker-DSI7-X_c.js', '_astro/kernel.worker-DSI7-X_c.js'],
  ])('urlOf(%s) is %j', (path, url) => {
    expect(urlOf(path)).toBe(url);
  });
});

describe('precacheList', () => {
  test('precacheList(build) lists pages by folder URL and every asset, sorted, without sw.js, maps and superseded fonts', () => {
    expect(precacheList(BUILD)).toEqual([
      '',
      '404.html',
      '_astro/CodeCell.BFSVf9U6.js',
      '_astro/KaTeX_Main-Regular.B22Nviop.woff2',
      '_astro/Lesson.Bq1x2y3z.css',
      '_astro/kernel.worker-DSI7-X_c.js',
      'favicon.svg',
      'lessons/02-perceptron/',
    ]);
  });

  test('isSkipped leaves out Pagefind’s unused interface bundles and keeps its search code and index', () => {
    const all = new Set(['pagefind/pagefind.js', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css', 'pagefind/pagefind-component-ui.js', 'pagefind/pagefind-modular-ui.css', 'pagefind/wasm.en.pagefind', 'pagefind/index/en_1.pf_index']);
    expect([...all].filter((p) => !isSkipped(p, all))).toEqual(['pagefind/pagefind.js', 'pagefind/wasm.en.pagefind', 'pagefind/index/en_1.pf_index']);
  });

  test('isSkipped keeps a .woff or .ttf font that has no .woff2 sibling', () => {
    const all = new Set(['fonts/Only.Abc12345.woff', 'fonts/Other.Xyz98765.woff2']);
    expect(isSkipped('fonts/Only.Abc12345.woff', all)).toBe(false);
    expect(isSkipped('fonts/Other.Xyz98765.woff2', all)).toBe(false);
  });

  test('precacheList gives the same list whatever order the files come in', () => {
    expect(precacheList([...BUILD].reverse())).toEqual(precacheList(BUILD));
  });
});

describe('cacheName', () => {
  const files = [
    { path: 'index.html', contents: '<h1>Neural Notebook</h1>' },
    { path: '_astro/a.js', contents: 'console.log(1)' },
  ];

  test('cacheName(files, base) is nn-offline:<base>:<16 hex digits>', () => {
    expect(cacheName(files, '/')).toMatch(/^nn-offline:\/:[0-9a-f]{16}$/);
    expect(cacheName(files, '/nn/')).toMatch(/^nn-offline:\/nn\/:[0-9a-f]{16}$/);
  });

  test('cacheName is unchanged for the same files, in any order', () => {
    expect(cacheName([...files].reverse(), '/')).toBe(cacheName(files, '/'));
    expect(cacheName(files.map((f) => ({ ...f, contents: Buffer.from(f.contents) })), '/')).toBe(cacheName(files, '/'));
  });

  test('cacheName changes when one byte of one file changes', () => {
    const changed = [files[0], { path: '_astro/a.js', contents: 'console.log(2)' }];
    expect(cacheName(changed, '/')).not.toBe(cacheName(files, '/'));
  });

  test('cacheName changes when a file is added, removed or renamed', () => {
    const name = cacheName(files, '/');
    expect(cacheName([...files, { path: 'b.css', contents: '' }], '/')).not.toBe(name);
    expect(cacheName(files.slice(1), '/')).not.toBe(name);
    expect(cacheName([files[0], { ...files[1], path: '_astro/b.js' }], '/')).not.toBe(name);
  });
});

describe('renderServiceWorker', () => {
  test('renderServiceWorker embeds the cache name and the list, and is valid JavaScript', () => {
    const text = renderServiceWorker('nn-offline:/:0123456789abcdef', ['', 'lessons/x/']);
    expect(text).toContain('"nn-offline:/:0123456789abcdef", ["","lessons/x/"]');
    expect(() => new Function(text)).not.toThrow();
  });
});

describe('writeServiceWorker', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'nn-sw-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };

  test('writeServiceWorker writes sw.js with every file, and writes the same bytes again for the same build', () => {
    build({ 'index.html': '<h1>Home</h1>', 'lessons/x/index.html': '<h1>X</h1>', '_astro/a.js': 'export {}' });
    const first = writeServiceWorker(dir, '/nn/');
    const text = readFileSync(join(dir, 'sw.js'), 'utf8');
    expect(first.urls).toEqual(['', '_astro/a.js', 'lessons/x/']);
    expect(first.precacheBytes).toBe('<h1>Home</h1><h1>X</h1>export {}'.length);
    expect(first.swBytes).toBe(Buffer.byteLength(text));
    expect(text).toContain(JSON.stringify(first.cache));
    // sw.js now exists but is never part of its own list or hash.
    expect(listFiles(dir)).toContain('sw.js');
    const again = writeServiceWorker(dir, '/nn/');
    expect(again.cache).toBe(first.cache);
    expect(readFileSync(join(dir, 'sw.js'), 'utf8')).toBe(text);
    writeFileSync(join(dir, 'lessons/x/index.html'), '<h1>Y</h1>');
    expect(writeServiceWorker(dir, '/nn/').cache).not.toBe(first.cache);
  });

  test('the two language workers: English leaves out ko/, Korean takes only ko/ and the shared search index, as ../pagefind/', () => {
    build({
      'index.html': 'en home',
      '_astro/a.js': 'a',
      'pagefind/pagefind.js': 'pf',
      'pagefind/pagefind-ui.js': 'ui',
      'ko/index.html': 'ko home',
      'ko/lessons/x/index.html': 'ko x',
      'ko/_astro/b.js': 'b',
    });
    const [en, ko] = LANGUAGE_WORKERS;
    expect(workerFiles(dir, en).urls).toEqual(['', '_astro/a.js', 'pagefind/pagefind.js']);
    expect(workerFiles(dir, ko).urls).toEqual(['', '../pagefind/pagefind.js', '_astro/b.js', 'lessons/x/']);
    const english = writeServiceWorker(dir, '/nn/', en);
    const korean = writeServiceWorker(dir, '/nn/', ko);
    expect(english.cache).toMatch(/^nn-offline:\/nn\/:[0-9a-f]{16}$/);
    expect(korean.cache).toMatch(/^nn-offline:\/nn\/ko\/:[0-9a-f]{16}$/);
    expect(korean.precacheBytes).toBe('ko home'.length + 'ko x'.length + 'b'.length + 'pf'.length);
    expect(readFileSync(join(dir, 'ko/sw.js'), 'utf8')).toContain('"../pagefind/pagefind.js"');
    // Each worker file is left out of both lists.
    expect(workerFiles(dir, en).urls).not.toContain('sw.js');
    expect(workerFiles(dir, ko).urls).not.toContain('sw.js');
    expect(writeServiceWorker(dir, '/nn/', en).cache).toBe(english.cache);
  });
});
