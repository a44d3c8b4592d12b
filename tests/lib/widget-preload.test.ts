/** The head script that fetches a share link's widget at once (src/integrations/widget-preload.mjs). */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { FIRST_PAINT_WAIT_MS as DIRECTIVE_WAIT_MS } from '../../src/integrations/client-widget.ts';
import { FIRST_FRAME_TAIL, FIRST_FRAMES, SCROLL_TAIL, widgetIslandEnds, FIRST_PAINT_WAIT_MS, addWidgetPreloads, buildFirstFrames, preloadScript, staticImports, widgetIslands } from '../../src/integrations/widget-preload.mjs';

type FakeElement = { rel: string; as: string; href: string; fetchPriority: string };

/** Runs a head script against a fake page at `address`; returns what it asked for. */
function run(script: string, address: string, window: Record<string, unknown> = {}) {
  const url = new URL(address, 'https://example.org/lessons/04/');
  const written: string[] = [];
  const appended: FakeElement[] = [];
  // The page's frames and timers, run by hand: what the script asks for before the first paint, then after.
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  window.requestAnimationFrame = (f: () => void) => frames.push(f);
  window.setTimeout = (f: () => void, ms: number) => {
    expect(ms).toBe(0);
    timers.push(f);
  };
  const document = {
    write: (html: string) => written.push(html),
    createElement: (): FakeElement => ({ rel: '', as: '', href: '', fetchPriority: 'auto' }),
    head: { appendChild: (el: FakeElement) => appended.push({ ...el }) },
  };
  const body = script.replace(/^<script>/, '').replace(/<\/script>$/, '');
  new Function('document', 'location', 'URLSearchParams', 'window', body)(document, { search: url.search, hash: url.hash }, URLSearchParams, window);
  const beforePaint = appended.filter((l) => l.rel === 'modulepreload').length;
  // the first frame, then the task after it
  for (const f of frames.splice(0)) f();
  const beforeTask = appended.filter((l) => l.rel === 'modulepreload').length;
  for (const f of timers.splice(0)) f();
  expect(frames.length + timers.length).toBe(0);
  const preloads = appended.filter((l) => l.rel === 'modulepreload');
  return {
    beforePaint: beforePaint + beforeTask,
    written,
    preloads: preloads.map((l) => l.href),
    priorities: [...new Set(preloads.map((l) => l.fetchPriority))],
    scripts: appended.filter((l) => l.rel === 'preload' && l.as === 'script').map((l) => l.href),
    first: window.__nnFirstFrame,
  };
}

describe('staticImports', () => {
  test('import and export from, bare imports; not import(): what loads later is not preloaded', () => {
    const code = 'import{a as b}from"./x.js";import"./y.js";export{c}from"./z.js";import*as n from "/_astro/w.js";const q=()=>import("./lazy.js");';
    expect(staticImports(code)).toEqual(['./x.js', './y.js', './z.js', '/_astro/w.js']);
  });
  test('a word that ends in "import" is not an import', () => {
    expect(staticImports('const reimport"./no.js"; x.import("./no2.js")')).toEqual([]);
  });
});

describe('widgetIslands', () => {
  const island = (client: string, id: string) =>
    `<astro-island uid="u" component-url="/_astro/W.js" renderer-url="/_astro/client.svelte.js" client="${client}" await-children><!--[--><section id="${id}" class="nn-widget"><h3 id="${id}-title">T</h3></section><!--astro:end--></astro-island>`;
  test('the first id inside each client:widget island, with its component and renderer', () => {
    expect(widgetIslands(`<p id="intro">x</p>${island('widget', 'playground')}`)).toEqual([
      { id: 'playground', urls: ['/_astro/W.js', '/_astro/client.svelte.js'] },
    ]);
  });
  test('other directives, and ids that are not plain names, are left out', () => {
    expect(widgetIslands(island('visible', 'cell-1'))).toEqual([]);
    expect(widgetIslands(island('widget', 'x&quot;y'))).toEqual([]);
    expect(widgetIslands(island('widget', '1st'))).toEqual([]);
  });
});

describe('preloadScript', () => {
  const script = preloadScript([
    { id: 'playground', urls: ['/_astro/P.js', '/_astro/engine.js', '/_astro/client.js'] },
    { id: 'race', urls: ['/_astro/R.js', '/_astro/engine.js', '/_astro/client.js'] },
  ]);
  test('a page without widget islands gets no script', () => {
    expect(preloadScript([])).toBe('');
  });
  test('a share link fetches its widget\'s modules once the first paint is out, and holds that paint until the widget is parsed', () => {
    const r = run(script, '?w-playground=eyJ9#playground');
    expect(r.preloads).toEqual(['/_astro/P.js', '/_astro/engine.js', '/_astro/client.js']);
    expect(r.written).toEqual(['<link rel="expect" href="#playground" blocking="render">']);
    // nothing in the first frame's task or before it: the first paint does not wait for, or share the line with, them
    expect(r.beforePaint).toBe(0);
    expect(r.priorities).toEqual(['auto']);
  });
  test('the scroll line scrolls to the linked widget once it is parsed, once, and not on a reload or a step back', () => {
    /** Runs the head script, then SCROLL_TAIL with the widget not yet parsed, then parsed, then again. */
    const scrolls = (address: string, navigation?: string) => {
      const scrolled: string[] = [];
      let parsed = false;
      const document = {
        write: () => {},
        createElement: () => ({}),
        head: { appendChild: () => {} },
        getElementById: (id: string) => (parsed ? { scrollIntoView: () => scrolled.push(id) } : null),
      };
      const window: Record<string, unknown> = {
        requestAnimationFrame: () => {},
        setTimeout: () => {},
        performance: { getEntriesByType: (type: string) => (type === 'navigation' && navigation ? [{ type: navigation }] : []) },
      };
      const url = new URL(address, 'https://example.org/lessons/04/');
      const body = script.replace(/^<script>/, '').replace(/<\/script>$/, '');
      new Function('document', 'location', 'URLSearchParams', 'window', body)(document, { search: url.search, hash: url.hash }, URLSearchParams, window);
      const tail = new Function('window', 'document', `with (window) { ${SCROLL_TAIL.replace(/^<script>/, '').replace(/<\/script>$/, '')} }`);
      tail(window, document);
      parsed = true;
      tail(window, document);
      tail(window, document);
      return scrolled;
    };
    expect(scrolls('?w-race=e#race')).toEqual(['race']);
    expect(scrolls('?w-race=e#race', 'navigate')).toEqual(['race']);
    expect(scrolls('?w-race=e#race', 'reload')).toEqual([]);
    expect(scrolls('?w-race=e#race', 'back_forward')).toEqual([]);
    // a link to something that is not a widget, and no link: nothing
    expect(scrolls('#intro')).toEqual([]);
    expect(scrolls('')).toEqual([]);
  });
  test('widgetIslandEnds: the end of each client:widget island, past any island inside it', () => {
    const html = '<astro-island client="visible">a</astro-island><astro-island client="widget"><astro-island client="load">b</astro-island>c</astro-island>d';
    const ends = widgetIslandEnds(html);
    expect(ends.map((at) => html.slice(at))).toEqual(['d']);
  });
  test('where the browser reports paints, the modules wait for the first contentful paint (or 3 s), not just a frame', () => {
    const appended: FakeElement[] = [];
    const timers: { f: () => void; ms: number }[] = [];
    let observer: { callback: (list: { getEntries: () => { name: string }[] }) => void; disconnected: boolean; options?: unknown } | null = null;
    class FakeObserver {
      static supportedEntryTypes = ['paint', 'longtask'];
      constructor(callback: (list: { getEntries: () => { name: string }[] }) => void) {
        observer = { callback, disconnected: false };
      }
      observe(options: unknown) {
        observer!.options = options;
      }
      disconnect() {
        observer!.disconnected = true;
      }
    }
    const window = {
      PerformanceObserver: FakeObserver,
      requestAnimationFrame: () => expect.fail('no frame is waited for when paints are reported'),
      setTimeout: (f: () => void, ms: number) => timers.push({ f, ms }),
    };
    const document = { write: () => {}, createElement: (): FakeElement => ({ rel: '', as: '', href: '', fetchPriority: 'auto' }), head: { appendChild: (el: FakeElement) => appended.push({ ...el }) } };
    const body = script.replace(/^<script>/, '').replace(/<\/script>$/, '');
    const start = () => new Function('document', 'location', 'URLSearchParams', 'window', body)(document, { search: '?w-playground=eyJ9', hash: '#playground' }, URLSearchParams, window);
    start();
    expect(observer!.options).toEqual({ type: 'paint', buffered: true });
    // the first paint (not contentful) reported: nothing yet
    observer!.callback({ getEntries: () => [{ name: 'first-paint' }] });
    expect(timers.map((t) => t.ms)).toEqual([3000]);
    observer!.callback({ getEntries: () => [{ name: 'first-contentful-paint' }] });
    expect(observer!.disconnected).toBe(true);
    expect(appended).toEqual([]);
    // the task after it asks for every module; the time limit then asks for nothing more
    for (const t of timers.splice(0).sort((a, b) => a.ms - b.ms)) t.f();
    expect(appended.map((l) => l.href)).toEqual(['/_astro/P.js', '/_astro/engine.js', '/_astro/client.js']);
    // no paint reported within 3 s (a tab in the background): the time limit asks for them
    appended.length = 0;
    start();
    const limit = timers.splice(0);
    expect(limit.map((t) => t.ms)).toEqual([3000]);
    limit[0].f();
    expect(appended.map((l) => l.href)).toEqual(['/_astro/P.js', '/_astro/engine.js', '/_astro/client.js']);
  });
  test('the head script and the directive wait for the same first paint', () => {
    expect(FIRST_PAINT_WAIT_MS).toBe(DIRECTIVE_WAIT_MS);
  });
  test('two widgets in one link: each module once, the paint held for the first only', () => {
    const r = run(script, '?w-race=a&w-playground=b');
    expect(r.preloads).toEqual(['/_astro/R.js', '/_astro/engine.js', '/_astro/client.js', '/_astro/P.js']);
    expect(r.written).toEqual(['<link rel="expect" href="#race" blocking="render">']);
  });
  test('a plain visit, a heading, an unknown widget or a malformed address asks for nothing', () => {
    for (const address of ['', '#intro', '?w-nope=1', '#%E0%A4%A', '?w-constructor=1#__proto__', '#hasOwnProperty']) {
      expect(run(script, address)).toMatchObject({ written: [], preloads: [], scripts: [], first: undefined });
    }
  });
  test('a widget with a first picture: its one file is fetched at once and chosen, with the widget id, for the line before the island', () => {
    const withFirst = preloadScript([
      { id: 'playground', urls: ['/_astro/P.js', '/_astro/engine.js'], first: '/_astro/P.first-frame.h.js' },
      { id: 'race', urls: ['/_astro/R.js'] },
    ]);
    const r = run(withFirst, '?w-playground=eyJ9#playground');
    expect(r.scripts).toEqual(['/_astro/P.first-frame.h.js']);
    expect(r.first).toBe('/_astro/P.first-frame.h.js#playground');
    // the file is run from its own line, not preloaded as a module
    expect(r.preloads).toEqual(['/_astro/P.js', '/_astro/engine.js']);
    expect(run(withFirst, '?w-race=1')).toMatchObject({ scripts: [], first: undefined });
    expect(run(withFirst, '')).toMatchObject({ scripts: [], first: undefined });
  });
});

describe('FIRST_FRAME_TAIL', () => {
  const tail = (window: Record<string, unknown>) => {
    const written: string[] = [];
    new Function('document', 'window', FIRST_FRAME_TAIL.replace(/^<script>/, '').replace(/<\/script>$/, ''))({ write: (h: string) => written.push(h) }, window);
    return written;
  };
  test('runs the chosen file, parser-blocking, and does nothing on other visits', () => {
    expect(tail({ __nnFirstFrame: '/_astro/P.first-frame.h.js#playground' })).toEqual(['<script src="/_astro/P.first-frame.h.js#playground"></script>']);
    expect(tail({})).toEqual([]);
  });
});

describe('addWidgetPreloads over a built site', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  test('each page gets the static import closure of its widgets, after <meta charset>; other languages are their own build', () => {
    dir = mkdtempSync(join(tmpdir(), 'nn-preload-'));
    mkdirSync(join(dir, '_astro'));
    mkdirSync(join(dir, 'lessons', 'a'), { recursive: true });
    mkdirSync(join(dir, 'ko', 'lessons'), { recursive: true });
    const chunk = (name: string, text: string) => writeFileSync(join(dir, '_astro', name), text);
    chunk('W.js', 'import{x}from"./engine.js";import"./shared.js";const l=()=>import("./chart.js");');
    chunk('engine.js', 'import"./shared.js";export const x=1;');
    chunk('shared.js', 'export const s=1;');
    chunk('chart.js', 'import"./big.js";');
    chunk('client.svelte.js', 'import"./shared.js";');
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>A</title></head><body><astro-island component-url="/_astro/W.js" renderer-url="/_astro/client.svelte.js" client="widget"><section id="w1"></section><!--astro:end--></astro-island></body></html>`;
    writeFileSync(join(dir, 'lessons', 'a', 'index.html'), page);
    writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p id="w1">no island</p></body></html>');
    writeFileSync(join(dir, 'ko', 'lessons', 'index.html'), page);
    expect(addWidgetPreloads(dir, '/')).toBe(1);
    const html = readFileSync(join(dir, 'lessons', 'a', 'index.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html><html><head><meta charset="utf-8"><script>')).toBe(true);
    const script = /<script>[\s\S]*?<\/script>/.exec(html)![0];
    expect(run(script, '#w1').preloads.sort()).toEqual(['/_astro/W.js', '/_astro/client.svelte.js', '/_astro/engine.js', '/_astro/shared.js']);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toContain('<script>');
    expect(readFileSync(join(dir, 'ko', 'lessons', 'index.html'), 'utf8')).toBe(page);
  });
  test('a widget with a first-frame file gets the line that runs it just before its island', () => {
    dir = mkdtempSync(join(tmpdir(), 'nn-preload-'));
    mkdirSync(join(dir, '_astro'));
    const chunk = (name: string, text: string) => writeFileSync(join(dir, '_astro', name), text);
    chunk('NetworkPlayground.abc123.js', 'export const p=1;');
    chunk('NetworkPlayground.first-frame.xyz789.js', '(()=>{})();');
    chunk('Other.def456.js', 'export const o=1;');
    const island = (name: string, id: string) => `<astro-island component-url="/_astro/${name}.js" client="widget"><section id="${id}"></section><!--astro:end--></astro-island>`;
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>x</p>${island('Other.def456', 'o1')}${island('NetworkPlayground.abc123', 'playground')}</body></html>`;
    writeFileSync(join(dir, 'index.html'), page);
    writeFileSync(join(dir, 'other.html'), page.replace(island('NetworkPlayground.abc123', 'playground'), ''));
    expect(addWidgetPreloads(dir, '/')).toBe(2);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain(`${island('Other.def456', 'o1')}${SCROLL_TAIL}${FIRST_FRAME_TAIL}${island('NetworkPlayground.abc123', 'playground')}${SCROLL_TAIL}</body>`);
    const script = /<script>[\s\S]*?<\/script>/.exec(html)![0];
    expect(run(script, '?w-playground=e#playground')).toMatchObject({
      scripts: ['/_astro/NetworkPlayground.first-frame.xyz789.js'],
      first: '/_astro/NetworkPlayground.first-frame.xyz789.js#playground',
    });
    expect(readFileSync(join(dir, 'other.html'), 'utf8')).not.toContain(FIRST_FRAME_TAIL);
  });
});

describe('buildFirstFrames', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  test('each first-frame script is one self-contained classic script, named by its content', async () => {
    dir = mkdtempSync(join(tmpdir(), 'nn-first-'));
    const names = await buildFirstFrames(process.cwd(), dir);
    expect(names).toHaveLength(Object.keys(FIRST_FRAMES).length);
    for (const name of names) {
      expect(name).toMatch(/^NetworkPlayground\.first-frame\.[\w-]{8}\.js$/);
      const code = readFileSync(join(dir, '_astro', name), 'utf8');
      // a classic script: it parses as a function body (no import or export), and imports nothing
      expect(() => new Function(code)).not.toThrow();
      expect(code).not.toMatch(/\bimport\s*\(/);
      // no schema library in it (the widget's own schema checks the link when it runs)
      expect(code).not.toContain('$ZodType');
      expect(code.length).toBeLessThan(40_000);
    }
    // the same source builds the same name
    expect(await buildFirstFrames(process.cwd(), dir)).toEqual(names);
  });
});
