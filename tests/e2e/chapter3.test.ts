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
  test('the page is clean and the three widgets pass axe in light and dark', async () => {
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
    await poll(() => equation.innerText()).toBe('y = 1.249·x − 0.3065');
    expect(await root.getByTestId('collapse-slope').innerText()).toBe(
      'Slope a = w₃ · w₂ · w₁ = 1.321 × 1.568 × 0.6027 = 1.249: the product of the weights.',
    );
    let before = await pixels(canvas);
    await root.getByRole('slider', { name: 'Layers' }).focus();
    await page.keyboard.press('ArrowRight');
    await poll(() => root.getByTestId('collapse-slope').innerText()).toMatch(/^Slope a = w₄ · w₃ · w₂ · w₁ = /);
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
    // Step: one gradient-descent step of every network. The charts show what each step measured
    // before its update (the first step: the starting weights), so the second step moves them.
    await f.button('Step').click();
    await poll(() => f.step.innerText()).toBe('1');
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
    if (id === 'linear-collapse') expect(await root.getByTestId('collapse-equation').innerText()).toBe('y = 1.249·x − 0.3065');
    if (id === 'activation-explorer') expect(await explorer(page).rangeField.inputValue()).toBe('5');
    expectClean(collected);
    await close();
  });
});
