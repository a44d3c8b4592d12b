/**
 * Chapter 6's widgets in a real browser: descent regimes and bad η input, the race's paths, legend,
 * keyboard-moved start, share link and the Rosenbrock challenge, the valley's factors, batch-size
 * training, accessible names and axe in both themes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { encodeState } from '../../src/lib/share-state.ts';
import { TOUCH_HOLD_MS } from '../../src/components/charts/plane-geometry.ts';
import { expectNoViolations, axeScan, getBrowser, hydrated, nextFrames, openPage, pixels, poll, setTheme, siteUrl } from './support.ts';

const PATH = '/lessons/06-optimizers/';
const IDS = ['descent-curve', 'batch-size', 'momentum-valley', 'optimizer-race'] as const;

async function open(query = '', theme: 'light' | 'dark' = 'light') {
  const opened = await openPage(`${PATH}${query}`, { settle: false, reducedMotion: true, theme });
  for (const id of IDS) await hydrated(opened.page, `section#${id}`);
  return opened;
}

/** The computed colours of the race's legend swatches, its map (background, contours, paths, start) and every chart's pixels. */
async function drawnColours(page: Page) {
  const race = page.locator('section#optimizer-race');
  const map = race.locator('svg.contour-map');
  const charts = page.locator(IDS.map((id) => `section#${id} canvas`).join(', '));
  return {
    swatches: await race.locator('.legend .swatch').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor)),
    map: await map.evaluate((svg) => ({
      background: getComputedStyle(svg.querySelector('rect')!).fill,
      contours: getComputedStyle(svg.querySelector('g path')!).stroke,
      paths: Array.from(svg.querySelectorAll('polyline'), (p) => getComputedStyle(p).stroke),
      start: getComputedStyle(svg.querySelector('circle')!).stroke,
    })),
    charts: await Promise.all((await charts.all()).map((c) => pixels(c))),
  };
}

describe('chapter 6', () => {
  test('descent: crossing 1/c and 2/c names the regime; bad η gives a message and no NaN', async () => {
    const { page, close } = await open();
    const root = page.locator('section#descent-curve');
    const field = root.getByRole('textbox', { name: 'Learning rate η, typed value' });
    const regime = root.getByTestId('descent-regime');
    for (const [lr, name] of [['0.25', 'converge'], ['0.75', 'oscillate'], ['1.2', 'diverge'], ['0.02', 'crawl']] as const) {
      await field.fill(lr);
      await field.press('Enter');
      await poll(async () => await regime.locator('.regime').getAttribute('data-regime')).toBe(name);
    }
    await root.getByRole('button', { name: 'Step' }).click();
    await poll(async () => await root.locator('p.status').innerText()).toMatch(/Step 1: w = −2\.360/);
    for (const bad of ['1e6', '0', '']) {
      await field.fill(bad);
      await field.press('Enter');
      await poll(async () => await root.getByRole('alert').innerText()).toMatch(/η must be a number from 0\.001 to 2/);
    }
    expect(await root.innerText()).not.toMatch(/NaN|Infinity/);
    await close();
  });

  test('race: default Rosenbrock race shows paths, legend, winner; keyboard moves the start; link restores', async () => {
    const { page, close } = await open();
    const root = page.locator('section#optimizer-race');
    await root.getByRole('button', { name: 'To step 2000' }).click();
    await poll(async () => await root.getByTestId('race-winner').innerText()).toMatch(/Momentum arrived first, at step 405/);
    expect(await root.locator('[data-racer=adam]').innerText()).toMatch(/arrived at step 976/);
    expect(await root.locator('svg.contour-map polyline').count()).toBe(7);
    const map = root.getByRole('application');
    await map.focus();
    await map.press('ArrowRight');
    await poll(async () => await root.getByTestId('race-start').innerText()).toMatch(/\(−1\.12, 1\)/);
    // a hyper-parameter change: GD at 0.002 solves the challenge from the default start
    await map.press('ArrowLeft');
    const lr = root.getByRole('textbox', { name: 'GD: learning rate η, typed value' });
    await lr.fill('0.002');
    await lr.press('Enter');
    await poll(async () => await root.locator('[data-challenge=ch6-rosenbrock] .verdict').getAttribute('data-done')).toBe('true');
    await close();
  });

  test('race: a link restores surface, start, settings and playhead exactly', async () => {
    const { page, close } = await open();
    const root = page.locator('section#optimizer-race');
    await root.getByRole('button', { name: 'Saddle' }).click();
    await root.getByRole('button', { name: 'Step', exact: true }).click();
    const status = await root.getByTestId('race-legend').innerText();
    await close();
    const racers = Object.fromEntries(['gd', 'sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'].map((r) => [r, { on: true, lr: 0.01, beta: 0.9, beta2: r === 'rmsprop' ? 0.99 : 0.999, noise: 2 }]));
    const q = `?w-optimizer-race=${encodeState({ surface: 'saddle', start: [-1.5, 0.2], racers, t: 1, seed: 1 })}`;
    const again = await open(q);
    const r2 = again.page.locator('section#optimizer-race');
    expect(await r2.getByTestId('race-start').innerText()).toMatch(/\(−1\.5, 0\.2\)/);
    expect(await r2.getByRole('button', { name: 'Saddle' }).getAttribute('aria-pressed')).toBe('true');
    expect(status).toMatch(/f − f_min/);
    await again.close();
  });

  test('valley and batch size: factors follow μ; training draws both charts', async () => {
    const { page, close } = await open();
    const valley = page.locator('section#momentum-valley');
    const beta = valley.getByRole('slider', { name: 'Momentum μ' });
    await beta.fill('0.52');
    await poll(async () => await valley.getByTestId('valley-rates').innerText()).toMatch(/0\.721[\s\S]*0\.721/);
    const batch = page.locator('section#batch-size');
    await batch.getByRole('combobox', { name: 'Epochs' }).selectOption('20');
    await batch.getByRole('button', { name: 'Train' }).click();
    await poll(async () => await batch.innerText(), 30_000).toMatch(/After 20 epochs: batch 1/);
    await close();
  });

  test('every control has an accessible name; axe is clean in both themes', async () => {
    const { page, close } = await open();
    for (const id of IDS) {
      const unnamed = await page.locator(`section#${id}`).evaluate((root) =>
        Array.from(root.querySelectorAll('input, select, button, [role=application]')).filter((el) => {
          const e = el as HTMLElement;
          const label = e.getAttribute('aria-label') || (e.id && root.querySelector(`label[for="${e.id}"]`)?.textContent) || e.closest('label')?.textContent || e.textContent;
          return !label || !label.trim();
        }).length,
      );
      expect([id, unnamed]).toEqual([id, 0]);
    }
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      expectNoViolations(await axeScan(page, { exclude: ['.prose > :not(astro-island)', ...IDS.map((id) => `section#${id} .tools`)] }));
    }
    await close();
  }, 180_000);

  test('toggling the site theme recolours the race’s legend and map and every chart, as a page opened in dark draws them', async () => {
    const light = await open();
    const dark = await open('', 'dark');
    for (const { page } of [light, dark]) {
      await page.locator('section#optimizer-race').getByRole('button', { name: 'To step 2000' }).click();
      await poll(() => page.locator('section#optimizer-race').getByTestId('race-winner').innerText()).toMatch(/^Momentum arrived first/);
      await nextFrames(page, 3);
    }
    const before = await drawnColours(light.page);
    expect(before.swatches).toHaveLength(7);
    expect(before.map.paths).toHaveLength(7);
    expect(before.charts).toHaveLength(4);
    expect(before.charts).not.toContain('empty');
    await light.page.locator('[data-theme-toggle]').click();
    await poll(() => light.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // every colour drawn changes: nothing keeps the light theme's colour
    await poll(async () => {
      const after = await drawnColours(light.page);
      return {
        swatches: after.swatches.filter((c, i) => c === before.swatches[i]).length,
        paths: after.map.paths.filter((c, i) => c === before.map.paths[i]).length,
        background: after.map.background === before.map.background,
        contours: after.map.contours === before.map.contours,
        start: after.map.start === before.map.start,
        charts: after.charts.filter((c, i) => c === before.charts[i]).length,
      };
    }, 15_000).toEqual({ swatches: 0, paths: 0, background: false, contours: false, start: false, charts: 0 });
    await nextFrames(light.page, 3);
    // and they are the colours a page opened in the dark theme draws
    expect(await drawnColours(light.page)).toEqual(await drawnColours(dark.page));
    await light.close();
    await dark.close();
  }, 180_000);

  test('on a 390 px phone the descent plot stays legible: tick labels at least 12 px, a tangent at least 90 px long', async () => {
    const opened = await openPage(PATH, { settle: false, reducedMotion: true, width: 390, height: 844 });
    await hydrated(opened.page, 'section#descent-curve');
    const plot = opened.page.locator('section#descent-curve svg.curve-plot');
    const sizes = await plot.evaluate((svg) => {
      const tick = svg.querySelector('text.tick')!.getBoundingClientRect();
      const tangent = svg.querySelector('line.tangent')!.getBoundingClientRect();
      return { tick: tick.height, tangent: Math.hypot(tangent.width, tangent.height), width: svg.getBoundingClientRect().width };
    });
    expect(sizes.width).toBeLessThanOrEqual(390);
    expect(sizes.tick).toBeGreaterThanOrEqual(12);
    expect(sizes.tangent).toBeGreaterThanOrEqual(90);
    expect(opened.collected.pageErrors).toEqual([]);
    await opened.close();
  }, 120_000);

  describe('on a phone with real touch events', () => {
    /** A 390 px touch phone (isMobile, hasTouch) on the lesson, with the race map in the middle of the screen. */
    async function phone() {
      const context = await (await getBrowser()).newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(siteUrl(PATH), { waitUntil: 'load' });
      await hydrated(page, 'section#optimizer-race');
      const race = page.locator('section#optimizer-race');
      const map = race.locator('svg.contour-map');
      await map.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
      // wait until the page is still, so a scroll measured later is the gesture's own
      let last = -1;
      await poll(async () => {
        const y = await page.evaluate(() => window.scrollY);
        const still = y === last;
        last = y;
        await nextFrames(page, 3);
        return still;
      }).toBe(true);
      const box = (await map.boundingBox())!;
      const cdp = await context.newCDPSession(page);
      const state = async () => ({ scrollY: await page.evaluate(() => window.scrollY), start: await race.getByTestId('race-start').innerText() });
      /** One finger: down at `from`, optionally resting `holdMs`, then moving to `to` in 12 steps, then up. */
      const gesture = async (from: [number, number], to: [number, number], holdMs = 0) => {
        const point = ([x, y]: [number, number]) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
        if (holdMs > 0) await page.waitForTimeout(holdMs);
        for (let i = 1; i <= 12; i++) {
          const at: [number, number] = [from[0] + ((to[0] - from[0]) * i) / 12, from[1] + ((to[1] - from[1]) * i) / 12];
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(at) });
          await page.waitForTimeout(16);
        }
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await page.waitForTimeout(300);
        await nextFrames(page, 2);
      };
      return { page, box, state, gesture, errors, close: () => context.close() };
    }

    test('a vertical swipe over the race map scrolls the page and leaves the start where it was', async () => {
      const p = await phone();
      const before = await p.state();
      expect(before.start).toMatch(/\(−1\.2, 1\)/);
      const x = p.box.x + p.box.width * 0.6;
      await p.gesture([x, p.box.y + p.box.height * 0.85], [x, p.box.y + p.box.height * 0.85 - 260]);
      const after = await p.state();
      expect(after.scrollY - before.scrollY).toBeGreaterThan(100);
      expect(after.start).toBe(before.start);
      expect(p.errors).toEqual([]);
      await p.close();
    }, 120_000);

    test('a touch held still, then dragged, moves the start and does not scroll', async () => {
      const p = await phone();
      const before = await p.state();
      const x = p.box.x + p.box.width * 0.3;
      const y = p.box.y + p.box.height * 0.5;
      await p.gesture([x, y], [x + 80, y - 60], TOUCH_HOLD_MS + 350);
      const after = await p.state();
      expect(Math.abs(after.scrollY - before.scrollY)).toBeLessThanOrEqual(1);
      expect(after.start).not.toBe(before.start);
      // the start ends under the finger: 80 px right and 60 px up of where it was held, in map units
      const [x1, y1] = after.start.match(/\((−?[\d.]+), (−?[\d.]+)\)/)!.slice(1).map((v) => Number(v.replace('−', '-')));
      const view = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };
      expect(x1).toBeCloseTo(view.xMin + ((x + 80 - p.box.x) / p.box.width) * (view.xMax - view.xMin), 1);
      expect(y1).toBeCloseTo(view.yMax - ((y - 60 - p.box.y) / p.box.height) * (view.yMax - view.yMin), 1);
      expect(p.errors).toEqual([]);
      await p.close();
    }, 120_000);
  });
});
