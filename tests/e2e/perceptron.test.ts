/**
 * Chapter 2's perceptron lab in a real browser: keyboard, pointer and touch change the weights and
 * the line; the NAND challenge is recorded; the learning rule converges on AND and stops at the cap
 * on XOR with its explanation; a copied link restores the state; bad links and bad input are handled.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { encodeState } from '../../src/lib/share-state.ts';
import {
  axeScan,
  copiedLink,
  exercises,
  expectClean,
  expectNoViolations,
  hydrated,
  nextFrames,
  openPage,
  poll,
  setTheme,
  type OpenPageOptions,
} from './support.ts';

const PATH = '/lessons/02-perceptron/';

/** These scans look at the lab's states (messages, explanation, dark theme); site.test.ts scans the rest of the page. */
const LAB_ONLY = {
  exclude: ['.prose > :not(astro-island)', '.prose > astro-island:not(:has(#perceptron))'],
};

/** Opens chapter 2 (optionally with a query string) and waits for the lab to hydrate. */
async function openLab(query = '', options: OpenPageOptions = {}) {
  const opened = await openPage(`${PATH}${query}`, { settle: false, ...options });
  await hydrated(opened.page, 'section#perceptron');
  return opened;
}

/** The lab and the controls a reader uses, found by their accessible names. */
function lab(page: Page) {
  const root = page.locator('section#perceptron');
  return {
    root,
    slider: (name: 'w1' | 'w2' | 'b') => root.getByRole('slider', { name: sliderName(name), exact: true }),
    field: (name: 'w1' | 'w2' | 'b') => root.getByRole('textbox', { name: `${sliderName(name)}, typed value` }),
    button: (name: string) => root.getByRole('button', { name, exact: true }),
    status: root.locator('p.status[role="status"]'),
    equation: root.locator('.eq'),
    line: root.locator('svg .plane-line').first(),
    rows: root.locator('table.truth tbody tr'),
    challenge: root.locator('[data-challenge="ch2-nand"] .verdict'),
    epochs: root.getByTestId('epochs'),
  };
}

function sliderName(name: 'w1' | 'w2' | 'b'): string {
  return { w1: 'w1, weight of input x1', w2: 'w2, weight of input x2', b: 'b, bias' }[name];
}

/** The weighted sum shown for each of the four inputs. */
async function sums(rows: Locator): Promise<string[]> {
  return rows.locator('.sum').allInnerTexts();
}

async function lineCoords(line: Locator): Promise<string> {
  return (await Promise.all(['x1', 'y1', 'x2', 'y2'].map((a) => line.getAttribute(a)))).join(',');
}

async function setField(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.press('Enter');
}

describe('perceptron lab', () => {
  test('the keyboard moves a weight: slider, field, sums, equation and line all follow', async () => {
    const { page, collected, close } = await openLab();
    const l = lab(page);
    await poll(() => l.status.innerText()).toContain('AND: 3 of 4 points are on the wrong side');
    expect(await sums(l.rows)).toEqual(['0.20', '0.50', '0.70', '1.00']);
    const lineBefore = await lineCoords(l.line);

    await l.slider('w1').focus();
    await page.keyboard.press('ArrowRight');
    await poll(() => l.field('w1').inputValue()).toBe('0.55');
    expect(await l.equation.innerText()).toBe('0.55·x₁ + 0.3·x₂ + 0.2 = 0');
    expect(await sums(l.rows)).toEqual(['0.20', '0.50', '0.75', '1.05']);
    expect(await lineCoords(l.line)).not.toBe(lineBefore);

    await l.slider('b').focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    await poll(() => l.field('b').inputValue()).toBe('-0.8');
    expect(await sums(l.rows)).toEqual(['−0.80', '−0.50', '−0.25', '0.05']);
    // w = (0.55, 0.3), b = −0.8 computes AND: every row is right.
    await poll(() => l.status.innerText()).toContain('These weights compute AND');
    expect(await l.root.locator('table.truth .bad').count()).toBe(0);

    // Every button of the lab is reachable with Tab.
    const tabbable = await l.root.evaluate((root) =>
      Array.from(root.querySelectorAll('button')).every((b) => b.tabIndex >= 0 && !b.hasAttribute('hidden')),
    );
    expect(tabbable).toBe(true);
    expectClean(collected);
    await close();
  });

  test('the pointer moves a weight (slider click) and the line (drag on the plane); touch too', async () => {
    const { page, collected, close } = await openLab();
    const l = lab(page);
    await l.slider('w2').scrollIntoViewIfNeeded();
    const box = (await l.slider('w2').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.92, box.y + box.height / 2);
    await poll(async () => Number(await l.field('w2').inputValue())).toBeGreaterThan(2);
    expect(await l.equation.innerText()).toMatch(/^0\.5·x₁ \+ \d(\.\d+)?·x₂ \+ 0\.2 = 0$/);

    // Dragging on the plane slides the line through the pointer: the bias changes, the weights stay.
    await l.root.locator('svg.plane').scrollIntoViewIfNeeded();
    const plot = (await l.root.locator('svg.plane').boundingBox())!;
    const before = await lineCoords(l.line);
    await page.mouse.move(plot.x + plot.width * 0.55, plot.y + plot.height * 0.45);
    await page.mouse.down();
    await page.mouse.move(plot.x + plot.width * 0.6, plot.y + plot.height * 0.4, { steps: 4 });
    await page.mouse.up();
    await poll(() => lineCoords(l.line)).not.toBe(before);
    expect(Number(await l.field('b').inputValue())).toBeLessThan(-1);
    expect(await l.field('w1').inputValue()).toBe('0.5');
    expectClean(collected);
    await close();

    const touch = await openLab('', { touch: true, width: 390, height: 844 });
    const t = lab(touch.page);
    await t.root.locator('svg.plane').scrollIntoViewIfNeeded();
    const area = (await t.root.locator('svg.plane').boundingBox())!;
    const start = await t.field('b').inputValue();
    await touch.page.touchscreen.tap(area.x + area.width * 0.6, area.y + area.height * 0.35);
    await poll(() => t.field('b').inputValue()).not.toBe(start);
    expectClean(touch.collected);
    await touch.close();
  });

  test('bad typed values are clamped or refused with a message, never NaN on screen', async () => {
    const { page, collected, close } = await openLab();
    const l = lab(page);
    await setField(l.field('w1'), '1e6');
    await poll(() => l.root.innerText()).toContain('Outside the range, so it was set to 3.');
    expect(await l.field('w1').inputValue()).toBe('3');
    await setField(l.field('w2'), '');
    await poll(() => l.root.innerText()).toContain('Type a number between −3 and 3. The previous value is kept.');
    expect(await l.field('w2').inputValue()).toBe('0.3');
    expect(await l.field('w2').getAttribute('aria-invalid')).toBe('true');
    await setField(l.field('b'), 'NaN');
    expect(await l.field('b').inputValue()).toBe('0.2');
    const text = await l.root.innerText();
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expectNoViolations(await axeScan(page, LAB_ONLY));
    expectClean(collected);
    await close();
  });

  test('weights that compute NAND complete the challenge, and the lesson shows it', async () => {
    const { page, collected, close } = await openLab();
    const l = lab(page);
    await poll(() => l.challenge.innerText()).toContain('Not yet: 3 of the 4 NAND rows are right.');
    await setField(l.field('w1'), '-1');
    await setField(l.field('w2'), '-0.5');
    await setField(l.field('b'), '1.2');
    await poll(() => l.challenge.getAttribute('data-done')).toBe('true');
    expect(await l.challenge.innerText()).toContain('Done: these weights compute NAND.');
    const stored = await page.evaluate(() => localStorage.getItem('nn-progress'));
    expect(JSON.parse(stored ?? '{}').done).toContain('ch2-nand');
    await hydrated(page, '.challenge-status');
    await poll(() => page.locator('.challenge-status').getAttribute('data-done')).toBe('true');
    expectClean(collected);
    await close();
  });

  test('the NAND preset and the learning rule also complete the challenge', async () => {
    const { page, collected, close } = await openLab();
    const l = lab(page);
    await l.button('NAND').click();
    expect(await l.button('NAND').getAttribute('aria-pressed')).toBe('true');
    await l.button('Train to the end').click();
    await poll(() => l.status.innerText()).toContain('Converged after 11 epochs');
    await poll(() => l.challenge.getAttribute('data-done')).toBe('true');
    expectClean(collected);
    await close();
  });

  test('the learning rule: one step, then AND to convergence, then XOR to the cap with the reason', { timeout: 120_000 }, async () => {
    const { page, collected, close } = await openLab();
    const l = lab(page);
    await l.button('Step').click();
    await poll(() => l.status.innerText()).toBe(
      'Epoch 1: input (0, 0) gave 1, target 0. Wrong, so the weights move.',
    );
    expect(await l.field('b').inputValue()).toBe('0.1');
    expect(await l.rows.nth(0).getAttribute('class')).toContain('current');
    // Misclassified points are circled in the plot and marked in the table.
    expect(await l.root.locator('svg.plane circle[stroke="var(--nn-danger)"]').count()).toBe(3);
    expect(await l.root.locator('table.truth .bad').count()).toBe(3);

    await l.button('Epoch').click();
    expect(await l.epochs.innerText()).toBe('1');
    await l.button('Train to the end').click();
    await poll(() => l.status.innerText()).toBe(
      'Converged after 3 epochs: a whole pass with no mistake. It computes AND with w1 = 0.3, w2 = 0.1, b = −0.3.',
    );
    expect(await l.epochs.innerText()).toBe('3');
    expect(await l.root.getByTestId('history').innerText()).toBe('3, 2, 0');
    expect([await l.field('w1').inputValue(), await l.field('w2').inputValue(), await l.field('b').inputValue()]).toEqual([
      '0.3',
      '0.1',
      '-0.3',
    ]);
    expect(await l.button('Step').isDisabled()).toBe(true);

    await l.button('XOR').click();
    await l.button('Train to the end').click();
    await poll(() => l.status.innerText()).toContain(
      'Stopped after 100 epochs without converging: no straight line separates the 1s of XOR from its 0s',
    );
    expect(await l.epochs.innerText()).toBe('100');
    const why = l.root.getByTestId('xor-explanation');
    expect(await why.isVisible()).toBe(true);
    expect(await why.innerText()).toContain('any straight line with both 1s on its firing side has at least one 0 there too');
    expect(await l.button('Train to the end').isDisabled()).toBe(true);
    expect(await l.root.locator('table.truth .bad').count()).toBeGreaterThan(0);

    // The explanation and the finished state pass axe in both themes.
    expectNoViolations(await axeScan(page, LAB_ONLY));
    await setTheme(page, 'dark');
    expectNoViolations(await axeScan(page, LAB_ONLY));
    expectClean(collected);
    await close();
  });

  test('Copy link, then opening that link in a new page, gives the same lab', async () => {
    const { page, context, collected, close } = await openLab();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const l = lab(page);
    await l.button('OR').click();
    await setField(l.field('w1'), '1.25');
    await setField(l.field('w2'), '-0.75');
    await setField(l.field('b'), '0.4');
    await l.root.getByRole('combobox', { name: 'Learning rate η' }).selectOption('0.5');
    const url = await copiedLink(page, 'perceptron');
    expect(new URL(url).hash).toBe('#perceptron');

    const other = await context.newPage();
    await other.goto(url);
    await hydrated(other, 'section#perceptron');
    const o = lab(other);
    await poll(() => o.field('w1').inputValue()).toBe('1.25');
    expect(await o.field('w2').inputValue()).toBe('-0.75');
    expect(await o.field('b').inputValue()).toBe('0.4');
    expect(await o.button('OR').getAttribute('aria-pressed')).toBe('true');
    expect(await o.root.getByRole('combobox', { name: 'Learning rate η' }).inputValue()).toBe('0.5');
    expect(await o.equation.innerText()).toBe('1.25·x₁ − 0.75·x₂ + 0.4 = 0');
    await other.close();
    expectClean(collected);
    await close();
  });

  test.each([
    ['not base64', '%%%not-a-state'],
    ['a value outside the schema', encodeState({ gate: 'AND', w1: 1e6, w2: 0, b: 0, lr: 0.1 })],
    ['markup in a field', encodeState({ gate: '<img src=x onerror="window.__hacked=1">', w1: 0, w2: 0, b: 0, lr: 0.1 })],
    ['a learning rate the menu does not offer', encodeState({ gate: 'OR', w1: 1, w2: 1, b: -0.5, lr: 0.3 })],
  ])('a malformed w-perceptron link (%s) shows the notice and the defaults', async (_what, raw) => {
    const { page, collected, close } = await openLab(`?w-perceptron=${raw}`);
    const l = lab(page);
    const notice = l.root.getByRole('alert');
    await poll(() => notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain("could not be read, so the defaults are shown");
    expect(await l.field('w1').inputValue()).toBe('0.5');
    expect(await l.field('b').inputValue()).toBe('0.2');
    expect(await l.button('AND').getAttribute('aria-pressed')).toBe('true');
    // The menu shows the rate the lab really trains at, never a blank.
    expect(await l.root.getByRole('combobox', { name: 'Learning rate η' }).inputValue()).toBe('0.1');
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
    expect(await l.root.locator('img').count()).toBe(0);
    expectClean(collected);
    await close();
  });

  test('every exercise accepts the answer its worked solution gives, and refuses a wrong one', { timeout: 120_000 }, async () => {
    const { page, collected, close } = await openPage(PATH);
    const ex = exercises(page);
    // b = 1 leaves (0, 1) and (1, 0) exactly on the line: not NAND.
    await ex.type('ch2-nand-bias', '1', 'incorrect');
    // Just above 2, (1, 1) fires: the largest bias is exactly 2.
    await ex.type('ch2-nand-bias', '2.0005', 'incorrect');
    await ex.type('ch2-sum', '0.3001', 'incorrect');
    await ex.type('ch2-predict-rate', '3', 'incorrect');
    for (const [id, answer] of [
      ['ch2-sum', '0.3'],
      ['ch2-update', '-0.2'],
      ['ch2-nand-bias', '2'],
      ['ch2-predict-rate', '6'],
    ]) {
      await ex.type(id, answer);
    }
    await ex.choose('ch2-fires', 'No: it outputs 0', 'incorrect');
    for (const [id, choice] of [
      ['ch2-fires', 'Yes: it outputs 1'],
      ['ch2-gate', 'OR'],
      ['ch2-scale', 'Nothing visible: the line and its firing side stay the same'],
      ['ch2-xor', 'No straight line separates the 1s from the 0s, so every epoch contains a mistake'],
    ]) {
      await ex.choose(id, choice);
    }
    expectClean(collected);
    await close();
  });

  test('the predict-then-run exercise: the lab shows 6 epochs for AND from zero at η = 0.1 and at η = 1', async () => {
    const { page, collected, close } = await openLab();
    const l = lab(page);
    const rate = l.root.getByRole('combobox', { name: 'Learning rate η' });
    for (const lr of ['0.1', '1']) {
      await rate.selectOption(lr);
      for (const name of ['w1', 'w2', 'b'] as const) await setField(l.field(name), '0');
      await l.button('Train to the end').click();
      await poll(() => l.status.innerText()).toContain('Converged after 6 epochs');
      expect(await l.epochs.innerText()).toBe('6');
    }
    // The final line of the η = 1 run: w = (2, 1), b = −2.
    expect([await l.field('w1').inputValue(), await l.field('w2').inputValue(), await l.field('b').inputValue()]).toEqual(['2', '1', '-2']);
    expectClean(collected);
    await close();
  });

  test('after Reset, the next Step replaces "Back to the starting state." at once, in the live region too', async () => {
    const { page, collected, close } = await openLab();
    const l = lab(page);
    expect(await l.status.getAttribute('aria-live')).toBe('polite');
    await l.button('Step').click();
    await l.root.getByRole('button', { name: 'Reset', exact: true }).click();
    await poll(() => l.status.innerText()).toBe('Back to the starting state.');
    await l.button('Step').click();
    // Well inside the message's 5 s: the status already describes the step.
    await poll(() => l.status.innerText(), 1_000).toBe('Epoch 1: input (0, 0) gave 1, target 0. Wrong, so the weights move.');
    await l.button('Step').click();
    await poll(() => l.status.innerText(), 1_000).toBe('Epoch 1: input (0, 1) gave 1, target 0. Wrong, so the weights move.');
    expectClean(collected);
    await close();
  });

  describe('on a phone with real touch events', () => {
    type Touch = Awaited<ReturnType<typeof touchLab>>;

    /** Opens the lab on a 390 px touch phone with the plane in the middle of the screen. */
    async function touchLab() {
      const opened = await openLab('', { touch: true, width: 390, height: 844 });
      const { page } = opened;
      const l = lab(page);
      const plane = l.root.locator('svg.plane');
      await plane.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
      // Wait until the page is still, so a scroll measured later is the gesture's own.
      let last = -1;
      await poll(async () => {
        const y = await page.evaluate(() => window.scrollY);
        const still = y === last;
        last = y;
        await nextFrames(page, 3);
        return still;
      }).toBe(true);
      const cdp = await page.context().newCDPSession(page);
      const box = (await plane.boundingBox())!;
      const state = async () => ({
        scrollY: await page.evaluate(() => window.scrollY),
        w1: await l.field('w1').inputValue(),
        w2: await l.field('w2').inputValue(),
        b: await l.field('b').inputValue(),
        line: await lineCoords(l.line),
      });
      /** One finger: down at `from`, optionally resting `holdMs`, then moving to `to` in steps, then up. */
      const gesture = async (from: [number, number], to: [number, number], holdMs = 0) => {
        const point = ([x, y]: [number, number]) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
        if (holdMs > 0) await page.waitForTimeout(holdMs);
        const steps = 12;
        for (let i = 1; i <= steps; i++) {
          const at: [number, number] = [from[0] + ((to[0] - from[0]) * i) / steps, from[1] + ((to[1] - from[1]) * i) / steps];
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(at) });
          await page.waitForTimeout(16);
        }
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await page.waitForTimeout(300);
        await nextFrames(page, 2);
      };
      return { ...opened, l, box, state, gesture };
    }

    test('the plane lets the page scroll: touch-action is set deliberately', async () => {
      const t: Touch = await touchLab();
      const touchAction = await t.l.root.locator('svg.plane').evaluate((el) => getComputedStyle(el).touchAction);
      expect(['manipulation', 'pan-y', 'pan-y pinch-zoom']).toContain(touchAction);
      expectClean(t.collected);
      await t.close();
    });

    test('a vertical swipe that starts on the plane scrolls the page and leaves the weights alone', async () => {
      const t: Touch = await touchLab();
      const before = await t.state();
      const x = t.box.x + t.box.width * 0.6;
      await t.gesture([x, t.box.y + t.box.height * 0.85], [x, t.box.y + t.box.height * 0.85 - 260]);
      const after = await t.state();
      expect(after.scrollY - before.scrollY).toBeGreaterThan(100);
      expect({ ...after, scrollY: 0 }).toEqual({ ...before, scrollY: 0 });
      expectClean(t.collected);
      await t.close();
    });

    test('a touch held still first, then dragged, moves the line and does not scroll', async () => {
      const t: Touch = await touchLab();
      const before = await t.state();
      const x = t.box.x + t.box.width * 0.6;
      const y = t.box.y + t.box.height * 0.5;
      await t.gesture([x, y], [x + 40, y - 90], 650);
      const after = await t.state();
      expect(Math.abs(after.scrollY - before.scrollY)).toBeLessThanOrEqual(1);
      expect(after.b).not.toBe(before.b);
      expect(after.line).not.toBe(before.line);
      // Dragging slides the line: the weights keep their values.
      expect([after.w1, after.w2]).toEqual([before.w1, before.w2]);
      expectClean(t.collected);
      await t.close();
    });
  });

  test('the neuron diagram’s labels render at 12 px or more on a 390 px phone', async () => {
    const { page, collected, close } = await openPage(PATH, { width: 390, height: 844, settle: false });
    const sizes = await page.locator('svg.neuron').evaluate((svg) =>
      Array.from(svg.querySelectorAll('text'), (text) => {
        const scale = (text as SVGGraphicsElement).getScreenCTM()?.a ?? 0;
        return { text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * scale };
      }),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(10);
    const small = sizes.filter((s) => s.px < 12);
    expect(small, 'labels smaller than 12 px').toEqual([]);
    expect(sizes.map((s) => s.text)).toContain('ŷ');
    expectClean(collected);
    await close();
  });
});
