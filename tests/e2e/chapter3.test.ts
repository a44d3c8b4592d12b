/**
 * Chapter 3's three widgets in a real browser: the activation explorer's cursor by keyboard alone,
 * by pointer and by touch, with bad range input handled; the linear-collapse controls redraw the
 * chart; the gradient-flow networks train without long tasks and the losses fall; every widget's
 * copied link restores its state; bad links show the notice; axe finds nothing in either theme.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { encodeState } from '../../src/lib/share-state.ts';
import {
  axeScan,
  copiedLink,
  expectClean,
  expectNoViolations,
  hydrated,
  LONG_TASKS,
  openPage,
  poll,
  setTheme,
  type OpenPageOptions,
} from './support.ts';

const PATH = '/lessons/03-activation-functions/';
const WIDGETS = ['activation-explorer', 'linear-collapse', 'gradient-flow'] as const;

/** Scans of the three widgets only; the prose and the frames' tool rows are covered site-wide. */
const WIDGETS_ONLY = {
  exclude: [
    '.prose > :not(astro-island)',
    ...WIDGETS.map((id) => `.prose > astro-island:not(:has(#${id}))`),
    ...WIDGETS.map((id) => `section#${id} .tools`),
  ],
};

async function openChapter(query = '', options: OpenPageOptions = {}, widget: (typeof WIDGETS)[number] | null = null) {
  const opened = await openPage(`${PATH}${query}`, { settle: false, reducedMotion: true, ...options });
  for (const id of widget ? [widget] : WIDGETS) await hydrated(opened.page, `section#${id}`);
  return opened;
}

/** A fingerprint of what a canvas shows now. */
async function pixels(canvas: Locator): Promise<string> {
  return canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
}

function explorer(page: Page) {
  const root = page.locator('section#activation-explorer');
  return {
    root,
    cursor: root.getByRole('slider', { name: 'Cursor x' }),
    caption: root.locator('table.readout caption'),
    row: (fn: string) => root.locator(`table.readout tr[data-fn="${fn}"]`),
    fn: (name: string) => root.getByRole('checkbox', { name, exact: true }),
    rangeField: root.getByRole('textbox', { name: 'Half-width R of the x range, typed value' }),
    canvases: root.locator('canvas'),
  };
}

function flow(page: Page) {
  const root = page.locator('section#gradient-flow');
  return {
    root,
    step: root.getByTestId('flow-step'),
    cell: (metric: string, net: string) => root.locator(`table.flow tr[data-metric="${metric}"] td[data-net="${net}"]`),
    button: (name: string) => root.getByRole('button', { name, exact: true }),
    depth: root.getByRole('slider', { name: 'Hidden layers' }),
    width: root.getByRole('slider', { name: 'Units per hidden layer' }),
    lr: root.getByRole('combobox', { name: 'Learning rate' }),
    canvases: root.locator('canvas'),
  };
}

const number = (text: string) => Number(text.replace('\u2212', '-'));

describe('chapter 3', () => {
  test('the page is clean and the three widgets pass axe in light and dark', { timeout: 180_000 }, async () => {
    const { page, collected, close } = await openChapter();
    expectNoViolations(await axeScan(page, WIDGETS_ONLY));
    await setTheme(page, 'dark');
    expectNoViolations(await axeScan(page, WIDGETS_ONLY));
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expectClean(collected);
    await close();
  });

  test('explorer: the cursor works from the keyboard alone, and aria-valuetext reads x, f(x), f′(x)', async () => {
    const { page, collected, close } = await openChapter('', {}, 'activation-explorer');
    const e = explorer(page);
    await poll(() => e.caption.innerText()).toBe('Values at the cursor, x = 1');
    // Tab from the range field reaches the cursor.
    await e.rangeField.focus();
    let tabs = 0;
    while (tabs < 6 && !(await e.cursor.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(await e.cursor.evaluate((el) => el === document.activeElement)).toBe(true);
    const before = await pixels(e.canvases.first());
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await poll(() => e.caption.innerText()).toBe('Values at the cursor, x = 0');
    expect(await e.cursor.getAttribute('aria-valuenow')).toBe('0');
    expect(await e.cursor.getAttribute('aria-valuetext')).toBe(
      'x = 0. Sigmoid: f = 0.5, f′ = 0.25; tanh: f = 0, f′ = 1; ReLU: f = 0, f′ = none: a corner, slope 0 on the left and 1 on the right',
    );
    expect(await e.row('relu').locator('.df').innerText()).toBe('none: a corner, slope 0 on the left and 1 on the right');
    await poll(() => pixels(e.canvases.first())).not.toBe(before);
    await page.keyboard.press('Shift+ArrowRight');
    await poll(() => e.caption.innerText()).toBe('Values at the cursor, x = 1');
    await page.keyboard.press('Home');
    await poll(() => e.cursor.getAttribute('aria-valuenow')).toBe('-5');
    await page.keyboard.press('End');
    await poll(() => e.cursor.getAttribute('aria-valuenow')).toBe('5');
    expect(await e.row('sigmoid').locator('.f').innerText()).toBe('0.9933');

    // A function switched on by keyboard joins the charts and the table.
    const derivatives = await pixels(e.canvases.nth(1));
    await e.fn('GELU').focus();
    await page.keyboard.press('Space');
    await poll(() => e.row('gelu').count()).toBe(1);
    expect(await e.row('gelu').locator('.peak').innerText()).toBe('1.129 at x = 1.414');
    await poll(() => pixels(e.canvases.nth(1))).not.toBe(derivatives);
    expectClean(collected);
    await close();
  });

  test('explorer: pointer and touch move the cursor; bad range input gets a message, never NaN', async () => {
    const { page, collected, close } = await openChapter('', {}, 'activation-explorer');
    const e = explorer(page);
    await e.cursor.scrollIntoViewIfNeeded();
    const canvas = (await e.canvases.first().boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width * 0.85, canvas.y + canvas.height * 0.4);
    await poll(async () => number((await e.cursor.getAttribute('aria-valuenow')) ?? '0')).toBeGreaterThan(2.5);
    // drag on the derivative chart
    const lower = (await e.canvases.nth(1).boundingBox())!;
    await page.mouse.move(lower.x + lower.width * 0.5, lower.y + lower.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(lower.x + lower.width * 0.2, lower.y + lower.height * 0.5, { steps: 5 });
    await page.mouse.up();
    await poll(async () => number((await e.cursor.getAttribute('aria-valuenow')) ?? '0')).toBeLessThan(-1.5);

    await e.rangeField.fill('1e6');
    await e.rangeField.press('Enter');
    await poll(() => e.root.innerText()).toContain('Outside 1 to 20, so it was set to 20.');
    expect(await e.rangeField.inputValue()).toBe('20');
    await e.rangeField.fill('');
    await e.rangeField.press('Enter');
    await poll(() => e.root.innerText()).toContain('Type a number from 1 to 20. The range stays ±20.');
    await e.rangeField.fill('NaN');
    await e.rangeField.press('Enter');
    expect(await e.rangeField.getAttribute('aria-invalid')).toBe('true');
    expect(await e.rangeField.inputValue()).toBe('20');
    expect(await e.root.innerText()).not.toMatch(/NaN|Infinity|undefined/);
    expectNoViolations(await axeScan(page, WIDGETS_ONLY));
    expectClean(collected);
    await close();

    const touch = await openChapter('', { touch: true, width: 390, height: 844 }, 'activation-explorer');
    const t = explorer(touch.page);
    await t.cursor.scrollIntoViewIfNeeded();
    const area = (await t.canvases.first().boundingBox())!;
    await touch.page.touchscreen.tap(area.x + area.width * 0.25, area.y + area.height * 0.5);
    await poll(async () => number((await t.cursor.getAttribute('aria-valuenow')) ?? '0')).toBeLessThan(0);
    expectClean(touch.collected);
    await touch.close();
  });

  test('linear collapse: depth, activation and new weights redraw the chart; the stack stays one line', async () => {
    const { page, collected, close } = await openChapter('', {}, 'linear-collapse');
    const root = page.locator('section#linear-collapse');
    const equation = root.getByTestId('collapse-equation');
    const canvas = root.locator('canvas');
    await poll(() => equation.innerText()).toBe('ŷ = 1.249·x − 0.3065');
    expect(await root.getByTestId('collapse-slope').innerText()).toBe(
      'Slope w = w⁽³⁾ · w⁽²⁾ · w⁽¹⁾ = 1.3207 × 1.5684 × 0.60274 = 1.2485: the product of the weights.',
    );
    let before = await pixels(canvas);
    await root.getByRole('slider', { name: 'Layers' }).focus();
    await page.keyboard.press('ArrowRight');
    await poll(() => root.getByTestId('collapse-slope').innerText()).toMatch(/^Slope w = w⁽⁴⁾ · w⁽³⁾ · w⁽²⁾ · w⁽¹⁾ = /);
    await poll(() => pixels(canvas)).not.toBe(before);
    before = await pixels(canvas);
    await root.getByRole('button', { name: 'ReLU' }).click();
    await poll(() => root.getByTestId('collapse-bend').innerText()).toMatch(/ReLU/);
    await poll(() => pixels(canvas)).not.toBe(before);
    const line = await equation.innerText();
    await root.getByRole('button', { name: 'New weights' }).click();
    await poll(() => equation.innerText()).not.toBe(line);
    expect(await root.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('2');
    expect(await root.innerText()).toMatch(/Largest gap between the stack and that single line on the chart: (0|\d(\.\d+)?e−1[4-7]) \(rounding/);
    expectClean(collected);
    await close();
  });

  test('gradient flow: Play trains all three networks without long tasks; ReLU’s loss falls, sigmoid’s stalls', { timeout: 120_000 }, async () => {
    const { page, collected, close } = await openChapter('', { initScripts: [LONG_TASKS] }, 'gradient-flow');
    const f = flow(page);
    expect(await f.step.innerText()).toBe('0');
    const start = { relu: number(await f.cell('loss', 'relu').innerText()), sigmoid: number(await f.cell('loss', 'sigmoid').innerText()) };
    const [gradients, losses] = [await pixels(f.canvases.first()), await pixels(f.canvases.nth(1))];
    // Step: one gradient-descent step of every network; the charts show the new weights' numbers.
    await f.button('Step').click();
    await poll(() => f.step.innerText()).toBe('1');
    await poll(() => pixels(f.canvases.first())).not.toBe(gradients);
    await f.button('Step').click();
    await poll(() => f.step.innerText()).toBe('2');
    await poll(() => pixels(f.canvases.first())).not.toBe(gradients);
    await poll(() => pixels(f.canvases.nth(1))).not.toBe(losses);

    // Train in windows of 3 s. A shared test machine can be busy enough to stretch any task past
    // 50 ms now and then, so one clean window out of four is required, not all of them.
    const windows: { steps: number; long: { start: number; duration: number }[] }[] = [];
    await f.button('Play').click();
    for (let w = 0; w < 4; w++) {
      const [t0, s0] = [await page.evaluate(() => performance.now()), number(await f.step.innerText())];
      await page.waitForTimeout(3000);
      const long = await page.evaluate((from) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((e) => e.start >= from), t0);
      windows.push({ steps: number(await f.step.innerText()) - s0, long });
      if (long.length === 0 && number(await f.step.innerText()) >= 200) break;
    }
    await f.button('Pause').click();
    expect(windows.some((w) => w.long.length === 0), `long tasks per 3 s window: ${JSON.stringify(windows)}`).toBe(true);
    expect(windows.every((w) => w.steps > 0)).toBe(true);
    // the worker may take a few more steps before it reads the pause
    await poll(() => f.root.locator('p.status').innerText()).toMatch(/^Paused at step \d+\./);
    const steps = number(await f.step.innerText());
    expect(steps).toBeGreaterThan(150);
    expect(await f.root.locator('p.status').innerText()).toContain(`Paused at step ${steps}.`);
    const relu = number(await f.cell('loss', 'relu').innerText());
    expect(relu).toBeLessThan(start.relu / 2);
    expect(number(await f.cell('loss', 'sigmoid').innerText())).toBeGreaterThan(0.69);
    // nothing reaches the sigmoid network's first layer
    expect(number(await f.cell('first', 'sigmoid').innerText())).toBeLessThan(1e-6);
    expect(await f.root.innerText()).not.toMatch(/NaN|Infinity|undefined/);
    expectClean(collected);
    await close();
  });

  test('gradient flow: after one Step the table and status give step 1’s numbers, the same as the CSV', async () => {
    const { page, collected, close } = await openChapter('', {}, 'gradient-flow');
    const f = flow(page);
    const status = f.root.locator('p.status');
    await poll(() => status.innerText()).toMatch(/^Step 0:/);
    const before = {
      loss: await f.cell('loss', 'relu').innerText(),
      first: await f.cell('first', 'relu').innerText(),
      sigmoid: await f.cell('loss', 'sigmoid').innerText(),
    };
    await f.button('Step').click();
    await poll(() => f.step.innerText()).toBe('1');
    await poll(() => f.root.locator('table.flow caption').innerText()).toBe('At step 1');
    await poll(() => status.innerText()).toMatch(/^Paused at step 1\./);
    // the gradient row changed: not step 0's numbers again
    expect(await f.cell('first', 'relu').innerText()).not.toBe(before.first);
    const text = await status.innerText();
    // the CSV's step-1 losses, rounded as the table rounds, are what the table and status show
    const [download] = await Promise.all([page.waitForEvent('download'), f.root.getByRole('button', { name: /CSV/ }).click()]);
    const csv = (await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('quantity,step_or_layer,sigmoid,tanh,relu');
    const stepOne = lines.find((l) => l.startsWith('loss,1,'))!.split(',').slice(2).map(Number);
    const three = (v: number) => String(Number(v.toPrecision(3))).replace('-', '\u2212');
    const shown = ['sigmoid', 'tanh', 'relu'];
    for (let i = 0; i < 3; i++) expect(await f.cell('loss', shown[i]).innerText()).toBe(three(stepOne[i]));
    expect(text).toBe(`Paused at step 1. Loss: Sigmoid ${three(stepOne[0])}, tanh ${three(stepOne[1])}, ReLU ${three(stepOne[2])}.`);
    // step 0's loss is in the CSV too, and differs from step 1's
    const stepZero = lines.find((l) => l.startsWith('loss,0,'))!.split(',').slice(2).map(Number);
    expect(stepZero[2]).not.toBe(stepOne[2]);
    expectClean(collected);
    await close();
  });

  test('gradient flow: a single-point loss chart has a 0…1 step axis and labelled loss ticks', async () => {
    const { page, collected, close } = await openChapter('', {}, 'gradient-flow');
    const f = flow(page);
    await poll(() => f.root.locator('p.status').innerText()).toMatch(/^Step 0:/);
    const ticks = () => f.canvases.nth(1).evaluate((c) => JSON.parse((c as HTMLCanvasElement).dataset.axes ?? '{}'));
    await poll(async () => (await ticks()).x?.length ?? 0).toBeGreaterThan(1);
    const { x, y } = await ticks();
    expect(x[0]).toBe('0');
    expect(x.at(-1)).toBe('1');
    expect(x.join(' ')).not.toMatch(/−/);
    expect(y.filter((label: string) => label !== '').length).toBeGreaterThanOrEqual(2);
    // the networks' one point each is drawn: dots in their colours below the legend (a line of one point draws nothing)
    const dotPixels = await f.canvases.nth(1).evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const colours = (JSON.parse(canvas.dataset.legend ?? '[]') as { color: string }[]).map(({ color }) => {
        const probe = document.createElement('canvas').getContext('2d')!;
        probe.fillStyle = color;
        probe.fillRect(0, 0, 1, 1);
        return Array.from(probe.getImageData(0, 0, 1, 1).data.slice(0, 3));
      });
      // the legend is one 28 px row at the top of this 280 px chart
      const below = Math.round(canvas.height * 0.12);
      const data = canvas.getContext('2d')!.getImageData(0, below, canvas.width, canvas.height - below).data;
      let n = 0;
      for (let p = 0; p < data.length; p += 4) {
        if (colours.some(([r, g, b]) => Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - b) < 30)) n++;
      }
      return { n, colours: colours.length };
    });
    expect(dotPixels.colours).toBe(3);
    expect(dotPixels.n).toBeGreaterThan(15);
    expectClean(collected);
    await close();
  });

  test('gradient flow: "Show step 0" draws each dashed line in its own network’s colour, with legend swatches that tell solid from dashed', async () => {
    const { page, collected, close } = await openChapter('', {}, 'gradient-flow');
    const f = flow(page);
    for (let i = 0; i < 3; i++) await f.button('Step').click();
    await poll(() => f.step.innerText()).toBe('3');
    await f.root.getByRole('checkbox', { name: 'Show step 0 for comparison' }).check();
    const legend = () => f.canvases.first().evaluate((c) => JSON.parse((c as HTMLCanvasElement).dataset.legend ?? '[]'));
    await poll(async () => (await legend()).length).toBe(7);
    const items: { text: string; color: string; points: string; dash: number[] }[] = await legend();
    for (const name of ['Sigmoid', 'tanh', 'ReLU']) {
      const solid = items.find((i) => i.text === name)!;
      const dashed = items.find((i) => i.text === `${name}, step 0`)!;
      // the same colour for the line, the dots and the legend
      expect(dashed.color).toBe(solid.color);
      expect(dashed.points).toBe(solid.color);
      expect(solid.dash).toEqual([]);
      expect(dashed.dash.length).toBeGreaterThan(0);
    }
    expect(new Set(['Sigmoid', 'tanh', 'ReLU'].map((n) => items.find((i) => i.text === n)!.color)).size).toBe(3);
    expectClean(collected);
    await close();
  });

  test('explorer: with all eight functions the peak labels overlap neither each other nor the curves; the PNG has a legend', { timeout: 240_000 }, async () => {
    for (const width of [1280, 390]) {
      const { page, collected, close } = await openChapter('', { width, height: 900 }, 'activation-explorer');
      const e = explorer(page);
      for (const name of ['Step', 'Leaky ReLU', 'ELU', 'GELU', 'Softplus']) await e.fn(name).check();
      await poll(() => e.root.locator('table.readout tbody tr').count()).toBe(8);
      const chart = e.canvases.nth(1);
      await chart.scrollIntoViewIfNeeded();
      const boxes = async (): Promise<number[][]> => chart.evaluate((c) => JSON.parse((c as HTMLCanvasElement).dataset.labels ?? '[]'));
      await poll(async () => (await boxes()).length).toBe(3);
      const list = await boxes();
      const overlap = (a: number[], b: number[]) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expect(overlap(list[i], list[j]), `${width}px: labels ${i} and ${j}`).toBe(false);
      // no curve runs through a label: none of the series' colours inside any label's box
      const covered = await chart.evaluate((c, labelBoxes) => {
        const canvas = c as HTMLCanvasElement;
        const ratio = canvas.width / canvas.clientWidth;
        const ctx = canvas.getContext('2d')!;
        const style = getComputedStyle(canvas);
        const probe = document.createElement('canvas').getContext('2d')!;
        const colours = [1, 2, 3, 4, 5, 6, 7].map((k) => {
          probe.fillStyle = style.getPropertyValue(`--nn-series-${k}`).trim();
          probe.fillRect(0, 0, 1, 1);
          return Array.from(probe.getImageData(0, 0, 1, 1).data.slice(0, 3));
        });
        let hits = 0;
        for (const [x, y, w, h] of labelBoxes) {
          const data = ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), Math.round(w * ratio), Math.round(h * ratio)).data;
          for (let p = 0; p < data.length; p += 4) {
            if (colours.some(([r, g, b]) => Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - b) < 30)) hits++;
          }
        }
        return hits;
      }, list);
      expect(covered, `${width}px: series-coloured pixels inside the labels`).toBe(0);

      // the downloaded picture carries a legend above the chart: taller than the chart itself
      const [download] = await Promise.all([page.waitForEvent('download'), e.root.getByRole('button', { name: /PNG|image/i }).click()]);
      const png = await (await import('node:fs/promises')).readFile((await download.path())!);
      const pngHeight = png.readUInt32BE(20);
      const canvasHeight = await chart.evaluate((c) => (c as HTMLCanvasElement).height);
      expect(pngHeight).toBeGreaterThan(canvasHeight);
      expectClean(collected);
      await close();
    }
  });

  test('Copy link restores each widget: explorer, collapse, and the gradient-flow run replayed to its step', { timeout: 120_000 }, async () => {
    const { page, context, collected, close } = await openChapter();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    const e = explorer(page);
    await e.fn('ELU').click();
    await e.fn('tanh').click();
    await e.rangeField.fill('3');
    await e.rangeField.press('Enter');
    await e.cursor.focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
    await poll(() => e.caption.innerText()).toBe('Values at the cursor, x = 0.3');
    const explorerUrl = await copiedLink(page, 'activation-explorer');

    const c = page.locator('section#linear-collapse');
    await c.getByRole('button', { name: 'Sigmoid' }).click();
    await c.getByRole('slider', { name: 'Units per hidden layer' }).focus();
    await page.keyboard.press('ArrowRight');
    await c.getByRole('button', { name: 'New weights' }).click();
    const collapseEquation = await c.getByTestId('collapse-equation').innerText();
    const collapseUrl = await copiedLink(page, 'linear-collapse');

    const f = flow(page);
    await f.depth.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    await f.lr.selectOption('0.3');
    for (let i = 0; i < 3; i++) await f.button('Step').click();
    await poll(() => f.step.innerText()).toBe('3');
    const losses = await f.root.locator('tr[data-metric="loss"]').innerText();
    const flowUrl = await copiedLink(page, 'gradient-flow');

    const other = await context.newPage();
    await other.goto(explorerUrl);
    await hydrated(other, 'section#activation-explorer');
    const oe = explorer(other);
    await poll(() => oe.caption.innerText()).toBe('Values at the cursor, x = 0.3');
    expect(await oe.fn('ELU').isChecked()).toBe(true);
    expect(await oe.fn('tanh').isChecked()).toBe(false);
    expect(await oe.rangeField.inputValue()).toBe('3');

    await other.goto(collapseUrl);
    await hydrated(other, 'section#linear-collapse');
    const oc = other.locator('section#linear-collapse');
    await poll(() => oc.getByTestId('collapse-equation').innerText()).toBe(collapseEquation);
    expect(await oc.getByRole('button', { name: 'Sigmoid' }).getAttribute('aria-pressed')).toBe('true');
    expect(await oc.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe('2');

    await other.goto(flowUrl);
    await hydrated(other, 'section#gradient-flow');
    const of = flow(other);
    await poll(() => of.step.innerText()).toBe('3');
    expect(await of.depth.inputValue()).toBe('4');
    expect(await of.lr.inputValue()).toBe('0.3');
    await poll(() => of.root.locator('tr[data-metric="loss"]').innerText()).toBe(losses);
    await other.close();
    expectClean(collected);
    await close();
  });

  test.each([
    ['activation-explorer', encodeState({ fns: ['relu'], range: 1e6, x: 0 })],
    ['linear-collapse', encodeState({ depth: 99, width: 1, activation: 'tanh', seed: 1 })],
    ['gradient-flow', encodeState({ depth: 50, width: 8, lr: 0.1, seed: 1, steps: 0, showStart: false })],
    ['gradient-flow', '%%%not-a-state'],
  ] as const)('a malformed w-%s link shows the notice and keeps the defaults', async (id, raw) => {
    const { page, collected, close } = await openChapter(`?w-${id}=${raw}`, {}, id);
    const root = page.locator(`section#${id}`);
    const notice = root.getByRole('alert');
    await poll(() => notice.first().isVisible()).toBe(true);
    expect(await notice.first().innerText()).toContain('could not be read, so the defaults are shown');
    if (id === 'gradient-flow') expect(await flow(page).depth.inputValue()).toBe('10');
    if (id === 'linear-collapse') expect(await root.getByTestId('collapse-equation').innerText()).toBe('ŷ = 1.249·x − 0.3065');
    if (id === 'activation-explorer') expect(await explorer(page).rangeField.inputValue()).toBe('5');
    expectClean(collected);
    await close();
  });
});
