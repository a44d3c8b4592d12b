/**
 * Chapter 4's network playground in a real browser: controls change the map, the chart and the
 * drawing; training lowers the loss; everything works from the keyboard and by touch; no main-thread
 * task passes 50 ms while training (PerformanceObserver 'longtask'); share links restore the state,
 * and bad links show the notice; divergence is explained and never shows NaN.
 */
import { cpus, loadavg } from 'node:os';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { encodeState } from '../../src/lib/share-state.ts';
import { DEFAULT_STATE, PRESETS, type PlaygroundState } from '../../src/widgets/NetworkPlayground/settings.ts';
import {
  axeScan,
  copiedLink,
  exercises,
  expectClean,
  expectNoViolations,
  horizontalOverflow,
  hydrated,
  LONG_TASKS,
  nextFrames,
  openPage,
  pixels,
  poll as pollFor,
  setTheme,
  type OpenPageOptions,
} from './support.ts';

const PATH = '/lessons/04-deep-networks/';

/** The playground only: the rest of the page and the frame's tools are covered by the site-wide scan. */
const PLAYGROUND_ONLY = {
  exclude: ['.prose > :not(astro-island)', '.prose > astro-island:not(:has(#playground))', 'section#playground .tools'],
};

/** Polls for up to 15 s by default: training runs take longer to show than a click. */
const poll = <T>(read: () => Promise<T> | T, timeout = 15_000) => pollFor(read, timeout);

async function openPlayground(state: Partial<PlaygroundState> | string | null = null, options: OpenPageOptions = {}) {
  const query = state === null ? '' : `?w-playground=${typeof state === 'string' ? state : encodeState({ ...DEFAULT_STATE, ...state })}`;
  const opened = await openPage(`${PATH}${query}`, { settle: false, initScripts: [LONG_TASKS], ...options });
  await hydrated(opened.page, 'section#playground');
  // the runner reports where training runs once it has started
  await poll(() => opened.page.locator('#playground .pg').getAttribute('data-mode')).not.toBe('none');
  return opened;
}

function pg(page: Page) {
  const root = page.locator('section#playground');
  return {
    root,
    button: (name: string) => root.getByRole('button', { name, exact: true }),
    epoch: root.getByTestId('epoch'),
    trainLoss: root.getByTestId('train-loss'),
    testLoss: root.getByTestId('test-loss'),
    accuracy: root.getByTestId('accuracy'),
    status: root.locator('p.status[role="status"]'),
    map: root.locator('.mapview canvas').first(),
    chart: root.locator('.lossview canvas'),
    graph: root.getByRole('application', { name: /^Network 2-/ }),
    readout: root.getByTestId('graph-readout'),
    // a text field with suggestions (a datalist) is a combobox
    lr: root.getByRole('combobox', { name: 'Learning rate' }),
    select: (name: string) => root.getByRole('combobox', { name, exact: true }),
  };
}


/** A Chrome trace event (the fields used here). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** CPU time (thread time) of the page's main-thread tasks in a trace: largest, 99th percentile, count. */
function mainThreadTaskCpu(events: TraceEvent[]): { max: number; p99: number; count: number } {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const cpu = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => (e.tdur ?? e.dur ?? 0) / 1000)
    .sort((a, b) => a - b);
  return { max: cpu.at(-1) ?? 0, p99: cpu[Math.floor(cpu.length * 0.99)] ?? 0, count: cpu.length };
}

const number = async (locator: Locator) => Number((await locator.innerText()).replace('\u2212', '-'));

describe('network playground', () => {
  test('changing a control redraws the map, the chart and the network; training lowers the loss', async () => {
    const { page, collected, close } = await openPlayground();
    const p = pg(page);
    await poll(() => p.status.innerText()).toContain('Ready: network 2-4-2-1 on the Circle data, 140 training and 60 test points');
    const start = await number(p.trainLoss);
    expect(start).toBeGreaterThan(0.5);
    let map = await pixels(p.map);
    expect(map).not.toBe('empty');

    // a new dataset: a new map and a new network
    await p.button('Spirals').click();
    await poll(() => pixels(p.map)).not.toBe(map);
    await poll(() => p.status.innerText()).toContain('on the Spirals data');
    map = await pixels(p.map);
    await p.button('One more unit in layer 1').click();
    await poll(() => p.root.locator('h4', { hasText: 'Network 2-5-2-1' }).count()).toBe(1);
    await poll(() => pixels(p.map)).not.toBe(map);

    // back to the circle; play, and the loss falls while the chart grows
    await p.button('Circle').click();
    await p.button('One unit fewer in layer 1').click();
    const chart = await pixels(p.chart);
    await p.button('Play').click();
    await poll(() => number(p.epoch)).toBeGreaterThan(60);
    await p.button('Pause').click();
    expect(await number(p.trainLoss)).toBeLessThan(start / 2);
    expect(await p.accuracy.innerText()).toMatch(/^\d+%/);
    await poll(() => pixels(p.chart)).not.toBe(chart);
    await poll(() => p.status.innerText()).toMatch(/^Paused at epoch \d+: training loss/);
    // the map follows the trained network
    expect(await pixels(p.map)).not.toBe(map);
    expect(await p.root.innerText()).not.toMatch(/NaN|undefined|Infinity/);
    expectClean(collected);
    await close();
  });

  test('the XOR preset solves XOR, and the first layer’s two lines are drawn', async () => {
    const { page, collected, close } = await openPlayground();
    const p = pg(page);
    await p.button('XOR, two hidden units').click();
    await poll(() => p.root.locator('h4', { hasText: 'Network 2-2-1' }).count()).toBe(1);
    expect(await p.root.getByRole('checkbox', { name: 'Show the first layer’s lines' }).isChecked()).toBe(true);
    await p.button('Play').click();
    await poll(() => p.accuracy.innerText()).toMatch(/^100%/);
    await p.button('Pause').click();
    expect(await p.root.getByText('Each line is where one unit of the first layer switches sign').isVisible()).toBe(true);
    expect(await p.root.locator('.mapview p.visually-hidden').first().textContent()).toMatch(/Lines drawn: 2\./);
    expectClean(collected);
    await close();
  });

  test('keyboard only: preset, play, read a weight, add a point, step', { timeout: 90_000 }, async () => {
    const { page, collected, close } = await openPlayground();
    const p = pg(page);
    // Tab from the widget's heading reaches the first preset button.
    await p.root.locator('h3').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('XOR, two hidden units');
    await page.keyboard.press('Enter');
    await poll(() => p.root.locator('h4', { hasText: 'Network 2-2-1' }).count()).toBe(1);
    await p.button('Play').focus();
    await page.keyboard.press('Space');
    await poll(() => p.accuracy.innerText()).toMatch(/^100%/);
    await page.keyboard.press('Space');
    await poll(() => p.button('Play').isVisible()).toBe(true);

    // the drawing: focus it, then arrow keys read the weights and biases one by one
    await p.graph.focus();
    await poll(() => p.readout.innerText()).toMatch(/^Weight from input x₁ to unit 1 of hidden layer 1: −?\d+\.\d{3}$/);
    await page.keyboard.press('ArrowRight');
    await poll(() => p.readout.innerText()).toMatch(/^Weight from input x₂ to unit 1 of hidden layer 1/);
    await page.keyboard.press('ArrowRight');
    await poll(() => p.readout.innerText()).toMatch(/^Bias of unit 1 of hidden layer 1: −?\d+\.\d{3}$/);
    await page.keyboard.press('End');
    await poll(() => p.readout.innerText()).toMatch(/^Bias of the output/);

    // add a point: choose the class, focus the map, move with the arrows, Enter
    await p.root.getByRole('button', { name: 'Class 1 (blue)', exact: true }).focus();
    await page.keyboard.press('Enter');
    await p.map.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await poll(() => p.root.getByRole('button', { name: 'Remove the 1 added' }).count()).toBe(1);
    expect(await p.root.getByTestId('add-note').innerText()).toContain('adds one training point');

    // Step trains exactly one epoch
    const epoch = await number(p.epoch);
    await p.button('Step').focus();
    await page.keyboard.press('Enter');
    await poll(() => number(p.epoch)).toBe(epoch + 1);
    expectClean(collected);
    await close();
  });

  test('no main-thread task over 50 ms while a 2-8-8-1 network trains on 400 points; epochs per second', { timeout: 180_000 }, async () => {
    const results: string[] = [];
    for (const batchSize of [0, 10]) {
      const { page, collected, close } = await openPlayground({
        dataset: 'spirals',
        points: 444,
        testFraction: 0.1,
        layers: [8, 8],
        activation: 'tanh',
        optimizer: 'sgd',
        lr: 0.03,
        batchSize,
        speed: 'fast',
      });
      const p = pg(page);
      await poll(() => p.status.innerText()).toContain('network 2-8-8-1 on the Spirals data, 400 training and 44 test points');

      // The test machine may be shared: when other processes load it, a task that needs 20 ms of
      // CPU can take 100 ms of wall time. So the CPU time of every main-thread task is read from a
      // Chrome trace too (load does not change it), and the machine's load is recorded.
      const loadBefore = loadavg()[0];
      const browser = page.context().browser()!;
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      await p.button('Play').click();
      await poll(() => number(p.epoch)).toBeGreaterThan(0);
      // Up to three windows of 4 s; one without wall-clock long tasks is enough.
      const windows: { rate: number; long: number[] }[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const [t0, e0] = [await page.evaluate(() => performance.now()), await number(p.epoch)];
        await page.waitForTimeout(4000);
        const [t1, e1] = [await page.evaluate(() => performance.now()), await number(p.epoch)];
        const long = await page.evaluate(
          ([from, to]) =>
            (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
              .filter((e) => e.start >= from && e.start <= to)
              .map((e) => Math.round(e.duration)),
          [t0, t1],
        );
        windows.push({ rate: ((e1 - e0) / (t1 - t0)) * 1000, long });
        if (long.length === 0) break;
      }
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
      await p.button('Pause').click();
      const cpu = mainThreadTaskCpu(trace.traceEvents);
      const load = Math.max(loadBefore, loadavg()[0]);
      const calm = load < cpus().length;

      results.push(
        `batch ${batchSize || 'all (400)'}: ` +
          windows.map((w) => `${w.rate.toFixed(0)} epochs/s, long tasks ${w.long.length ? w.long.join('/') + ' ms' : 'none'}`).join('; ') +
          `; busiest main-thread task ${cpu.max.toFixed(1)} ms of CPU (99th percentile ${cpu.p99.toFixed(1)}, ${cpu.count} tasks)` +
          `; load average ${load.toFixed(1)} on ${cpus().length} cores`,
      );
      // No task needs 50 ms of CPU on a calm machine. Under load the CPU time of a task grows too
      // (two busy threads share a core's caches and clock): there, nothing may come near freezing
      // the page, and 99 tasks in 100 stay well under 50 ms.
      expect(cpu.max, 'largest main-thread task, CPU ms').toBeLessThan(calm ? 50 : 100);
      expect(cpu.p99, '99th percentile of main-thread tasks, CPU ms').toBeLessThan(40);
      // In wall-clock time (PerformanceObserver 'longtask'): a clean window, whenever the machine is
      // not busy with other work (a load average below its number of cores).
      if (calm) {
        expect(windows.some((w) => w.long.length === 0), `a 4 s window without main-thread tasks over 50 ms: ${JSON.stringify(windows)}`).toBe(true);
      }
      expect(Math.max(...windows.map((w) => w.rate))).toBeGreaterThan(50);
      expect(await page.locator('#playground .pg').getAttribute('data-mode')).toBe('worker');
      expectClean(collected);
      await close();
    }
    console.log(`2-8-8-1 on 400 points in the browser:\n  ${results.join('\n  ')}`);
  });

  test('a learning rate of 1e6 diverges: the panel explains it, nothing shows NaN, the chart keeps its points', async () => {
    const { page, collected, close } = await openPlayground();
    const p = pg(page);
    await p.lr.fill('1e6');
    await p.lr.press('Enter');
    await poll(() => p.root.innerText()).toContain('A learning rate this large usually makes training diverge');
    await p.button('Play').click();
    const panel = p.root.getByTestId('divergence');
    await poll(() => panel.isVisible()).toBe(true);
    expect(await panel.innerText()).toContain('Training diverged');
    expect(await panel.innerText()).toMatch(/ten times smaller, such as 100000/);
    expect(await p.button('Play').isDisabled()).toBe(true);
    await poll(() => p.status.innerText()).toContain('Training diverged at epoch');
    expect(await p.root.innerText()).not.toMatch(/NaN|Infinity|undefined/);
    expect(await pixels(p.chart)).not.toBe('empty');
    // bad text in the field keeps the rate and says so
    await p.lr.fill('abc');
    await p.lr.press('Enter');
    await poll(() => p.root.innerText()).toContain('Type a number such as 0.03 or 3e-2. The learning rate stays 1000000.');
    expect(await p.lr.getAttribute('aria-invalid')).toBe('true');
    // a sane rate starts again
    await p.lr.fill('0.3');
    await p.lr.press('Enter');
    await poll(() => p.button('Play').isDisabled()).toBe(false);
    expect(await p.root.getByTestId('divergence').count()).toBe(0);
    expect(await number(p.epoch)).toBe(0);
    expectNoViolations(await axeScan(page, PLAYGROUND_ONLY));
    expectClean(collected);
    await close();
  });

  test('Copy link, then opening that link, restores the playground', async () => {
    const { page, context, collected, close } = await openPlayground();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const p = pg(page);
    await p.button('3 classes').click();
    await p.button('Add a hidden layer').click();
    await p.select('Activation').selectOption('relu');
    await p.select('Optimizer').selectOption('adam');
    await p.lr.fill('0.01');
    await p.lr.press('Enter');
    await p.root.getByRole('checkbox', { name: 'Discretize the output' }).check();
    await p.root.getByRole('button', { name: 'Class 2', exact: true }).click();
    const box = (await p.map.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await poll(() => p.root.getByRole('button', { name: 'Remove the 1 added' }).count()).toBe(1);
    await p.root.getByRole('textbox', { name: 'Seed' }).fill('77');
    await p.root.getByRole('textbox', { name: 'Seed' }).press('Enter');
    const url = await copiedLink(page, 'playground');
    expect(new URL(url).hash).toBe('#playground');

    const other = await context.newPage();
    await other.goto(url);
    await hydrated(other, 'section#playground');
    const o = pg(other);
    await poll(() => o.root.locator('h4', { hasText: 'Network 2-4-2-2-3' }).count()).toBe(1);
    expect(await o.button('3 classes').getAttribute('aria-pressed')).toBe('true');
    expect(await o.select('Activation').inputValue()).toBe('relu');
    expect(await o.select('Optimizer').inputValue()).toBe('adam');
    expect(await o.select('Loss').inputValue()).toBe('cross_entropy');
    expect(await o.lr.inputValue()).toBe('0.01');
    expect(await o.root.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('77');
    expect(await o.root.getByRole('checkbox', { name: 'Discretize the output' }).isChecked()).toBe(true);
    expect(await o.root.getByRole('button', { name: 'Remove the 1 added' }).count()).toBe(1);
    await other.close();
    expectClean(collected);
    await close();
  });

  test('a share link\'s decision map is painted before the widget runs, and it is the widget\'s own picture, in light and in dark', async () => {
    // every picture put into the decision map's canvas, with whether the widget had hydrated by then
    const RECORD = `(() => {
      const puts = (window.__puts = []);
      const put = CanvasRenderingContext2D.prototype.putImageData;
      CanvasRenderingContext2D.prototype.putImageData = function (image, ...rest) {
        if (this.canvas.closest && this.canvas.closest('section#playground .mapview')) {
          const island = this.canvas.closest('astro-island');
          puts.push({ hydrated: !!island && !island.hasAttribute('ssr'), pixels: Array.from(new Uint32Array(image.data.buffer)) });
        }
        return put.call(this, image, ...rest);
      };
    })();`;
    const state = { ...DEFAULT_STATE, dataset: 'spirals' as const, noise: 0, points: 500, testFraction: 0.5, layers: [8, 8], activation: 'tanh' as const, lr: 0.03 };
    // in each theme: the colours are the theme's CSS variables, read by both
    const pictures: number[][] = [];
    for (const theme of ['light', 'dark'] as const) {
      const opened = await openPage(`${PATH}?w-playground=${encodeState(state)}#playground`, { settle: false, initScripts: [RECORD], theme });
      await hydrated(opened.page, 'section#playground');
      await poll(() => opened.page.evaluate(() => (window as unknown as { __puts: { hydrated: boolean }[] }).__puts.some((p) => p.hydrated))).toBe(true);
      const seen = await opened.page.evaluate(() => {
        const puts = (window as unknown as { __puts: { hydrated: boolean; pixels: number[] }[] }).__puts;
        const canvas = document.querySelector<HTMLCanvasElement>('section#playground .mapview canvas')!;
        const now = Array.from(new Uint32Array(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.buffer));
        return { first: puts[0], last: puts[puts.length - 1].pixels, now, marks: performance.getEntriesByName('nn:first-frame').length, size: [canvas.width, canvas.height] };
      });
      // the first picture came before the widget ran, from the first-frame script (the widget's own
      // first paint, made while it hydrates, is of its default settings: another picture)
      expect(seen.marks, theme).toBe(1);
      expect(seen.first.hydrated).toBe(false);
      // and it is, to the last pixel, what the running widget draws for the link at epoch 0
      expect(seen.size).toEqual([50, 50]);
      expect(seen.first.pixels).toEqual(seen.last);
      expect(seen.now).toEqual(seen.last);
      expect(new Set(seen.first.pixels).size).toBeGreaterThan(10);
      pictures.push(seen.first.pixels);
      expectClean(opened.collected);
      await opened.close();
    }
    expect(pictures[1]).not.toEqual(pictures[0]);

    // a link over the caps draws nothing early (the widget, once it runs, says why)
    const bad = await openPage(`${PATH}?w-playground=${encodeState({ ...state, layers: [64, 64] })}#playground`, { settle: false, initScripts: [RECORD] });
    await hydrated(bad.page, 'section#playground');
    expect(await bad.page.evaluate(() => performance.getEntriesByName('nn:first-frame').length)).toBe(0);
    await bad.close();
  });

  test('a share link asks for the widget\'s modules once the first paint is out, and a plain visit does not', async () => {
    const modules = (page: Page) =>
      page.evaluate(() => {
        const island = document.querySelector('section#playground')!.closest('astro-island')!;
        const component = new URL(island.getAttribute('component-url')!, location.href).href;
        const preloads = [...document.head.querySelectorAll('link[rel="modulepreload"]')].map((l) => (l as HTMLLinkElement).href);
        const started = (url: string) => (performance.getEntriesByName(url)[0] as PerformanceResourceTiming | undefined)?.startTime ?? NaN;
        const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        // (modules the page's own scripts share, such as Svelte's or the progress store, may come earlier)
        return { component, preloads, paint, asked: started(component), expect: document.head.querySelectorAll('link[rel="expect"]').length };
      });
    const shared = await openPage(`${PATH}?w-playground=${encodeState({ ...DEFAULT_STATE, layers: [8, 8] })}#playground`, { settle: false });
    await hydrated(shared.page, 'section#playground');
    const s = await modules(shared.page);
    // the component and everything it imports statically (the engine, Svelte, the heatmap, ...)
    expect(s.preloads).toContain(s.component);
    expect(s.preloads.length).toBeGreaterThan(4);
    // the widget's own module is asked for only once the first paint is out
    expect(s.asked, JSON.stringify(s)).toBeGreaterThan(s.paint);
    // the first paint waited for the widget's markup, and the page opened at the widget
    expect(s.expect).toBe(1);
    const [top, margin] = await shared.page.evaluate(() => {
      const section = document.querySelector('section#playground')!;
      const offset = (el: Element, property: 'scrollMarginTop' | 'scrollPaddingTop') => parseFloat(getComputedStyle(el)[property]) || 0;
      return [section.getBoundingClientRect().top, offset(section, 'scrollMarginTop') + offset(document.documentElement, 'scrollPaddingTop')];
    });
    expect(Math.abs(top - margin)).toBeLessThan(2);
    expectClean(shared.collected);
    await shared.close();

    const plain = await openPage(PATH, { settle: false });
    expect(await plain.page.evaluate(() => document.head.querySelectorAll('link[rel="modulepreload"], link[rel="expect"]').length)).toBe(0);
    await plain.close();
  });

  test.each([
    ['not base64', '%%%not-a-state'],
    ['7 hidden layers', encodeState({ ...DEFAULT_STATE, layers: [1, 1, 1, 1, 1, 1, 1] })],
    ['65 units', encodeState({ ...DEFAULT_STATE, layers: [65] })],
    ['20001 epochs', encodeState({ ...DEFAULT_STATE, epochs: 20_001 })],
    ['a learning rate past 1e6', encodeState({ ...DEFAULT_STATE, lr: 1e9 })],
    ['markup in a field', encodeState({ ...DEFAULT_STATE, dataset: '<img src=x onerror="window.__hacked=1">' })],
  ])('a malformed w-playground link (%s) shows the notice and the defaults', async (_what, raw) => {
    const { page, collected, close } = await openPlayground(raw);
    const p = pg(page);
    const notice = p.root.getByRole('alert');
    await poll(() => notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('could not be read, so the defaults are shown');
    expect(await p.root.locator('h4', { hasText: 'Network 2-4-2-1' }).count()).toBe(1);
    expect(await p.button('Circle').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
    expect(await p.root.locator('img').count()).toBe(0);
    expectClean(collected);
    await close();
  });

  test('on a 360 px phone: no sideways scrolling, and a tap adds a point', async () => {
    const { page, collected, close } = await openPlayground(null, { width: 360, height: 780, touch: true });
    const p = pg(page);
    expect((await horizontalOverflow(page)).offenders).toEqual([]);
    await p.root.getByRole('button', { name: 'Class 0 (orange)', exact: true }).tap();
    await p.map.scrollIntoViewIfNeeded();
    const box = (await p.map.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(330);
    await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await poll(() => p.root.getByRole('button', { name: 'Remove the 1 added' }).count()).toBe(1);
    // tapping a weight in the drawing reads it out
    await p.graph.scrollIntoViewIfNeeded();
    const g = (await p.graph.boundingBox())!;
    await page.touchscreen.tap(g.x + g.width * 0.25, g.y + g.height * 0.5);
    await poll(() => p.readout.innerText()).toMatch(/^(Weight|Bias) /);
    expect((await horizontalOverflow(page)).offenders).toEqual([]);
    expectClean(collected);
    await close();
  });

  test('the challenge: one layer of 4 units on the circle reaches a test loss below 0.1, and the lesson shows it done', { timeout: 90_000 }, async () => {
    const { page, collected, close } = await openPlayground({ layers: [4], speed: 'fast' });
    const p = pg(page);
    const verdict = p.root.locator('[data-challenge="ch4-circle"] .verdict');
    expect(await verdict.getAttribute('data-done')).toBe('false');
    expect(await p.root.locator('[data-challenge="ch4-circle"]').innerText()).toContain('At most 4 hidden units (now 4)');
    await p.button('Play').click();
    await poll(() => verdict.getAttribute('data-done'), 60_000).toBe('true');
    await p.button('Pause').click();
    expect(await verdict.innerText()).toContain('Challenge complete');
    expect(await number(p.testLoss)).toBeLessThan(0.1);
    const stored = await page.evaluate(() => localStorage.getItem('nn-progress'));
    expect(JSON.parse(stored ?? '{}').done).toContain('ch4-circle');
    await hydrated(page, '.challenge-status');
    await poll(() => page.locator('.challenge-status').getAttribute('data-done')).toBe('true');
    expectClean(collected);
    await close();
  });

  test('with reduced motion the playground still trains, and its pictures still follow', async () => {
    const { page, collected, close } = await openPlayground(null, { reducedMotion: true });
    const p = pg(page);
    const map = await pixels(p.map);
    await p.button('Play').click();
    await poll(() => number(p.epoch)).toBeGreaterThan(30);
    await p.button('Pause').click();
    await poll(() => pixels(p.map)).not.toBe(map);
    expectClean(collected);
    await close();
  });

  test('every exercise accepts the answer its worked solution gives, and refuses a wrong one', { timeout: 90_000 }, async () => {
    const { page, collected, close } = await openPage(PATH);
    const ex = exercises(page);
    await ex.type('ch4-params', '25', 'incorrect');
    for (const [id, answer] of [
      ['ch4-params', '105'],
      ['ch4-h2', '0.0067'],
    ]) {
      await ex.type(id, answer);
    }
    for (const [id, choice] of [
      ['ch4-gate', 'OR'],
      ['ch4-fit', 'Over-fitting: it is memorising the training points'],
      ['ch4-linear', 'A single straight line'],
      ['ch4-underfit', 'Add a hidden layer with a few units'],
    ]) {
      await ex.choose(id, choice);
    }
    expectClean(collected);
    await close();
  });

  test('the playground passes axe in light and dark, and the hidden-unit maps follow the theme', async () => {
    const { page, collected, close } = await openPlayground({ showTest: true, showLines: true });
    expectNoViolations(await axeScan(page, PLAYGROUND_ONLY));
    const node = page.locator('section#playground .node canvas').first();
    const light = await pixels(node);
    await setTheme(page, 'dark');
    await poll(() => pixels(node)).not.toBe(light);
    expectNoViolations(await axeScan(page, PLAYGROUND_ONLY));
    expectClean(collected);
    await close();
  });
});

/** The last point of a chart series, from the chart's text alternative ("…, last point (x, y)."). */
async function lastPoint(page: Page, label: string): Promise<[number, number]> {
  const text = (await page.locator('section#playground .lossview + p.visually-hidden, section#playground .lossview p.visually-hidden').first().textContent()) ?? '';
  const match = new RegExp(`${label}: \\d+ points, [^()]*last point \\(([^,]+), ([^)]+)\\)`).exec(text);
  if (!match) throw new Error(`no "${label}" series in: ${text}`);
  return [Number(match[1].replace('\u2212', '-')), Number(match[2].replace('\u2212', '-'))];
}

/** Three significant digits, as the stats print a loss. */
const sig3 = (v: number) => Number(v.toPrecision(3));

describe('network playground: measuring, sharing, touch and settings', () => {
  test('paused, the chart’s training and test losses end at the stats: both measured after the epoch', async () => {
    const { page, collected, close } = await openPlayground({ ...PRESETS.xor });
    const p = pg(page);
    for (let i = 0; i < 10; i++) await p.button('Step').click();
    await poll(() => number(p.epoch)).toBe(10);
    await poll(() => lastPoint(page, 'Training loss').then((pt) => pt[0])).toBe(10);
    const [, train] = await lastPoint(page, 'Training loss');
    const [, test] = await lastPoint(page, 'Test loss');
    expect(sig3(train)).toBe(await number(p.trainLoss));
    expect(sig3(test)).toBe(await number(p.testLoss));
    expect(await p.root.getByTestId('chart-note').innerText()).toContain('Every loss is measured on its whole set with the weights after the epoch.');
    expectClean(collected);
    await close();
  });

  test('width up to 64: typing 44 units gives 2-44-1 with as many parameters as 2-8-8-8-1', async () => {
    const { page, collected, close } = await openPlayground({ ...PRESETS.spirals });
    const p = pg(page);
    await poll(() => p.root.getByTestId('net-summary').innerText()).toContain('177 parameters');
    await p.button('Remove the last hidden layer').click();
    await p.button('Remove the last hidden layer').click();
    const field = p.root.getByRole('spinbutton', { name: 'Units in layer 1' });
    await field.fill('44');
    await field.press('Enter');
    await poll(() => p.root.locator('h4', { hasText: 'Network 2-44-1' }).count()).toBe(1);
    expect(await p.root.getByTestId('net-summary').innerText()).toContain('177 parameters');
    await field.fill('80');
    await field.press('Enter');
    await poll(() => p.root.locator('h4', { hasText: 'Network 2-64-1' }).count()).toBe(1);
    expect(await field.inputValue()).toBe('64');
    expect(await p.button('One more unit in layer 1').isDisabled()).toBe(true);
    expect(await p.root.getByTestId('net-summary').innerText()).toContain('257 parameters');
    expectClean(collected);
    await close();
  });

  test('a validation share: the stats, the chart and the note name three sets; an old link without it still opens', async () => {
    const { validFraction: _v, init: _i, epochs: _e, legs: _l, ...old } = DEFAULT_STATE;
    const { page, collected, close } = await openPlayground(encodeState({ ...old, seed: 5 }));
    const p = pg(page);
    await poll(() => p.root.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('5');
    expect(await p.root.getByRole('alert').count()).toBe(0);
    const slider = p.root.getByRole('slider', { name: 'Validation share' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await poll(() => p.root.getByTestId('valid-loss').count()).toBe(1);
    expect(await p.root.getByTestId('chart-note').innerText()).toContain('Trained on 100 points; the 40 validation points');
    expect(await slider.getAttribute('aria-valuetext')).toBe('20% held out for validation: 100 training, 40 validation and 60 test points');
    await p.button('Step').click();
    await poll(() => number(p.epoch)).toBe(1);
    const [, valid] = await lastPoint(page, 'Validation loss');
    expect(sig3(valid)).toBe(await number(p.root.getByTestId('valid-loss')));
    expectClean(collected);
    await close();
  });

  test('the initialisation is a setting, named in the network summary and carried by links', async () => {
    const { page, context, collected, close } = await openPlayground();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const p = pg(page);
    expect(await p.root.getByTestId('net-summary').innerText()).toContain('Glorot uniform initialisation');
    const map = await pixels(p.map);
    await p.select('Initialisation').selectOption('he');
    await poll(() => p.root.getByTestId('net-summary').innerText()).toContain('He normal initialisation');
    await poll(() => pixels(p.map)).not.toBe(map);
    await p.select('Initialisation').selectOption('uniform');
    await poll(() => p.root.getByTestId('net-summary').innerText()).toContain('PyTorch’s default initialisation');
    const url = await copiedLink(page, 'playground');
    const other = await context.newPage();
    await other.goto(url);
    await hydrated(other, 'section#playground');
    await poll(() => pg(other).select('Initialisation').inputValue()).toBe('uniform');
    await other.close();
    expectClean(collected);
    await close();
  });

  test('Copy link at epoch 124 opens at epoch 124: replayed with progress, the same losses and weights', { timeout: 90_000 }, async () => {
    const { page, context, collected, close } = await openPlayground({ layers: [4], speed: 'slow' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const p = pg(page);
    await p.select('Speed').selectOption('fast');
    await p.button('Play').click();
    await poll(() => number(p.epoch)).toBeGreaterThan(60);
    await p.button('Pause').click();
    await poll(() => p.status.innerText()).toMatch(/^Paused at epoch/);
    const paused = await number(p.epoch);
    // a change of learning rate mid-run, then more training: the link carries both stretches
    await p.lr.fill('0.1');
    await p.lr.press('Enter');
    for (let i = 0; i < 3; i++) await p.button('Step').click();
    const epoch = paused + 3;
    await poll(() => p.status.innerText()).toMatch(new RegExp(`^Paused at epoch ${epoch}:`));
    const stats = [await p.trainLoss.innerText(), await p.testLoss.innerText(), await p.accuracy.innerText()];
    await p.graph.focus();
    const weights: string[] = [];
    for (let i = 0; i < 6; i++) {
      weights.push(await p.readout.innerText());
      await page.keyboard.press('ArrowRight');
    }
    const url = await copiedLink(page, 'playground');

    const other = await context.newPage();
    await other.goto(url);
    await hydrated(other, 'section#playground');
    const o = pg(other);
    await poll(() => o.status.innerText(), 60_000).toMatch(new RegExp(`^Paused at epoch ${epoch}:`));
    expect(await number(o.epoch)).toBe(epoch);
    expect([await o.trainLoss.innerText(), await o.testLoss.innerText(), await o.accuracy.innerText()]).toEqual(stats);
    await o.graph.focus();
    const again: string[] = [];
    for (let i = 0; i < 6; i++) {
      again.push(await o.readout.innerText());
      await other.keyboard.press('ArrowRight');
    }
    expect(again).toEqual(weights);
    expect(await o.lr.inputValue()).toBe('0.1');
    await other.close();
    expectClean(collected);
    await close();
  });

  test('a shared run replays with a progress bar, and Pause stops the replay where it is', async () => {
    const { page, collected, close } = await openPlayground({ dataset: 'spirals', points: 800, layers: [8, 8], lr: 0.03, epochs: 20_000 });
    const p = pg(page);
    await poll(() => p.root.locator('progress').count()).toBe(1);
    await poll(() => p.status.innerText()).toContain('Replaying the shared run of network 2-8-8-1 on the Spirals data up to epoch 20000');
    await p.button('Pause').click();
    await poll(() => p.root.locator('progress').count()).toBe(0);
    await poll(() => p.status.innerText()).toMatch(/^Paused at epoch \d+/);
    const epoch = await number(p.epoch);
    expect(epoch).toBeLessThan(20_000);
    expect(await p.status.innerText()).toContain(`Paused at epoch ${epoch}:`);
    expectClean(collected);
    await close();
  });

  test('the status never lags the counter: no stale epoch while training, the latest one when paused', async () => {
    const { page, collected, close } = await openPlayground({ dataset: 'spirals', speed: 'fast' });
    const p = pg(page);
    await p.button('Play').click();
    await poll(() => number(p.epoch)).toBeGreaterThan(100);
    // while training: no epoch number in the status, over several seconds
    for (let i = 0; i < 4; i++) {
      expect(await p.status.innerText()).toBe('Training network 2-4-2-1 on the Spirals data. Pause to hear where it stands.');
      await page.waitForTimeout(900);
    }
    await p.button('Pause').click();
    await poll(() => p.status.innerText()).toMatch(/^Paused at epoch/);
    // The worker may finish the epoch it was on after Pause: that last epoch reaches the counter and
    // the status together, so once settled they agree.
    await poll(async () => {
      const status = await p.status.innerText();
      return status.includes(`Paused at epoch ${await number(p.epoch)}:`) ? 'same' : status;
    }).toBe('same');
    expectClean(collected);
    await close();
  });

  test('toggling the theme recolours the loss chart, points included, as a page opened in that theme draws it', async () => {
    const state = { ...PRESETS.xor, epochs: 8 };
    const light = await openPlayground(state);
    const dark = await openPlayground(state, { theme: 'dark' });
    for (const opened of [light, dark]) await poll(() => pg(opened.page).status.innerText()).toMatch(/^Paused at epoch 8:/);
    const before = await pixels(pg(light.page).chart);
    await setTheme(light.page, 'dark');
    await poll(() => pixels(pg(light.page).chart)).not.toBe(before);
    await nextFrames(light.page, 3);
    expect(await pixels(pg(light.page).chart)).toBe(await pixels(pg(dark.page).chart));
    expectClean(light.collected);
    expectClean(dark.collected);
    await light.close();
    await dark.close();
  });

  test('the Noise, Test share and Validation share sliders are named by their labels', async () => {
    const { page, collected, close } = await openPlayground();
    const p = pg(page);
    for (const name of ['Noise', 'Test share', 'Validation share']) expect(await p.root.getByRole('slider', { name, exact: true }).count()).toBe(1);
    // each slider's name is its own label, not the label plus the value beside it
    expect(await p.root.getByRole('slider', { name: 'Noise' }).getAttribute('id')).toBeTruthy();
    expect(await p.root.getByRole('status').filter({ hasText: 'Noise' }).count()).toBe(0);
    expectClean(collected);
    await close();
  });

  test('the divergence notice quotes the training loss the stats show', async () => {
    const { page, collected, close } = await openPlayground({ lr: 30 });
    const p = pg(page);
    await p.button('Step').click();
    const panel = p.root.getByTestId('divergence');
    await poll(() => panel.isVisible()).toBe(true);
    const shown = await p.trainLoss.innerText();
    expect(await panel.innerText()).toContain(`By epoch 1 the training loss had climbed to ${shown}, up from `);
    expectClean(collected);
    await close();
  });

  test('Restart training keeps the seed and points; Reset all settings wipes them and offers Undo reset', async () => {
    const { page, collected, close } = await openPlayground({ seed: 7, added: [[0.1, 0.1, 1]] });
    const p = pg(page);
    await p.button('Step').click();
    await poll(() => number(p.epoch)).toBe(1);
    await p.button('Restart training').click();
    await poll(() => number(p.epoch)).toBe(0);
    expect(await p.root.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('7');
    expect(await p.root.getByRole('button', { name: 'Remove the 1 added' }).count()).toBe(1);
    await p.button('Step').click();
    await poll(() => number(p.epoch)).toBe(1);
    await p.button('Reset all settings').click();
    await poll(() => p.root.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('1');
    expect(await p.root.getByRole('button', { name: /^Remove the \d+ added$/ }).count()).toBe(0);
    expect(await p.root.getByTestId('undo-reset').innerText()).toContain('back to the defaults');
    await p.button('Undo reset').click();
    await poll(() => p.root.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('7');
    await poll(() => number(p.epoch)).toBe(1);
    expect(await p.root.getByRole('button', { name: 'Remove the 1 added' }).count()).toBe(1);
    expect(await p.root.getByTestId('undo-reset').count()).toBe(0);
    expectClean(collected);
    await close();
  });

  test('a value forced into a menu is refused: Play still works and Copy link shares a state its links accept', async () => {
    const { page, context, collected, close } = await openPlayground();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const p = pg(page);
    for (const [menu, value] of [['Activation', 'step'], ['Optimizer', 'lbfgs']] as const) {
      await p.select(menu).evaluate((el: HTMLSelectElement, v) => {
        el.add(new Option(v, v));
        el.value = v;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
      await poll(() => p.root.innerText()).toContain(`That change was refused (${menu.toLowerCase()}:`);
    }
    expect(await p.button('Play').isDisabled()).toBe(false);
    const url = await copiedLink(page, 'playground');
    const other = await context.newPage();
    await other.goto(url);
    await hydrated(other, 'section#playground');
    await poll(() => pg(other).select('Activation').inputValue()).toBe('tanh');
    expect(await pg(other).root.getByRole('alert').count()).toBe(0);
    await other.close();
    expectClean(collected);
    await close();
  });

  test('on a phone, a vertical swipe over the map scrolls the page and adds nothing; a tap adds one point', async () => {
    const { page, collected, close } = await openPlayground(null, { width: 390, height: 844, touch: true });
    const p = pg(page);
    await p.root.getByRole('button', { name: 'Class 1 (blue)', exact: true }).tap();
    await p.map.scrollIntoViewIfNeeded();
    const box = (await p.map.boundingBox())!;
    const scrollBefore = await page.evaluate(() => window.scrollY);
    // a real touch swipe, upwards over the map, through the DevTools protocol
    const cdp = await page.context().newCDPSession(page);
    const x = box.x + box.width / 2;
    const y0 = box.y + box.height * 0.8;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 - i * 20 }] });
      await page.waitForTimeout(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollBefore + 100);
    await page.waitForTimeout(300);
    expect(await p.root.getByRole('button', { name: /^Remove the \d+ added$/ }).count()).toBe(0);
    // a tap adds exactly one
    await p.map.scrollIntoViewIfNeeded();
    const tapBox = (await p.map.boundingBox())!;
    await page.touchscreen.tap(tapBox.x + tapBox.width * 0.4, tapBox.y + tapBox.height * 0.4);
    await poll(() => p.root.getByRole('button', { name: 'Remove the 1 added' }).count()).toBe(1);
    expect((await horizontalOverflow(page)).offenders).toEqual([]);
    expectClean(collected);
    await close();
  });
});
